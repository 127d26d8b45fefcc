-- The app update's entry carries the note as typed (the issue row keeps it as 最新進展 too).
update issue_status_history
set note = $note, due_on = $due_on
where batch_id = $batch_id and issue_id = $issue_id
