-- The people a lead department may open in the walker view: 工號 equal to $text, or a name containing it, among
-- the latest snapshot rows of the companies in $scope_keys (null = every company); at most $limit, by 工號.
with latest as (
    select company_key, max(effective_date) as effective_date
    from roster
    where $scope_keys is null or company_key in (select unnest($scope_keys))
    group by company_key
),

people as (
    select r.employee_id, r.name, r.company, r.department, r.rank
    from roster as r
    join latest as l using (company_key, effective_date)
    where r.employee_id = $text or contains(r.name, $text)
),

final as (
    select distinct employee_id, name, company, department, rank
    from people
    order by employee_id, company
    limit $limit
)

select * from final
