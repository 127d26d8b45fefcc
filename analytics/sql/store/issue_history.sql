-- SPEC 2.5: every change of an issue's 狀態 is kept (old status null when the issue first arrives), dated by the
-- import. Runs before the issues are replaced so the stored status is still the old one.
insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id)
with transitions as (
    select s.issue_id, t.status as old_status, s.status as new_status
    from stage as s
    left join issues as t on s.issue_id = t.issue_id
    where t.status is distinct from s.status
),

final as (
    select issue_id, old_status, new_status, cast($changed_at as timestamp) as changed_at, $batch_id as batch_id
    from transitions
)

select * from final
