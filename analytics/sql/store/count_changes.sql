with per_change as (
    select change, count(*) as n
    from changes
    group by change
),

final as (
    select * from per_change
)

select * from final
