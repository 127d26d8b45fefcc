"""Which companies an upload touches, for a lead department's scope check before committing (SPEC 8).

A roster row names its company; an issue its 責任單位 (else its raiser's company); a walkthrough row has no company
column — its person's company comes from the roster through 工號 (SPEC 2.2), looked up in the same file's roster
first and then in the database. A 工號 on no roster gives no company (``None``): it cannot widen anyone's scope.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from analytics.auth.scope import CompanyTree
from analytics.textnorm import match_key

_SQL = Path(__file__).resolve().parent.parent / "sql" / "auth" / "employee_companies.sql"


def parsed_company_tree(parsed_files: Iterable[object]) -> CompanyTree:
    """The companies named by the uploads' own rosters (company, level, parent), e.g. a new city."""
    rows: list[dict] = []
    for parsed in parsed_files:
        roster = parsed.tables.get("roster")
        if roster is None or roster.empty:
            continue
        for rec in roster[["company", "level", "parent_company"]].drop_duplicates().to_dict("records"):
            parent = rec.get("parent_company")
            rows.append({"company_key": match_key(rec["company"]), "level": rec["level"],
                         "parent_key": match_key(parent) if isinstance(parent, str) and parent.strip() else None})
    return CompanyTree.from_rows(rows)


def parsed_company_keys(parsed_files: Iterable[object], con: duckdb.DuckDBPyConnection | None) -> set[str | None]:
    """Company keys the parsed files write for; ``None`` stands for rows whose company cannot be told.

    ``con`` (read-only is enough) resolves 工號 through the stored roster; without it only the files' own rosters
    are used.
    """
    files = list(parsed_files)
    keys: set[str | None] = set()
    employee_company: dict[str, str] = {}
    for parsed in files:
        roster = parsed.tables.get("roster")
        if roster is not None and not roster.empty:
            for emp, company in zip(roster["employee_id"], roster["company"], strict=True):
                employee_company[str(emp)] = match_key(company)
                keys.add(match_key(company))
    wanted: set[str] = set()
    for parsed in files:
        log = parsed.tables.get("walkthroughs")
        if log is not None and not log.empty:
            wanted.update(str(e) for e in log["employee_id"].dropna().unique())
        issues = parsed.tables.get("issues")
        if issues is not None and not issues.empty:
            blank_owner = issues["owner_company"].isna() | (issues["owner_company"].astype(str).str.strip() == "")
            keys.update(match_key(v) for v in issues.loc[~blank_owner, "owner_company"].unique())
            wanted.update(str(e) for e in issues.loc[blank_owner, "raised_by"].dropna().unique() if str(e))
            if blank_owner.any() and issues.loc[blank_owner, "raised_by"].isna().any():
                keys.add(None)
    stored = stored_employee_companies(con, sorted(wanted - set(employee_company))) if con is not None else {}
    for emp in wanted:
        keys.add(employee_company.get(emp) or stored.get(emp))
    return keys


def stored_employee_companies(con: duckdb.DuckDBPyConnection, employee_ids: list[str]) -> dict[str, str]:
    """工號 → company key in the stored roster's latest snapshot of each person (unknown 工號 are left out)."""
    if not employee_ids:
        return {}
    rows = con.execute(_SQL.read_text(encoding="utf-8"), {"employee_ids": employee_ids}).fetchall()
    return {str(emp): str(company) for emp, company in rows}
