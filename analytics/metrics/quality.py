"""Data-quality findings for the dashboard page and the briefing's notes (SPEC 6: data-quality notes)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.metrics.periods import periods_of_year, year_period
from analytics.metrics.scope import ResolvedScope, scope_company_keys
from analytics.metrics.sqlfiles import load_composed, load_sql, materialised, used_params, with_base

QUALITY_SECTIONS: tuple[str, ...] = (
    "silent_companies", "unmatched_ids", "warnings", "nonstandard_categories", "closed_without_resolved_on",
    "reception_without_hours",
)


UNMATCHED_COLUMNS = ["employee_id", "name", "rows", "first_date", "last_date"]


def load_unmatched_ids(
    con: duckdb.DuckDBPyConnection, year: int, *, scope: str | ResolvedScope | None = None
) -> pd.DataFrame:
    """工號 of ``year``'s walkthrough log on no roster snapshot, with their row counts (most rows first).

    Columns: employee_id, name, rows, first_date, last_date. Empty when ``scope`` is set: such rows belong to no
    company (docs/metrics.md §5). The section ``unmatched_ids`` of compute_data_quality, on its own and cheap.
    """
    if scope_company_keys(con, scope) is not None:
        return pd.DataFrame(columns=UNMATCHED_COLUMNS)
    year_p = year_period(int(year))
    return con.execute(load_sql("quality_unmatched_ids"), {"start": year_p.start, "end": year_p.end}).df()


def compute_data_quality(
    con: duckdb.DuckDBPyConnection, year: int, *, as_of: dt.date, scope: str | ResolvedScope | None = None
) -> dict[str, pd.DataFrame]:
    """Data-quality findings for ``year`` (walkthroughs) and for issues raised up to ``as_of``.

    Returns a dict of DataFrames (keys QUALITY_SECTIONS):
      - silent_companies: company_key, company, level, period, period_start, period_end — companies on the roster
        with no walkthrough row of their staff in a month of the year that has ended by ``as_of`` (its last day on
        or before it); the month still running on ``as_of`` is not counted (issue #16 item 7);
      - unmatched_ids: employee_id, name, rows, first_date, last_date — 工號 of the year's log on no roster
        (empty when ``scope`` is set: such rows belong to no company);
      - warnings: batch_id, file_name, imported_at, table_name, sheet, source_row, column_header, value, code,
        params, row_key — import warnings of active batches (SPEC 2.5);
      - nonstandard_categories: category, issues (n) — issue categories outside SPEC 3.9's list, kept as given;
      - closed_without_resolved_on: issue_id, raised_on, category, status, owner_company, owner_department;
      - reception_without_hours: employee_id, name, company_key, date, activity_id — 客戶接待日 rows without
        時長, which cannot count for the reception-day rules (SPEC 4.1).
    """
    keys = scope_company_keys(con, scope)
    year_p = year_period(int(year))
    months = periods_of_year(int(year), "month")
    volume_params = {
        # SPEC 4.5: walkthrough rows dated after the as-of date are not read
        "start": year_p.start, "end": min(year_p.end, as_of), "scope_keys": keys, "as_of": as_of,
        "period_codes": [p.code for p in months], "period_starts": [p.start for p in months],
        "period_ends": [p.end for p in months],
    }
    # The year's rows with each person's company feed two of the checks: computed once into a temporary table.
    with materialised(con, "volume_rows", volume_params) as rows_table:
        silent_sql = with_base("quality_silent_companies", "volume_rows", rows_table)
        silent = con.execute(silent_sql, used_params(silent_sql, volume_params)).df()
        reception_sql = with_base("quality_reception_hours", "volume_rows", rows_table)
        reception = con.execute(reception_sql, used_params(reception_sql, volume_params)).df()
    unmatched = load_unmatched_ids(con, year, scope=ResolvedScope(scope, None if keys is None else tuple(keys)))
    warnings = con.execute(
        load_composed("quality_warnings", "issues_base"), {"as_of": dt.date(9999, 12, 31), "scope_keys": keys}
    ).df()
    flags = con.execute(load_composed("quality_issue_flags", "issues_base"), {"as_of": as_of, "scope_keys": keys}).df()
    nonstandard = (
        flags[flags["nonstandard_category"]].groupby("category", as_index=False).size()
        .rename(columns={"size": "issues"}).sort_values(["issues", "category"], ascending=[False, True])
        .reset_index(drop=True)
    )
    closed = flags[flags["closed_without_resolved_on"]][
        ["issue_id", "raised_on", "category", "status", "owner_company", "owner_department"]
    ].reset_index(drop=True)
    return {
        "silent_companies": silent,
        "unmatched_ids": unmatched,
        "warnings": warnings,
        "nonstandard_categories": nonstandard,
        "closed_without_resolved_on": closed,
        "reception_without_hours": reception,
    }
