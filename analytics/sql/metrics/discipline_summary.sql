-- SPEC 4.2 rates per check, company and period, for the rows dated in [$start, $end], from discipline_checked.sql
-- (the person's company as of the row's date and the checks, as for the failing-row list of discipline_rows.sql).
-- The rows are counted per company and month first (a few thousand groups) and the months then summed into the
-- periods, so the 600,000-row log is read once and never multiplied by checks or periods. All periods lie in one
-- calendar year.
with checked as (
    /*include discipline_checked*/
),

by_month as (
    select
        company_key,
        month(date)::integer as month,
        count(*) as rows,
        count(*) filter (where notice_applicable) as notice_applicable,
        count(*) filter (where notice_applicable and notice_pass) as notice_pass,
        count(*) filter (where summary_pass) as summary_pass,
        count(*) filter (where copy_pass) as copy_pass,
        count(*) filter (where issue_pass) as issue_pass
    from checked
    group by company_key, month
),

periods as (
    select
        unnest($period_codes) as period,
        unnest($period_kinds) as period_kind,
        unnest($period_starts)::date as period_start,
        unnest($period_ends)::date as period_end
),

by_period as (
    select
        m.company_key, p.period, p.period_kind, p.period_start,
        sum(m.rows) as rows,
        sum(m.notice_applicable) as notice_applicable,
        sum(m.notice_pass) as notice_pass,
        sum(m.summary_pass) as summary_pass,
        sum(m.copy_pass) as copy_pass,
        sum(m.issue_pass) as issue_pass
    from by_month as m
    join periods as p on m.month between month(p.period_start) and month(p.period_end)
    group by m.company_key, p.period, p.period_kind, p.period_start
),

counted as (
    -- NOTICE applies to some rows; the other three checks to every row
    select 'NOTICE' as "check", company_key, period, period_kind, period_start,
        notice_applicable as applicable, notice_pass as passing
    from by_period
    union all
    select 'SUMMARY-7D', company_key, period, period_kind, period_start, rows, summary_pass from by_period
    union all
    select 'COPY-SENT', company_key, period, period_kind, period_start, rows, copy_pass from by_period
    union all
    select 'ISSUE-MIN1', company_key, period, period_kind, period_start, rows, issue_pass from by_period
),

companies as (
    -- name and level of the latest snapshot
    /*include company_named*/
),

final as (
    select
        k."check", k.company_key, c.company, c.level, k.period, k.period_kind, k.period_start,
        k.applicable::bigint as applicable, k.passing::bigint as passing,
        case when k.applicable > 0 then k.passing / k.applicable end as rate
    from counted as k
    left join companies as c using (company_key)
)

select * from final
