-- Individual plans of SPEC 4.6 (個人計畫) with 計畫日期 in [$start, $end], filed on or before $as_of, and their
-- status as of $as_of: `done` when the same 工號 has a walkthrough row dated within ±$window days of 計畫日期 (and on
-- or before $as_of) of the plan's 穿越類別/穿越項目 when the plan names them; `overdue` when 計畫日期 + $window is
-- before $as_of and nothing matches; else `upcoming`. Notice (article 8.1): a plan needing the target unit's
-- support (需被穿越單位支持 = 是, or 大規模穿越) must notify it by 計畫日期 − 3 days (大規模穿越: − 7 days).
-- $status: only the plans of that status (null = every plan). Scope: the plan's own 公司. name/person_department: the person's latest roster row (null = not on the roster).
with plans_in as (
    select *
    from plans
    where plan_kind = /*schema.individual_plan_kind*/
        and filed_on <= $as_of
        and planned_on between $start and $end
        and ($scope_keys is null or company_key in (select unnest($scope_keys)))
),

matched as (
    select p.plan_id, min(w.date) as walked_on, count(distinct w.activity_key) as matching_walks
    from plans_in as p
    join walkthroughs as w
        on w.employee_id = p.employee_id
        and w.date between p.planned_on - cast($window as integer) and p.planned_on + cast($window as integer)
        and w.date <= $as_of
        and (p.category is null or w.category = p.category)
        and (p.item is null or w.item = p.item)
    group by p.plan_id
),

named as (
    select employee_id, arg_max(name, effective_date) as name, arg_max(department, effective_date) as department
    from roster
    where employee_id in (select employee_id from plans_in)
    group by employee_id
),

final as (
    select
        p.plan_id, p.company_key, p.company, p.department, p.employee_id, n.name, n.department as person_department,
        p.planned_on, p.category, p.item, p.theme, p.mode, p.target_unit, p.needs_support, p.filed_on,
        m.walked_on, coalesce(m.matching_walks, 0) as matching_walks,
        case
            when m.plan_id is not null then 'done'
            when p.planned_on + cast($window as integer) < $as_of then 'overdue'
            else 'upcoming'
        end as status,
        p.needs_support or coalesce(p.mode = '大規模穿越', false) as notice_needed,
        case
            when p.needs_support or coalesce(p.mode = '大規模穿越', false)
                then p.planned_on - (case when p.mode = '大規模穿越' then 7 else 3 end)
        end as notice_deadline
    from plans_in as p
    left join matched as m using (plan_id)
    left join named as n using (employee_id)
)

select * from final
where cast($status as varchar) is null or status = $status  -- one status only (the page's overdue list), null = all
order by planned_on, company_key, employee_id, plan_id
