-- Issue #11 item 7: a file that corrects an earlier import (`import FILE --replaces BATCH`, the upload page's
-- "corrects an earlier import") rolls that batch back and is imported in the same transaction; the new batch
-- records which batch it replaced, so 匯入紀錄 can say so.
alter table batches add column replaces_batch integer;
