-- The company named by a key, as its latest roster snapshot writes it (used to check `users add --company`); no
-- row when no snapshot has it. From the tree (metrics/company_tree.sql, included by sqlfiles.expand_includes).
with tree as (
    /*include company_tree*/
),

final as (
    select company, level
    from tree
    where company_key = $company_key
)

select * from final
