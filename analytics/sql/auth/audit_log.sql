-- The audit log (who did what, when), newest first. Every filter is optional: a null parameter keeps all rows.
-- "at" is quoted: it is a keyword of DuckDB's grammar.
with filtered as (
    select "at", actor, action, detail
    from audit_log
    where (cast($actor as varchar) is null or actor = cast($actor as varchar))
      and (cast($action as varchar) is null or action = cast($action as varchar))
      and (cast($since as timestamp) is null or "at" >= cast($since as timestamp))
      and (cast($until as timestamp) is null or "at" < cast($until as timestamp))
      -- plain substring test (not LIKE): % and _ typed by a person are not wildcards
      and (cast($text as varchar) is null
           or contains(lower(cast(detail as varchar)), lower(cast($text as varchar))))
),

final as (
    select "at", actor, action, cast(detail as varchar) as detail
    from filtered
    order by "at" desc, actor, action
    limit $row_limit
)

select * from final
