-- Issue #16 item 10: staged issue rows whose 責任單位 no roster snapshot names, neither as a company nor as a parent
-- company (the file's own roster is already written when issues are staged). Such a row is kept but lies in no
-- company's scope, so the import warns, in its preview and in its result.
with known as (
    select distinct company_key as company_key from roster
    union
    select distinct parent_key from roster where parent_key is not null
),

unknown as (
    select s.source_sheet, s.source_row, s.owner_company, s.issue_id
    from stage as s
    anti join known as k on s.owner_company_key = k.company_key
    where s.owner_company_key is not null
),

final as (
    select * from unknown
    order by source_sheet, source_row, issue_id
)

select * from final
