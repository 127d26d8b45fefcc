-- Template: the rows batch $batch_id wrote.
delete from {table} where batch_id = $batch_id
