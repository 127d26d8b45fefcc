-- SPEC 4.3 task volume by period and one dimension ($dimension, allow-listed in analytics/metrics/volume.py),
-- from the rows of volume_rows.sql (spliced in place of the marker below).
with base as (
    /*volume_rows*/
),

periods as (
    select
        unnest($period_codes) as period,
        unnest($period_kinds) as period_kind,
        unnest($period_starts)::date as period_start,
        unnest($period_ends)::date as period_end
),

grouped as (
    select
        b.*,
        case $dimension
            when 'all' then 'all'
            when 'company' then b.company_key
            when 'level' then b.level
            when 'department' then b.company_key || '|' || b.department_key
            when 'category' then b.category
            when 'item' then b.item
            when 'mode' then b.mode
            when 'scope' then b.scope
        end as group_key
    from base as b
),

final as (
    select
        g.group_key,
        any_value(g.company_key) as company_key,
        any_value(g.department) as department,
        p.period,
        p.period_kind,
        p.period_start,
        count(distinct g.activity_key) as activities,
        count(*) as person_times,
        count(distinct g.employee_id) as distinct_participants
    from grouped as g
    join periods as p on g.date between p.period_start and p.period_end
    group by g.group_key, p.period, p.period_kind, p.period_start
)

select * from final
