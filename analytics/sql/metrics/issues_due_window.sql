-- Reminders (SPEC 9): open issues of one owner company whose 計畫完成日期 is before $as_of (overdue) or within
-- the next $window_days days, from issues_base.sql (spliced in place of the marker below), soonest first.
-- The owner department is compared by the caller (match_key of 責任部門).
with base as (
    /*issues_base*/
),

final as (
    select
        issue_id, raised_on, due_on, due_on - $as_of as days_left, is_overdue, status, category,
        owner_label as owner_company, owner_department, description, progress, work_order_id
    from base
    where not is_closed
        and due_on is not null
        and due_on <= $as_of + cast($window_days as integer)
        and owner_key = $company_key
)

select * from final
order by due_on, issue_id
