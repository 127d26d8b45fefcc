-- How many plans a scope holds, by kind (the 計畫 page shows what to upload while there are none).
-- $scope_keys null = every company.
with scoped as (
    select plan_kind
    from plans
    where $scope_keys is null or company_key in (select unnest($scope_keys))
),

final as (
    select
        count(*) filter (where plan_kind in (/*schema.company_plan_kinds*/)) as company_lines,
        count(*) filter (where plan_kind = /*schema.individual_plan_kind*/) as individual
    from scoped
)

select * from final
