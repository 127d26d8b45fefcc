-- SPEC 4.2 rates per check, company (the person's company as of the row's date, roster_spans.sql) and period, for
-- the rows dated in [$start, $end]. The checks are those of discipline_rows.sql (the failing-row list); here the
-- rows are counted per company and month first (a few thousand groups) and the months then summed into the periods,
-- so the 600,000-row log is read once and never multiplied by checks or periods. All periods lie in one calendar
-- year.
with rows_in_range as (
    select employee_id, activity_id, date, mode, needs_support, notified_on, summary_on, copy_sent, issues_raised
    from walkthroughs
    where date between $start and $end
),

people as (
    select employee_id from rows_in_range
),

spans as (
    /*include roster_spans*/
),

linked_issues as (
    -- ISSUE-MIN1: an issue linked by 穿越編號 raised by this person, or with a blank raiser (counts for everyone)
    select distinct activity_id, coalesce(nullif(trim(raised_by), ''), '*') as raised_by
    from issues
    where activity_id is not null and activity_id <> ''
),

checked as (
    select
        month(w.date)::integer as month,
        s.company_key,
        w.needs_support or w.mode = '大規模穿越' as notice_applicable,
        w.notified_on is not null
            and w.notified_on <= w.date - (case when w.mode = '大規模穿越' then 7 else 3 end)::integer
            as notice_pass,
        w.summary_on is not null and w.summary_on - w.date between 0 and 7 as summary_pass,
        coalesce(w.copy_sent, false) as copy_pass,
        coalesce(w.issues_raised, 0) >= 1 or own.activity_id is not null or anyone.activity_id is not null
            as issue_pass
    from rows_in_range as w
    left join spans as s on s.employee_id = w.employee_id and w.date >= s.valid_from and w.date < s.valid_to
    left join linked_issues as own on own.activity_id = w.activity_id and own.raised_by = w.employee_id
    left join (select activity_id from linked_issues where raised_by = '*') as anyone
        on anyone.activity_id = w.activity_id
    where $scope_keys is null or s.company_key in (select unnest($scope_keys))
),

by_month as (
    select
        company_key,
        month,
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
    select company_key, arg_max(company, effective_date) as company, arg_max(level, effective_date) as level
    from roster
    group by company_key
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
