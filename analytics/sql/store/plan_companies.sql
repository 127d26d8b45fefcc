-- The stored company of each plan of $plan_ids, so that a lead's upload may only change plans of its scope
-- (issue #12 finding 5, as for issues).
with wanted as (
    select distinct unnest(cast($plan_ids as varchar[])) as plan_id
),

final as (
    select p.plan_id, p.company_key
    from plans as p
    inner join wanted as w on w.plan_id = p.plan_id
)

select * from final
