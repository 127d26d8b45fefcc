"""The DuckDB store: connection, migrations, batches, upserts, rollback (SPEC 2.5)."""
