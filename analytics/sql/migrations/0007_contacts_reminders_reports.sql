-- Issue #15 (SPEC 2.7, 9): contacts (an ordinary imported table with its undo log), the reminder runs and the
-- messages they sent (a content hash per recipient, so the same content never goes twice), and the upward
-- reports provinces submit to 總部 (9.4).

-- Key (company_key, department_key, email); department_key '' = the company's lead department (blank 部門).
create table contacts (
    company varchar not null,
    company_key varchar not null,
    department varchar,
    department_key varchar not null,
    name varchar not null,
    email varchar not null,
    employee_id varchar,
    language varchar not null,
    batch_id integer not null,
    source_row integer
);
create table undo_contacts as select cast(null as integer) as undo_batch_id, * from contacts limit 0;

create sequence reminder_run_id_seq start 1;

-- One row per `python -m analytics remind` run. mode: out (dry run, .eml files) | send (SMTP).
-- failures: [{"email": ..., "reason": ...}]. finished_at is null while a run is under way (or if it crashed).
create table reminder_runs (
    run_id integer not null primary key,
    started_at timestamp not null,
    finished_at timestamp,
    run_by varchar not null,
    as_of date not null,
    mode varchar not null,
    messages integer not null,
    sent integer not null,
    skipped integer not null,
    failed integer not null,
    failures json
);

-- A message delivered (mode send) to one recipient: content_sha256 of its text and attachment, without the date
-- header, so a second run with nothing new skips it.
create table reminder_sent (
    email varchar not null,
    content_sha256 varchar not null,
    run_id integer not null,
    sent_at timestamp not null
);

-- Upward report (SPEC 9.4): one row per submission of a province's report for a period (the latest counts).
-- batch_id: the latest active import batch when the report was made (the data state it shows).
create table report_submissions (
    province_key varchar not null,
    province varchar not null,
    period varchar not null,
    submitted_at timestamp not null,
    submitted_by varchar not null,
    batch_id integer,
    as_of date not null,
    file_names json
);
