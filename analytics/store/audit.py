"""The audit log hook: who did what, when (issue #7). The table comes from migration 0002; analytics/auth reads it.

Call :func:`record` with the same connection, inside the same transaction as the change it describes, so an
audit entry exists exactly when the change was committed.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

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


def load_audit_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every audit entry, newest first: at, actor, action, detail (JSON text)."""
    return con.execute(load_sql("audit_list")).df()
