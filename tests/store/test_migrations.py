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


def test_a_migration_merged_later_with_a_lower_number_is_still_applied(tmp_path, monkeypatch):
    """Migrations are numbered when work starts and can land out of order: a store that already has 0001 and 0003
    gets 0002 on its next open (applying only versions above the highest would skip it forever)."""
    import duckdb

    from analytics.store import migrate

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("create table schema_version (version integer, applied_at timestamp);"
                                       "create table a (x integer);", encoding="utf-8")
    (folder / "0003_c.sql").write_text("create table c (x integer);", encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    assert migrate.apply_migrations(con) == 3
    (folder / "0002_b.sql").write_text("create table b (x integer);", encoding="utf-8")
    assert migrate.pending_versions(con) == [2]
    assert migrate.apply_migrations(con) == 3
    assert con.execute("select version from schema_version order by 1").fetchall() == [(1,), (2,), (3,)]
    assert con.execute("select count(*) from b").fetchone()[0] == 0
    assert migrate.pending_versions(con) == []
