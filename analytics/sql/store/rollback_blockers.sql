-- Later active batches that stand on rows of batch $batch_id: they replaced or re-tagged a row the batch wrote
-- (their undo log holds it). Rolling back $batch_id under them would lose or resurrect data, so it is refused.
with held as (
    select undo_batch_id as batch_id from undo_roster where batch_id = $batch_id and undo_batch_id <> $batch_id
    union
    select undo_batch_id from undo_walkthroughs where batch_id = $batch_id and undo_batch_id <> $batch_id
    union
    select undo_batch_id from undo_issues where batch_id = $batch_id and undo_batch_id <> $batch_id
    union
    select undo_batch_id from undo_contacts where batch_id = $batch_id and undo_batch_id <> $batch_id
    union
    select undo_batch_id from undo_plans where batch_id = $batch_id and undo_batch_id <> $batch_id
),

final as (
    select distinct batch_id from held
)

select * from final
