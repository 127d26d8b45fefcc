-- The company named by a key, as its latest roster snapshot writes it (used to check `users add --company`).
with named as (
    select company, level, effective_date
    from roster
    where company_key = $company_key
),

final as (
    select arg_max(company, effective_date) as company, arg_max(level, effective_date) as level
    from named
    having count(*) > 0
)

select * from final
