-- The company tree of SPEC 1 / ARCHITECTURE: one row per company_key with the name, level and parent as written
-- in that company's latest roster snapshot (company_latest.sql; ties on the date broken by the most frequent
-- spelling); parent_key and parent_company are set for 地市公司 only. The one definition of the tree in SQL:
-- companies.sql lists it, rollup_targets.sql rolls up over it, discipline_failures, quality_silent_companies and
-- auth/company_name name companies from it; Python reads it through analytics.metrics.scope.load_companies into
-- analytics.company_tree.CompanyTree. (company_named.sql is the one-pass name and level of the hot queries.)
with latest_rows as (
    /*include company_latest*/
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
