-- The last reminder runs, newest first (系統管理).
select run_id, started_at, finished_at, run_by, as_of, mode, messages, sent, skipped, failed, failures
from reminder_runs
order by started_at desc, run_id desc
limit $limit
