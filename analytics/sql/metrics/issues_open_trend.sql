-- SPEC 2.5 / 4.4: the number of issues open at the end of each period, from issue_status_history. An issue's
-- status at a moment is the new_status of its latest history row changed at or before that moment; it counts
-- from its first history row on. Period ends ($end_dates) are inclusive days: a change on the day counts.
-- Two changes with the same changed_at are taken in import order (batch_id): the later import's status holds.
-- Scope: issues of issues_base.sql as of the last period end (spliced in place of the marker below).
with base as (
    /*issues_base*/
),

ends as (
    select unnest($period_codes) as period, unnest($end_dates)::date as period_end
),

intervals as (
    select
        h.issue_id,
        h.new_status,
        h.changed_at as valid_from,
        coalesce(lead(h.changed_at) over (partition by h.issue_id order by h.changed_at, h.batch_id), timestamp '9999-12-31')
            as valid_to
    from issue_status_history as h
    where h.issue_id in (select issue_id from base)
),

final as (
    select
        e.period,
        e.period_end,
        count(i.issue_id) filter (where i.new_status not in ('已解決', '已關閉')) as open,
        count(i.issue_id) filter (where i.new_status in ('已解決', '已關閉')) as closed,
        count(i.issue_id) as known
    from ends as e
    left join intervals as i
        on i.valid_from < (e.period_end + 1)::timestamp and i.valid_to >= (e.period_end + 1)::timestamp
    group by e.period, e.period_end
)

select * from final
order by period_end
