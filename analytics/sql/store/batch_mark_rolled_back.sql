update batches
set status = 'rolled_back', rolled_back_at = $at, rolled_back_by = $user
where batch_id = $batch_id
