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


def apply_migrations(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to date in one transaction; returns the resulting version."""
    version = current_version(con)
    pending = [(v, p) for v, p in migration_files() if v > version]
    if not pending:
        return version
    con.execute("begin transaction")
    try:
        for v, path in pending:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_version values (?, ?)", [v, dt.datetime.now()])
            version = v
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return version
