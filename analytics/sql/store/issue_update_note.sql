-- An app update always leaves one history entry, even when the 狀態 stays (a progress note, a new due date):
-- the import path wrote one only if something changed; this adds it otherwise, carrying the note and due date.
insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id, note, due_on)
select $issue_id, $status, $status, cast($changed_at as timestamp), $batch_id, $note, $due_on
where not exists (select 1 from issue_status_history where batch_id = $batch_id)
