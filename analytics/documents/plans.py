"""The individual plans a walker's documents are made from (SPEC 4.6, articles 8.1 and 8.3), found and scoped.

One plan by 計畫編號, or every 個人計畫 of one 工號 in one month. The scope is enforced here, not by the caller's
good will: a plan of a company outside ``scope`` is refused with a sentence, like an unknown id or a company plan.
The notice deadline comes from ``analytics.metrics.plans.individual_plans`` (one definition of the 3/7-day rule).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.metrics.scope import ResolvedScope, resolve_scope

SQL_DIR = Path(__file__).resolve().parent.parent / "sql" / "documents"
INDIVIDUAL = "個人計畫"
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


class PlanNotFound(UserFacingError):
    """An unknown 計畫編號, a company plan, or a person without plans in the month."""


class PlanOutOfScope(UserFacingError):
    """A plan of a company the reader may not see."""


class BadMonth(UserFacingError):
    """A month that is not YYYY-MM."""


@cache
def load_sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@dataclass(frozen=True)
class PlanDoc:
    """One individual plan with what the documents print about it."""

    plan_id: str
    company_key: str
    company: str
    department: str | None  # the plan's own 部門 (rarely set on an individual plan)
    employee_id: str
    name: str | None  # from the roster; None = 工號 not on the roster
    person_department: str | None
    rank: str | None
    planned_on: dt.date
    category: str | None
    item: str | None
    theme: str | None
    mode: str | None
    target_unit: str | None
    needs_support: bool
    filed_on: dt.date
    notice_needed: bool
    notice_deadline: dt.date | None

    @property
    def activity_id(self) -> str:
        """The 穿越編號 the summary form gives the walk: the plan's own id, so the log row points back at it."""
        return self.plan_id


def parse_month(text: str, lang: str = "zh-Hant") -> tuple[dt.date, dt.date]:
    """``"2026-10"`` -> (2026-10-01, 2026-10-31); raises BadMonth with a readable message."""
    m = _MONTH.match(str(text))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise BadMonth(t("docs.err.month", lang, value=text))
    year, month = int(m.group(1)), int(m.group(2))
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    return first, last


def _rows(con: duckdb.DuckDBPyConnection, *, plan_id: str | None = None, employee_id: str | None = None,
          start: dt.date | None = None, end: dt.date | None = None) -> pd.DataFrame:
    params = {"plan_id": plan_id, "employee_id": employee_id, "start": start, "end": end}
    return con.execute(load_sql("plan_rows"), params).df()


def _in_scope(keys: tuple[str, ...] | None, company_key: str) -> bool:
    return keys is None or company_key in keys


def _value(v: object) -> object:
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    return v


def _docs(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, scope: ResolvedScope) -> list[PlanDoc]:
    """PlanDocs of ``frame``'s rows (individual plans), with the notice deadline of SPEC 4.6."""
    from analytics.metrics.plans import individual_plans

    records = [{k: _value(v) for k, v in r.items()} for r in frame.to_dict("records")]
    start, end = min(r["planned_on"] for r in records), max(r["planned_on"] for r in records)
    as_of = max(max(r["filed_on"] for r in records), end)  # every chosen plan exists as of this date
    notice = individual_plans(con, as_of=as_of, start=start, end=end, scope=scope, window_days=0)
    notice = {r.plan_id: (bool(r.notice_needed), r.notice_deadline) for r in notice.itertuples(index=False)}
    docs = []
    for r in records:
        needed, deadline = notice.get(r["plan_id"], (False, None))
        docs.append(PlanDoc(
            plan_id=r["plan_id"], company_key=r["company_key"], company=r["company"], department=r["department"],
            employee_id=r["employee_id"], name=r["name"], person_department=r["person_department"], rank=r["rank"],
            planned_on=r["planned_on"], category=r["category"], item=r["item"], theme=r["theme"], mode=r["mode"],
            target_unit=r["target_unit"], needs_support=bool(r["needs_support"]), filed_on=r["filed_on"],
            notice_needed=needed, notice_deadline=_value(deadline),
        ))
    return docs


def plan_for_documents(con: duckdb.DuckDBPyConnection, plan_id: str, *,
                       scope: str | ResolvedScope | None = None, lang: str = "zh-Hant") -> PlanDoc:
    """The individual plan ``plan_id`` if ``scope`` may see it.

    Raises PlanNotFound (no such 計畫編號, or a company plan) or PlanOutOfScope (another company's plan)."""
    resolved = resolve_scope(con, scope)
    wanted = str(plan_id).strip()
    frame = _rows(con, plan_id=wanted)
    if frame.empty:
        raise PlanNotFound(t("docs.err.unknown_plan", lang, plan_id=wanted))
    row = frame.iloc[0]
    if not _in_scope(resolved.keys, row["company_key"]):
        raise PlanOutOfScope(t("docs.err.out_of_scope", lang, plan_id=wanted, company=row["company"],
                               scope=resolved.name))
    if row["plan_kind"] != INDIVIDUAL:
        raise PlanNotFound(t("docs.err.company_plan", lang, plan_id=wanted, kind=row["plan_kind"]))
    return _docs(con, frame, resolved)[0]


def person_month_plans(con: duckdb.DuckDBPyConnection, employee_id: str, month: str, *,
                       scope: str | ResolvedScope | None = None, lang: str = "zh-Hant") -> list[PlanDoc]:
    """Every individual plan of ``employee_id`` with 計畫日期 in ``month`` (YYYY-MM) that ``scope`` may see.

    Raises BadMonth, PlanNotFound (none at all) or PlanOutOfScope (some, but all of companies outside ``scope``)."""
    start, end = parse_month(month, lang)
    resolved = resolve_scope(con, scope)
    person = str(employee_id).strip()
    frame = _rows(con, employee_id=person, start=start, end=end)
    frame = frame[frame["plan_kind"] == INDIVIDUAL]
    if frame.empty:
        raise PlanNotFound(t("docs.err.no_person_plans", lang, employee_id=person, month=start.strftime("%Y-%m")))
    seen = frame[[_in_scope(resolved.keys, k) for k in frame["company_key"]]]
    if seen.empty:
        raise PlanOutOfScope(t("docs.err.person_out_of_scope", lang, employee_id=person,
                               month=start.strftime("%Y-%m"), scope=resolved.name))
    return _docs(con, seen.reset_index(drop=True), resolved)
