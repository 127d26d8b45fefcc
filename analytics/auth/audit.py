"""The audit log as the admin page and ``python -m analytics audit`` read it, and events of sign-in and users.

The table ``audit_log(at, actor, action, detail json)`` and its writer ``record(con, actor, action, detail)`` belong
to ``analytics.store.audit`` (imports and rollbacks are recorded there inside their own transaction). This module
adds the events of this part — sign-in, sign-out, user changes, refused scopes — and the read side.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pandas as pd

SIGN_IN = "sign_in"
SIGN_IN_FAILED = "sign_in_failed"
SIGN_OUT = "sign_out"
USER_ADD = "user_add"
USER_REMOVE = "user_remove"
USER_PASSWD = "user_passwd"
SCOPE_DENIED = "scope_denied"
AUTH_ACTIONS: tuple[str, ...] = (SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, USER_ADD, USER_REMOVE, USER_PASSWD, SCOPE_DENIED)
AUDIT_COLUMNS: tuple[str, ...] = ("at", "actor", "action", "detail")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SQL_DIR = Path(__file__).resolve().parent.parent / "sql" / "auth"


def _sql(name: str) -> str:
    return (_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _has_audit_table(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "select count(*) from information_schema.tables where table_name = 'audit_log'"
    ).fetchone()[0])


def load_audit_log(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, action: str | None = None,
                   since: dt.datetime | dt.date | None = None, until: dt.datetime | dt.date | None = None,
                   text: str | None = None, limit: int = 10_000) -> pd.DataFrame:
    """Audit entries newest first: columns ``at`` (timestamp), ``actor``, ``action``, ``detail`` (JSON text).

    ``since`` is inclusive and ``until`` exclusive; a date means its midnight. ``text`` keeps entries whose detail
    contains it (case-insensitive). A database without the table (an older schema) reads as empty.
    """
    if not _has_audit_table(con):
        return pd.DataFrame(columns=list(AUDIT_COLUMNS))
    params = {"actor": actor, "action": action, "since": _as_datetime(since), "until": _as_datetime(until),
              "text": text or None, "row_limit": int(limit)}
    return con.execute(_sql("audit_log"), params).df()


def load_audit_facets(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """``{"actor": [...], "action": [...]}`` present in the log (for filter choices)."""
    facets: dict[str, list[str]] = {"actor": [], "action": []}
    if not _has_audit_table(con):
        return facets
    for facet, value in con.execute(_sql("audit_facets")).fetchall():
        facets[facet].append(value)
    return facets


def _as_datetime(value: dt.datetime | dt.date | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time())


def record_event(db_path: Path | str, actor: str, action: str, detail: dict | None = None, *,
                 timeout_s: float = 10.0) -> bool:
    """Append one entry through ``analytics.store.audit.record`` when the database exists.

    Returns whether it was written. A missing database is not created for an audit line (the first import or
    ``demo`` creates it); the caller says so to the user where that matters (CLI).
    """
    path = Path(db_path)
    if not path.exists():
        return False
    from analytics.store.audit import record
    from analytics.store.connection import connect

    with connect(path, timeout_s=timeout_s) as con:
        record(con, actor, action, detail or {})
    return True


def detail_text(detail: object) -> str:
    """A detail JSON value as compact readable text (``key=value; ...``) for tables and the CLI."""
    if detail is None or (isinstance(detail, float) and detail != detail):
        return ""
    data = detail
    if isinstance(detail, str):
        try:
            data = json.loads(detail)
        except ValueError:
            return detail
    if isinstance(data, dict):
        return "; ".join(f"{k}={_plain(v)}" for k, v in data.items() if v is not None and v != "")
    return _plain(data)


def _plain(value: object) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    # A file name from an upload may carry terminal escape sequences; the CLI prints this text as is.
    return _CONTROL.sub("\ufffd", "" if value is None else str(value))
