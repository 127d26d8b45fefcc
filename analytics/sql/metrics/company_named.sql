-- The name and level of each company's latest roster snapshot in one pass over the roster (arg_max), for the
-- national-scale queries that only name a company: quota_base, discipline_summary, issues_base. company_tree.sql
-- (the tree, with parents) gives the same values whenever a snapshot spells its company one way, and breaks ties
-- by the most frequent spelling; it costs three times this pass (+0.2 s of 0.6 s for the national quota year).
-- A caller that keeps only some companies filters on company_key outside.
with final as (
    select company_key, arg_max(company, effective_date) as company, arg_max(level, effective_date) as level
    from roster
    group by company_key
)

select * from final
