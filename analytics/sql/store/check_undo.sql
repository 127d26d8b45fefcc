-- Template: undo rows kept for a batch that is not active (they are dropped when the batch is rolled back).
with active as (
    select batch_id from batches where status = 'active'
),

final as (
    select count(*) as stale_rows
    from {undo} as u
    anti join active as a on u.undo_batch_id = a.batch_id
)

select * from final
