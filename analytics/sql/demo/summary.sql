-- What the demo loaded: companies by level (each company's latest roster snapshot), staff on those snapshots,
-- walkthrough rows and activities, issues and how many are still open.
-- Bound from analytics/schema.py: $closed_statuses (CLOSED_STATUSES; every other status is open, 狀態 is required)
-- and $hq, $province, $city (the LEVEL terms).
with staff as (
    /*include company_latest*/
),
companies as (
    select
        count(distinct company_key) filter (where level = $hq) as hq,
        count(distinct company_key) filter (where level = $province) as provinces,
        count(distinct company_key) filter (where level = $city) as cities,
        count(*) as staff
    from staff
),
walks as (
    select count(*) as walkthrough_rows, count(distinct activity_key) as activities from walkthroughs
),
issue_counts as (
    select
        count(*) as issues,
        count(*) filter (where not list_contains($closed_statuses, status)) as open_issues
    from issues
),
final as (
    select * from companies, walks, issue_counts
)
select * from final
