"""Batches: listing, exact rollback through the undo log, and the archived originals (SPEC 2.5)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from analytics.auth.model import User
from analytics.auth.scope import can_read_batch, can_rollback
from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.ingest.filenames import clean_file_name
from analytics.metrics.scope import load_companies
from analytics.store import archive
from analytics.store.audit import record
from analytics.store.connection import connect
from analytics.store.sql import load_sql, render_sql
from analytics.store.tables import STORED


@dataclass
class RollbackResult:
    """The outcome of a rollback request. ``ok`` False means refused (nothing changed); ``message`` says why."""

    batch_id: int
    ok: bool
    message: str
    blocked_by: list[int] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)  # rows of the batch deleted, per table
    restored: dict[str, int] = field(default_factory=dict)  # replaced rows put back, per table


def list_batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every batch, newest first: batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status
    (active | rolled_back | rejected), strict, counts (dict per table), archive_path, rolled_back_at/by,
    replaces_batch (the batch this one corrected, issue #11 item 7; <NA> for most), companies (list of the company
    keys the batch touched, issue #12 finding 4; [] when none is known)."""
    frame = con.execute(load_sql("batches_list")).df()
    frame["counts"] = [json.loads(c) if isinstance(c, str) else {} for c in frame["counts"]]
    frame["replaces_batch"] = frame["replaces_batch"].astype("Int64")  # NULL for most: keep it an integer
    frame["companies"] = [[str(c) for c in cs] if cs is not None else [] for cs in frame["companies"]]
    return frame


def blocking_batches(con: duckdb.DuckDBPyConnection, batch_id: int) -> list[int]:
    """Later active batches that changed rows of ``batch_id`` (they must be rolled back first), newest first."""
    found = {row[0] for row in con.execute(load_sql("rollback_blockers"), {"batch_id": batch_id}).fetchall()}
    for spec in STORED.values():
        sql = render_sql("rollback_key_blockers", **spec.identifiers())
        found.update(row[0] for row in con.execute(sql, {"batch_id": batch_id}).fetchall())
    return sorted(found, reverse=True)


def rollback_batch(
    db_path: Path | str, batch_id: int, *, user: str, lang: str = "zh-Hant", now: dt.datetime | None = None,
    acting: User | None = None,
) -> RollbackResult:
    """Undo batch ``batch_id``: delete the rows it wrote, restore what it replaced, drop its status history.

    Refused (``ok`` False, database unchanged) when the batch does not exist, is not active, or a later active
    batch changed its rows: the message names the batch to roll back first. Recorded in the audit log.
    ``acting``: the signed-in user, who must be allowed to roll it back (``can_rollback``, checked here against the
    stored batch whatever the page showed); None (local mode, the command line) is not limited.
    """
    now = now or dt.datetime.now()
    with connect(db_path) as con:
        refusal = rollback_refusal(con, batch_id, lang, acting=acting)
        if refusal is not None:
            return refusal
        result = RollbackResult(batch_id, True, t("store.rollback.done", lang, batch=batch_id))
        con.execute("begin transaction")
        try:
            undo_batch(con, batch_id, result, user=user, now=now)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return result


def rollback_refusal(con: duckdb.DuckDBPyConnection, batch_id: int, lang: str = "zh-Hant", *,
                     acting: User | None = None) -> RollbackResult | None:
    """Why ``batch_id`` cannot be rolled back now (a refused ``RollbackResult`` naming what to do), or None.

    ``acting``: a signed-in user must be allowed to roll it back; a batch outside what they may read is refused
    in the words of a missing one (nobody learns what another company imported).
    """
    rows = con.execute(load_sql("batch_get"), {"batch_id": batch_id}).fetchall()
    row = rows[0] if rows else None
    if row is None or not _readable(con, row, acting):
        return RollbackResult(batch_id, False, t("store.rollback.not_found", lang, batch=batch_id))
    if acting is not None and not can_rollback(acting, _batch_record(row), load_companies(con)):
        return RollbackResult(batch_id, False, t("store.scope.rollback_denied", lang, batch=batch_id))
    status = row[3]
    if status != "active":
        label = t(f"store.batch_status.{status}", lang)
        return RollbackResult(batch_id, False, t("store.rollback.not_active", lang, batch=batch_id, status=label))
    blockers = blocking_batches(con, batch_id)
    if blockers:
        later = "、".join(str(b) for b in blockers)
        message = t("store.rollback.blocked", lang, batch=batch_id, later=later, first=blockers[0])
        return RollbackResult(batch_id, False, message, blocked_by=blockers)
    return None


