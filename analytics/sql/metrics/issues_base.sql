-- Issues raised on or before $as_of (SPEC 4.4), one row each, with derived figures and the company the issue
-- belongs to for scoping: the owner company (責任單位, matched to the roster by key), else the raiser's company
-- on the roster as of the raised date (else the raiser's earliest snapshot; roster_spans.sql). $scope_keys null =
-- every issue. status, due_on, resolved_on and everything derived from them (closed, overdue, days to close, age)
-- are as of $as_of (SPEC 4.5, issue_state.sql), not today's; current_status / current_resolved_on /
-- current_due_on keep the stored row's values (the trend asks issue_state.sql again for other days).
with companies as (
    -- the name of the company's latest snapshot
    /*include company_named*/
),

raised as (
    select *
    from issues
    where raised_on <= $as_of
),

asked as (
    select issue_id, $as_of::date as day, status, resolved_on, due_on from raised
),

state as (
    /*include issue_state*/
),

people as (
    select raised_by as employee_id from raised
),

spans as (
    /*include roster_spans*/
),

with_raiser as (
    select
        i.* exclude (status, due_on, resolved_on),
        st.status, st.due_on, st.resolved_on, st.is_closed,
        i.status as current_status, i.resolved_on as current_resolved_on, i.due_on as current_due_on,
        s.company_key as raiser_company_key
    from raised as i
    inner join state as st on st.issue_id = i.issue_id
    left join spans as s on s.employee_id = i.raised_by and i.raised_on >= s.valid_from and i.raised_on < s.valid_to
),

final as (
    select
        w.issue_id, w.activity_id, w.raised_by, w.raised_on, w.kind, w.category, w.category_is_standard,
        w.description, w.owner_company, w.owner_department, w.status, w.due_on, w.resolved_on, w.progress,
        w.work_order_id, w.current_status, w.current_resolved_on, w.current_due_on,
        nullif(w.owner_company_key, '') as owner_key,
        coalesce(oc.company, nullif(trim(w.owner_company), '')) as owner_label,
        oc.company_key is not null as owner_on_roster,
        coalesce(oc.company_key, w.raiser_company_key) as scope_company_key,
        w.is_closed,
        not w.is_closed and w.due_on < $as_of as is_overdue,
        case when w.is_closed and w.resolved_on is not null then w.resolved_on - w.raised_on end as days_to_close,
        $as_of - w.raised_on as age_days
    from with_raiser as w
    left join companies as oc on oc.company_key = nullif(w.owner_company_key, '')
)

select * from final
where $scope_keys is null or scope_company_key in (select unnest($scope_keys))
