-- Individual plans by status (done / overdue / upcoming, plans_individual.sql's rules), counted in the database:
-- the 計畫 page's headline needs the counts of the year's plans, not the plans themselves (500,000 at national
-- scale took seconds to bring into pandas, docs/benchmark.md).
with plans as (
    /*include plans_individual*/
),

final as (
    select status, count(*) as plans
    from plans
    group by status
)

select * from final
order by status
