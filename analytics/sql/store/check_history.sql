-- Issues whose stored status is not the last status of their history (or that have no history at all).
with last_status as (
    select issue_id, arg_max(new_status, batch_id) as new_status
    from issue_status_history
    group by issue_id
),

final as (
    select count(*) as inconsistent
    from issues as i
    left join last_status as h on i.issue_id = h.issue_id
    where h.new_status is distinct from i.status
)

select * from final
