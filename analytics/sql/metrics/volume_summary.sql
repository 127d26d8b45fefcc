-- SPEC 4.3 task volume of one year in one pass (the `volume --json` shape), over the rows of the year with the
-- person's company (roster_spans.sql, as in volume_rows.sql). One output row per (section, group_key, period):
--   section 'all'    : the totals, group_key 'all', for the year, its quarters and its months;
--   section 'rollup' : each company with roll-up (a city counts in itself, its province and 總部; a province in
--                      itself and 總部), group_key = the company key, for the year, quarters and months; rows whose
--                      工號 is on no roster count in no company; with $scope_keys only the scope's companies;
--   sections 'category', 'item', 'mode', 'scope': the dimension's term as group_key (null = blank), year only.
-- Distinct counts over periods use a 12-bit month mask per activity and per person (as volume_counts.sql): "in
-- period P" is a bit test. The term sections need only the year, so they are plain distinct counts (grouping sets).
with rows_in_range as (
    select activity_key, employee_id, date, category, item, mode, scope
    from walkthroughs
    where date between $start and $end
),

base as (
    /*include walks_with_company*/
),

periods as (
    /*include period_masks*/
),

targets as (
    /*include rollup_targets*/
),

slim as materialized (
    -- the rows reduced to what the counts need; computed once, read by every section below
    select activity_key, employee_id, company_key, category, item, mode, scope,
        (1 << (month(date)::integer - 1))::integer as month_bit
    from base
),

in_scope_targets as (
    select company_key, target_key
    from targets
    where $scope_keys is null or target_key in (select unnest($scope_keys))
),

company_activity as (
    -- months of each activity within each company; a roll-up target ORs the masks of its companies
    select company_key, activity_key, bit_or(month_bit) as mask
    from slim where company_key is not null group by company_key, activity_key
),

company_person as (
    select company_key, employee_id, bit_or(month_bit) as mask
    from slim where company_key is not null group by company_key, employee_id
),

company_month as (
    select company_key, month_bit, count(*) as rows
    from slim group by company_key, month_bit
),

masks as (
    select 'all' as section, 'all' as group_key, 'a' as what, bit_or(month_bit) as mask
    from slim group by activity_key
    union all
    select 'all', 'all', 'p', bit_or(month_bit) from slim group by employee_id
    union all
    select 'rollup', t.target_key, 'a', bit_or(c.mask)
    from company_activity as c join in_scope_targets as t using (company_key)
    group by t.target_key, c.activity_key
    union all
    select 'rollup', t.target_key, 'p', bit_or(c.mask)
    from company_person as c join in_scope_targets as t using (company_key)
    group by t.target_key, c.employee_id
),

month_rows as (
    select 'all' as section, 'all' as group_key, month_bit, sum(rows) as rows from company_month group by month_bit
    union all
    select 'rollup', t.target_key, c.month_bit, sum(c.rows)
    from company_month as c join in_scope_targets as t using (company_key)
    group by t.target_key, c.month_bit
),

mask_counts as (
    -- how many activities / people of a group share each month mask (a few dozen masks per group): the bit
    -- test against the 17 periods then runs on these counts, not on every activity and person
    select section, group_key, what, mask, count(*) as n from masks group by section, group_key, what, mask
),

measures as (
    select m.section, m.group_key, p.period,
        coalesce(sum(m.n) filter (where m.what = 'a'), 0) as activities, 0 as person_times,
        coalesce(sum(m.n) filter (where m.what = 'p'), 0) as distinct_participants
    from mask_counts as m join periods as p on m.mask & p.month_mask <> 0
    group by m.section, m.group_key, p.period
    union all
    select r.section, r.group_key, p.period, 0, sum(r.rows), 0
    from month_rows as r join periods as p on r.month_bit & p.month_mask <> 0
    group by r.section, r.group_key, p.period
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

term_activity as (
    -- the sections of one term each are for the whole year: distinct (term, activity) and (term, person) pairs,
    -- one grouping set per term column (grouping() tells which: 7 category, 11 item, 13 mode, 14 scope)
    select category, item, mode, scope, grouping(category, item, mode, scope) as g, count(*) as rows
    from slim
    group by grouping sets ((category, activity_key), (item, activity_key), (mode, activity_key), (scope, activity_key))
),

term_person as (
    select category, item, mode, scope, grouping(category, item, mode, scope) as g
    from slim
    group by grouping sets ((category, employee_id), (item, employee_id), (mode, employee_id), (scope, employee_id))
),

term_counts as (
    select g, category, item, mode, scope, count(*) as activities, sum(rows) as person_times,
        0 as distinct_participants
    from term_activity
    group by all
    union all
    select g, category, item, mode, scope, 0, 0, count(*)
    from term_person
    group by all
),

by_term as (
    select
        case g when 7 then 'category' when 11 then 'item' when 13 then 'mode' else 'scope' end as section,
        case g when 7 then category when 11 then item when 13 then mode else scope end as group_key,
        sum(activities) as activities,
        sum(person_times) as person_times,
        sum(distinct_participants) as distinct_participants
    from term_counts
    group by all
),

final as (
    select section, group_key, period, period_kind, period_start, activities, person_times, distinct_participants
    from by_period
    union all
    select section, group_key, $year_code, 'year', $year_start, activities, person_times, distinct_participants
    from by_term
)

select * from final
