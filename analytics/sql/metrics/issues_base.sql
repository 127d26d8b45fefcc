-- Issues raised on or before $as_of (SPEC 4.4), one row each, with derived figures and the company the issue
-- belongs to for scoping: the owner company (責任單位, matched to the roster by key), else the raiser's company
-- on the roster as of the raised date (else the raiser's earliest snapshot). $scope_keys null = every issue.
with companies as (
    select company_key, arg_max(company, effective_date) as company
    from roster
    group by company_key
),

raised as (
    select *
    from issues
    where raised_on <= $as_of
),

roster_by_person as (
    select employee_id, effective_date, min(company_key) as company_key
    from roster
    where employee_id in (select raised_by from raised)
    group by employee_id, effective_date
),

spans as (
    -- validity of each roster row; the earliest is open to the past ("else the raiser's earliest snapshot"):
    -- one equi-join with a range filter instead of an ASOF join plus a join for the earliest row
    select
        employee_id,
        company_key,
        case when row_number() over w = 1 then date '0001-01-01' else effective_date end as valid_from,
        coalesce(lead(effective_date) over w, date '9999-12-31') as valid_to
    from roster_by_person
    window w as (partition by employee_id order by effective_date)
),

with_raiser as (
    select i.*, s.company_key as raiser_company_key
    from raised as i
    left join spans as s on s.employee_id = i.raised_by and i.raised_on >= s.valid_from and i.raised_on < s.valid_to
),

final as (
    select
        w.issue_id, w.activity_id, w.raised_by, w.raised_on, w.kind, w.category, w.category_is_standard,
        w.description, w.owner_company, w.owner_department, w.status, w.due_on, w.resolved_on, w.progress,
        w.work_order_id,
        nullif(w.owner_company_key, '') as owner_key,
        coalesce(oc.company, nullif(trim(w.owner_company), '')) as owner_label,
        oc.company_key is not null as owner_on_roster,
        coalesce(oc.company_key, w.raiser_company_key) as scope_company_key,
        w.status in ('已解決', '已關閉') as is_closed,
        w.status not in ('已解決', '已關閉') and w.due_on < $as_of as is_overdue,
        case when w.status in ('已解決', '已關閉') and w.resolved_on is not null
            then w.resolved_on - w.raised_on end as days_to_close,
        $as_of - w.raised_on as age_days
    from with_raiser as w
    left join companies as oc on oc.company_key = nullif(w.owner_company_key, '')
)

select * from final
where $scope_keys is null or scope_company_key in (select unnest($scope_keys))
