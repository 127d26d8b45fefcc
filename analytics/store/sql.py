"""Reading the store's SQL files (analytics/sql/store/NAME.sql), one statement per file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql" / "store"


@cache
def load_sql(name: str) -> str:
    """The text of ``analytics/sql/store/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def render_sql(name: str, **identifiers: str) -> str:
    """A templated statement with identifier lists filled in.

    Only for identifiers built by ``analytics.store.tables`` from the fixed column lists (an allow-list), never
    for values or user text: values are always bound parameters.
    """
    return load_sql(name).format(**identifiers)
