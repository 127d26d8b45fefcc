"""Task volume of SPEC 4.3 (article 9.2): activities, person-times and distinct participants.

Activities = distinct activity keys, person-times = participant rows, distinct participants = distinct 工號, by
period and by one dimension. A row belongs to the company of its person on the roster as of its date; rows whose
工號 is on no roster count in the totals ("all") and as ``unmatched_rows``, never in a company.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.i18n import t
from analytics.metrics.periods import Period, parse_period, periods_of_year
from analytics.metrics.scope import ResolvedScope, scope_company_keys
from analytics.metrics.sqlfiles import load_sql, used_params, with_base

# Allowed grouping dimensions (bound as a value into a CASE, never spliced into SQL).
DIMENSIONS: tuple[str, ...] = ("all", "company", "level", "department", "category", "item", "mode", "scope")
MEASURES: tuple[str, ...] = ("activities", "person_times", "distinct_participants")
VOLUME_COLUMNS = ["group_key", "group", "company_key", "company", "period", "period_kind", *MEASURES]


def _params(periods: list[Period], scope_keys: list[str] | None, as_of: dt.date | None = None) -> dict:
    # SPEC 4.5: rows dated after the as-of date are not read at all (the range ends on it; before the first day
    # of the periods it reads nothing), so every count of a period is its count up to that day.
    end = max(p.end for p in periods)
    return {
        "period_codes": [p.code for p in periods],
        "period_kinds": [p.kind for p in periods],
        "period_starts": [p.start for p in periods],
        "period_ends": [p.end for p in periods],
        "start": min(p.start for p in periods),
        "end": end if as_of is None else min(end, as_of),
        "scope_keys": scope_keys,
    }


def _company_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """company_key -> name, in tree order (總部, provinces, cities) as companies.sql returns them."""
    rows = con.execute(load_sql("companies")).fetchall()
    return {row[0]: row[1] for row in rows}


def _finish(frame: pd.DataFrame, names: dict[str, str], by: str) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=VOLUME_COLUMNS)
    frame = frame.copy()
    frame["company"] = frame["company_key"].map(names)
    if by in ("company", "company_rollup"):
        frame["group"] = frame["company"]
    elif by == "department":
        frame["group"] = frame["department"]
    else:
        frame["group"] = frame["group_key"]
    if by not in ("company", "company_rollup", "department"):
        frame["company_key"] = None
        frame["company"] = None
    kind_order = {"year": 0, "quarter": 1, "month": 2}
    tree_order = {key: i for i, key in enumerate(names)}
    frame = frame.assign(
        _k=frame["period_kind"].map(kind_order),
        _n=frame["group_key"].isna(),
        _t=frame["company_key"].map(tree_order) if "company_key" in frame else 0,
    )
    frame = frame.sort_values(["_n", "_t", "group_key", "_k", "period_start"], kind="stable")
    for column in MEASURES:
        frame[column] = frame[column].astype("int64")
    for column in ("group_key", "group", "company_key", "company"):  # missing labels are None, not NaN
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame[VOLUME_COLUMNS].reset_index(drop=True)


def compute_volume(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    by: str = "all",
    scope: str | ResolvedScope | None = None,
    period_kind: str | None = None,
    period: str | None = None,
    as_of: dt.date | None = None,
    _rows_table: str | None = None,
) -> pd.DataFrame:
    """Volume of ``year`` by period and the dimension ``by``.

    ``by``: one of DIMENSIONS, or "company_rollup" (a province includes its cities, 總部 includes all). Columns:
    group_key (the company key, "company_key|department_key", the canonical term, or "all"; None for rows whose
    工號 is on no roster when ``by`` is company/level/department, or a blank item), group (display label: company
    or department name as written, else the term), company_key/company (for company, company_rollup and department),
    period, period_kind, activities, person_times, distinct_participants. ``period_kind`` limits the periods;
    ``period`` (a code of ``year``, e.g. "2025Q3") computes that one period only, reading only its rows.
    ``as_of``: rows dated after it do not count (SPEC 4.5; None = every row).
    """
    if by not in (*DIMENSIONS, "company_rollup"):
        raise ValueError(f"unknown volume dimension {by!r}; expected one of {DIMENSIONS + ('company_rollup',)}")
    if period is not None:
        chosen = parse_period(period)
        if chosen.start.year != int(year):
            raise ValueError(f"period {period} is not in {year}")
        periods = [chosen]
    else:
        periods = periods_of_year(int(year), period_kind)
    params = _params(periods, scope_company_keys(con, scope), as_of)
    # _rows_table: rows already computed by compute_volume_summary (a generated temp-table name)
    sql = with_base("volume_rollup" if by == "company_rollup" else "volume_by", "volume_rows", _rows_table)
    frame = con.execute(sql, used_params(sql, {**params, "dimension": by})).df()
    return _finish(frame, _company_names(con), by)


def count_unmatched_rows(con: duckdb.DuckDBPyConnection, year: int, as_of: dt.date | None = None) -> int:
    """Walkthrough rows of ``year`` whose 工號 is on no roster snapshot."""
    sql = load_sql("unmatched_rows")
    p = periods_of_year(int(year), "year")[0]
    end = p.end if as_of is None else min(p.end, as_of)
    return int(con.execute(sql, {"start": p.start, "end": end}).fetchone()[0])


def _figures(row: tuple) -> dict[str, int]:
    return {"activities": int(row[5]), "person_times": int(row[6]), "distinct_participants": int(row[7])}


def _zero() -> dict[str, int]:
    return dict.fromkeys(MEASURES, 0)


def _period_sections(rows: list[tuple]) -> dict:
    """{"year", "by_quarter", "by_month"} from summary rows of one group (already in period order)."""
    out: dict = {"year": _zero(), "by_quarter": {}, "by_month": {}}
    for row in rows:
        if row[3] == "year":
            out["year"] = _figures(row)
        else:
            out["by_quarter" if row[3] == "quarter" else "by_month"][row[2]] = _figures(row)
    return out


def compute_volume_summary(
    con: duckdb.DuckDBPyConnection, year: int, *, scope: str | ResolvedScope | None = None,
    as_of: dt.date | None = None, lang: str = "zh-Hant",
) -> dict:
    """The volume of ``year`` as nested dicts (the ``volume --json`` shape of issue #3 item 7).

    ``{"unmatched_rows": n, "all": {"year": {activities, person_times, distinct_participants}, "by_quarter":
    {"2026Q1": {...}}, "by_month": {"2026-01": {...}}, "by_category": {term: {...}}, "by_item": ..., "by_mode": ...,
    "by_scope": ...}, "by_company_rollup": {company name: {"year", "by_quarter", "by_month"}}}``; dimension
    breakdowns are for the whole year; periods and terms without rows are left out; a blank 穿越項目 (allowed for
    專項穿越 and 客戶接待日) is listed as "（未填）". With ``scope`` the totals
    and companies are those of the scope (unmatched_rows then counts 0: such rows are in no company).
    """
    blank = t("metrics.blank", lang)
    periods = periods_of_year(int(year))
    year_p = periods[0]
    keys = scope_company_keys(con, scope)
    # One query computes every section (volume_summary.sql); Python only nests the few thousand result rows.
    params = {**_params(periods, keys, as_of), "year_code": year_p.code, "year_start": year_p.start}
    sql = load_sql("volume_summary")
    rows = con.execute(sql, used_params(sql, params)).fetchall()
    kind_order = {"year": 0, "quarter": 1, "month": 2}
    # columns: section, group_key, period, period_kind, period_start, activities, person_times, participants
    rows.sort(key=lambda r: (kind_order[r[3]], r[4]))
    sections: dict[str, dict] = {}
    for row in rows:
        sections.setdefault(row[0], {}).setdefault(row[1], []).append(row)
    summary_all = _period_sections(sections.get("all", {}).get("all", []))
    for dim in ("category", "item", "mode", "scope"):
        terms = sorted(sections.get(dim, {}).items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
        summary_all[f"by_{dim}"] = {(term if isinstance(term, str) else blank): _figures(group[0])
                                    for term, group in terms}
    names = _company_names(con)
    rollup = sections.get("rollup", {})
    by_company: dict[str, dict] = {}
    for key, name in names.items():  # tree order: 總部, provinces, cities (companies.sql)
        if key in rollup:
            by_company[name] = _period_sections(rollup[key])
    return {
        "unmatched_rows": count_unmatched_rows(con, year, as_of) if keys is None else 0,
        "all": summary_all,
        "by_company_rollup": by_company,
    }
