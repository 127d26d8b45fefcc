-- Head count per company as of $day (SPEC 2.1 snapshot rule): the latest snapshot dated on or before $day, else
-- the company's earliest snapshot. One row per company_key in $company_keys.
with dated as (
    select
        company_key,
        max(case when effective_date <= $day then effective_date end) as on_or_before,
        min(effective_date) as earliest
    from roster
    where company_key in (select unnest($company_keys))
    group by company_key
),

final as (
    select r.company_key, count(distinct r.employee_id) as staff
    from roster as r
    join dated as d
        on d.company_key = r.company_key and r.effective_date = coalesce(d.on_or_before, d.earliest)
    group by r.company_key
)

select * from final
