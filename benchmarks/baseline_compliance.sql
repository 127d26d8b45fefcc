-- The baseline for `compliance --json`: every quota rule of SPEC 4.1 as one plain SQL script, written the
-- obvious way (every roster snapshot joined to every period, then to the rules). Parameters: $year, $as_of.
with periods as (
    select 'year' as kind, cast($year as varchar) as period, make_date($year, 1, 1) as p_start,
           make_date($year, 12, 31) as p_end
    union all
    select 'quarter', $year || 'Q' || q, make_date($year, 3 * q - 2, 1), last_day(make_date($year, 3 * q, 1))
    from range(1, 5) t(q)
    union all
    select 'month', $year || '-' || lpad(cast(m as varchar), 2, '0'), make_date($year, m, 1),
           last_day(make_date($year, m, 1))
    from range(1, 13) t(m)
),
snapshots as (
    select distinct company_key, effective_date from roster
),
chosen as (
    select s.company_key, p.kind, p.period, p.p_end,
           coalesce(max(s.effective_date) filter (where s.effective_date <= p.p_end), min(s.effective_date)) as snap
    from snapshots s cross join periods p
    group by all
),
people as (
    select r.employee_id, r.company_key, r.department_key, r.level, r.rank, r.department_type, c.kind, c.period,
           c.p_end
    from roster r
    join chosen c on r.company_key = c.company_key and r.effective_date = c.snap
),
went as (
    select distinct w.employee_id, p.kind, p.period
    from walkthroughs w join periods p on w.date between p.p_start and p.p_end
),
received as (
    select distinct w.employee_id, p.period
    from walkthroughs w join periods p on p.kind = 'month' and w.date between p.p_start and p.p_end
    where w.category = '客戶接待日' and w.hours >= 4
),
rules (rule, level, kind, ranks, per_dept, types, unit, pct) as (
    values
    ('HQ-MGR-Y', '總部', 'year', ['公司領導', '部門領導', '三級經理'], true, null, 'share', 30),
    ('HQ-STAFF-Y', '總部', 'year', ['員工'], true, null, 'share', 10),
    ('PROV-LEAD-Y', '省公司', 'year', ['公司領導', '部門領導'], false, null, 'share', 100),
    ('PROV-DEPT-Y', '省公司', 'year', ['公司領導', '部門領導', '三級經理', '員工'], true, ['主要業務部門', '支撐部門'], 'share', 50),
    ('PROV-RECEPT-M', '省公司', 'month', ['公司領導', '部門領導'], false, null, 'count', 1),
    ('CITY-MGR-Q', '地市公司', 'quarter', ['公司領導', '部門領導'], false, null, 'share', 100),
    ('CITY-DEPT-Q', '地市公司', 'quarter', ['公司領導', '部門領導', '三級經理', '員工'], true, ['主要業務部門', '支撐部門'], 'share', 50),
    ('CITY-RECEPT-M', '地市公司', 'month', ['公司領導'], false, null, 'count', 1)
),
units as (
    select ru.rule, p.company_key, case when ru.per_dept then p.department_key end as department_key, p.period,
           p.p_end, ru.unit, ru.pct,
           count(*) filter (where list_contains(ru.ranks, p.rank)) as population,
           count(*) filter (where list_contains(ru.ranks, p.rank)
                            and (case when ru.unit = 'count' then r.employee_id else w.employee_id end) is not null)
               as participants
    from rules ru
    join people p on p.level = ru.level and p.kind = ru.kind
        and (ru.types is null or list_contains(ru.types, p.department_type))
    left join went w on ru.unit = 'share' and w.employee_id = p.employee_id and w.kind = p.kind and w.period = p.period
    left join received r on ru.unit = 'count' and r.employee_id = p.employee_id and r.period = p.period
    group by all
),
final as (
    select rule, company_key, department_key, period, population, participants,
           case when population = 0 then 'n/a'
                when (unit = 'share' and participants * 100 >= pct * population)
                     or (unit = 'count' and participants >= pct) then 'met'
                when p_end > $as_of then 'in_progress'
                else 'missed' end as status
    from units
)
select * from final
