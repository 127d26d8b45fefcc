-- The people a lead department may open in the walker view: 工號 equal to $text, or a name containing it, among
-- the latest snapshot rows of the companies in $scope_keys (null = every company); at most $limit, by 工號.
with latest as (
    /*include company_latest*/
),

people as (
    select employee_id, name, company, department, rank
    from latest
    where ($scope_keys is null or company_key in (select unnest($scope_keys)))
        and (employee_id = $text or contains(name, $text))
),

final as (
    select distinct employee_id, name, company, department, rank
    from people
    order by employee_id, company
    limit $limit
)

select * from final
