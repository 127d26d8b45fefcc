-- Plan against actual for company plans (SPEC 4.6): each 年度/階段計畫 line overlapping [$start, $end] and filed
-- on or before $as_of, with `done` = distinct activities of the plan's company (of its department when the line
-- names one) dated inside the plan's period and on or before $as_of. A row counts for its person's company and
-- department as of its date (roster_spans.sql). The company itself only: a province's plan is not met by its
-- cities' walks (each city files its own plan, article 7).
with lines as (
    /*include plans_company_lines*/
),

people as (
    -- Only people ever on the roster of a company with a plan line: nobody else's walk can count for a line. For
    -- one company (the 計畫 page) this reads that company's staff and their walks, not the whole nation's.
    select distinct employee_id
    from roster
    where company_key in (select company_key from lines)
),

rows_in_range as (
    select activity_key, employee_id, date
    from walkthroughs
    where date between (select min(period_start) from lines) and least((select max(period_end) from lines), $as_of)
        and employee_id in (select employee_id from people)
),

spans as (
    /*include roster_spans*/
),

dated as (
    select w.activity_key, w.date, s.company_key, s.department_key
    from rows_in_range as w
    join spans as s on s.employee_id = w.employee_id and w.date >= s.valid_from and w.date < s.valid_to
    where s.company_key in (select company_key from lines)
),

done as (
    select l.plan_id, count(distinct d.activity_key) as done
    from lines as l
    join dated as d
        on d.company_key = l.company_key
        and (l.department_key is null or d.department_key = l.department_key)
        and d.date between l.period_start and l.period_end
    group by l.plan_id
),

final as (
    select l.*, coalesce(d.done, 0) as done
    from lines as l
    left join done as d using (plan_id)
)

select * from final
order by company_key, period_start, department_key nulls first, plan_id
