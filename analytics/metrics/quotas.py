"""Quota compliance of SPEC 4.1 (article 6): every rule, company/department and period of a year.

The eight rules are data (``RULES``), bound into one query as parallel lists: there is one SQL for all of them
(``analytics/sql/metrics/quota_base.sql``), not eight copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.metrics.periods import Period, parse_period, periods_of_year
from analytics.metrics.scope import CITY, HQ, PROVINCE, ResolvedScope, resolve_company_key, scope_company_keys
from analytics.metrics.sqlfiles import load_composed, load_sql
from analytics.schema import CATEGORY, DEPARTMENT_TYPE, RANK
from analytics.textnorm import match_key

# The populations of SPEC 4.1 by the vocabularies' English keys (analytics/schema.py holds the stored terms).
_COMPANY_LEADER, _DEPT_LEADER, _MANAGER_L3, _STAFF = (
    RANK.canonical(c) for c in ("company_leader", "dept_leader", "manager_l3", "staff"))
LEADERS = (_COMPANY_LEADER, _DEPT_LEADER)
MANAGERS = (_COMPANY_LEADER, _DEPT_LEADER, _MANAGER_L3)
ALL_RANKS = RANK.canonical_values
MAIN_DEPARTMENTS = (DEPARTMENT_TYPE.canonical("business"), DEPARTMENT_TYPE.canonical("support"))


class UnknownRule(UserFacingError):
    """A rule code that is not one of SPEC 4.1's, or a period that does not fit the rule."""


@dataclass(frozen=True)
class QuotaRule:
    """One row of the SPEC 4.1 table."""

    code: str
    level: str  # companies it applies to (roster 層級)
    period_kind: str  # year | quarter | month
    ranks: tuple[str, ...]  # the population's ranks
    per_department: bool  # unit of evaluation: each department (True) or each company
    dept_types: tuple[str, ...] | None  # department types evaluated (None: all departments)
    unit: str  # share | count
    target_pct: int = 0  # share target in percent, compared exactly in integers
    target_count: int = 0  # count target
    qualify: str = "any"  # any walkthrough row (any) or a 客戶接待日 row of >= 4 h (reception)


RULES: dict[str, QuotaRule] = {
    r.code: r
    for r in (
        QuotaRule("HQ-MGR-Y", HQ, "year", MANAGERS, True, None, "share", target_pct=30),
        QuotaRule("HQ-STAFF-Y", HQ, "year", (_STAFF,), True, None, "share", target_pct=10),
        QuotaRule("PROV-LEAD-Y", PROVINCE, "year", LEADERS, False, None, "share", target_pct=100),
        QuotaRule("PROV-DEPT-Y", PROVINCE, "year", ALL_RANKS, True, MAIN_DEPARTMENTS, "share", target_pct=50),
        QuotaRule("PROV-RECEPT-M", PROVINCE, "month", LEADERS, False, None, "count", target_count=1,
                  qualify="reception"),
        QuotaRule("CITY-MGR-Q", CITY, "quarter", LEADERS, False, None, "share", target_pct=100),
        QuotaRule("CITY-DEPT-Q", CITY, "quarter", ALL_RANKS, True, MAIN_DEPARTMENTS, "share", target_pct=50),
        QuotaRule("CITY-RECEPT-M", CITY, "month", (_COMPANY_LEADER,), False, None, "count", target_count=1,
                  qualify="reception"),
    )
}

RESULT_COLUMNS = [
    "rule", "company_key", "company", "department_key", "department", "period", "period_kind", "period_start",
    "period_end", "snapshot_date", "population", "participants", "value", "target", "unit", "met", "status",
]
OWED_COLUMNS = ["employee_id", "name", "company_key", "company", "department", "rank", "rule", "period"]


def get_rule(code: str, lang: str = "zh-Hant") -> QuotaRule:
    """The rule ``code`` (case-insensitive); raises UnknownRule naming the valid codes."""
    rule = RULES.get(str(code).strip().upper())
    if rule is None:
        raise UnknownRule(t("metrics.err.rule", lang, value=code, rules=", ".join(RULES)))
    return rule


