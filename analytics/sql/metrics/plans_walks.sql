-- Walks against individual plans (SPEC 4.6), per company of the walker as of the walk's date (roster_spans.sql;
-- null = 工號 on no roster, only when $scope_keys is null): each participant row dated in [$start, $end] and on
-- or before $as_of is `planned` when an individual plan of the same 工號 filed on or before $as_of has 計畫日期
-- within ±$window days of it (same 穿越類別/穿越項目 when the plan names them) and `reported` (PLAN-REPORTED,
-- article 8.2) when such a plan was filed on or before the walk's date. Walks without a plan are `unplanned`.
with rows_in_range as (
    select activity_key, employee_id, date, category, item
    from walkthroughs
    where date between $start and least($end, $as_of)
),

with_company as (
    /*include walks_with_company*/
),

individual as (
    select employee_id, planned_on, category, item, filed_on
    from plans
    where plan_kind = /*schema.individual_plan_kind*/
        and filed_on <= $as_of
        and employee_id in (select employee_id from rows_in_range)
),

flagged as (
    select
        w.activity_key, w.employee_id, w.company_key,
        count(p.employee_id) > 0 as planned,
        coalesce(bool_or(p.filed_on <= w.date), false) as reported
    from with_company as w
    left join individual as p
        on p.employee_id = w.employee_id
        and w.date between p.planned_on - cast($window as integer) and p.planned_on + cast($window as integer)
        and (p.category is null or p.category = w.category)
        and (p.item is null or p.item = w.item)
    group by w.activity_key, w.employee_id, w.company_key
),

final as (
    select
        company_key,
        count(*) as walks,
        count(*) filter (where planned) as planned_walks,
        count(*) filter (where not planned) as unplanned_walks,
        count(*) filter (where reported) as reported_walks
    from flagged
    group by company_key
)

select * from final
order by company_key nulls last
