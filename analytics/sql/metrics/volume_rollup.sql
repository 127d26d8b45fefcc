-- SPEC 4.3 task volume per company with roll-up (a city counts in itself, its province and 總部; a province in
-- itself and 總部), by period, from the rows of volume_rows.sql (spliced in place of the marker below). Rows whose
-- 工號 is on no roster count in no company. All periods lie in one calendar year; counted by volume_counts.sql
-- (month masks).
with base as (
    /*volume_rows*/
),

periods as (
    /*include period_masks*/
),

targets as (
    /*include rollup_targets*/
),

grouped as (
    select
        t.target_key as group_key, t.target_key as company_key, null::varchar as department, b.activity_key,
        b.employee_id, (1 << (month(b.date)::integer - 1))::integer as month_bit
    from base as b
    join targets as t on t.company_key = b.company_key
    where $scope_keys is null or t.target_key in (select unnest($scope_keys))
),

final as (
    /*include volume_counts*/
)

select * from final
