-- The batches page and `python -m analytics batches`: newest first, with the companies each batch touched
-- (batch_companies, issue #12 finding 4; an empty list when none is known).
with touched as (
    select batch_id, list(company_key order by company_key) as companies
    from batch_companies
    group by batch_id
),

listed as (
    select
        b.batch_id, b.file_name, b.sha256, b.size_bytes, b.imported_at, b.imported_by, b.status, b.strict,
        cast(b.counts as varchar) as counts, b.archive_path, b.rolled_back_at, b.rolled_back_by,
        b.replaces_batch, coalesce(b.source, 'import') as source,
        coalesce(t.companies, cast([] as varchar[])) as companies
    from batches as b
    left join touched as t on t.batch_id = b.batch_id
),

final as (
    select * from listed order by batch_id desc
)

select * from final
