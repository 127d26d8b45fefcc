-- SPEC 2.5: a file byte-identical to an imported (still active) batch is reported as already imported.
with active as (
    select batch_id
    from batches
    where sha256 = $sha256 and status = 'active'
),

final as (
    select min(batch_id) as batch_id from active
)

select * from final
