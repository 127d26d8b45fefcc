-- Template: keys that occur more than once among the staged rows of {table}. The reader rejects such rows
-- (SPEC 2.1-2.3 uniqueness within a file), so this is a guard, normally 0.
with per_key as (
    select {key_cols}
    from stage
    group by all
    having count(*) > 1
),

final as (
    select count(*) as duplicate_keys from per_key
)

select * from final
