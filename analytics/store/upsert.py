"""Set-based upserts of one file's valid rows by the keys of SPEC 2.5, with an undo log for exact rollback.

Each table goes: register the parsed frame → temp table ``stage`` (typed as stored) → temp table ``changes``
(new / updated / unchanged) → prior rows copied to ``undo_<table>`` → replaced rows deleted → the file's rows
inserted as the batch's own. No Python loop over rows; ``match_key`` runs on unique names only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import pandas as pd

from analytics import schema
from analytics.ingest.model import Problem
from analytics.store.sql import load_sql, render_sql
from analytics.store.tables import STORED, StoredTable
from analytics.textnorm import match_key, normalize_id

# Columns whose match_key is stored beside them (docs/ARCHITECTURE.md "Data model").
_KEYED_NAMES = {
    "roster": (("company", "company_key"), ("parent_company", "parent_key"), ("department", "department_key")),
    "issues": (("owner_company", "owner_company_key"),),
    "contacts": (("company", "company_key"), ("department", "department_key")),
    "plans": (("company", "company_key"), ("department", "department_key")),
}
_INPUT_EXTRA = {"walkthroughs": ("activity_key",), "issues": ("category_is_standard",),
                "plans": ("period_start", "period_end")}
# Extras the reader always computes and the store cannot do without (the row's identity, the plan's period);
# category_is_standard has a rule to fall back on (below), _sheet/_row only locate messages.
_REQUIRED_EXTRA = {"walkthroughs": ("activity_key",), "plans": ("period_start", "period_end")}


class MissingColumn(ValueError):
    """A table's frame lacks a column the store needs; ``problem`` says which, where and what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.table}: column {problem.column} is missing")
        self.problem = problem


def check_columns(table: str, frame: pd.DataFrame, file_name: str) -> None:
    """Raise ``MissingColumn`` when ``frame`` lacks a required column of ``table`` (analytics/schema.py).

    ``parse_file`` always gives every column; a frame made another way (a program, a future reader) that misses
    one must not be stored with blanks that no row rule ever checked. Optional columns may be absent.
    """
    spec = schema.TABLES[table]
    required = [(c.key, c.header) for c in spec.required_columns]
    required += [(key, key) for key in _REQUIRED_EXTRA.get(table, ())]
    missing = [(key, header) for key, header in required if key not in frame.columns]
    if not missing:
        return
    sheets = sorted({str(v) for v in frame["_sheet"].dropna().unique()}) if "_sheet" in frame.columns else []
    headers = "、".join(header for _key, header in missing)
    raise MissingColumn(Problem("error", "store.missing_column", file_name, "、".join(sheets) or None, None,
                                headers, None, table))


