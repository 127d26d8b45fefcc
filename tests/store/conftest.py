"""Fixtures of the store tests: a fresh database file per test and helpers to compare whole states."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.store.connection import connect

STATE_TABLES = ("roster", "walkthroughs", "issues", "issue_status_history")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "walkthrough.duckdb"


def state(db_path: Path, tables: tuple[str, ...] = STATE_TABLES) -> dict[str, list[tuple]]:
    """Every row of the data tables, sorted, so two states compare exactly."""
    out: dict[str, list[tuple]] = {}
    with connect(db_path, read_only=True) as con:
        for table in tables:
            rows = con.execute(f"select * from {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def scalar(db_path: Path, sql: str, params: dict | None = None):
    with connect(db_path, read_only=True) as con:
        return con.execute(sql, params or {}).fetchall()[0][0]


def rows(db_path: Path, sql: str, params: dict | None = None) -> list[tuple]:
    with connect(db_path, read_only=True) as con:
        return con.execute(sql, params or {}).fetchall()


ROOT = Path(__file__).resolve().parents[2]
