"""The audit log hook: who did what, when (issue #7). The table comes from migration 0002; analytics/auth reads it.

Call :func:`record` with the same connection, inside the same transaction as the change it describes, so an
audit entry exists exactly when the change was committed. Reading the log is analytics.auth.audit's job. The column
``at`` must be quoted in SQL ("at"): AT is a keyword of DuckDB 2.0's grammar.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from analytics.store.sql import load_sql


def _json_default(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def record(
    con: duckdb.DuckDBPyConnection, actor: str, action: str, detail: dict, *, at: dt.datetime | None = None
) -> None:
    """Append one audit entry (``at`` defaults to now, local time like batches.imported_at)."""
    con.execute(
        load_sql("audit_insert"),
        {
            "at": at or dt.datetime.now(),
            "actor": actor,
            "action": action,
            "detail": json.dumps(detail, ensure_ascii=False, default=_json_default),
        },
    )

