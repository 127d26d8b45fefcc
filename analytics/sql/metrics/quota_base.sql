-- Quota rules of SPEC 4.1: one row per (rule, company, department, period, member of the population), plus one row
-- with a null employee_id for every unit whose population is 0 (so that it can be reported n/a).
-- Parameters: the periods ($period_*), the allow-listed rules ($rule_*) as parallel lists, $scope_keys (null = all).
with periods as (
    select
        unnest($period_codes) as period,
        unnest($period_kinds) as period_kind,
        unnest($period_starts)::date as period_start,
        unnest($period_ends)::date as period_end
),

rules as (
    select
        unnest($rule_codes) as rule,
        unnest($rule_levels) as level,
        unnest($rule_kinds) as period_kind,
        unnest($rule_ranks) as ranks,
        unnest($rule_dept_types) as dept_types,
        unnest($rule_per_department) as per_department,
        unnest($rule_qualify) as qualify
),

-- Level and displayed name of a company: its latest snapshot (SPEC 2.1).
companies as (
    select company_key, arg_max(company, effective_date) as company, arg_max(level, effective_date) as level
    from roster
    where $scope_keys is null or company_key in (select unnest($scope_keys))
    group by company_key
),

rule_companies as (
    select r.*, c.company_key, c.company
    from rules as r
    join companies as c on c.level = r.level
),

snapshots as (
    select distinct company_key, effective_date
    from roster
    where company_key in (select company_key from companies)
),

-- The snapshot used per company and period: latest effective_date <= the period's last day, else the earliest.
company_periods as (
    select
        s.company_key,
        p.period,
        p.period_kind,
        p.period_start,
        p.period_end,
        coalesce(max(s.effective_date) filter (where s.effective_date <= p.period_end), min(s.effective_date))
            as effective_date
    from snapshots as s
    cross join periods as p
    where p.period_kind in (select period_kind from rules)
    group by all
),

-- A department's type in a snapshot: the type most of its rows carry (a department has one type).
departments as (
    select company_key, effective_date, department_key, mode(department) as department,
        mode(department_type) as department_type
    from roster
    where company_key in (select company_key from companies)
    group by all
),

units as (
    select
        rc.rule, rc.qualify, rc.ranks, rc.company_key, rc.company, cp.period, cp.period_kind, cp.period_start,
        cp.period_end, cp.effective_date, null::varchar as department_key, null::varchar as department
    from rule_companies as rc
    join company_periods as cp on cp.company_key = rc.company_key and cp.period_kind = rc.period_kind
    where not rc.per_department
    union all
    select
        rc.rule, rc.qualify, rc.ranks, rc.company_key, rc.company, cp.period, cp.period_kind, cp.period_start,
        cp.period_end, cp.effective_date, d.department_key, d.department
    from rule_companies as rc
    join company_periods as cp on cp.company_key = rc.company_key and cp.period_kind = rc.period_kind
    join departments as d on d.company_key = cp.company_key and d.effective_date = cp.effective_date
    where rc.per_department and (rc.dept_types is null or list_contains(rc.dept_types, d.department_type))
),

-- The population filtered by rank first (the big table is cut down before meeting the periods).
eligible as (
    select distinct r.company_key, r.effective_date, r.employee_id, r.name, r.department_key, r.department,
        r.rank, ru.rule
    from roster as r
    join rule_companies as ru on ru.company_key = r.company_key and list_contains(ru.ranks, r.rank)
),

members as (
    select
        u.rule, u.qualify, u.company_key, u.department_key, u.period, e.employee_id, e.name,
        e.department as member_department, e.rank
    from units as u
    join eligible as e
        on e.rule = u.rule and e.company_key = u.company_key and e.effective_date = u.effective_date
    where u.department_key is null
    union all
    select
        u.rule, u.qualify, u.company_key, u.department_key, u.period, e.employee_id, e.name,
        e.department as member_department, e.rank
    from units as u
    join eligible as e
        on e.rule = u.rule and e.company_key = u.company_key and e.effective_date = u.effective_date
        and e.department_key = u.department_key
    where u.department_key is not null
),

year_rows as (
    select w.employee_id, w.date, w.category, w.hours
    from walkthroughs as w
    where w.date between (select min(period_start) from periods) and (select max(period_end) from periods)
        and w.employee_id in (select employee_id from members)
),

-- Participation: distinct (employee_id, period) sets, computed once (SPEC 4: any category counts).
participated as (
    select distinct y.employee_id, p.period
    from year_rows as y
    join periods as p on y.date between p.period_start and p.period_end
),

-- 客戶接待日 of at least half a day (article 6: 至少為期半天); a row without hours does not qualify.
qualified as (
    select distinct y.employee_id, p.period
    from year_rows as y
    join periods as p on y.date between p.period_start and p.period_end
    where y.category = '客戶接待日' and y.hours >= 4
),

flagged as (
    select
        m.*,
        case
            when m.qualify = 'reception' then q.employee_id is not null
            else pa.employee_id is not null
        end as counted
    from members as m
    left join participated as pa on pa.employee_id = m.employee_id and pa.period = m.period
    left join qualified as q on q.employee_id = m.employee_id and q.period = m.period
),

final as (
    select
        u.rule, u.company_key, u.company, u.department_key, u.department,
        u.period, u.period_kind, u.period_start, u.period_end, u.effective_date as snapshot_date,
        f.employee_id, f.name, f.member_department, f.rank, coalesce(f.counted, false) as counted
    from units as u
    left join flagged as f
        on f.rule = u.rule and f.company_key = u.company_key and f.period = u.period
        and coalesce(f.department_key, '') = coalesce(u.department_key, '')
)

select * from final
