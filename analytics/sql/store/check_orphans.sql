-- Template: rows of {table} whose batch is missing or not active (every stored row belongs to an active batch).
with active as (
    select batch_id from batches where status = 'active'
),

final as (
    select count(*) as orphan_rows
    from {table} as t
    anti join active as a on t.batch_id = a.batch_id
)

select * from final
