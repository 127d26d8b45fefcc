-- SPEC 4.3 task volume by period and one dimension ($dimension, allow-listed in analytics/metrics/volume.py),
-- from the rows of volume_rows.sql (spliced in place of the marker below), counted by volume_counts.sql (month
-- masks). All periods lie in one calendar year.
with base as (
    /*volume_rows*/
),

periods as (
    /*include period_masks*/
),

grouped as (
    select
        case $dimension
            when 'all' then 'all'
            when 'company' then company_key
            when 'level' then level
            when 'department' then company_key || '|' || department_key
            when 'category' then category
            when 'item' then item
            when 'mode' then mode
            when 'scope' then scope
        end as group_key,
        company_key, department, activity_key, employee_id,
        (1 << (month(date)::integer - 1))::integer as month_bit
    from base
),

final as (
    /*include volume_counts*/
)

select * from final
