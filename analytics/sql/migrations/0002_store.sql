-- Owned by the store (analytics/store). Adds the undo log that makes rollback exact (SPEC 2.5: "rolling back
-- restores what it replaced") and the audit log that analytics.store.audit.record() writes (used by analytics/auth).
--
-- batches.status: active | rolled_back | rejected. A rejected file (file-level error, strict mode, or no valid row)
-- gets a batch row with status 'rejected' and its messages, so the batches page lists it; it writes no data rows.
--
-- undo_<table> holds, per batch (undo_batch_id), every row the batch replaced, deleted or re-tagged, exactly as it
-- was before the batch (including its own batch_id). Rows of <table> with batch_id = B are the rows batch B wrote.
-- Rolling back B: delete <table> rows with batch_id = B, re-insert undo rows with undo_batch_id = B. Undo rows exist
-- only for active batches (they are deleted when their batch is rolled back).

create table undo_roster as select cast(null as integer) as undo_batch_id, * from roster limit 0;
create table undo_walkthroughs as select cast(null as integer) as undo_batch_id, * from walkthroughs limit 0;
create table undo_issues as select cast(null as integer) as undo_batch_id, * from issues limit 0;

create table audit_log (
    "at" timestamp not null,  -- quoted: AT is a keyword in DuckDB 2.0
    actor varchar not null,
    action varchar not null,
    detail json
);
