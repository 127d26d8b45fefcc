-- A reminder run's outcome.
update reminder_runs
set finished_at = $finished_at, sent = $sent, skipped = $skipped, failed = $failed, failures = $failures
where run_id = $run_id
