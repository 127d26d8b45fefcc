-- Template: keys of {table} stored more than once (SPEC 2.5 "never double counts").
with per_key as (
    select {key_cols}, count(*) as n
    from {table}
    group by all
    having count(*) > 1
),

final as (
    select count(*) as duplicate_keys from per_key
)

select * from final
