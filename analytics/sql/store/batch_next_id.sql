-- The number nextval('batch_id_seq') would give next, without taking it (the import's dry run, plan_import):
-- DuckDB does not roll a sequence back, so a preview must not call nextval.
with seq as (
    select coalesce(last_value + increment_by, start_value) as next_id
    from duckdb_sequences()
    where sequence_name = 'batch_id_seq'
),

final as (
    select next_id from seq
)

select * from final
