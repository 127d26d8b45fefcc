-- Data quality of issues raised up to $as_of (issues_base.sql spliced in place of the marker below): issues with
-- a category outside SPEC 3.9's list, and closed issues without 解決日期 (SPEC 2.3: a warning).
with base as (
    /*issues_base*/
),

final as (
    select
        issue_id, raised_on, category, status, resolved_on, owner_label as owner_company, owner_department,
        not category_is_standard as nonstandard_category,
        is_closed and resolved_on is null as closed_without_resolved_on
    from base
    where not category_is_standard or (is_closed and resolved_on is null)
)

select * from final
order by issue_id
