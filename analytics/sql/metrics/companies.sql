-- The company tree (company_tree.sql) in level order: 總部, then provinces, then cities.
with tree as (
    /*include company_tree*/
)

select * from tree
order by case level when '總部' then 0 when '省公司' then 1 else 2 end, company_key
