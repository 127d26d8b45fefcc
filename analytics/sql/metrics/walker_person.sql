-- One person (工號) as the roster shows them as of $as_of: the latest snapshot dated on or before $as_of, else the
-- earliest (SPEC 4.2-4.5), and only when that row's company lies in $scope_keys (null = every company). A tie (the
-- 工號 on two companies' snapshots of one date) goes to the smaller company_key, as in roster_spans.sql.
with rows_of_person as (
    select
        employee_id, name, company, company_key, level, parent_company, department, department_key, department_type,
        rank, effective_date
    from roster
    where employee_id = $employee_id
),

chosen as (
    select *
    from rows_of_person
    order by
        effective_date <= $as_of desc,
        case when effective_date <= $as_of then effective_date end desc nulls last,
        effective_date,
        company_key
    limit 1
),

final as (
    select * from chosen
    where $scope_keys is null or company_key in (select unnest($scope_keys))
)

select * from final