def quota_params(rules: Sequence[QuotaRule], periods: Sequence[Period], scope_keys: list[str] | None,
            as_of: dt.date | None = None) -> dict:
    # quota_base.sql tests participation with 12-bit month masks: the periods must share one calendar year
    if len({p.start.year for p in periods}) != 1:
        raise ValueError("quota periods must lie in one calendar year")
    return {
        "period_codes": [p.code for p in periods],
        "period_kinds": [p.kind for p in periods],
        "period_starts": [p.start for p in periods],
        "period_ends": [p.end for p in periods],
        "rule_codes": [r.code for r in rules],
        "rule_levels": [r.level for r in rules],
        "rule_kinds": [r.period_kind for r in rules],
        "rule_ranks": [list(r.ranks) for r in rules],
        "rule_dept_types": [list(r.dept_types) if r.dept_types else None for r in rules],
        "rule_per_department": [r.per_department for r in rules],
        "rule_qualify": [r.qualify for r in rules],
        "scope_keys": scope_keys,
        "as_of": as_of,
        "reception_category": CATEGORY.canonical("reception_day"),
    }


def _results_sql() -> str:
    return load_sql("quota_results").replace("/*quota_base*/", load_sql("quota_base"))


def compute_quota_results(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    as_of: dt.date,
    scope: str | ResolvedScope | None = None,
    rules: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Evaluate the quota rules of SPEC 4.1 for every period of ``year`` the rule needs.

    One row per (rule, company, department, period), for every company of the rule's level with a roster snapshot
    (per-department rules: every department of the right type in the snapshot used). Columns: rule,
    company_key, company (roster spelling), department_key, department (None for per-company rules), period
    (``2026``/``2026Q3``/``2026-07``), period_kind, period_start, period_end, snapshot_date (roster snapshot used),
    population, participants (qualifying people for count rules), value (share 0..1, or count; NaN when the
    population is 0), target (0.3 / 1.0 / 1), unit (share|count), met (bool), status (met | in_progress |
    missed | n/a). Ordered by rule (SPEC order), level, company, department, period.
    """
    chosen = list(RULES.values()) if rules is None else [get_rule(code) for code in rules]
    if not chosen:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    kinds = {r.period_kind for r in chosen}
    periods = [p for p in periods_of_year(int(year)) if p.kind in kinds]
    params = quota_params(chosen, periods, scope_company_keys(con, scope), as_of)
    params.update(
        rule_units=[r.unit for r in chosen],
        rule_target_pct=[r.target_pct for r in chosen],
        rule_target_count=[r.target_count for r in chosen],
    )
    frame = con.execute(_results_sql(), params).df()
    return _ordered(frame, chosen)[RESULT_COLUMNS]


def _ordered(frame: pd.DataFrame, rules: Sequence[QuotaRule]) -> pd.DataFrame:
    if frame.empty:
        return frame.reindex(columns=RESULT_COLUMNS)
    rule_order = {r.code: i for i, r in enumerate(RULES.values())}
    return (
        frame.assign(
            _r=frame["rule"].map(rule_order),
            _d=frame["department_key"].fillna(""),
        )
        .sort_values(["_r", "company_key", "_d", "period_start"], kind="stable")
        .drop(columns=["_r", "_d"])
        .reset_index(drop=True)
    )


def load_owed_people(
    con: duckdb.DuckDBPyConnection,
    rule: str,
    period: str | Period,
    *,
    company: str | None = None,
    department: str | None = None,
    scope: str | ResolvedScope | None = None,
    qualified: bool = False,
    as_of: dt.date | None = None,
    lang: str = "zh-Hant",
) -> pd.DataFrame:
    """The named people behind one rule and period (SPEC 4.1 drill-down).

    With ``qualified=False`` (default): population members who have not yet participated (count rules: not yet
    qualified, i.e. no 客戶接待日 row of >= 4 h in the month); with ``qualified=True``: those who have.
    ``company`` (any spelling; restricted to ``scope``) and ``department`` narrow the list. Columns:
    employee_id, name, company_key, company, department, rank, rule, period; ordered by company, department,
    employee_id. ``as_of``: walks dated after it do not count (SPEC 4.5; None = every walk). Raises
    UnknownRule / UnknownPeriod / UnknownCompany with a readable message.
    """
    chosen = get_rule(rule, lang)
    p = parse_period(period, lang)
    if p.kind != chosen.period_kind:
        kind = t(f"metrics.kind.{chosen.period_kind}", lang)
        raise UnknownRule(t("metrics.err.rule_period", lang, rule=chosen.code, kind=kind, value=p.code))
    keys = scope_company_keys(con, scope)
    if company is not None:
        key = resolve_company_key(con, company, lang)
        keys = [key] if keys is None or key in keys else []
    params = {**quota_params([chosen], [p], keys, as_of), "qualified": bool(qualified),
              "department_key": None if department is None else match_key(department)}
    frame = con.execute(load_composed("quota_owed", "quota_base"), params).df()
    frame = frame.sort_values(["company_key", "department", "employee_id"], kind="stable")
    return frame[OWED_COLUMNS].reset_index(drop=True)
