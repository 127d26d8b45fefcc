-- The store of SPEC 2.5. Vocabulary columns hold the canonical Traditional Chinese term of analytics/schema.py.
-- *_key columns hold analytics.textnorm.match_key(...) of the name beside them, so that 廣州市分公司 and
-- 广州市分公司 are one company; names are displayed as the roster wrote them.

create table schema_version (
    version integer not null,
    applied_at timestamp not null
);

create sequence batch_id_seq start 1;

-- One row per imported file (SPEC 2.5). counts: {"roster": {"new": n, "updated": n, "unchanged": n,
-- "rejected": n, "warnings": n}, ...}.
create table batches (
    batch_id integer not null primary key,
    file_name varchar not null,
    sha256 varchar not null,
    size_bytes bigint not null,
    imported_at timestamp not null,
    imported_by varchar not null,
    status varchar not null,              -- active | rolled_back
    strict boolean not null,
    counts json,
    archive_path varchar,
    rolled_back_at timestamp,
    rolled_back_by varchar
);

-- Roster snapshots: key (company_key, effective_date, employee_id). A roster import replaces, per company
-- present in it, that company's staff as of effective_date.
create table roster (
    company varchar not null,
    company_key varchar not null,
    effective_date date not null,
    employee_id varchar not null,
    name varchar not null,
    level varchar not null,
    parent_company varchar,
    parent_key varchar,
    department varchar not null,
    department_key varchar not null,
    department_type varchar not null,
    rank varchar not null,
    batch_id integer not null,
    source_row integer
);

-- One row per participant per activity: key (activity_key, employee_id). activity_key is 'id:' || activity_id
-- when 穿越編號 is given, else 'row:' || employee_id || '|' || date || '|' || category || '|' || item || '|' ||
-- theme || '|' || target_unit (blank parts as empty strings; see analytics/ingest).
create table walkthroughs (
    activity_key varchar not null,
    employee_id varchar not null,
    activity_id varchar,
    name varchar,
    date date not null,
    category varchar not null,
    item varchar,
    theme varchar,
    mode varchar not null,
    scope varchar not null,
    target_unit varchar,
    hours double,
    needs_support boolean not null,
    notified_on date,
    summary_on date,
    copy_sent boolean,
    issues_raised integer,
    note varchar,
    batch_id integer not null,
    source_row integer
);

-- One row per issue or suggestion: key issue_id.
create table issues (
    issue_id varchar not null,
    activity_id varchar,
    raised_by varchar,
    raised_on date not null,
    kind varchar not null,
    category varchar not null,
    category_is_standard boolean not null,
    description varchar not null,
    owner_company varchar,
    owner_company_key varchar,
    owner_department varchar,
    status varchar not null,
    due_on date,
    resolved_on date,
    progress varchar,
    work_order_id varchar,
    batch_id integer not null,
    source_row integer
);

-- Every change of an issue's 狀態 (old_status null when the issue first arrives).
create table issue_status_history (
    issue_id varchar not null,
    old_status varchar,
    new_status varchar not null,
    changed_at timestamp not null,
    batch_id integer not null
);

-- Warnings and rejections kept per batch for the data-quality page and the rejects download.
-- severity: warning | error. row_key identifies the stored row for warnings (issue_id, activity_key|employee_id,
-- company_key|effective_date|employee_id).
create table import_messages (
    batch_id integer not null,
    table_name varchar,
    severity varchar not null,
    sheet varchar,
    source_row integer,
    column_header varchar,
    value varchar,
    code varchar not null,
    params json,
    row_key varchar
);
