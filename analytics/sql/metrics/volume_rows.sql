-- Walkthrough rows dated in [$start, $end] with the person's company, level and department (SPEC 4.3): the roster
-- row of that 工號 with the latest effective_date <= the walkthrough date, else the earliest one. 工號 not on any
-- roster keep company_key null (they count in the totals only). $scope_keys null = every row.
-- Performance: each person's roster rows become validity spans [valid_from, valid_to) — the earliest span open to
-- the past, which is the "else the earliest one" rule — so one equi-join with a range filter replaces an ASOF join
-- plus a second join for the earliest row (half the CPU at national scale, same rows).
with rows_in_range as (
    select activity_key, activity_id, employee_id, name, date, category, item, mode, scope, hours
    from walkthroughs
    where date between $start and $end
),

roster_by_person as (
    -- one roster row per (工號, date); a tie between two companies on one date goes to the smaller company_key
    select
        employee_id,
        effective_date,
        arg_min({'company_key': company_key, 'level': level, 'department_key': department_key,
            'department': department}, company_key) as person
    from roster
    where employee_id in (select employee_id from rows_in_range)
    group by employee_id, effective_date
),

spans as (
    select
        employee_id,
        person,
        case when row_number() over w = 1 then date '0001-01-01' else effective_date end as valid_from,
        coalesce(lead(effective_date) over w, date '9999-12-31') as valid_to
    from roster_by_person
    window w as (partition by employee_id order by effective_date)
),

with_person as (
    select w.*, s.person
    from rows_in_range as w
    left join spans as s on s.employee_id = w.employee_id and w.date >= s.valid_from and w.date < s.valid_to
),

final as (
    select
        activity_key, activity_id, employee_id, name, date, category, item, mode, scope, hours,
        person.company_key as company_key,
        person.level as level,
        person.department_key as department_key,
        person.department as department
    from with_person
    where $scope_keys is null or person.company_key in (select unnest($scope_keys))
)

select * from final
