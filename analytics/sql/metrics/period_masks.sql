-- The periods bound as $period_codes, $period_kinds, $period_starts and $period_ends (parallel lists, all in one
-- calendar year), each with the 12-bit mask of its months (bit 0 = January), so that "row in period" is a bit test.
-- Included (sqlfiles.load_sql) by volume_by.sql, volume_rollup.sql and volume_summary.sql as their CTE `periods`,
-- and by quota_base.sql as its CTE `period_masks`.
with final as (
    select
        unnest($period_codes) as period,
        unnest($period_kinds) as period_kind,
        unnest($period_starts)::date as period_start,
        unnest($period_ends)::date as period_end,
        ((1 << month(unnest($period_ends)::date)::integer) - (1 << (month(unnest($period_starts)::date)::integer - 1)))
            ::integer as month_mask
)

select * from final
