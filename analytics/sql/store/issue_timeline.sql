-- The history of one issue, oldest first (in commit order): each entry with when, who (the batch's importer or the app user),
-- where from (import | app), the status change, the progress note and the due date it brought.
with entries as (
    select
        h.changed_at, h.batch_id, h.old_status, h.new_status, h.note, h.due_on,
        b.imported_by as changed_by, coalesce(b.source, 'import') as source, b.file_name
    from issue_status_history as h
    left join batches as b using (batch_id)
    where h.issue_id = $issue_id
),

final as (
    select * from entries order by batch_id, changed_at  -- commit order: a batch id only grows
)

select * from final
