-- Rows per table: an empty database shows the welcome page instead of empty charts.
with counts as (
    select 'roster' as table_name, count(*) as n from roster
    union all select 'walkthroughs', count(*) from walkthroughs
    union all select 'issues', count(*) from issues
    union all select 'batches', count(*) from batches
),
final as (
    select table_name, n from counts
)
select * from final
