-- SPEC 4.4 / 4.5: the number of issues open at the end of each period ($end_dates, inclusive days). An issue counts
-- at a period end once it was raised (提出日期 <= that day); whether it is open then is issue_state.sql's rule for
-- that day, the same rule the figures as of a date use, so the trend's last point equals the open issues of the
-- issues page as of that day. Scope: issues of issues_base.sql as of the last period end (spliced in place of the
-- marker below; each issue's scope company does not depend on the day).
with base as (
    /*issues_base*/
),

ends as (
    select unnest($period_codes) as period, unnest($end_dates)::date as period_end
),

asked as (
    select
        b.issue_id, e.period_end as day, b.current_status as status, b.current_resolved_on as resolved_on,
        b.current_due_on as due_on
    from base as b
    inner join ends as e on b.raised_on <= e.period_end
),

state as (
    /*include issue_state*/
),

final as (
    select
        e.period,
        e.period_end,
        count(s.issue_id) filter (where not s.is_closed) as open,
        count(s.issue_id) filter (where s.is_closed) as closed,
        count(s.issue_id) as known
    from ends as e
    left join state as s on s.day = e.period_end
    group by e.period, e.period_end
)

select * from final
order by period_end