def prepare_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The parsed rows with every schema column present (optional ones blank when absent; a missing required one
    is refused by ``check_columns`` before this) and the *_key columns filled (unique values only)."""
    spec = schema.TABLES[table]
    wanted = [c.key for c in spec.columns] + list(_INPUT_EXTRA.get(table, ())) + ["_sheet", "_row"]
    out = frame.reindex(columns=wanted)  # a new frame (copy-on-write): the caller's frame is never modified
    for name_col, key_col in _KEYED_NAMES.get(table, ()):
        names = out[name_col]
        uniques = names.dropna().unique()
        folded = {name: (match_key(name) or None) for name in uniques}
        out[key_col] = names.map(folded).astype(object)
    if table == "issues" and out["category_is_standard"].isna().all():
        standard = set(schema.ISSUE_CATEGORY.canonical_values)
        out["category_is_standard"] = out["category"].isna() | out["category"].isin(standard)
    return out


def rejected_employee_ids(rejects: pd.DataFrame | None) -> list[str]:
    """工號 of the roster rows the reader rejected (found by header among the file's own headers)."""
    if rejects is None or not len(rejects):
        return []
    lookup = schema.ROSTER.header_lookup()
    columns = [c for c in rejects.columns if lookup.get(match_key(c)) == "employee_id"]
    if not columns:
        return []
    values = rejects[columns[0]].dropna().astype(str).unique()
    return sorted({normalize_id(v) for v in values} - {""})


def stage(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, import_date: dt.date,
          file_name: str = "") -> int:
    """Create the temp table ``stage`` from ``frame``; returns its row count. Raises ``MissingColumn``."""
    check_columns(table, frame, file_name)
    con.register("incoming", prepare_frame(table, frame))
    try:
        sql = load_sql(f"stage_{table}")
        params = {"import_date": import_date} if "$import_date" in sql else {}
        con.execute(f"create or replace temp table stage as {sql}", params)
    finally:
        con.unregister("incoming")
    ids = STORED[table].identifiers()
    if con.execute(render_sql("stage_duplicates", **ids)).fetchall()[0][0]:
        con.execute(render_sql("stage_dedupe", **ids))
    return con.execute("select count(*) from stage").fetchall()[0][0]


def upsert(con: duckdb.DuckDBPyConnection, table: str, batch_id: int, now: dt.datetime,
           rejected_ids: Sequence[str] = ()) -> dict[str, int]:
    """Apply the staged rows of ``table`` for batch ``batch_id``; returns new / updated / unchanged (/ removed).

    ``rejected_ids`` (roster only): 工號 whose row in this file was rejected; they are not removed from a replaced
    snapshot, so a typo in one row does not take a person off the roster.
    """
    spec: StoredTable = STORED[table]
    ids = spec.identifiers()
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    if table == "roster":
        counts["removed"] = _replace_snapshots(con, batch_id, rejected_ids)
    if table == "issues":
        con.execute(load_sql("issue_history"), {"changed_at": now, "batch_id": batch_id})
    con.execute(render_sql("classify", **ids))
    for change, n in con.execute(load_sql("count_changes")).fetchall():
        counts[change] = int(n)
    if counts["updated"] or counts["unchanged"]:  # some stored rows are re-written: keep them for the undo log
        con.execute(render_sql("undo_replaced", **ids), {"batch_id": batch_id})
        con.execute(render_sql("delete_replaced", **ids))
    con.execute(render_sql("insert_changes", **ids), {"batch_id": batch_id})
    return counts


def _replace_snapshots(con: duckdb.DuckDBPyConnection, batch_id: int, rejected_ids: Sequence[str]) -> int:
    """SPEC 2.1: staff of each (company, effective_date) snapshot in the file who are not in it are removed."""
    con.execute(load_sql("roster_rejected_ids"), {"ids": list(rejected_ids)})
    con.execute(load_sql("roster_removed"))
    removed = con.execute("select count(*) from removed").fetchall()[0][0]
    if removed:
        con.execute(load_sql("roster_undo_removed"), {"batch_id": batch_id})
        con.execute(load_sql("roster_delete_removed"))
    return int(removed)


def walkthrough_warnings(
    con: duckdb.DuckDBPyConnection, file_name: str
) -> tuple[list[Problem], list[str]]:
    """Warnings that need the roster (SPEC 2.2), for the staged log rows: unmatched 工號 and 姓名 mismatches.

    Returns the problems and, aligned with them, the stored row key (activity_key|employee_id) for
    import_messages.row_key.
    """
    problems: list[Problem] = []
    row_keys: list[str] = []
    employee_header = schema.WALKTHROUGHS.column("employee_id").header
    name_header = schema.WALKTHROUGHS.column("name").header
    # One query reads the roster once for both kinds (issue #6); unmatched rows come first, as before.
    for kind, sheet, row, employee_id, activity_key, name, roster_names in con.execute(
        load_sql("walkthrough_warnings")
    ).fetchall():
        if kind == "unmatched":
            problems.append(Problem("warning", "store.warn.unmatched_employee", file_name, sheet, row,
                                    employee_header, employee_id, "walkthroughs"))
        else:
            folded = {match_key(n) for n in roster_names}
            if match_key(name) in folded:
                continue  # the same name up to script, width or spacing (SPEC 2 tolerant matching)
            problems.append(Problem("warning", "store.warn.name_mismatch", file_name, sheet, row, name_header, name,
                                    "walkthroughs", {"employee_id": employee_id, "roster_name": "、".join(roster_names)}))
        row_keys.append(f"{activity_key}|{employee_id}")
    return problems, row_keys


def issue_warnings(con: duckdb.DuckDBPyConnection, file_name: str) -> tuple[list[Problem], list[str]]:
    """Warnings for the staged issue rows that need the roster (issue #16 item 10): a 責任單位 that no roster names
    (neither as a company nor as a parent company) is kept, but nobody's scope will show it; said before and after
    the import. Returns the problems and, aligned with them, the stored row key (the 問題編號)."""
    header = schema.ISSUES.column("owner_company").header
    problems: list[Problem] = []
    row_keys: list[str] = []
    for sheet, row, owner, issue_id in con.execute(load_sql("issue_unknown_owner")).fetchall():
        problems.append(Problem("warning", "store.warn.unknown_owner_company", file_name, sheet or None, row,
                                header, owner, "issues"))
        row_keys.append(str(issue_id))
    return problems, row_keys
