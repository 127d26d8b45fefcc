-- Open issues owned by one company as of $as_of (issues_base.sql spliced in place of the marker below), for a
-- department's work list; the department is matched in Python (match_key), most overdue first.
with base as (
    /*issues_base*/
),

final as (
    select issue_id, raised_on, due_on, status, category, description, owner_department, progress, is_overdue
    from base
    where owner_key = $company_key and not is_closed
    order by is_overdue desc, due_on nulls last, issue_id
)

select * from final
