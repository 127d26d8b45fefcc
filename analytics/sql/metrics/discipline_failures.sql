-- The failing rows of one SPEC 4.2 check ($check) from discipline_rows.sql (spliced in by
-- analytics/metrics/discipline.py in place of the marker below), with the company as written in the roster.
with base as (
    /*discipline_rows*/
),

companies as (
    -- the name as written in the company's latest snapshot: the tree, written once
    /*include company_tree*/
),

final as (
    select b.*, c.company
    from base as b
    left join companies as c using (company_key)
    where b."check" = $check and b.applicable and not b.passing
)

select * from final
