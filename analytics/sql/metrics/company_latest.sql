-- The latest roster snapshot of a company (SPEC 2.1): every roster row of each company's latest effective_date,
-- with first_date, the company's earliest snapshot. The one definition of "a company's latest snapshot"; included
-- (sqlfiles.load_sql / expand_includes) by company_tree.sql, walker_find.sql and demo/summary.sql. A caller that
-- keeps only some companies filters on company_key outside (DuckDB pushes that filter below the grouping).
with dates as (
    select company_key, max(effective_date) as effective_date, min(effective_date) as first_date
    from roster
    group by company_key
),

final as (
    select r.*, d.first_date
    from roster as r
    join dates as d using (company_key, effective_date)
)

select * from final
