-- One batch with the companies it touched (batch_companies, issue #12 finding 4) for the scope checks.
with touched as (
    select list(company_key order by company_key) as companies
    from batch_companies
    where batch_id = $batch_id
),

one as (
    select
        b.batch_id, b.file_name, b.sha256, b.status, b.archive_path, b.imported_by,
        coalesce(t.companies, cast([] as varchar[])) as companies
    from batches as b
    cross join touched as t
    where b.batch_id = $batch_id
),

final as (
    select * from one
)

select * from final
