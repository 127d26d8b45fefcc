-- The batches page and `python -m analytics batches`: newest first.
with listed as (
    select
        batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict,
        cast(counts as varchar) as counts, archive_path, rolled_back_at, rolled_back_by,
        replaces_batch, coalesce(source, 'import') as source
    from batches
),

final as (
    select * from listed order by batch_id desc
)

select * from final
