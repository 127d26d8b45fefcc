-- Active batches and where their original should be in the archive.
with active as (
    select batch_id, archive_path
    from batches
    where status = 'active'
),

final as (
    select * from active order by batch_id
)

select * from final
