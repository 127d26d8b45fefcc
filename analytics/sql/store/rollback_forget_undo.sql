-- Template: undo rows exist only for active batches.
delete from {undo} where undo_batch_id = $batch_id
