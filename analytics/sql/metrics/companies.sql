-- The company tree of SPEC 1 / ARCHITECTURE: one row per company_key with the name, level and parent as written
-- in that company's latest roster snapshot (ties on the date broken by the most frequent spelling).
with latest_date as (
    select company_key, max(effective_date) as effective_date, min(effective_date) as first_date
    from roster
    group by company_key
),

latest_rows as (
    select r.company_key, r.company, r.level, r.parent_company, r.parent_key, d.first_date, d.effective_date
    from roster as r
    join latest_date as d using (company_key, effective_date)
),

named as (
    select
        company_key,
        mode(company) as company,
        mode(level) as level,
        mode(nullif(parent_key, '')) as parent_key,
        mode(nullif(parent_company, '')) as parent_company,
        min(first_date) as first_snapshot,
        max(effective_date) as latest_snapshot,
        count(*) as staff_latest
    from latest_rows
    group by company_key
),

final as (
    select
        company_key,
        company,
        level,
        case when level = '地市公司' then parent_key end as parent_key,
        case when level = '地市公司' then parent_company end as parent_company,
        first_snapshot,
        latest_snapshot,
        staff_latest
    from named
)

select * from final
order by case level when '總部' then 0 when '省公司' then 1 else 2 end, company_key