def undo_batch(con: duckdb.DuckDBPyConnection, batch_id: int, result: RollbackResult, *, user: str,
               now: dt.datetime, replaced_by_file: str | None = None) -> None:
    """Undo an active, unblocked batch inside the caller's open transaction (``rollback_refusal`` said None).

    Fills ``result.removed`` / ``result.restored`` and records the rollback in the audit log; the caller commits.
    ``replaced_by_file`` names the corrected file when the undo is part of ``import --replaces`` (issue #11).
    """
    file_name = con.execute(load_sql("batch_get"), {"batch_id": batch_id}).fetchall()[0][1]
    params = {"batch_id": batch_id}
    for name, spec in STORED.items():
        ids = spec.identifiers()
        result.removed[name] = _affected(con, render_sql("rollback_delete", **ids), params)
        result.restored[name] = _affected(con, render_sql("rollback_restore", **ids), params)
        con.execute(render_sql("rollback_forget_undo", **ids), params)
    con.execute(load_sql("rollback_history"), params)
    con.execute(load_sql("rollback_messages"), params)
    con.execute(load_sql("batch_mark_rolled_back"), {**params, "at": now, "user": user})
    details = {"batch_id": batch_id, "file_name": file_name, "removed": result.removed, "restored": result.restored}
    if replaced_by_file is not None:
        details["replaced_by_file"] = replaced_by_file
    record(con, user, "rollback", details, at=now)


def _affected(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> int:
    """Run a DELETE/INSERT and return how many rows it touched (DuckDB returns the count as a result row)."""
    rows = con.execute(sql, params).fetchall()
    return int(rows[0][0]) if rows else 0


def _batch_record(row: tuple) -> dict:
    """A ``batch_get`` row as the mapping ``analytics.auth.scope`` reads."""
    return {"batch_id": row[0], "imported_by": row[5], "companies": [str(c) for c in (row[6] or [])]}


def _readable(con: duckdb.DuckDBPyConnection, row: tuple, acting: User | None) -> bool:
    return acting is None or can_read_batch(acting, _batch_record(row), load_companies(con))


def load_archived_file(db_path: Path | str, batch_id: int, *, lang: str = "zh-Hant",
                       acting: User | None = None) -> tuple[str, bytes]:
    """The original upload of a batch: (file name as uploaded, bytes). Raises UserFacingError when unavailable.

    ``acting``: a signed-in user gets only the files of batches they may read (``can_read_batch``, issue #12
    finding 4: the file holds names and 工號); another company's batch reads as missing. None is not limited.
    """
    with connect(db_path, read_only=True) as con:
        rows = con.execute(load_sql("batch_get"), {"batch_id": batch_id}).fetchall()
        row = rows[0] if rows else None
        if row is not None and not _readable(con, row, acting):
            row = None
    if row is None:
        raise UserFacingError(t("store.rollback.not_found", lang, batch=batch_id))
    file_name, sha, rel = row[1], row[2], row[4]
    try:
        content = archive.read_original(Path(db_path), rel or archive.relative_path(sha))
    except (OSError, ValueError) as exc:
        raise UserFacingError(t("store.archive_missing", lang, batch=batch_id)) from exc
    return clean_file_name(file_name), content  # batches stored before names were cleaned (issue #12)
