-- An issue's state as of a day (SPEC 4.5), for each (issue, day) pair of the including query's CTE `asked`
-- (issue_id, day, status, resolved_on, due_on: the issue's current row). Included (sqlfiles.load_sql) as the CTE
-- `state` of issues_base (one day: the as-of date) and issues_open_trend (one day per period end), so the issues
-- page, the overview, the briefing and the trend apply one rule:
--   closed as of D = 解決日期 <= D for an issue whose current status is closed and that has a 解決日期; otherwise the
--     last status recorded on or before D (issue_status_history, entries up to the end of day D; same time: the
--     later import) is closed - for a blank 解決日期 that is "the closed status was first recorded on or before D".
--     An issue that has no history entry at all (a store filled by other means) is judged by its current status.
--   status as of D = the last status recorded on or before D, when it agrees with closed/open above; a closed issue
--     whose closure was reported later takes its current (closed) status; an open one with no open status recorded
--     by D (raised before D, first imported after it) is 待處理.
--   due date as of D = the last 計畫完成日期 recorded on or before D (entries carry it since migration 0006), else
--     the current one; 解決日期 as of D = the 解決日期 when the issue is closed as of D and it is on or before D.
-- Why intervals and not one aggregate per day: the trend asks for 12-52 days per issue; one window over the history
-- and a range join serve every day at once (the trend's own approach before this file). No sentinel end date:
-- callers ask as of 9999-12-31 for "the stored state" (analytics/store/issue_updates.py), past any sentinel.
-- The closed statuses (已解決, 已關閉) and the open one (待處理) are analytics/schema.py's, written in by
-- sqlfiles.load_sql in place of the schema markers below.
with intervals as (
    select
        h.issue_id,
        h.new_status,
        h.changed_at as valid_from,
        lead(h.changed_at) over w as valid_to,  -- null: the latest entry, valid for every later day
        last_value(h.due_on ignore nulls) over (w rows between unbounded preceding and current row) as due_known
    from issue_status_history as h
    where h.issue_id in (select issue_id from asked)
    window w as (partition by h.issue_id order by h.changed_at, h.batch_id)
),

with_history as (
    select distinct issue_id from intervals
),

recorded as (
    select
        a.issue_id,
        a.day,
        a.status as current_status,
        a.resolved_on as current_resolved_on,
        a.due_on as current_due_on,
        wh.issue_id is not null as has_history,
        i.new_status as status_then,
        i.due_known as due_then
    from asked as a
    left join with_history as wh on wh.issue_id = a.issue_id
    left join intervals as i
        on i.issue_id = a.issue_id
        and i.valid_from < (a.day + 1)::timestamp
        and (i.valid_to is null or i.valid_to >= (a.day + 1)::timestamp)
),

judged as (
    select
        *,
        case
            when current_status in (/*schema.closed_statuses*/) and current_resolved_on is not null
                then current_resolved_on <= day
            when not has_history then current_status in (/*schema.closed_statuses*/)
            else coalesce(status_then in (/*schema.closed_statuses*/), false)
        end as closed_then
    from recorded
),

final as (
    select
        issue_id,
        day,
        closed_then as is_closed,
        case
            when closed_then and status_then in (/*schema.closed_statuses*/) then status_then
            when closed_then then current_status
            when status_then not in (/*schema.closed_statuses*/) then status_then
            when not has_history then current_status
            else /*schema.open_status*/
        end as status,
        case when has_history then coalesce(due_then, current_due_on) else current_due_on end as due_on,
        case when closed_then and current_resolved_on <= day then current_resolved_on end as resolved_on
    from judged
)

select * from final
