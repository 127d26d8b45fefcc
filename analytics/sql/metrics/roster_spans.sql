-- The person's roster row as of a date (SPEC 4.2-4.4): the row of that 工號 with the latest effective_date <= the
-- date, else the person's earliest row. One row per (工號, effective_date) with its validity [valid_from, valid_to),
-- for the 工號 of the including query's CTE `people` (employee_id). Included (sqlfiles.load_sql) as the CTE `spans`
-- of walks_with_company (volume, discipline, plans) and issues_base, and read with
--     left join spans as s on s.employee_id = x.employee_id and x.date >= s.valid_from and x.date < s.valid_to
-- which gives a dated row at most one span; a 工號 on no roster gets nulls (an unmatched row).
-- Why spans: the earliest row is open to the past (valid_from 0001-01-01), which is the "else the earliest row"
-- rule, so one equi-join with a range filter replaces an ASOF join plus a second join for the earliest row (half
-- the CPU at national scale). Why `people` and not a view over the whole roster: only their rows are windowed, so
-- the query of one month stays cheap (a view was 35-45 ms slower there at national scale, twice the time).
with by_person_date as (
    -- a tie (one 工號 on two companies' snapshots of one date) goes to the smaller company_key; company_key is unique
    -- within (employee_id, effective_date), so the level and department come from that same roster row. One
    -- aggregate per column, not arg_min over a struct: the optimizer drops those a query does not read (a struct
    -- costs ≈0.4 s at national scale even when only company_key is used).
    select
        employee_id,
        effective_date,
        min(company_key) as company_key,
        arg_min(level, company_key) as level,
        arg_min(department_key, company_key) as department_key,
        arg_min(department, company_key) as department
    from roster
    where employee_id in (select employee_id from people)
    group by employee_id, effective_date
),

final as (
    select
        employee_id,
        company_key,
        level,
        department_key,
        department,
        case when row_number() over w = 1 then date '0001-01-01' else effective_date end as valid_from,
        coalesce(lead(effective_date) over w, date '9999-12-31') as valid_to
    from by_person_date
    window w as (partition by employee_id order by effective_date)
)

select * from final
