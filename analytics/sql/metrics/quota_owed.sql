-- SPEC 4.1 drill-down: the population members of one rule and period (quota_base.sql spliced in place of the
-- marker below) whose counted flag equals $qualified; $department_key null = every department. Filtering here
-- keeps the national population (hundreds of thousands of members) out of Python.
with base as (
    /*quota_base*/
),

final as (
    select
        employee_id, name, company_key, company, member_department as department, department_key, rank, rule, period
    from base
    where employee_id is not null
        and counted = $qualified
        and ($department_key is null or department_key = $department_key)
)

select * from final
