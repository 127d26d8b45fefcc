with one as (
    select batch_id, file_name, sha256, status, archive_path
    from batches
    where batch_id = $batch_id
),

final as (
    select * from one
)

select * from final
