-- Template: keep, in the undo log of batch $batch_id, every stored row of {table} that the batch re-writes
-- (updated rows, and unchanged rows which the batch re-tags as its own so an earlier batch cannot be rolled back
-- under it).
insert into {undo} (undo_batch_id, {cols})
select $batch_id, {t_cols}
from {table} as t
inner join changes as c on {key_match_tc}
