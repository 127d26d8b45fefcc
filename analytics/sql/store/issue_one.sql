-- One stored issue with the company it belongs to for scoping (issues_base.sql's rule: the owner company on the
-- roster, else the raiser's company), for the progress form's permission check. $as_of is the last day there is.
with base as (
    /*issues_base*/
),

final as (
    select * from base where issue_id = $issue_id
)

select * from final
