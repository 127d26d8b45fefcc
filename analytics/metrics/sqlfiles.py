"""Load the queries of ``analytics/sql/metrics/`` (one query per file, STYLE 4)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql" / "metrics"


@lru_cache(maxsize=64)
def load_sql(name: str) -> str:
    """The text of ``analytics/sql/metrics/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def load_composed(outer: str, inner: str) -> str:
    """``outer`` with the query ``inner`` spliced in place of its ``/*inner*/`` marker (a shared base query)."""
    return load_sql(outer).replace(f"/*{inner}*/", load_sql(inner))
