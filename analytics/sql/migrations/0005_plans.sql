-- Issue #14 (SPEC 2.6): the plans table (company plans 年度/階段計畫 and individual plans 個人計畫 in one table,
-- keyed by 計畫編號) with its undo log, an ordinary imported table like the others.
-- period_start/period_end: the days of 計畫期間 (null for individual plans), so reads compare dates, not codes.
create table plans (
    plan_id varchar not null,
    plan_kind varchar not null,
    company varchar not null,
    company_key varchar not null,
    department varchar,
    department_key varchar,
    period varchar,
    period_start date,
    period_end date,
    planned_count integer,
    employee_id varchar,
    planned_on date,
    category varchar,
    item varchar,
    theme varchar,
    mode varchar,
    target_unit varchar,
    needs_support boolean not null,
    filed_on date not null,
    batch_id integer not null,
    source_row integer
);
create table undo_plans as select cast(null as integer) as undo_batch_id, * from plans limit 0;
