-- Template: batches whose stored rows of {table} have the key of a row that batch $batch_id replaced or removed
-- (e.g. a later roster re-adding someone this batch removed from a snapshot): restoring would duplicate the key.
with undone as (
    select {key_cols}
    from {undo}
    where undo_batch_id = $batch_id
),

final as (
    select distinct t.batch_id
    from {table} as t
    inner join undone as s on {key_match_ts}
    where t.batch_id <> $batch_id
)

select * from final
