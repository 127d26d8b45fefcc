"""Issue #13 item 4: the store's column lists (analytics/store/tables.py, read from analytics/schema.py) are exactly
the columns of the migrated tables and of their undo tables."""

from __future__ import annotations

from analytics import schema
from analytics.store.connection import connect
from analytics.store.tables import STORED


def _columns(con, table: str) -> set[str]:
    return {row[0] for row in con.execute(
        "select column_name from information_schema.columns where table_name = ?", [table]).fetchall()}


def test_stored_columns_are_the_migrated_tables():
    with connect(":memory:") as con:
        for spec in STORED.values():
            assert set(spec.columns) == _columns(con, spec.name), spec.name
            assert len(spec.columns) == len(set(spec.columns)), spec.name
            assert _columns(con, spec.undo) == {"undo_batch_id", *spec.columns}, spec.undo


def test_every_schema_column_is_stored_under_its_key():
    assert set(STORED) == set(schema.TABLES)
    for name, table in schema.TABLES.items():
        assert {c.key for c in table.columns} <= set(STORED[name].columns), name
    # hand-checked against migration 0001: the roster derives three match keys and nothing else
    assert set(STORED["roster"].columns) - {c.key for c in schema.ROSTER.columns} == {
        "company_key", "parent_key", "department_key", "batch_id", "source_row"}
    assert STORED["issues"].values == (
        "activity_id", "raised_by", "raised_on", "kind", "category", "description", "owner_company",
        "owner_department", "status", "due_on", "resolved_on", "progress", "work_order_id", "category_is_standard",
        "owner_company_key")
