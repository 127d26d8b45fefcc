delete from issue_status_history where batch_id = $batch_id
