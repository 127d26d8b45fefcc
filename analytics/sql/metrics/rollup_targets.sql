-- The roll-up of SPEC 4.3: the companies (target_key) in which a company's rows count: itself; a city (地市公司) also
-- its province; every company also 總部. A company's level and parent are those of its latest roster snapshot
-- (company_tree.sql, the one tree). Included (sqlfiles.load_sql) by volume_rollup.sql and volume_summary.sql as
-- their CTE `targets`; the Python twin is analytics.auth.scope.CompanyTree.contains.
with companies as (
    /*include company_tree*/
),

final as (
    select company_key, company_key as target_key from companies
    union
    select c.company_key, c.parent_key
    from companies as c
    join companies as parent on parent.company_key = c.parent_key
    where c.level = '地市公司'
    union
    select c.company_key, hq.company_key
    from companies as c
    cross join (select company_key from companies where level = '總部') as hq
)

select * from final
