-- The plan lines a walker's documents are made from (SPEC 4.6, article 8.1): one plan by 計畫編號 ($plan_id), or
-- every plan of one 工號 ($employee_id) with 計畫日期 in [$start, $end]. Any 計畫類型 and any filing date: the
-- caller tells a company plan or an unknown id from an individual plan, and checks the scope (company_key), so an
-- error can say which it was. name/department/rank: the person's latest roster row (null = not on the roster).
with chosen as (
    select *
    from plans
    where ($plan_id is null or plan_id = $plan_id)
        and ($employee_id is null or (employee_id = $employee_id and planned_on between $start and $end))
),

named as (
    select employee_id, arg_max(name, effective_date) as name, arg_max(department, effective_date) as department,
        arg_max(rank, effective_date) as rank
    from roster
    where employee_id in (select employee_id from chosen)
    group by employee_id
)

select
    c.plan_id, c.plan_kind, c.company_key, c.company, c.department, c.employee_id, n.name,
    n.department as person_department, n.rank, c.planned_on, c.category, c.item, c.theme, c.mode, c.target_unit,
    c.needs_support, c.filed_on
from chosen as c
left join named as n using (employee_id)
order by c.planned_on, c.plan_id
