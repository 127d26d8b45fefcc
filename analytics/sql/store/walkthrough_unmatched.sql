-- SPEC 2.2: a 工號 missing from the roster (every snapshot) is imported but flagged as unmatched.
with unmatched as (
    select s.source_sheet, s.source_row, s.employee_id, s.activity_key
    from stage as s
    anti join (select distinct employee_id from roster) as r on s.employee_id = r.employee_id
),

final as (
    select * from unmatched order by source_sheet, source_row, employee_id
)

select * from final
