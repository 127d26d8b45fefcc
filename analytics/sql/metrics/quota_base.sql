-- Quota rules of SPEC 4.1, one row per (rule, company, department, period, member of the population) with
-- counted = participated (share rules) or qualified (count rules), plus one marker row with a null employee_id per
-- unit of evaluation, so that a unit whose population is 0 still appears (reported n/a).
-- Parameters: the periods ($period_*; all in one calendar year), the allow-listed rules ($rule_*) as parallel lists,
-- $scope_keys (null = all companies), $as_of (walks dated after it do not count; null = no cap, SPEC 4.5),
-- $reception_category (客戶接待日, analytics/schema.py's CATEGORY term).
with period_masks as (
    -- the months of a period as a 12-bit mask (bit 0 = January), to test participation without a range join
    /*include period_masks*/
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

-- Level and displayed name of a company: its latest snapshot (SPEC 2.1, company_named.sql).
named as (
    /*include company_named*/
),

companies as materialized (
    select company_key, company, level
    from named
    where $scope_keys is null or company_key in (select unnest($scope_keys))
),

rule_companies as materialized (
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
        p.month_mask,
        coalesce(max(s.effective_date) filter (where s.effective_date <= p.period_end), min(s.effective_date))
            as effective_date
    from snapshots as s
    cross join period_masks as p
    where p.period_kind in (select period_kind from rules)
    group by all
),

-- A department's type in a snapshot: the type most of its rows carry (a department has one type).
departments as (
    select company_key, effective_date, department_key, mode(department) as department,
        mode(department_type) as department_type
    from roster
    where company_key in (select company_key from rule_companies where per_department)
    group by all
),

units as materialized (
    select
        rc.rule, rc.qualify, rc.company_key, rc.company, cp.period, cp.period_kind, cp.period_start,
        cp.period_end, cp.month_mask, cp.effective_date, null::varchar as department_key, null::varchar as department
    from rule_companies as rc
    join company_periods as cp on cp.company_key = rc.company_key and cp.period_kind = rc.period_kind
    where not rc.per_department
    union all
    select
        rc.rule, rc.qualify, rc.company_key, rc.company, cp.period, cp.period_kind, cp.period_start,
        cp.period_end, cp.month_mask, cp.effective_date, d.department_key, d.department
    from rule_companies as rc
    join company_periods as cp on cp.company_key = rc.company_key and cp.period_kind = rc.period_kind
    join departments as d on d.company_key = cp.company_key and d.effective_date = cp.effective_date
    where rc.per_department and (rc.dept_types is null or list_contains(rc.dept_types, d.department_type))
),

-- The population filtered by rank first (the big table is cut down before meeting the periods). The roster key
-- (company, effective_date, 工號) makes each person appear once per snapshot.
eligible as (
    select r.company_key, r.effective_date, r.employee_id, r.name, r.department_key, r.department, r.rank, ru.rule
    from roster as r
    join rule_companies as ru on ru.company_key = r.company_key and list_contains(ru.ranks, r.rank)
),

members as (
    select u.*, e.employee_id, e.name, e.department as member_department, e.rank
    from units as u
    join eligible as e
        on e.rule = u.rule and e.company_key = u.company_key and e.effective_date = u.effective_date
    where u.department_key is null
    union all
    select u.*, e.employee_id, e.name, e.department as member_department, e.rank
    from units as u
    join eligible as e
        on e.rule = u.rule and e.company_key = u.company_key and e.effective_date = u.effective_date
        and e.department_key = u.department_key
    where u.department_key is not null
),

-- Participation computed once per person for the whole year as month masks (SPEC 4: any category counts);
-- 客戶接待日 of at least half a day (article 6: 至少為期半天) separately; a row without hours does not qualify.
activity as (
    select
        employee_id,
        bit_or((1 << (month(date)::integer - 1))::integer) as any_months,
        coalesce(
            bit_or((1 << (month(date)::integer - 1))::integer) filter (where category = $reception_category and hours >= 4),
            0
        ) as reception_months
    from walkthroughs
    where date between (select min(period_start) from period_masks) and (select max(period_end) from period_masks)
        -- SPEC 4.5: a walk dated after the as-of date has not happened yet on that date ($as_of null = no cap)
        and ($as_of::date is null or date <= $as_of::date)
    group by employee_id
),

flagged as (
    select
        m.*,
        case when m.qualify = 'reception' then a.reception_months else a.any_months end & m.month_mask <> 0
            as counted
    from members as m
    left join activity as a using (employee_id)
),

final as (
    select
        rule, company_key, company, department_key, department, period, period_kind, period_start, period_end,
        effective_date as snapshot_date, employee_id, name, member_department, rank, coalesce(counted, false) as counted
    from flagged
    union all
    select
        rule, company_key, company, department_key, department, period, period_kind, period_start, period_end,
        effective_date as snapshot_date, null, null, null, null, false
    from units
)

select * from final
