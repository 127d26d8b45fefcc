-- The log rows of one file, typed as stored; defaults of SPEC 2.2 applied should the reader have left them blank.
with typed as (
    select
        cast(activity_key as varchar) as activity_key,
        cast(employee_id as varchar) as employee_id,
        nullif(cast(activity_id as varchar), '') as activity_id,
        nullif(cast(name as varchar), '') as name,
        cast(date as date) as date,
        cast(category as varchar) as category,
        nullif(cast(item as varchar), '') as item,
        nullif(cast(theme as varchar), '') as theme,
        coalesce(cast(mode as varchar), '個人穿越') as mode,
        coalesce(cast(scope as varchar), '本地') as scope,
        nullif(cast(target_unit as varchar), '') as target_unit,
        cast(hours as double) as hours,
        coalesce(cast(needs_support as boolean), false) as needs_support,
        cast(notified_on as date) as notified_on,
        cast(summary_on as date) as summary_on,
        cast(copy_sent as boolean) as copy_sent,
        cast(issues_raised as integer) as issues_raised,
        nullif(cast(note as varchar), '') as note,
        cast(_row as integer) as source_row,
        cast(_sheet as varchar) as source_sheet
    from incoming
),

final as (
    select * from typed
)

select * from final
