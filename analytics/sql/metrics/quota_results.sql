-- One row per quota-rule result (SPEC 4.1) aggregated from the member rows of quota_base.sql (spliced in by
-- analytics/metrics/quotas.py in place of the marker below). Exact comparison in integers: a share target is
-- given in percent ($rule_target_pct) so that 3 of 10 against 30 % is met (3 * 100 >= 30 * 10).
with base as (
    /*quota_base*/
),

targets as (
    select unnest($rule_codes) as rule, unnest($rule_units) as unit, unnest($rule_target_pct) as target_pct,
        unnest($rule_target_count) as target_count
),

counted as (
    select
        rule, company_key, company, department_key, department, period, period_kind, period_start, period_end,
        snapshot_date,
        count(employee_id) as population,
        count(employee_id) filter (where counted) as participants
    from base
    group by all
),

final as (
    select
        c.rule,
        c.company_key,
        c.company,
        c.department_key,
        c.department,
        c.period,
        c.period_kind,
        c.period_start,
        c.period_end,
        c.snapshot_date,
        c.population,
        c.participants,
        case
            when c.population = 0 then null
            when t.unit = 'share' then c.participants / c.population
            else c.participants::double
        end as value,
        case when t.unit = 'share' then t.target_pct / 100 else t.target_count::double end as target,
        t.unit,
        case
            when c.population = 0 then false
            when t.unit = 'share' then c.participants * 100 >= t.target_pct * c.population
            else c.participants >= t.target_count
        end as met,
        case
            when c.population = 0 then 'n/a'
            when t.unit = 'share' and c.participants * 100 >= t.target_pct * c.population then 'met'
            when t.unit = 'count' and c.participants >= t.target_count then 'met'
            when c.period_end > $as_of then 'in_progress'
            else 'missed'
        end as status
    from counted as c
    join targets as t using (rule)
)

select * from final
