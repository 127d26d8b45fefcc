with entries as (
    select "at", actor, action, cast(detail as varchar) as detail
    from audit_log
),

final as (
    select * from entries order by "at" desc
)

select * from final
