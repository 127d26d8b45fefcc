-- SPEC 4.4 overdue list: open issues whose 計畫完成日期 is before $as_of, from issues_base.sql (spliced in place
-- of the marker below), most overdue first.
with base as (
    /*issues_base*/
),

final as (
    select
        issue_id, raised_on, due_on, $as_of - due_on as days_overdue, status, kind, category,
        owner_label as owner_company, owner_department, raised_by, description, progress, work_order_id
    from base
    where is_overdue
)

select * from final
order by due_on, issue_id
