-- Template (identifiers from analytics.store.tables): each staged row of {table} is new (key not stored), updated
-- (a stored value differs) or unchanged (SPEC 2.5 counts). Creates the temp table `changes`.
create or replace temp table changes as
with matched as (
    select
        s.*,
        t.batch_id as old_batch_id,
        case
            when t.batch_id is null then 'new'
            when {value_diff_ts} then 'updated'
            else 'unchanged'
        end as change
    from stage as s
    left join {table} as t on {key_match_ts}
),

final as (
    select * from matched
)

select * from final
