-- History rows of an issue that is not stored, or of a batch that is not active.
with active as (
    select batch_id from batches where status = 'active'
),

final as (
    select count(*) as orphan_rows
    from issue_status_history as h
    where not exists (select 1 from issues as i where i.issue_id = h.issue_id)
        or not exists (select 1 from active as a where a.batch_id = h.batch_id)
)

select * from final
