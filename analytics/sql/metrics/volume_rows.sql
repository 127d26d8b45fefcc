-- Walkthrough rows dated in [$start, $end] with the person's company, level and department (SPEC 4.3): the roster
-- row of that 工號 with the latest effective_date <= the walkthrough date, else the earliest one. 工號 not on any
-- roster keep company_key null (they count in the totals only). $scope_keys null = every row.
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

earliest as (
    select employee_id, arg_min(person, effective_date) as person
    from roster_by_person
    group by employee_id
),

with_person as (
    select w.*, coalesce(r.person, e.person) as person
    from rows_in_range as w
    asof left join roster_by_person as r on w.employee_id = r.employee_id and w.date >= r.effective_date
    left join earliest as e on e.employee_id = w.employee_id
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
