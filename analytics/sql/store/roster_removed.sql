-- SPEC 2.1: a roster import replaces, per company present in it, that company's staff as of effective_date.
-- Stored staff of a replaced snapshot (company_key, effective_date) who are not in the file leave it.
create or replace temp table removed as
with snapshots as (
    select distinct company_key, effective_date
    from stage
),

in_snapshots as (
    select t.*
    from roster as t
    inner join snapshots as p on t.company_key = p.company_key and t.effective_date = p.effective_date
),

final as (
    -- a person whose row of this file was rejected (temp table rejected_ids) keeps their place until fixed
    select t.*
    from in_snapshots as t
    anti join stage as s on t.employee_id = s.employee_id
        and t.company_key = s.company_key and t.effective_date = s.effective_date
    anti join rejected_ids as x on t.employee_id = x.employee_id
)

select * from final
