-- The issue rows of one file, typed as stored. owner_company_key was added in Python (match_key).
with typed as (
    select
        cast(issue_id as varchar) as issue_id,
        nullif(cast(activity_id as varchar), '') as activity_id,
        nullif(cast(raised_by as varchar), '') as raised_by,
        cast(raised_on as date) as raised_on,
        coalesce(cast(kind as varchar), '問題') as kind,
        coalesce(nullif(cast(category as varchar), ''), '其他') as category,
        coalesce(cast(category_is_standard as boolean), true) as category_is_standard,
        cast(description as varchar) as description,
        nullif(cast(owner_company as varchar), '') as owner_company,
        nullif(cast(owner_company_key as varchar), '') as owner_company_key,
        nullif(cast(owner_department as varchar), '') as owner_department,
        cast(status as varchar) as status,
        cast(due_on as date) as due_on,
        cast(resolved_on as date) as resolved_on,
        nullif(cast(progress as varchar), '') as progress,
        nullif(cast(work_order_id as varchar), '') as work_order_id,
        cast(_row as integer) as source_row,
        cast(_sheet as varchar) as source_sheet
    from incoming
),

final as (
    select * from typed
)

select * from final
