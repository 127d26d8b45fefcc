-- The contact rows of one file, typed as stored (SPEC 2.7). company_key/department_key were added in Python
-- (textnorm.match_key); a blank 部門 (the company's lead department) is stored with department_key ''.
with typed as (
    select
        cast(company as varchar) as company,
        cast(company_key as varchar) as company_key,
        nullif(cast(department as varchar), '') as department,
        coalesce(cast(department_key as varchar), '') as department_key,
        cast(name as varchar) as name,
        cast(email as varchar) as email,
        nullif(cast(employee_id as varchar), '') as employee_id,
        coalesce(cast(language as varchar), '繁體中文') as language,
        cast(_row as integer) as source_row,
        cast(_sheet as varchar) as source_sheet
    from incoming
),

final as (
    select * from typed
)

select * from final
