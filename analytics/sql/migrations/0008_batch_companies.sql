-- Issue #12 finding 4: import history is scoped like every other read. A batch may touch several companies; the
-- importer records them at import time (analytics/sql/store/batch_companies_record.sql, which explains the rule).
-- A lead sees, downloads and rolls back a batch only when every company it touched lies in its scope; a batch that
-- touched no known company (a refused file, rows of 工號 on no roster) falls back to the importer's company.
create table batch_companies (
    batch_id integer not null,
    company_key varchar not null
);

-- Backfill: the same rule as batch_companies_record.sql, over every batch that still has rows (a rolled-back
-- batch's rows are gone, so it falls back to its importer's company).
insert into batch_companies (batch_id, company_key)
with roster_rows as (
    select batch_id, company_key from roster
    union all
    select undo_batch_id, company_key from undo_roster
    union all
    select batch_id, company_key from undo_roster
),

plan_rows as (
    select batch_id, company_key from plans
    union all
    select undo_batch_id, company_key from undo_plans
    union all
    select batch_id, company_key from undo_plans
),

contact_rows as (
    select batch_id, company_key from contacts
    union all
    select undo_batch_id, company_key from undo_contacts
    union all
    select batch_id, company_key from undo_contacts
),

walk_rows as (
    select batch_id, employee_id, date from walkthroughs
    union all
    select undo_batch_id, employee_id, date from undo_walkthroughs
    union all
    select batch_id, employee_id, date from undo_walkthroughs
),

issue_rows as (
    select batch_id, raised_by, raised_on, owner_company_key from issues
    union all
    select undo_batch_id, raised_by, raised_on, owner_company_key from undo_issues
    union all
    select batch_id, raised_by, raised_on, owner_company_key from undo_issues
),

person_dates as (
    select employee_id, effective_date, min(company_key) as company_key
    from roster
    group by employee_id, effective_date
),

earliest as (
    select employee_id, arg_min(company_key, effective_date) as company_key
    from person_dates
    group by employee_id
),

walk_companies as (
    select w.batch_id, coalesce(a.company_key, e.company_key) as company_key
    from walk_rows as w
    asof left join person_dates as a on w.employee_id = a.employee_id and w.date >= a.effective_date
    left join earliest as e on e.employee_id = w.employee_id
),

on_roster as (
    select distinct company_key from roster
),

issue_companies as (
    select i.batch_id, coalesce(o.company_key, a.company_key, e.company_key) as company_key
    from issue_rows as i
    left join on_roster as o on o.company_key = nullif(i.owner_company_key, '')
    asof left join person_dates as a on i.raised_by = a.employee_id and i.raised_on >= a.effective_date
    left join earliest as e on e.employee_id = i.raised_by
),

touched as (
    select batch_id, company_key from roster_rows
    union
    select batch_id, company_key from plan_rows
    union
    select batch_id, company_key from contact_rows
    union
    select batch_id, company_key from walk_companies
    union
    select batch_id, company_key from issue_companies
),

final as (
    select t.batch_id, t.company_key
    from touched as t
    inner join batches as b on b.batch_id = t.batch_id
    where t.company_key is not null and t.company_key <> ''
)

select * from final;
