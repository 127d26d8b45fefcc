"""What a lead department's upload may not write (SPEC 8, issue #12 findings 2 and 5): files and rows refused.

Two checks, both run by the importer itself (``commit_parsed`` and its dry run ``plan_import``), so the upload page,
the command line (``import --acting USER``) and any other caller get the same answer (issue #13 item 3):

1. ``upload_scope_refusal``: which companies a file names (``analytics.auth.uploads``: roster 公司, issue 責任單位,
   each log row's person through 工號). A file naming a company outside the uploader's scope is refused whole,
   before anything is written, with one error naming those companies.
2. ``refuse_outside_scope``: the new rows only say so much, so inside the import's transaction every row is also
   compared with what is stored:

* roster: a company already on the roster keeps its level and parent (they decide scopes: a province re-levelled
  to 總部 would show its users everything), and it must lie in the uploader's scope; a company new to the roster
  must land strictly below the uploader's company and inside its scope (a province's lead may add its cities), and
  nobody but an admin creates a 總部;
* issues: a 問題編號 already stored for a company outside the uploader's scope is not overwritten (the upload would
  move it, close it or clear its owner), and the row's own company (責任單位, else its raiser's) must be in scope;
* plans: a 計畫編號 stored for another company is not overwritten, and a plan's 公司 must be in scope;
* contacts: only the uploader's scope's companies (a contact decides who receives a company's reminders).

Admins (and local mode, the command line: ``user`` None) are not limited. Each refused row leaves the valid rows,
moves to the file's rejects with its reason and gets one error naming file › sheet › row › column = value and what
to do, like every other row error. Whether a user's scope is national comes from the stored tree and the users
file (the user's company), never from the rows being uploaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import duckdb
import numpy as np
import pandas as pd

from analytics import schema
from analytics.auth.model import LEAD, User
from analytics.auth.scope import CompanyTree, can_import
from analytics.auth.uploads import parsed_company_keys, parsed_company_tree, stored_employee_companies
from analytics.company_tree import CITY, HQ, LEVEL_ORDER
from analytics.i18n import t
from analytics.ingest.model import ParsedFile, Problem
from analytics.metrics.scope import load_companies
from analytics.metrics.sqlfiles import load_sql as load_metrics_sql
from analytics.store.sql import load_sql
from analytics.textnorm import match_key

_RANK = LEVEL_ORDER  # lower is wider; a company a lead creates must rank below the lead's own
_LAST_DAY = dt.date(9999, 12, 31)

# (column key, message key, extra params) for a refused row; None = the row may be written.
Refusal = tuple[str, str, dict] | None


class _Scope:
    """The uploader's company, the stored tree and the tree with the file's new companies added."""

    def __init__(self, con: duckdb.DuckDBPyConnection, user: User, parsed: ParsedFile) -> None:
        companies = load_companies(con)
        self.root = user.company_key
        self.scope_name = user.company or ""
        self.stored = CompanyTree.coerce(companies)
        # the file's own new companies join the tree; a stored company keeps its stored level and parent
        self.merged = parsed_company_tree([parsed]).merged(self.stored)
        self.names = dict(zip(companies["company_key"], companies["company"], strict=True))
        self.sees_all = self.stored.is_hq(self.root)

    def within(self, key: str | None, tree: CompanyTree | None = None) -> bool:
        if self.sees_all:
            return True
        return bool(key) and (tree or self.merged).contains(self.root, key)

    def name(self, key: str | None, fallback: object = None) -> str:
        return str(self.names.get(key) or fallback or key or "")


def upload_scope_refusal(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, user: User | None) -> Problem | None:
    """The file-level error when ``user`` may not upload this file at all, else None (local mode, admins: None).

    A lead may upload only for companies in its scope (SPEC 8). The file's companies come from
    ``parsed_company_keys`` (工號 resolved through the file's own roster, else the stored one); new companies named
    by the file's roster join the stored tree (a new city of the lead's own province is allowed), but a company
    already stored keeps its stored parent: an upload cannot move another province's city into the lead's scope.
    Rows whose company cannot be told (a 工號 on no roster) cannot widen anyone's scope and do not count.
    """
    if user is None or user.is_admin:
        return None
    if user.role != LEAD:
        return Problem("error", "store.scope.role", parsed.file_name, params={"user": user.username})
    keys = {k for k in parsed_company_keys([parsed], con) if k}
    companies = load_companies(con)
    tree = parsed_company_tree([parsed]).merged(CompanyTree.coerce(companies))
    if can_import(user, keys, tree):
        return None
    names = _file_company_names(parsed)
    names.update(zip(companies["company_key"], companies["company"], strict=True))  # the roster's own spelling
    outside = sorted(names.get(k, k) for k in keys if not tree.contains(user.company_key, k))
    return Problem("error", "store.scope.file_outside", parsed.file_name,
                   params={"scope": user.company or "", "companies": "、".join(outside)})


def _file_company_names(parsed: ParsedFile) -> dict[str, str]:
    """match_key → the name as the file writes it (roster 公司 and 上級公司, issue 責任單位)."""
    names: dict[str, str] = {}
    for table, columns in (("roster", ("company", "parent_company")), ("issues", ("owner_company",))):
        frame = parsed.tables.get(table)
        if frame is None or frame.empty:
            continue
        for column in columns:
            for value in frame[column].dropna().unique():
                if str(value).strip():
                    names.setdefault(match_key(value), str(value))
    return names


def refuse_outside_scope(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, user: User | None,
                         lang: str = "zh-Hant") -> ParsedFile:
    """``parsed`` without the rows ``user`` may not write (a new ``ParsedFile``; ``parsed`` is not modified).

    ``con`` is the importer's connection (inside its transaction, so the comparison is with what the write sees).
    ``user`` None or an admin: ``parsed`` itself. A user who may not import at all gets the whole file refused.
    """
    if user is None or user.is_admin:
        return parsed
    if user.role != LEAD:
        error = Problem("error", "store.scope.role", parsed.file_name, params={"user": user.username})
        return replace(parsed, tables={}, rejects={}, problems=[error, *parsed.problems])
    scope = _Scope(con, user, parsed)
    tables = dict(parsed.tables)
    rejects = dict(parsed.rejects)
    problems = list(parsed.problems)
    checks: dict[str, Callable[[pd.DataFrame], list[Refusal]]] = {
        "roster": lambda f: _roster_refusals(f, scope),
        "issues": lambda f: _issue_refusals(con, f, scope, parsed),
        "plans": lambda f: _plan_refusals(con, f, scope),
        "contacts": lambda f: _contact_refusals(f, scope),
    }
    changed = False
    for key, check in checks.items():
        frame = tables.get(key)
        if frame is None or frame.empty:
            continue
        refusals = check(frame)
        refused = np.fromiter((r is not None for r in refusals), dtype=bool, count=len(frame))
        if not refused.any():
            continue
        found = [_problem(parsed.file_name, key, frame, i, refusals[i], scope) for i in np.flatnonzero(refused)]
        rejected_at = {(p.sheet or None, p.row) for p in found}
        # a refused row's warnings are noise (as for any rejected row); its error says what to do
        problems = [p for p in problems if not (p.severity == "warning" and p.table == key
                                                and (p.sheet or None, p.row) in rejected_at)]
        problems.extend(found)
        records = [_reject_record(key, frame, i, p) for i, p in zip(np.flatnonzero(refused), found, strict=True)]
        rejects[key] = _append_rejects(rejects.get(key), records)
        tables[key] = frame[~refused].reset_index(drop=True)
        changed = True
    if not changed:
        return parsed
    return replace(parsed, tables=tables, rejects=rejects, problems=problems)


def _roster_refusals(frame: pd.DataFrame, scope: _Scope) -> list[Refusal]:
    """One decision per distinct (company, level, parent) of the file (a national roster has few of them)."""
    combos = list(zip(frame["company"].tolist(), frame["level"].tolist(), frame["parent_company"].tolist(),
                      strict=True))
    decided: dict[tuple, Refusal] = {}
    out: list[Refusal] = []
    for combo in combos:
        if combo not in decided:
            decided[combo] = _roster_refusal(*combo, scope)
        out.append(decided[combo])
    return out


def _roster_refusal(company: object, level: object, parent: object, scope: _Scope) -> Refusal:
    key = match_key(company)
    parent_key = match_key(parent) if isinstance(parent, str) and parent.strip() else None
    stored = scope.stored
    if key in stored.levels:
        if not scope.within(key, stored):
            return "company", "store.scope.roster_outside", {}
        if level != stored.levels[key]:
            return "level", "store.scope.roster_level", {"company": scope.name(key, company),
                                                         "stored": stored.levels[key]}
        stored_parent = stored.parent_of(key)
        if level == CITY and parent_key != stored_parent:
            return "parent_company", "store.scope.roster_parent", {"company": scope.name(key, company),
                                                                   "stored": scope.name(stored_parent)}
        return None
    # a company new to the roster
    if level == HQ:
        return "level", "store.scope.roster_new_hq", {"company": company}
    if key == scope.root or scope.sees_all:
        return None  # the lead's own company's first roster (not as 總部), or anything below a national lead
    root_level = scope.merged.levels.get(scope.root)
    if _RANK.get(str(level), 0) <= _RANK.get(str(root_level), _RANK[CITY]):
        return "level", "store.scope.roster_new_above", {"company": company}
    if not scope.within(parent_key):
        return "parent_company", "store.scope.roster_new_outside", {"company": company}
    return None


def _issue_refusals(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, scope: _Scope,
                    parsed: ParsedFile) -> list[Refusal]:
    ids = [str(i) for i in frame["issue_id"].dropna().unique()]
    sql = load_sql("issue_scope_companies").replace("/*issues_base*/", load_metrics_sql("issues_base"))
    stored_scope = dict(con.execute(sql, {"issue_ids": ids, "as_of": _LAST_DAY, "scope_keys": None}).fetchall())
    raiser_company = _raiser_companies(con, frame, parsed)
    out: list[Refusal] = []
    for issue_id, owner, raiser in zip(frame["issue_id"].tolist(), frame["owner_company"].tolist(),
                                       frame["raised_by"].tolist(), strict=True):
        if issue_id in stored_scope and not scope.within(stored_scope[issue_id], scope.stored):
            out.append(("issue_id", "store.scope.issue_foreign", {}))
            continue
        owner_key = match_key(owner) if isinstance(owner, str) and owner.strip() else None
        # the company the row will belong to (issues_base.sql: the owner on the roster, else the raiser's)
        company = owner_key if owner_key in scope.merged.levels else raiser_company.get(str(raiser))
        if company and not scope.within(company):
            column = "owner_company" if owner_key in scope.merged.levels else "raised_by"
            out.append((column, "store.scope.issue_outside", {"company": scope.name(company, owner)}))
            continue
        out.append(None)
    return out


def _raiser_companies(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, parsed: ParsedFile) -> dict[str, str]:
    """提出人工號 → company: the file's own roster first, else the stored roster's latest snapshot."""
    found: dict[str, str] = {}
    roster = parsed.tables.get("roster")
    if roster is not None and not roster.empty:
        found.update((str(e), match_key(c)) for e, c in zip(roster["employee_id"], roster["company"], strict=True))
    wanted = sorted({str(e) for e in frame["raised_by"].dropna().unique()} - set(found))
    found.update(stored_employee_companies(con, wanted))
    return found


def _plan_refusals(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, scope: _Scope) -> list[Refusal]:
    """A plan (keyed by 計畫編號 alone) of another company is not overwritten; a new one is for the scope only."""
    ids = [str(i) for i in frame["plan_id"].dropna().unique()]
    stored = dict(con.execute(load_sql("plan_companies"), {"plan_ids": ids}).fetchall())
    keys = {c: match_key(c) for c in frame["company"].dropna().unique()}
    out: list[Refusal] = []
    for plan_id, company in zip(frame["plan_id"].tolist(), frame["company"].tolist(), strict=True):
        if plan_id in stored and not scope.within(stored[plan_id], scope.stored):
            out.append(("plan_id", "store.scope.plan_foreign", {}))
        elif not scope.within(keys.get(company)):
            out.append(("company", "store.scope.plan_outside", {}))
        else:
            out.append(None)
    return out


def _contact_refusals(frame: pd.DataFrame, scope: _Scope) -> list[Refusal]:
    keys = {c: match_key(c) for c in frame["company"].dropna().unique()}
    return [None if scope.within(keys.get(c)) else ("company", "store.scope.contact_outside", {})
            for c in frame["company"].tolist()]


def _problem(file_name: str, table: str, frame: pd.DataFrame, i: int, refusal: tuple[str, str, dict],
             scope: _Scope) -> Problem:
    column, code, params = refusal
    value = frame[column].iat[i]
    text = None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    sheet = frame["_sheet"].iat[i] or None
    return Problem("error", code, file_name, sheet, int(frame["_row"].iat[i]),
                   schema.TABLES[table].column(column).header, text, table,
                   {"scope": scope.scope_name, **{k: str(v) for k, v in params.items()}})


def _reject_record(table: str, frame: pd.DataFrame, i: int, problem: Problem) -> dict:
    """The refused row for the rejects download, under the template's headers (the row was already typed)."""
    record: dict[str, object] = {}
    for column in schema.TABLES[table].columns:
        value = frame[column.key].iat[i]
        record[column.header] = "" if value is None or (isinstance(value, float) and np.isnan(value)) else (
            value.isoformat() if isinstance(value, dt.date) else str(value))
    reason = t(problem.code, "zh-Hant", value=problem.value or "", column=problem.column or "", **problem.params)
    record.update(_sheet=problem.sheet or "", _row=int(problem.row or 0),
                  _reason=f'{problem.column} = "{problem.value}": {reason}' if problem.value else reason)
    return record


def _append_rejects(existing: pd.DataFrame | None, records: list[dict]) -> pd.DataFrame:
    added = pd.DataFrame.from_records(records)
    frame = added if existing is None or existing.empty else pd.concat([existing, added], ignore_index=True)
    ordered = [c for c in frame.columns if c not in ("_sheet", "_row", "_reason")] + ["_sheet", "_row", "_reason"]
    frame = frame[ordered].fillna("")
    frame["_row"] = frame["_row"].astype("int64")
    return frame.sort_values(["_sheet", "_row"], kind="stable").reset_index(drop=True)
