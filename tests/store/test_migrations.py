"""Schema migrations: applied once, in order, also for a database that only readers have opened since an upgrade."""

from __future__ import annotations

import duckdb

from analytics.store.connection import connect
from analytics.store.maintenance import latest_version
from analytics.store.migrate import apply_migrations, current_version


def test_migrations_apply_once(db):
    with connect(db) as con:
        assert current_version(con) == latest_version()
        assert apply_migrations(con) == latest_version()
        # one row per migration file (numbers are assigned per branch, so they need not be contiguous)
        from analytics.store.migrate import migration_files

        assert con.execute("select count(*) from schema_version").fetchall() == [(len(migration_files()),)]


def test_read_only_open_upgrades_an_older_database(db):
    db.parent.mkdir(parents=True)
    con = duckdb.connect(str(db))
    from analytics.store.migrate import migration_files

    version, first = migration_files()[0]
    con.execute(first.read_text(encoding="utf-8"))
    con.execute("insert into schema_version values (?, now())", [version])
    con.close()
    with connect(db, read_only=True) as con:
        assert current_version(con) == latest_version()
        assert con.execute("select count(*) from audit_log").fetchall() == [(0,)]
