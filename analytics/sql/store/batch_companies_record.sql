-- The companies whose rows batch $batch_id wrote or replaced (issue #12 finding 4): 匯入紀錄, the original file's
-- download and rollback are scoped by them. A row counts for the company every read gives it: a roster or contact
-- row its company; a plan (migration 0005) its company; a walkthrough its person's company as of the walk date (else the person's earliest snapshot,
-- roster_spans.sql's rule); an issue its owner company when that is on the roster, else its raiser's company as of
-- the raised date (issues_base.sql). Rows the batch wrote (batch_id, also those a later batch has since replaced)
-- and rows it replaced or removed (undo_*.undo_batch_id) both count: rolling it back changes both. Migration 0008
-- backfills the batches imported before it with the same rule over every batch.
insert into batch_companies (batch_id, company_key)
with roster_rows as (
    select company_key from roster where batch_id = $batch_id
    union all
    select company_key from undo_roster where undo_batch_id = $batch_id or batch_id = $batch_id
),

plan_rows as (
    select company_key from plans where batch_id = $batch_id
    union all
    select company_key from undo_plans where undo_batch_id = $batch_id or batch_id = $batch_id
),

contact_rows as (
    select company_key from contacts where batch_id = $batch_id
    union all
    select company_key from undo_contacts where undo_batch_id = $batch_id or batch_id = $batch_id
),

walk_rows as (
    select employee_id, date from walkthroughs where batch_id = $batch_id
    union all
    select employee_id, date from undo_walkthroughs where undo_batch_id = $batch_id or batch_id = $batch_id
),

issue_rows as (
    select raised_by, raised_on, owner_company_key from issues where batch_id = $batch_id
    union all
    select raised_by, raised_on, owner_company_key
    from undo_issues
    where undo_batch_id = $batch_id or batch_id = $batch_id
),

people as (
    select employee_id from walk_rows
    union
    select raised_by from issue_rows where raised_by is not null
),

person_dates as (
    -- a tie (one 工號 on two companies' snapshots of one date) goes to the smaller company_key, as in roster_spans
    select r.employee_id, r.effective_date, min(r.company_key) as company_key
    from roster as r
    inner join people as p on p.employee_id = r.employee_id
    group by r.employee_id, r.effective_date
),

earliest as (
    select employee_id, arg_min(company_key, effective_date) as company_key
    from person_dates
    group by employee_id
),

walk_companies as (
    select coalesce(a.company_key, e.company_key) as company_key
    from walk_rows as w
    asof left join person_dates as a on w.employee_id = a.employee_id and w.date >= a.effective_date
    left join earliest as e on e.employee_id = w.employee_id
),

on_roster as (
    select distinct company_key from roster
),

issue_companies as (
    select coalesce(o.company_key, a.company_key, e.company_key) as company_key
    from issue_rows as i
    left join on_roster as o on o.company_key = nullif(i.owner_company_key, '')
    asof left join person_dates as a on i.raised_by = a.employee_id and i.raised_on >= a.effective_date
    left join earliest as e on e.employee_id = i.raised_by
),

touched as (
    select company_key from roster_rows
    union
    select company_key from plan_rows
    union
    select company_key from contact_rows
    union
    select company_key from walk_companies
    union
    select company_key from issue_companies
),

final as (
    select $batch_id as batch_id, company_key
    from touched
    where company_key is not null and company_key <> ''
)

select * from final
