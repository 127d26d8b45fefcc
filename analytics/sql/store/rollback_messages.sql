-- The warnings of a rolled-back batch no longer describe stored rows (the data-quality page reads this table).
delete from import_messages where batch_id = $batch_id
