-- Template: write every row of the file into {table} as the batch's own.
insert into {table} ({data_cols}, batch_id)
select {data_cols}, $batch_id
from changes
