-- SPEC 4.3 task volume of one year in one pass (the `volume --json` shape), from the rows of volume_rows.sql
-- (spliced in place of the marker below). One output row per (section, group_key, period):
--   section 'all'    : the totals, group_key 'all', for the year, its quarters and its months;
--   section 'rollup' : each company with roll-up (a city counts in itself, its province and 總部; a province in
--                      itself and 總部), group_key = the company key, for the year, quarters and months; rows whose
--                      工號 is on no roster count in no company; with $scope_keys only the scope's companies;
--   sections 'category', 'item', 'mode', 'scope': the dimension's term as group_key (null = blank), year only.
-- Distinct counts over periods use a 12-bit month mask per activity and per person (as volume_by.sql): "in period
-- P" is a bit test. The term sections need only the year, so they are plain distinct counts (grouping sets).
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

slim as (
    select activity_key, employee_id, company_key, (1 << (month(date)::integer - 1))::integer as month_bit
    from base
),

expanded as (
    -- every row once for the totals, and once per company it rolls up to
    select 'all' as section, 'all' as group_key, activity_key, employee_id, month_bit from slim
    union all
    select 'rollup', t.target_key, s.activity_key, s.employee_id, s.month_bit
    from slim as s
    join targets as t on t.company_key = s.company_key
    where $scope_keys is null or t.target_key in (select unnest($scope_keys))
),

by_activity as (
    select section, group_key, bit_or(month_bit) as mask from expanded group by section, group_key, activity_key
),

by_person as (
    select section, group_key, bit_or(month_bit) as mask from expanded group by section, group_key, employee_id
),

by_month as (
    select section, group_key, month_bit, count(*) as rows from expanded group by section, group_key, month_bit
),

measures as (
    select a.section, a.group_key, p.period, count(*) as activities, 0 as person_times, 0 as distinct_participants
    from by_activity as a join periods as p on a.mask & p.month_mask <> 0
    group by a.section, a.group_key, p.period
    union all
    select b.section, b.group_key, p.period, 0, 0, count(*)
    from by_person as b join periods as p on b.mask & p.month_mask <> 0
    group by b.section, b.group_key, p.period
    union all
    select m.section, m.group_key, p.period, 0, sum(m.rows), 0
    from by_month as m join periods as p on m.month_bit & p.month_mask <> 0
    group by m.section, m.group_key, p.period
),

by_period as (
    select
        m.section, m.group_key, m.period, any_value(p.period_kind) as period_kind,
        any_value(p.period_start) as period_start,
        sum(m.activities) as activities, sum(m.person_times) as person_times,
        sum(m.distinct_participants) as distinct_participants
    from measures as m
    join periods as p using (period)
    group by m.section, m.group_key, m.period
),

by_term as (
    select
        case when grouping(category) = 0 then 'category' when grouping(item) = 0 then 'item'
            when grouping(mode) = 0 then 'mode' else 'scope' end as section,
        case when grouping(category) = 0 then category when grouping(item) = 0 then item
            when grouping(mode) = 0 then mode else scope end as group_key,
        count(distinct activity_key) as activities,
        count(*) as person_times,
        count(distinct employee_id) as distinct_participants
    from base
    group by grouping sets ((category), (item), (mode), (scope))
),

final as (
    select section, group_key, period, period_kind, period_start, activities, person_times, distinct_participants
    from by_period
    union all
    select section, group_key, $year_code, 'year', $year_start, activities, person_times, distinct_participants
    from by_term
)

select * from final
