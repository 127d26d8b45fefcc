-- SPEC 2.5 / 9: one history entry per issue whose 狀態, 最新進展 or 計畫完成日期 the file changes (old status null
-- when the issue first arrives), dated by the import, with the progress note and due date it brought. Runs before
-- the issues are replaced so the stored row is still the old one.
insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id, note, due_on)
with transitions as (
    select s.issue_id, t.status as old_status, s.status as new_status, s.progress as note, s.due_on
    from stage as s
    left join issues as t on s.issue_id = t.issue_id
    where t.issue_id is null
        or t.status is distinct from s.status
        or t.progress is distinct from s.progress
        or t.due_on is distinct from s.due_on
),

final as (
    select
        issue_id, old_status, new_status, cast($changed_at as timestamp) as changed_at, $batch_id as batch_id, note,
        due_on
    from transitions
)

select * from final
