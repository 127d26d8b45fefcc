-- The issues a person raised (提出人工號 = $employee_id) up to $as_of, inside $scope_keys, with their state as of
-- that date (issues_base.sql spliced in place of the marker below), newest first.
with base as (
    /*issues_base*/
),

final as (
    select
        issue_id, activity_id, raised_on, kind, category, description, owner_label as owner_company,
        owner_department, status, due_on, resolved_on, progress, is_closed, is_overdue,
        case when is_closed then days_to_close else age_days end as days
    from base
    where raised_by = $employee_id
    order by raised_on desc, issue_id
)

select * from final
