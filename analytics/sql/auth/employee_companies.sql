-- The company of each given 工號 in its latest roster snapshot (to tell which companies an upload touches).
with wanted as (
    select distinct unnest(cast($employee_ids as varchar[])) as employee_id
),

latest as (
    select r.employee_id, arg_max(r.company_key, r.effective_date) as company_key
    from roster as r
    inner join wanted as w on r.employee_id = w.employee_id
    group by r.employee_id
),

final as (
    select employee_id, company_key from latest
)

select * from final
