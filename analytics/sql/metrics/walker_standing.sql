-- The quota units (rule × company × department × period, SPEC 4.1) whose population holds $employee_id, with
-- whether the person has counted there by $as_of (quota_base.sql spliced in place of the marker below; $scope_keys
-- is the person's company, so only its rows are evaluated).
with base as (
    /*quota_base*/
),

final as (
    select rule, company_key, company, department_key, department, period, period_kind, period_start, period_end,
        counted
    from base
    where employee_id = $employee_id
)

select * from final
