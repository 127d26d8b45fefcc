-- The roster rows of one file, typed as stored. company_key/parent_key/department_key were added in Python
-- (textnorm.match_key on unique names). A blank effective_date means the import date (SPEC 2.1).
with typed as (
    select
        cast(company as varchar) as company,
        cast(company_key as varchar) as company_key,
        coalesce(cast(effective_date as date), cast($import_date as date)) as effective_date,
        cast(employee_id as varchar) as employee_id,
        cast(name as varchar) as name,
        cast(level as varchar) as level,
        nullif(cast(parent_company as varchar), '') as parent_company,
        nullif(cast(parent_key as varchar), '') as parent_key,
        cast(department as varchar) as department,
        cast(department_key as varchar) as department_key,
        coalesce(cast(department_type as varchar), '其他部門') as department_type,
        cast(rank as varchar) as rank,
        cast(_row as integer) as source_row,
        cast(_sheet as varchar) as source_sheet
    from incoming
),

final as (
    select * from typed
)

select * from final
