-- A reminder run begins: recorded before anything is sent, so a crash still leaves its row (finished_at null).
insert into reminder_runs (run_id, started_at, run_by, as_of, mode, messages, sent, skipped, failed, failures)
values ($run_id, $started_at, $run_by, $as_of, $mode, $messages, 0, 0, 0, '[]')
