-- One stored issue with the company it belongs to for scoping (issues_base.sql's rule: the owner company on the
-- roster, else the raiser's company), for the progress form's permission check. $as_of is the last day there is.
-- The stored row's status, due date and 解決日期 (current_*), not the state as of a date: the update compares with
-- and starts from what is stored, even when an app update was dated before the latest import (SPEC 4.5 states are
-- for figures).
with base as (
    /*issues_base*/
),

final as (
    select * replace (current_status as status, current_due_on as due_on, current_resolved_on as resolved_on)
    from base
    where issue_id = $issue_id
)

select * from final
