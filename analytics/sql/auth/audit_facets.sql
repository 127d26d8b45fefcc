-- The actors and actions present in the audit log, for the admin page's filters.
with actors as (
    select distinct 'actor' as facet, actor as value from audit_log
),

actions as (
    select distinct 'action' as facet, action as value from audit_log
),

final as (
    select * from actors
    union all
    select * from actions
    order by facet, value
)

select * from final
