-- Template: the rows batch $batch_id replaced or removed, exactly as they were.
insert into {table} ({cols})
select {cols}
from {undo}
where undo_batch_id = $batch_id
