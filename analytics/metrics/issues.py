"""Issues and resolution of SPEC 4.4 (articles 9.2-9.3), as of a date.

Issues raised on or before the as-of date are considered, each with its state on that date (SPEC 4.5,
issue_state.sql): closed = 解決日期 on or before the date, else the last status recorded by then is 已解決 or 已關閉;
resolution rate = closed / total; overdue = open with 計畫完成日期 (as recorded by then) before the as-of date;
days to close = 解決日期 − 提出日期 of issues closed by then that have a 解決日期 (median by linear interpolation,
p90 by nearest rank);
open ageing by as-of − 提出日期: 0-30, 31-60, 61-90, >90 days. An issue belongs to a scope through its owner
company (責任單位 matched to the roster in any spelling), else its raiser's company.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.i18n import t
from analytics.metrics.periods import month_period
from analytics.metrics.scope import ResolvedScope, resolve_scope, scope_company_keys
from analytics.metrics.sqlfiles import materialised, used_params, with_base

ISSUE_DIMENSIONS: tuple[str, ...] = ("category", "owner_company", "owner_department", "status", "kind")
AGEING_BUCKETS: tuple[str, ...] = ("0-30", "31-60", "61-90", ">90")
OVERDUE_COLUMNS = [
    "issue_id", "raised_on", "due_on", "days_overdue", "status", "kind", "category", "owner_company",
    "owner_department", "raised_by", "description", "progress", "work_order_id",
]


def _params(con: duckdb.DuckDBPyConnection, as_of: dt.date, scope: str | ResolvedScope | None) -> dict:
    return {"as_of": as_of, "scope_keys": scope_company_keys(con, scope)}


def _run(con: duckdb.DuckDBPyConnection, outer: str, params: dict, base_table: str | None):
    sql = with_base(outer, "issues_base", base_table)
    return con.execute(sql, used_params(sql, params))


def compute_issue_breakdown(
    con: duckdb.DuckDBPyConnection,
    as_of: dt.date,
    *,
    by: str,
    scope: str | ResolvedScope | None = None,
    lang: str = "zh-Hant",
    _base_table: str | None = None,
) -> pd.DataFrame:
    """Issue counts by ``by`` (one of ISSUE_DIMENSIONS), largest first (a Pareto for ``category``).

    Columns: group_key, group (label: the category/status/kind as stored; the owner company as on the roster,
    else as written; "（未填）" for a blank owner), owner_company, owner_department, is_standard (category in
    SPEC 3.9's list; meaningful for ``category``), total, closed, open, overdue, share (total / all issues),
    cumulative_share (running share, for the Pareto line).
    """
    if by not in ISSUE_DIMENSIONS:
        raise ValueError(f"unknown issue dimension {by!r}; expected one of {ISSUE_DIMENSIONS}")
    frame = _run(con, "issues_by", {**_params(con, as_of, scope), "dimension": by}, _base_table).df()
    blank = t("metrics.blank", lang)
    if by == "owner_company":
        frame["group"] = frame["owner_company"].where(frame["owner_company"].notna(), blank)
    elif by == "owner_department":
        company = frame["owner_company"].where(frame["owner_company"].notna(), blank)
        department = frame["owner_department"].where(frame["owner_department"].notna(), blank)
        frame["group"] = company + " / " + department
    else:
        frame["group"] = frame["group_key"]
    total = int(frame["total"].sum()) if not frame.empty else 0
    for column in ("total", "closed", "open", "overdue"):
        frame[column] = frame[column].astype("int64")
    frame["share"] = frame["total"] / total if total else 0.0
    frame["cumulative_share"] = frame["share"].cumsum()
    return frame[["group_key", "group", "owner_company", "owner_department", "is_standard", "total", "closed", "open",
                  "overdue", "share", "cumulative_share"]].reset_index(drop=True)


def compute_issue_summary(
    con: duckdb.DuckDBPyConnection, as_of: dt.date, *, scope: str | ResolvedScope | None = None, lang: str = "zh-Hant"
) -> dict:
    """The SPEC 4.4 figures as of ``as_of`` (the ``issues --json`` shape of issue #3 item 7).

    Keys: as_of (ISO date), total, closed, open, overdue, resolution_rate (closed / total; None when no issues),
    by_status {status: n}, by_kind {kind: n}, pareto_category [[category, n], ...] (descending, ties by name),
    nonstandard_categories [category, ...] (outside SPEC 3.9's list, kept and flagged), days_to_close {n, median,
    p90} (None when n = 0), open_ageing {"0-30", "31-60", "61-90", ">90"}, by_owner_company {company: {total,
    closed, open, overdue}}, overdue_ids [issue_id, ...] (most overdue first).
    """
    scope = resolve_scope(con, scope)  # once for the four queries below
    params = _params(con, as_of, scope)
    # The issues in scope are computed once into a temporary table of this connection and reused below.
    with materialised(con, "issues_base", params) as table:
        row = _summary_row(con, params, table)
        categories = compute_issue_breakdown(con, as_of, by="category", scope=scope, lang=lang, _base_table=table)
        owners = compute_issue_breakdown(con, as_of, by="owner_company", scope=scope, lang=lang, _base_table=table)
        overdue_ids = _overdue_ids(con, params, table)
    close_n = int(row["close_n"] or 0)
    return {
        **_headline(as_of, row),
        "by_status": _histogram(row["by_status"]),
        "by_kind": _histogram(row["by_kind"]),
        "pareto_category": [[r["group"], int(r["total"])] for r in categories.to_dict("records")],
        "nonstandard_categories": [r["group"] for r in categories.to_dict("records") if not r["is_standard"]],
        "days_to_close": {
            "n": close_n,
            "median": float(row["close_median"]) if close_n else None,
            "p90": float(row["close_p90"]) if close_n else None,
        },
        "open_ageing": {
            "0-30": int(row["age_0_30"]),
            "31-60": int(row["age_31_60"]),
            "61-90": int(row["age_61_90"]),
            ">90": int(row["age_over_90"]),
        },
        "by_owner_company": {
            r["group"]: {k: int(r[k]) for k in ("total", "closed", "open", "overdue")}
            for r in owners.to_dict("records")
        },
        "overdue_ids": overdue_ids,
    }


def compute_issue_headline(
    con: duckdb.DuckDBPyConnection, as_of: dt.date, *, scope: str | ResolvedScope | None = None
) -> dict:
    """as_of, total, closed, open, overdue and resolution_rate as of ``as_of``: the first keys of
    ``compute_issue_summary``, which the overview compares between periods, from one query (no Pareto, owners or
    overdue list)."""
    return _headline(as_of, _summary_row(con, _params(con, as_of, scope), None))


def _summary_row(con: duckdb.DuckDBPyConnection, params: dict, base_table: str | None) -> dict:
    """The one row of issues_summary.sql as {column: value}."""
    cursor = _run(con, "issues_summary", params, base_table)
    return dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))


def _headline(as_of: dt.date, row: dict) -> dict:
    total, closed = int(row["total"]), int(row["closed"])
    return {"as_of": as_of.isoformat(), "total": total, "closed": closed, "open": int(row["open"]),
            "overdue": int(row["overdue"]), "resolution_rate": closed / total if total else None}


def _histogram(value: dict | None) -> dict[str, int]:
    """A DuckDB histogram map as {term: n}, largest first, ties by term."""
    # No issue in scope: DuckDB's histogram of nothing is NULL, which reaches pandas as NA (not falsy-safe).
    items = value.items() if isinstance(value, dict) else ()
    return {str(k): int(v) for k, v in sorted(items, key=lambda kv: (-kv[1], str(kv[0])))}


def _overdue_ids(con: duckdb.DuckDBPyConnection, params: dict, base_table: str) -> list[str]:
    """The ids of issues_overdue.sql, most overdue first: its other columns (descriptions, progress notes) are not
    fetched, which takes a quarter of the time at national scale."""
    sql = with_base("issues_overdue", "issues_base", base_table)
    rows = con.execute(f"select issue_id from ({sql}) as overdue order by due_on, issue_id",
                       used_params(sql, params)).fetchall()
    return [r[0] for r in rows]


def load_overdue_issues(
    con: duckdb.DuckDBPyConnection, as_of: dt.date, *, scope: str | ResolvedScope | None = None, _base_table: str | None = None
) -> pd.DataFrame:
    """Open issues whose 計畫完成日期 is before ``as_of``, most overdue first (then by issue_id).

    Columns: OVERDUE_COLUMNS; owner_company is the roster's spelling when the owner is on the roster, else as
    written; days_overdue = as_of − due_on.
    """
    frame = _run(con, "issues_overdue", _params(con, as_of, scope), _base_table).df()
    return frame[OVERDUE_COLUMNS].reset_index(drop=True)


def trend_period_ends(start: dt.date, end: dt.date, freq: str = "month") -> list[tuple[str, dt.date]]:
    """(label, last day) of each month (``2026-07``) or ISO week (``2026-W27``, ending Sunday) from start to end."""
    ends: list[tuple[str, dt.date]] = []
    if freq == "month":
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            p = month_period(year, month)
            ends.append((p.code, p.end))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif freq == "week":
        day = start + dt.timedelta(days=6 - start.weekday())
        while day - dt.timedelta(days=6) <= end:
            iso = day.isocalendar()
            ends.append((f"{iso.year}-W{iso.week:02d}", day))
            day += dt.timedelta(days=7)
    else:
        raise ValueError(f"unknown trend frequency {freq!r}; expected month or week")
    return ends


def compute_open_trend(
    con: duckdb.DuckDBPyConnection,
    *,
    start: dt.date,
    end: dt.date,
    freq: str = "month",
    scope: str | ResolvedScope | None = None,
) -> pd.DataFrame:
    """Issues open at the end of each month/week between ``start`` and ``end`` (SPEC 4.5).

    An issue counts from its 提出日期 on; open or closed at a period end by the rule of the figures as of that day
    (issue_state.sql: 解決日期, else the status recorded by then in issue_status_history), so the last point equals
    ``compute_issue_summary(con, end)["open"]``. Columns: period (``2026-07`` / ``2026-W27``), period_end (date),
    open, closed, known (issues raised by then).
    """
    ends = trend_period_ends(start, end, freq)
    if not ends:
        return pd.DataFrame(columns=["period", "period_end", "open", "closed", "known"])
    params = {
        **_params(con, ends[-1][1], scope),
        "period_codes": [code for code, _ in ends],
        "end_dates": [day for _, day in ends],
    }
    frame = _run(con, "issues_open_trend", params, None).df()
    for column in ("open", "closed", "known"):
        frame[column] = frame[column].astype("int64")
    return frame.reset_index(drop=True)
