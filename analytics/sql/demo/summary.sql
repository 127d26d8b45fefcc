-- What the demo loaded: companies by level (each company's latest roster snapshot), staff on those snapshots,
-- walkthrough rows and activities, issues and how many are still open.
with latest as (
    select company_key, max(effective_date) as effective_date
    from roster
    group by company_key
),
staff as (
    select r.company_key, r.level, r.employee_id
    from roster r
    join latest l using (company_key, effective_date)
),
companies as (
    select
        count(distinct company_key) filter (where level = '總部') as hq,
        count(distinct company_key) filter (where level = '省公司') as provinces,
        count(distinct company_key) filter (where level = '地市公司') as cities,
        count(*) as staff
    from staff
),
walks as (
    select count(*) as walkthrough_rows, count(distinct activity_key) as activities from walkthroughs
),
issue_counts as (
    select
        count(*) as issues,
        count(*) filter (where status not in ('已解決', '已關閉')) as open_issues
    from issues
),
final as (
    select * from companies, walks, issue_counts
)
select * from final
