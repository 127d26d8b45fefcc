-- SPEC 4.4 headline figures in one row from the issues of issues_base.sql (spliced in place of the marker).
-- Median: linear interpolation (mean of the two middle values). P90: nearest rank, the ceil(0.9 x n)-th smallest.
with base as (
    /*issues_base*/
),

closing as (
    select list_sort(list(days_to_close)) as days
    from base
    where days_to_close is not null
),

final as (
    select
        count(*) as total,
        count(*) filter (where is_closed) as closed,
        count(*) filter (where not is_closed) as open,
        count(*) filter (where is_overdue) as overdue,
        histogram(status) as by_status,
        histogram(kind) as by_kind,
        count(*) filter (where not is_closed and age_days between 0 and 30) as age_0_30,
        count(*) filter (where not is_closed and age_days between 31 and 60) as age_31_60,
        count(*) filter (where not is_closed and age_days between 61 and 90) as age_61_90,
        count(*) filter (where not is_closed and age_days > 90) as age_over_90,
        (select len(days) from closing) as close_n,
        (select quantile_cont(d, 0.5) from (select unnest(days) as d from closing)) as close_median,
        (select days[greatest(1, ceil(0.9 * len(days))::integer)] from closing where len(days) > 0) as close_p90
    from base
)

select * from final
