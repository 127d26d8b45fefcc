-- The data state a report shows: the newest active import batch.
select max(batch_id) from batches where status = 'active'
