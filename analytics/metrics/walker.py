"""A walker's own view (SPEC 9, article 9.1): one person's walks, their standing in every quota rule that covers
them in a year, and the issues they raised with their progress, all as of a date and inside a scope.

Who may open whom is decided by the scope passed in (the signed-in user's): a person whose roster row as of the date
lies outside it is "not found", exactly like a 工號 that does not exist, so the view never tells another company's
staff apart from nobody.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.metrics.periods import periods_of_year
from analytics.metrics.quotas import RULES, compute_quota_results, quota_params
from analytics.metrics.scope import ResolvedScope, scope_company_keys
from analytics.metrics.sqlfiles import load_composed, load_sql, used_params, with_base

FIND_LIMIT = 20
STANDING_COLUMNS = [
    "rule", "period", "period_kind", "period_start", "period_end", "company", "department", "counted",
    "unit_status", "unit_value", "unit_target", "unit_population", "unit_participants", "unit",
]


@dataclass(frozen=True)
class WalkerView:
    """Everything the walker view shows for one person.

    ``person``: employee_id, name, company, company_key, level, parent_company, department, department_key,
    department_type, rank, effective_date (the roster row as of the date). ``walks``: the person's walks of the
    year up to the date, newest first (see walker_walks.sql). ``standing``: one row per quota unit whose population
    holds the person, for the periods that have started by the date (STANDING_COLUMNS; ``counted`` = the person
    has walked there, for 客戶接待日 rules qualified; ``unit_*`` = the unit's own result, SPEC 4.1). ``issues``:
    the issues the person raised, with the state as of the date.
    """

    person: dict
    year: int
    as_of: dt.date
    walks: pd.DataFrame
    standing: pd.DataFrame
    issues: pd.DataFrame

    @property
    def walk_count(self) -> int:
        return len(self.walks)

    @property
    def hours(self) -> float:
        return float(self.walks["hours"].fillna(0).sum()) if len(self.walks) else 0.0

    @property
    def owed(self) -> pd.DataFrame:
        """What the person still owes: units still in progress on the as-of date (SPEC 4.1 status) where the
        person has not counted. A unit already met (a 客戶接待日 rule needs one leader a month) owes nothing more;
        a missed one can no longer be changed."""
        s = self.standing
        return s[~s["counted"].astype(bool) & (s["unit_status"] == "in_progress")]

    @property
    def open_issues(self) -> int:
        return int((~self.issues["is_closed"]).sum()) if len(self.issues) else 0

    @property
    def overdue_issues(self) -> int:
        return int(self.issues["is_overdue"].sum()) if len(self.issues) else 0


def find_people(con: duckdb.DuckDBPyConnection, text: str, *, scope: str | ResolvedScope | None = None,
                limit: int = FIND_LIMIT) -> pd.DataFrame:
    """People of the scope whose 工號 is ``text`` or whose name contains it (latest snapshots): employee_id, name,
    company, department, rank; at most ``limit``. Blank text finds nobody."""
    text = str(text or "").strip()
    if not text:
        return pd.DataFrame(columns=["employee_id", "name", "company", "department", "rank"])
    params = {"text": text, "scope_keys": scope_company_keys(con, scope), "limit": int(limit)}
    return con.execute(load_sql("walker_find"), params).df()


def load_person(con: duckdb.DuckDBPyConnection, employee_id: str, *, as_of: dt.date,
                scope: str | ResolvedScope | None = None) -> dict | None:
    """The person's roster row as of ``as_of`` when it lies in ``scope``, else None (unknown or outside)."""
    params = {"employee_id": str(employee_id).strip(), "as_of": as_of, "scope_keys": scope_company_keys(con, scope)}
    frame = con.execute(load_sql("walker_person"), params).df()
    if frame.empty:
        return None
    row = frame.iloc[0].to_dict()
    row["effective_date"] = pd.Timestamp(row["effective_date"]).date()
    return row


def compute_walker_view(con: duckdb.DuckDBPyConnection, employee_id: str, *, year: int, as_of: dt.date,
                        scope: str | ResolvedScope | None = None) -> WalkerView | None:
    """The walker view of ``employee_id`` for ``year`` as of ``as_of``; None when the person is not in ``scope``.

    Walks dated after ``as_of`` do not count anywhere (SPEC 4.5). The quota standing covers the rules whose
    population holds the person in the periods of ``year`` that have started by ``as_of``, each with the person's
    own mark (counted or not) and the unit's result, evaluated on the person's company only.
    """
    person = load_person(con, employee_id, as_of=as_of, scope=scope)
    if person is None:
        return None
    emp = person["employee_id"]
    year_start = dt.date(int(year), 1, 1)
    walks = con.execute(load_sql("walker_walks"), {"employee_id": emp, "year_start": year_start,
                                                   "as_of": as_of}).df()
    standing = _standing(con, emp, person["company_key"], int(year), as_of)
    issues_sql = with_base("walker_issues", "issues_base", None)
    issue_params = {"employee_id": emp, "as_of": as_of, "scope_keys": scope_company_keys(con, scope)}
    issues = con.execute(issues_sql, used_params(issues_sql, issue_params)).df()
    return WalkerView(person, int(year), as_of, walks, standing, issues)


def _standing(con: duckdb.DuckDBPyConnection, employee_id: str, company_key: str, year: int,
              as_of: dt.date) -> pd.DataFrame:
    periods = [p for p in periods_of_year(year) if p.start <= as_of]
    rules = list(RULES.values())
    if not periods:
        return pd.DataFrame(columns=STANDING_COLUMNS)
    params = quota_params(rules, periods, [company_key], as_of)
    marks = con.execute(load_composed("walker_standing", "quota_base"), {**params, "employee_id": employee_id}).df()
    if marks.empty:
        return pd.DataFrame(columns=STANDING_COLUMNS)
    units = compute_quota_results(con, year, as_of=as_of, scope=ResolvedScope(company_key, (company_key,)),
                                  rules=sorted(set(marks["rule"])))
    units = units.rename(columns={"status": "unit_status", "value": "unit_value", "target": "unit_target",
                                  "population": "unit_population", "participants": "unit_participants"})
    keys = ["rule", "company_key", "department_key", "period"]
    marks["department_key"] = marks["department_key"].fillna("")
    units["department_key"] = units["department_key"].fillna("")
    merged = marks.merge(units[[*keys, "unit_status", "unit_value", "unit_target", "unit_population",
                                "unit_participants", "unit"]], on=keys, how="left")
    order = {code: i for i, code in enumerate(RULES)}
    merged = merged.assign(_r=merged["rule"].map(order)).sort_values(["_r", "period_start"], kind="stable")
    return merged[STANDING_COLUMNS].reset_index(drop=True)
