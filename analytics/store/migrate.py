"""Versioned schema: every ``analytics/sql/migrations/NNNN_*.sql`` applied once, in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "sql" / "migrations"


def migration_files() -> list[tuple[int, Path]]:
    found = sorted((int(p.name.split("_", 1)[0]), p) for p in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))
    versions = [v for v, _ in found]
    if len(versions) != len(set(versions)):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    # duckdb_tables(), not information_schema.tables: the view costs ≈30 ms on a cold connection, and every
    # command (and page) opening the database asks this first (issue #6 start-up).
    exists = con.execute("select count(*) from duckdb_tables() where table_name = 'schema_version'").fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("select coalesce(max(version), 0) from schema_version").fetchall()[0][0]


def pending_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Migration versions shipped with this release and not yet recorded in ``schema_version``."""
    if not current_version(con):
        return [v for v, _ in migration_files()]
    applied = {int(row[0]) for row in con.execute("select version from schema_version").fetchall()}
    return [v for v, _ in migration_files() if v not in applied]


def apply_migrations(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to date in one transaction; returns the resulting version."""
    version = current_version(con)
    # Every migration not yet recorded, not only those above the highest: migrations are numbered when work
    # starts and may land out of order (a store at 0009 must still get a 0006 merged later).
    wanted = set(pending_versions(con))
    pending = [(v, p) for v, p in migration_files() if v in wanted]
    if not pending:
        return version
    con.execute("begin transaction")
    try:
        for v, path in pending:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_version values (?, ?)", [v, dt.datetime.now()])
            version = max(version, v)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return version
