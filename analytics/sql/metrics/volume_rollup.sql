-- SPEC 4.3 task volume per company with roll-up (a city counts in itself, its province and 總部; a province in
-- itself and 總部), by period, from the rows of volume_rows.sql (spliced in place of the marker below).
-- Rows whose 工號 is on no roster count in no company.
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

companies as (
    select company_key, arg_max(level, effective_date) as level, arg_max(parent_key, effective_date) as parent_key
    from roster
    group by company_key
),

targets as (
    select company_key, company_key as target_key from companies
    union
    select c.company_key, c.parent_key
    from companies as c
    join companies as parent on parent.company_key = c.parent_key
    where c.level = '地市公司'
    union
    select c.company_key, hq.company_key
    from companies as c
    cross join (select company_key from companies where level = '總部') as hq
),

final as (
    select
        t.target_key as company_key,
        p.period,
        p.period_kind,
        p.period_start,
        count(distinct b.activity_key) as activities,
        count(*) as person_times,
        count(distinct b.employee_id) as distinct_participants
    from base as b
    join targets as t on t.company_key = b.company_key
    join periods as p on b.date between p.period_start and p.period_end
    where $scope_keys is null or t.target_key in (select unnest($scope_keys))
    group by all
)

select * from final
