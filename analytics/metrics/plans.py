"""Plans and notice of SPEC 4.6 (articles 7, 8.1-8.2), every figure as of a date and inside a scope.

- PLAN-FILED: per company and year, an annual plan (or phase plans covering the whole year) filed with 總部 by the
  filing deadline (default 01-31 of the year): ``filed``, ``late``, ``missing``; ``pending`` while nothing covers
  the year yet and the deadline has not passed on the as-of date (docs/plans.md).
- Company plan against actual: each plan line's 計畫次數 against the activities its company (department) did.
- Individual plans: ``done`` / ``overdue`` / ``upcoming`` with a ±window match (default 7 days), the notice
  deadline of plans that need the target unit's support, and overdue plans per person.
- Walks against plans: unplanned walks and PLAN-REPORTED (the share of walks with a plan filed by the walk date).

Only plans filed on or before the as-of date exist as of that date (SPEC 4.5). Scope is the plan's own 公司 for
plans, and the walker's company as of the walk's date for walks (as in SPEC 4.2-4.4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb
import numpy as np
import pandas as pd

from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.metrics.periods import Period, parse_period, year_period
from analytics.metrics.scope import ResolvedScope, load_companies, scope_company_keys
from analytics.metrics.sqlfiles import load_sql

DEFAULT_DEADLINE = (1, 31)  # month, day: article 7's plans are filed with 總部 at the start of the year
DEFAULT_WINDOW_DAYS = 7  # SPEC 4.6: a walk within ±7 days of 計畫日期 carries out the plan
NOTICE_SOON_DAYS = 3  # a notice deadline within 3 days (or passed) is flagged on the list of upcoming walks
UPCOMING_DAYS = 14

FILED_STATUSES: tuple[str, ...] = ("filed", "late", "missing", "pending")
PLAN_STATUSES: tuple[str, ...] = ("done", "overdue", "upcoming")
NOTICE_FLAGS: tuple[str, ...] = ("passed", "due_soon", "ok")

FILED_COLUMNS = ["company_key", "company", "level", "parent_key", "year", "status", "deadline", "filed_on",
                 "lines", "planned_count", "uncovered_days"]
ACTUAL_COLUMNS = ["plan_id", "plan_kind", "company_key", "company", "department", "period", "period_start",
                  "period_end", "planned_count", "done", "share", "status", "filed_on"]
INDIVIDUAL_COLUMNS = ["plan_id", "company_key", "company", "department", "employee_id", "name", "person_department",
                      "planned_on", "category", "item", "theme", "mode", "target_unit", "needs_support", "filed_on",
                      "walked_on", "matching_walks", "status", "notice_needed", "notice_deadline", "notice_flag"]
OVERDUE_COLUMNS = ["employee_id", "name", "company_key", "company", "person_department", "overdue",
                   "first_planned_on", "last_planned_on"]
WALK_COLUMNS = ["company_key", "company", "walks", "planned_walks", "unplanned_walks", "reported_walks",
                "reported_share"]


class BadDeadline(UserFacingError):
    """A filing deadline that is not MM-DD."""


def parse_deadline(text: str | tuple[int, int] | None, lang: str = "zh-Hant") -> tuple[int, int]:
    """``"01-31"`` -> (1, 31); None -> the default. Raises BadDeadline with a readable message."""
    if text is None:
        return DEFAULT_DEADLINE
    if isinstance(text, tuple):
        month, day = text
    else:
        try:
            month_text, day_text = str(text).strip().split("-")
            month, day = int(month_text), int(day_text)
        except ValueError:
            raise BadDeadline(t("plans.err.deadline", lang, value=text)) from None
    try:
        dt.date(2024, month, day)  # a leap year, so 02-29 is allowed (it becomes 02-28 in other years)
    except ValueError:
        raise BadDeadline(t("plans.err.deadline", lang, value=text)) from None
    return month, day


def filing_deadline(year: int, deadline: tuple[int, int] = DEFAULT_DEADLINE) -> dt.date:
    month, day = deadline
    if (month, day) == (2, 29):
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def _keys(con: duckdb.DuckDBPyConnection, scope: str | ResolvedScope | None) -> list[str] | None:
    return scope_company_keys(con, scope)


def _covered_on(lines: Iterable[tuple[dt.date, dt.date, dt.date]], year: Period) -> tuple[dt.date | None, int]:
    """The earliest 報備日期 by which the lines filed so far cover every day of ``year``, and the days left uncovered
    by all of them. ``lines``: (filed_on, period_start, period_end), in filing order."""
    spans: list[tuple[dt.date, dt.date]] = []
    covered_on: dt.date | None = None
    for filed_on, start, end in lines:
        spans.append((max(start, year.start), min(end, year.end)))
        if covered_on is None and _uncovered(spans, year) == 0:
            covered_on = filed_on
    return covered_on, _uncovered(spans, year)


def _uncovered(spans: list[tuple[dt.date, dt.date]], year: Period) -> int:
    """Days of ``year`` outside every span (spans clipped to the year)."""
    covered, reach = 0, year.start - dt.timedelta(days=1)
    for start, end in sorted(spans):
        if end <= reach:
            continue
        first = max(start, reach + dt.timedelta(days=1))
        covered += (end - first).days + 1
        reach = end
    return year.days - covered


def plan_filed(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    as_of: dt.date,
    scope: str | ResolvedScope | None = None,
    deadline: str | tuple[int, int] | None = None,
    lang: str = "zh-Hant",
) -> pd.DataFrame:
    """PLAN-FILED of ``year``: one row per roster company in ``scope``, HQ first, then provinces and cities.

    Any company plan line counts (a company may file its plan as one line per department): the year is covered
    once the lines' 計畫期間 together reach every day of it. ``filed_on`` is the 報備日期 that completed the cover.
    Status: ``filed`` (covered by the deadline), ``late`` (covered after it), ``missing`` (not covered and the
    deadline has passed on ``as_of``), ``pending`` (not covered, the deadline still ahead). Columns: FILED_COLUMNS.
    """
    return plan_filed_years(con, (int(year),), as_of=as_of, scope=scope, deadline=deadline, lang=lang)


def plan_filed_years(
    con: duckdb.DuckDBPyConnection,
    years: Iterable[int],
    *,
    as_of: dt.date,
    scope: str | ResolvedScope | None = None,
    deadline: str | tuple[int, int] | None = None,
    lang: str = "zh-Hant",
) -> pd.DataFrame:
    """``plan_filed`` of several years at once (the 計畫 page's company × year grid): one read of the plan lines
    and of the company tree for all of them. Rows: year by year (ascending), each as ``plan_filed`` orders them."""
    wanted = sorted({int(y) for y in years})
    if not wanted:
        return pd.DataFrame(columns=FILED_COLUMNS)
    month_day = parse_deadline(deadline, lang)
    keys = _keys(con, scope)
    first, last = year_period(wanted[0]), year_period(wanted[-1])
    params = {"as_of": as_of, "start": first.start, "end": last.end, "scope_keys": keys}
    # A few rows per company and year (one per plan line): read as Python tuples and grouped in a dict. A pandas
    # groupby with a frame per company cost 0.4 s for 402 companies at national scale (docs/benchmark.md).
    cursor = con.execute(load_sql("plans_company_lines"), params)
    names = [d[0] for d in cursor.description]
    at = {n: names.index(n) for n in ("company_key", "filed_on", "period_start", "period_end", "planned_count")}
    by_company: dict[str, list[tuple]] = {}
    for row in cursor.fetchall():  # ordered by company, 報備日期: the order _covered_on needs
        by_company.setdefault(row[at["company_key"]], []).append(
            (_day(row[at["filed_on"]]), _day(row[at["period_start"]]), _day(row[at["period_end"]]),
             int(row[at["planned_count"]] or 0)))
    companies = load_companies(con)
    if keys is not None:
        companies = companies[companies["company_key"].isin(keys)]
    records = []
    for year in wanted:
        y = year_period(year)
        due = filing_deadline(year, month_day)
        for company in companies.itertuples(index=False):
            found = [r for r in by_company.get(company.company_key, ()) if r[1] <= y.end and r[2] >= y.start]
            if not found:
                covered_on, uncovered, n, planned = None, y.days, 0, 0
            else:
                covered_on, uncovered = _covered_on([r[:3] for r in found], y)
                n, planned = len(found), sum(r[3] for r in found)
            if covered_on is not None:
                status = "filed" if covered_on <= due else "late"
            else:
                status = "missing" if as_of > due else "pending"
            records.append({
                "company_key": company.company_key, "company": company.company, "level": company.level,
                "parent_key": company.parent_key, "year": year, "status": status, "deadline": due,
                "filed_on": covered_on, "lines": n, "planned_count": planned, "uncovered_days": uncovered,
            })
    return pd.DataFrame(records, columns=FILED_COLUMNS)


def _day(value: object) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _dates(series: pd.Series) -> list[dt.date]:
    return [v.date() if isinstance(v, (pd.Timestamp, dt.datetime)) else v for v in series.tolist()]


def _date_objects(series: pd.Series) -> pd.Series:
    """A date column as ``datetime.date`` objects (None where missing), converted in one vectorised step: a
    Python loop over 500,000 plans took seconds (docs/benchmark.md)."""
    if pd.api.types.is_datetime64_any_dtype(series):
        days = pd.Series(series.dt.date, index=series.index, dtype=object)
    else:
        days = series.astype(object)
    return days.where(series.notna(), None)


def company_plan_actual(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    as_of: dt.date,
    scope: str | ResolvedScope | None = None,
    period: str | Period | None = None,
) -> pd.DataFrame:
    """Company plan lines overlapping ``year`` (or ``period``) against activities done as of ``as_of``.

    ``done``: distinct activities of the plan's company (its department when the line names one) inside the
    plan's period, dated on or before ``as_of``. ``share`` = done / 計畫次數. ``status``: ``met`` (done ≥ planned),
    ``not_started`` (the period starts after ``as_of``), ``in_progress`` (not met, the period ends after
    ``as_of``), else ``missed``. Columns: ACTUAL_COLUMNS, ordered by company, period start, department.
    """
    p = parse_period(period) if period is not None else year_period(int(year))
    params = {"as_of": as_of, "start": p.start, "end": p.end, "scope_keys": _keys(con, scope)}
    frame = con.execute(load_sql("plans_company_actual"), params).df()
    if frame.empty:
        return pd.DataFrame(columns=ACTUAL_COLUMNS)
    for column in ("period_start", "period_end", "filed_on"):
        frame[column] = _dates(frame[column])
    frame["done"] = frame["done"].astype(int)
    frame["planned_count"] = frame["planned_count"].astype(int)
    frame["share"] = frame["done"] / frame["planned_count"]

    def status(row) -> str:
        if row.done >= row.planned_count:
            return "met"
        if row.period_start > as_of:
            return "not_started"
        return "in_progress" if row.period_end > as_of else "missed"

    frame["status"] = [status(r) for r in frame.itertuples(index=False)]
    return frame[ACTUAL_COLUMNS].reset_index(drop=True)


def individual_plans(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: dt.date,
    start: dt.date,
    end: dt.date,
    scope: str | ResolvedScope | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
    status: str | None = None,
) -> pd.DataFrame:
    """Individual plans with 計畫日期 in [start, end], filed on or before ``as_of``, with their status (only those
    of ``status`` when given: the page's overdue list reads the overdue plans alone).

    ``status``: done / overdue / upcoming (SPEC 4.6, ``window_days`` either side). ``walked_on``: the first matching
    walk. ``notice_deadline``: 計畫日期 − 3 days (大規模穿越 − 7) for plans needing the target unit's support, else
    None. ``notice_flag`` (upcoming plans needing notice only): ``passed`` (deadline before ``as_of``),
    ``due_soon`` (within 3 days of ``as_of``), ``ok``. Columns: INDIVIDUAL_COLUMNS, ordered by 計畫日期.
    """
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    if status is not None and status not in PLAN_STATUSES:
        raise ValueError(f"unknown plan status {status!r}; expected one of {PLAN_STATUSES}")
    params = {"as_of": as_of, "start": start, "end": end, "scope_keys": _keys(con, scope),
              "window": int(window_days), "status": status}
    frame = con.execute(load_sql("plans_individual"), params).df()
    if frame.empty:
        return pd.DataFrame(columns=INDIVIDUAL_COLUMNS)
    # Upcoming plans needing notice only: passed (deadline before as_of), due within 3 days, else ok. Worked out
    # on the datetime column, before it becomes date objects.
    deadline = pd.to_datetime(frame["notice_deadline"])
    days_left = (deadline - pd.Timestamp(as_of)).dt.days
    flagged = (frame["status"] == "upcoming") & frame["notice_needed"].astype(bool) & deadline.notna()
    flag = np.select([days_left < 0, days_left <= NOTICE_SOON_DAYS], ["passed", "due_soon"], "ok").astype(object)
    frame["notice_flag"] = pd.Series(flag, index=frame.index, dtype=object).where(flagged, None)
    for column in ("planned_on", "filed_on", "walked_on", "notice_deadline"):
        frame[column] = _date_objects(frame[column])
    for column in ("department", "name", "person_department", "category", "item", "theme", "mode", "target_unit"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame["matching_walks"] = frame["matching_walks"].astype(int)
    frame["needs_support"] = frame["needs_support"].astype(bool)
    frame["notice_needed"] = frame["notice_needed"].astype(bool)
    return frame[INDIVIDUAL_COLUMNS].reset_index(drop=True)


def individual_plans_of_year(con: duckdb.DuckDBPyConnection, year: int, *, as_of: dt.date,
                             scope: str | ResolvedScope | None = None,
                             window_days: int = DEFAULT_WINDOW_DAYS, status: str | None = None) -> pd.DataFrame:
    y = year_period(int(year))
    return individual_plans(con, as_of=as_of, start=y.start, end=y.end, scope=scope, window_days=window_days,
                            status=status)


def individual_plan_counts(con: duckdb.DuckDBPyConnection, year: int, *, as_of: dt.date,
                           scope: str | ResolvedScope | None = None,
                           window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, int]:
    """How many of ``year``'s individual plans are done / overdue / upcoming as of ``as_of`` (the statuses of
    ``individual_plans``, counted in the database): {status: n} with every status of PLAN_STATUSES."""
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    y = year_period(int(year))
    params = {"as_of": as_of, "start": y.start, "end": y.end, "scope_keys": _keys(con, scope),
              "window": int(window_days), "status": None}
    counted = dict(con.execute(load_sql("plans_individual_counts"), params).fetchall())
    return {s: int(counted.get(s, 0)) for s in PLAN_STATUSES}


def upcoming_walks(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: dt.date,
    days: int = UPCOMING_DAYS,
    scope: str | ResolvedScope | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> pd.DataFrame:
    """The notice-ahead list: upcoming individual plans with 計畫日期 from ``as_of`` to ``as_of`` + ``days``, each
    with its notice deadline and flag (plans already done by an early walk are not listed)."""
    if days < 0:
        raise ValueError("days must be >= 0")
    frame = individual_plans(con, as_of=as_of, start=as_of, end=as_of + dt.timedelta(days=days), scope=scope,
                             window_days=window_days)
    return frame[frame["status"] == "upcoming"].reset_index(drop=True)


def overdue_by_person(plans: pd.DataFrame) -> pd.DataFrame:
    """Overdue individual plans (from ``individual_plans``) per person, most overdue first. Columns:
    OVERDUE_COLUMNS."""
    overdue = plans[plans["status"] == "overdue"]
    if overdue.empty:
        return pd.DataFrame(columns=OVERDUE_COLUMNS)
    grouped = overdue.groupby(["employee_id", "company_key"], dropna=False, sort=False).agg(
        name=("name", "first"), company=("company", "first"), person_department=("person_department", "first"),
        overdue=("plan_id", "count"), first_planned_on=("planned_on", "min"), last_planned_on=("planned_on", "max"),
    ).reset_index()
    grouped = grouped.sort_values(["overdue", "company_key", "employee_id"], ascending=[False, True, True],
                                  kind="stable")
    return grouped[OVERDUE_COLUMNS].reset_index(drop=True)


def walks_against_plans(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    as_of: dt.date,
    scope: str | ResolvedScope | None = None,
    period: str | Period | None = None,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> pd.DataFrame:
    """Walks (participant rows) of ``year`` (or ``period``) up to ``as_of`` per walker's company: planned,
    unplanned, and reported (PLAN-REPORTED: an individual plan filed on or before the walk date);
    ``reported_share`` = reported / walks. company_key None = 工號 on no roster (only without a scope).
    Columns: WALK_COLUMNS."""
    p = parse_period(period) if period is not None else year_period(int(year))
    params = {"as_of": as_of, "start": p.start, "end": p.end, "scope_keys": _keys(con, scope),
              "window": int(window_days)}
    frame = con.execute(load_sql("plans_walks"), params).df()
    if frame.empty:
        return pd.DataFrame(columns=WALK_COLUMNS)
    companies = load_companies(con)
    names = dict(zip(companies["company_key"], companies["company"], strict=True))
    frame["company"] = [names.get(k) if isinstance(k, str) else None for k in frame["company_key"]]
    for column in ("walks", "planned_walks", "unplanned_walks", "reported_walks"):
        frame[column] = frame[column].astype(int)
    frame["reported_share"] = frame["reported_walks"] / frame["walks"]
    frame["company_key"] = frame["company_key"].astype(object).where(frame["company_key"].notna(), None)
    return frame[WALK_COLUMNS].reset_index(drop=True)


def walks_total(walks: pd.DataFrame) -> dict[str, float | int | None]:
    """The scope's totals of ``walks_against_plans``: walks, planned, unplanned, reported and the share."""
    total = {c: int(walks[c].sum()) if len(walks) else 0
             for c in ("walks", "planned_walks", "unplanned_walks", "reported_walks")}
    total["reported_share"] = total["reported_walks"] / total["walks"] if total["walks"] else None
    return total


def count_plans(con: duckdb.DuckDBPyConnection, scope: str | ResolvedScope | None = None) -> dict[str, int]:
    """Plans stored for ``scope`` (any filing date): {"company_lines": n, "individual": n}."""
    company_lines, individual = con.execute(load_sql("plans_count"), {"scope_keys": _keys(con, scope)}).fetchone()
    return {"company_lines": int(company_lines), "individual": int(individual)}
