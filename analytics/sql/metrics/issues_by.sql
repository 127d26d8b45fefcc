-- SPEC 4.4 counts by one dimension ($dimension allow-listed in analytics/metrics/issues.py: category,
-- owner_company, owner_department, status, kind) from issues_base.sql (spliced in place of the marker).
with base as (
    /*issues_base*/
),

keyed as (
    select
        *,
        case $dimension
            when 'category' then category
            when 'owner_company' then coalesce(owner_key, '')
            when 'owner_department' then coalesce(owner_key, '') || '|' || coalesce(trim(owner_department), '')
            when 'status' then status
            when 'kind' then kind
        end as group_key
    from base
),

final as (
    select
        group_key,
        mode(owner_label) as owner_company,
        mode(nullif(trim(owner_department), '')) as owner_department,
        bool_and(category_is_standard) as is_standard,
        count(*) as total,
        count(*) filter (where is_closed) as closed,
        count(*) filter (where not is_closed) as open,
        count(*) filter (where is_overdue) as overdue
    from keyed
    group by group_key
)

select * from final
order by total desc, group_key
