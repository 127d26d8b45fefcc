-- The first day holding any walkthrough or issue, in the whole database: a previous period that ends before the
-- month of that day has no data to compare with (the overview's rule, ui/overview.py).
with walkthrough_days as (
    select min(date) as day from walkthroughs
),
issue_days as (
    select min(raised_on) as day from issues
),
final as (
    select least(w.day, i.day) as first_day
    from walkthrough_days as w, issue_days as i
)
select * from final
