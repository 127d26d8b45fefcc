-- SPEC 4.3 task volume per company with roll-up (a city counts in itself, its province and 總部; a province in
-- itself and 總部), by period, from the rows of volume_rows.sql (spliced in place of the marker below). Rows whose
-- 工號 is on no roster count in no company. All periods lie in one calendar year; distinct counts use month masks
-- as in volume_by.sql.
with base as (
    /*volume_rows*/
),

periods as (
    select
        unnest($period_codes) as period,
        unnest($period_kinds) as period_kind,
        unnest($period_starts)::date as period_start,
        ((1 << month(unnest($period_ends)::date)::integer) - (1 << (month(unnest($period_starts)::date)::integer - 1)))
            ::integer as month_mask
),

companies as (
    select company_key, arg_max(level, effective_date) as level, arg_max(parent_key, effective_date) as parent_key
    from roster
    group by company_key
),

targets as (
    select company_key, company_key as target_key from companies
    union
    select c.company_key, c.parent_key
    from companies as c
    join companies as parent on parent.company_key = c.parent_key
    where c.level = '地市公司'
    union
    select c.company_key, hq.company_key
    from companies as c
    cross join (select company_key from companies where level = '總部') as hq
),

grouped as (
    select
        t.target_key as group_key, t.target_key as company_key, null::varchar as department, b.activity_key,
        b.employee_id, (1 << (month(b.date)::integer - 1))::integer as month_bit
    from base as b
    join targets as t on t.company_key = b.company_key
    where $scope_keys is null or t.target_key in (select unnest($scope_keys))
),

by_activity as (
    select group_key, bit_or(month_bit) as mask from grouped group by group_key, activity_key
),

by_person as (
    select group_key, bit_or(month_bit) as mask from grouped group by group_key, employee_id
),

mask_counts as (
    -- how many activities / people of a group share each month mask (a few dozen per group): the bit test
    -- against the periods runs on these counts instead of on every activity and person
    select group_key, 'a' as what, mask, count(*) as n from by_activity group by group_key, mask
    union all
    select group_key, 'p', mask, count(*) from by_person group by group_key, mask
),

by_month as (
    select group_key, month_bit, count(*) as rows, any_value(company_key) as company_key,
        any_value(department) as department
    from grouped
    group by group_key, month_bit
),

measures as (
    select a.group_key, p.period,
        coalesce(sum(a.n) filter (where a.what = 'a'), 0)::bigint as activities, 0::bigint as person_times,
        coalesce(sum(a.n) filter (where a.what = 'p'), 0)::bigint as distinct_participants,
        null as company_key, null as department
    from mask_counts as a join periods as p on a.mask & p.month_mask <> 0
    group by a.group_key, p.period
    union all
    select m.group_key, p.period, 0, sum(m.rows)::bigint, 0, any_value(m.company_key), any_value(m.department)
    from by_month as m join periods as p on m.month_bit & p.month_mask <> 0
    group by m.group_key, p.period
),

final as (
    select
        m.group_key,
        any_value(m.company_key) as company_key,
        any_value(m.department) as department,
        m.period,
        any_value(p.period_kind) as period_kind,
        any_value(p.period_start) as period_start,
        sum(m.activities) as activities,
        sum(m.person_times) as person_times,
        sum(m.distinct_participants) as distinct_participants
    from measures as m
    join periods as p using (period)
    group by m.group_key, m.period
)

select * from final
