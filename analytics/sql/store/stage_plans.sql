-- The plan rows of one file, typed as stored (SPEC 2.6). company_key/department_key were added in Python
-- (textnorm.match_key); period_start/period_end by the reader from 計畫期間. A blank 報備日期 means the import date.
with typed as (
    select
        cast(plan_id as varchar) as plan_id,
        cast(plan_kind as varchar) as plan_kind,
        cast(company as varchar) as company,
        cast(company_key as varchar) as company_key,
        nullif(cast(department as varchar), '') as department,
        nullif(cast(department_key as varchar), '') as department_key,
        nullif(cast(period as varchar), '') as period,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(planned_count as integer) as planned_count,
        nullif(cast(employee_id as varchar), '') as employee_id,
        cast(planned_on as date) as planned_on,
        nullif(cast(category as varchar), '') as category,
        nullif(cast(item as varchar), '') as item,
        nullif(cast(theme as varchar), '') as theme,
        nullif(cast(mode as varchar), '') as mode,
        nullif(cast(target_unit as varchar), '') as target_unit,
        coalesce(cast(needs_support as boolean), false) as needs_support,
        coalesce(cast(filed_on as date), cast($import_date as date)) as filed_on,
        cast(_row as integer) as source_row,
        cast(_sheet as varchar) as source_sheet
    from incoming
),

final as (
    select * from typed
)

select * from final
