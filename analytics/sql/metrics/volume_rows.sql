-- Walkthrough rows dated in [$start, $end] with the person's company, level and department (SPEC 4.3): the roster
-- row of that 工號 with the latest effective_date <= the walkthrough date, else the earliest one (roster_spans.sql).
-- 工號 not on any roster keep company_key null (they count in the totals only). $scope_keys null = every row.
with rows_in_range as (
    select activity_key, activity_id, employee_id, name, date, category, item, mode, scope, hours
    from walkthroughs
    where date between $start and $end
),

final as (
    /*include walks_with_company*/
)

select * from final
