-- Months that hold any walkthrough or issue (the sidebar offers only periods with data).
with walkthrough_months as (
    select distinct strftime(date, '%Y-%m') as month from walkthroughs
),
issue_months as (
    select distinct strftime(raised_on, '%Y-%m') as month from issues
),
final as (
    select month from walkthrough_months
    union
    select month from issue_months
)
select * from final order by month
