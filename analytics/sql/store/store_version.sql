-- The store's content version (analytics/store/version.py): every commit that changes what a page shows adds or
-- rolls back a batch (imports, corrections --replaces, issue updates from the app), submits a report or migrates.
-- The audit log (sign-ins) and reminder runs are left out on purpose: they change no figure, and a sign-in must not
-- throw away every session's cached frames. The timestamps make the tuple exact even after a restore from backup
-- (a restored sequence hands out a batch id again, at a later time).
with batch_state as (
    select
        count(*) as batch_count,
        coalesce(max(batch_id), 0) as last_batch_id,
        count(*) filter (where status = 'rolled_back') as rollback_count,
        max(imported_at) as last_imported_at,
        max(rolled_back_at) as last_rolled_back_at
    from batches
),
report_state as (
    select count(*) as report_count, max(submitted_at) as last_submitted_at from report_submissions
),
schema_state as (
    select coalesce(max(version), 0) as schema_version, count(*) as migrations from schema_version
),
final as (
    select
        b.batch_count, b.last_batch_id, b.rollback_count, b.last_imported_at, b.last_rolled_back_at,
        r.report_count, r.last_submitted_at, s.schema_version, s.migrations
    from batch_state as b, report_state as r, schema_state as s
)
select * from final
