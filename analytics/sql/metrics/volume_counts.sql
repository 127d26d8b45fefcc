-- SPEC 4.3 activities, person-times and distinct participants per (group_key, period): the counting part of
-- volume_by.sql and volume_rollup.sql, which include it (sqlfiles.load_sql) after defining the CTEs
--   grouped (group_key, company_key, department, activity_key, employee_id, month_bit): one row per walkthrough row
--           and group it counts in, month_bit = 1 << (month - 1);
--   periods (period, period_kind, period_start, month_mask): all in one calendar year (period_masks.sql).
-- Distinct counts without a range join or a distinct over (row x period): each activity and each person gets a
-- 12-bit mask of the months it appears in; "in period P" is then a bit test against P's month mask.
with by_activity as (
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
