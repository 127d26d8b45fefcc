-- The company each stored issue of $issue_ids belongs to for scoping (issues_base.sql's rule, spliced in place of
-- the marker below: the owner company on the roster, else the raiser's company), so that an upload by a lead may
-- only change issues its scope owns (issue #12 finding 5). $as_of is the last day there is.
with base as (
    /*issues_base*/
),

wanted as (
    select distinct unnest(cast($issue_ids as varchar[])) as issue_id
),

final as (
    select b.issue_id, b.scope_company_key
    from base as b
    inner join wanted as w on w.issue_id = b.issue_id
)

select * from final
