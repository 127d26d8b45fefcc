-- SPEC 4.2 rates per check, company (the person's company) and period, from the rows of discipline_rows.sql
-- (spliced in by analytics/metrics/discipline.py in place of the marker below).
with base as (
    /*discipline_rows*/
),

periods as (
    select
        unnest($period_codes) as period,
        unnest($period_kinds) as period_kind,
        unnest($period_starts)::date as period_start,
        unnest($period_ends)::date as period_end
),

companies as (
    select company_key, arg_max(company, effective_date) as company, arg_max(level, effective_date) as level
    from roster
    group by company_key
),

counted as (
    select
        b."check",
        b.company_key,
        p.period,
        p.period_kind,
        p.period_start,
        count(*) filter (where b.applicable) as applicable,
        count(*) filter (where b.applicable and b.passing) as passing
    -- each row under its year, quarter and month codes: joined to the periods by equality (no range join)
    from (select *, unnest([strftime(date, '%Y'), strftime(date, '%Y') || 'Q' || quarter(date), strftime(date, '%Y-%m')]) as period from base) as b
    join periods as p on p.period = b.period
    group by all
),

final as (
    select
        k."check", k.company_key, c.company, c.level, k.period, k.period_kind, k.period_start,
        k.applicable, k.passing,
        case when k.applicable > 0 then k.passing / k.applicable end as rate
    from counted as k
    left join companies as c using (company_key)
)

select * from final
