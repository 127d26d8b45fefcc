-- Company plan lines of SPEC 2.6 (年度計畫 / 階段計畫) whose 計畫期間 overlaps [$start, $end], known as of $as_of
-- (filed_on <= $as_of: a plan filed later did not exist yet, SPEC 4.5). $scope_keys null = every company.
-- Read by plans.plan_filed (PLAN-FILED coverage of the year, worked out in Python over these few rows).
with lines as (
    select
        plan_id, plan_kind, company_key, company, department, department_key, period, period_start, period_end,
        planned_count, filed_on
    from plans
    where plan_kind in (/*schema.company_plan_kinds*/)
        and filed_on <= $as_of
        and period_start <= $end
        and period_end >= $start
        and ($scope_keys is null or company_key in (select unnest($scope_keys)))
),

final as (
    select * from lines
)

select * from final
order by company_key, filed_on, plan_id
