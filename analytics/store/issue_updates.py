"""Issue progress recorded in the app (SPEC 9, article 9.3): a status, a progress note, a revised 計畫完成日期.

An update is written exactly like a one-row import of the issue — its own batch (source ``app``), the stored row
replaced through the undo log, one status-history entry carrying the note and due date, one audit entry — so the
timeline, the as-of figures, rollback and 匯入紀錄 treat it like any other change, and a later import simply adds
the next entry. Who may update what is ``analytics.auth.issue_rights.can_update_issue``; it is checked here,
against the stored row, whatever the page showed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics import schema
from analytics.auth.issue_rights import can_read_issue, can_update_issue
from analytics.auth.model import User
from analytics.i18n import t
from analytics.metrics.scope import load_companies
from analytics.metrics.sqlfiles import load_sql as load_metrics_sql
from analytics.missing import is_missing
from analytics.store import upsert as _upsert
from analytics.store.audit import record
from analytics.store.connection import connect
from analytics.store.sql import load_sql

CLOSED = schema.CLOSED_STATUSES
NOTE_LIMIT = 1000  # characters: a progress note is a sentence or two, not a report
_LAST_DAY = dt.date(9999, 12, 31)
_ISSUE_KEYS = [c.key for c in schema.TABLES["issues"].columns]


@dataclass(frozen=True)
class IssueUpdate:
    """What the form sends: the issue, its new 狀態 (canonical term), a note (optional), a new due date (None =
    unchanged)."""

    issue_id: str
    status: str
    note: str | None = None
    due_on: dt.date | None = None


@dataclass(frozen=True)
class IssueUpdateResult:
    ok: bool
    message: str
    batch_id: int | None = None


def load_issue(con, issue_id: str) -> dict | None:
    """The stored issue with ``scope_company_key`` and ``owner_key`` (issue_one.sql), or None."""
    sql = load_sql("issue_one").replace("/*issues_base*/", load_metrics_sql("issues_base"))
    frame = con.execute(sql, {"issue_id": str(issue_id).strip(), "as_of": _LAST_DAY, "scope_keys": None}).df()
    if frame.empty:
        return None
    row = frame.iloc[0].to_dict()
    return {k: (None if is_missing(v) else v) for k, v in row.items()}


def load_issue_timeline(con, issue_id: str) -> pd.DataFrame:
    """Every history entry of the issue, oldest first: changed_at, batch_id, old_status, new_status, note, due_on,
    changed_by, source (import | app), file_name."""
    frame = con.execute(load_sql("issue_timeline"), {"issue_id": str(issue_id).strip()}).df()
    for column in ("old_status", "note", "changed_by", "file_name"):  # blanks as None, not NaN
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def clean_note(text: str | None) -> str | None:
    """A note as stored: control and bidi characters removed (they reverse the page's own text), trimmed."""
    if text is None:
        return None
    kept = "".join(ch for ch in str(text) if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf"))
    return kept.strip() or None


def record_issue_update(db_path: Path | str, update: IssueUpdate, *, user: User | None, lang: str = "zh-Hant",
                        now: dt.datetime | None = None) -> IssueUpdateResult:
    """Check and write one update in one transaction; a refusal changes nothing and says why.

    Refused: an unknown issue, or one outside the user's read scope (the same words: nobody learns that another
    company's issue exists); a user who may not update it; a status outside the vocabulary; a note over
    NOTE_LIMIT characters; a due date before 提出日期; nothing changed. Closing an issue without a 解決日期 dates it
    today; reopening a closed one clears its 解決日期.
    """
    now = now or dt.datetime.now()
    actor = getattr(user, "username", None) or "local"
    note = clean_note(update.note)
    if update.status not in schema.STATUS.canonical_values:
        return IssueUpdateResult(False, t("store.issue_update.bad_status", lang, value=update.status))
    if note is not None and len(note) > NOTE_LIMIT:
        return IssueUpdateResult(False, t("store.issue_update.note_too_long", lang, limit=NOTE_LIMIT, n=len(note)))
    with connect(db_path) as con:
        issue = load_issue(con, update.issue_id)
        tree = load_companies(con)
        if issue is None or not can_read_issue(user, issue, tree):
            return IssueUpdateResult(False, t("store.issue_update.not_found", lang, issue=update.issue_id))
        if not can_update_issue(user, issue, tree):
            return IssueUpdateResult(False, t("store.issue_update.denied", lang, issue=issue["issue_id"]))
        row = _updated_row(issue, update, note, now.date())
        if update.due_on is not None and update.due_on < _date(issue["raised_on"]):
            return IssueUpdateResult(False, t("store.issue_update.due_before_raised", lang,
                                              due=update.due_on.isoformat(), raised=_date(issue["raised_on"])))
        if all(_same(row[k], issue.get(k)) for k in ("status", "progress", "due_on", "resolved_on")):
            return IssueUpdateResult(False, t("store.issue_update.nothing", lang))
        con.execute("set threads = 1")
        con.execute("begin transaction")
        try:
            batch_id = int(con.execute("select nextval('batch_id_seq')").fetchall()[0][0])
            _upsert.stage(con, "issues", pd.DataFrame([row]), now.date())
            counts = _upsert.upsert(con, "issues", batch_id, now)
            con.execute(load_sql("batch_companies_record"), {"batch_id": batch_id})  # scopes 匯入紀錄 (issue #12)
            entry = {"issue_id": row["issue_id"], "status": row["status"], "changed_at": now, "batch_id": batch_id,
                     "note": note, "due_on": row["due_on"]}
            con.execute(load_sql("issue_update_note"), entry)
            con.execute(load_sql("issue_update_entry"),
                        {k: entry[k] for k in ("note", "due_on", "batch_id", "issue_id")})
            detail = {"issue_id": row["issue_id"], "old_status": issue["status"], "status": row["status"],
                      "note": note, "old_due_on": issue.get("due_on"), "due_on": row["due_on"]}
            content = json.dumps(detail, ensure_ascii=False, default=str).encode("utf-8")
            con.execute(load_sql("batch_insert"), {
                "batch_id": batch_id, "file_name": t("store.issue_update.batch_name", "zh-Hant", issue=row["issue_id"]),
                "sha256": hashlib.sha256(content).hexdigest(), "size_bytes": 0, "imported_at": now,
                "imported_by": actor, "status": "active", "strict": False,
                "counts": json.dumps({"issues": {**counts, "rejected": 0, "warnings": 0}}), "archive_path": None,
                "replaces_batch": None, "source": "app",
            })
            record(con, actor, "issue_update", {**detail, "batch_id": batch_id}, at=now)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return IssueUpdateResult(True, t("store.issue_update.done", lang, issue=row["issue_id"], batch=batch_id), batch_id)


def _updated_row(issue: dict, update: IssueUpdate, note: str | None, today: dt.date) -> dict:
    row = {k: issue.get(k) for k in _ISSUE_KEYS}
    row["category_is_standard"] = bool(issue.get("category_is_standard"))
    row["status"] = update.status
    if note is not None:
        row["progress"] = note
    if update.due_on is not None:
        row["due_on"] = update.due_on
    if update.status in CLOSED and row.get("resolved_on") is None:
        row["resolved_on"] = today
    if update.status not in CLOSED:
        row["resolved_on"] = None
    for key in ("raised_on", "due_on", "resolved_on"):
        row[key] = _date(row[key])
    row["_sheet"], row["_row"] = "app", None
    return row


def _date(value: object) -> dt.date | None:
    if value is None or is_missing(value):
        return None
    return pd.Timestamp(value).date()


def _same(a: object, b: object) -> bool:
    a = None if a is None or is_missing(a) else a
    b = None if b is None or is_missing(b) else b
    if isinstance(a, (dt.date, pd.Timestamp)) or isinstance(b, (dt.date, pd.Timestamp)):
        return _date(a) == _date(b)
    return a == b


def load_owned_open_issues(con, company_key: str, department_key: str, *, as_of: dt.date) -> pd.DataFrame:
    """Open issues whose 責任單位 is ``company_key`` and whose 責任部門 folds to ``department_key`` (the department
    user's work list), most overdue first: issue_id, raised_on, due_on, status, category, description, progress,
    is_overdue."""
    from analytics.textnorm import match_key

    sql = load_sql("issues_owned_open").replace("/*issues_base*/", load_metrics_sql("issues_base"))
    frame = con.execute(sql, {"company_key": company_key, "as_of": as_of, "scope_keys": None}).df()
    if frame.empty:
        return frame
    keys = {d: match_key(d) for d in frame["owner_department"].dropna().unique()}
    return frame[frame["owner_department"].map(keys) == department_key].reset_index(drop=True)
