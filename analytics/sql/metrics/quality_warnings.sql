-- Data quality: warnings kept from imports of active batches (import_messages severity 'warning'). With a scope,
-- only messages whose stored row (row_key) belongs to it: roster rows by company key, walkthrough rows by the
-- 工號's companies on the roster, issue rows through issues_base.sql (spliced in place of the marker below).
with base as (
    /*issues_base*/
),

messages as (
    select m.*, b.file_name, b.imported_at
    from import_messages as m
    join batches as b using (batch_id)
    where m.severity = 'warning' and b.status = 'active'
),

person_companies as (
    select distinct employee_id, company_key from roster
),

final as (
    select
        m.batch_id, m.file_name, m.imported_at, m.table_name, m.sheet, m.source_row, m.column_header, m.value,
        m.code, m.params, m.row_key
    from messages as m
    where $scope_keys is null
        or (m.table_name = 'roster' and split_part(m.row_key, '|', 1) in (select unnest($scope_keys)))
        or (m.table_name = 'issues' and m.row_key in (select issue_id from base))
        or (m.table_name = 'walkthroughs' and exists (
            select 1 from person_companies as p
            where p.employee_id = regexp_extract(m.row_key, '[^|]*$')
                and p.company_key in (select unnest($scope_keys))
        ))
)

select * from final
order by batch_id, table_name, sheet, source_row
