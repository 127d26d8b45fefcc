"""The figures of the upward report, per company scope (a province includes its cities; a city is itself).

For a report period P and an as-of date D (default: P's last day, or today when P is not over):
- quota results: every SPEC 4.1 result of the companies in the scope whose own period lies inside P, the one
  selection rule of the overview, the pages and the briefing (SPEC 4.5, docs/metrics.md §6a,
  ``analytics.metrics.headline.results_of_period``): a quarter's report counts its quarter and its months, a year's
  everything. The year rules' standing so far is not a result of a quarter (it is made of other quarters' walks
  too) and the province-scope briefing sent with the data sheet does not count it either; ``n/a`` results
  (population 0) are not counted; share met = met / counted.
- volume (SPEC 4.3): activities, person-times and participants of P in the scope, walks dated up to D
  (analytics.metrics.volume; SPEC 4.5).
- issues (SPEC 4.4) as of D: total, closed, open, overdue, resolution rate (analytics.metrics.issues).
- staff: head count of the scope's roster snapshots for P's last day (SPEC 2.1); activities per 100 staff.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import pandas as pd

from analytics import config
from analytics.company_tree import CompanyTree
from analytics.metrics.headline import results_of_period
from analytics.metrics.issues import compute_issue_headline
from analytics.metrics.periods import Period, parse_period
from analytics.metrics.quotas import compute_quota_results
from analytics.metrics.scope import load_companies, scope_company_keys
from analytics.metrics.volume import compute_volume_summary
from analytics.report.sql import load_sql

FIGURE_COLUMNS = ["company_key", "company", "level", "quota_results", "quota_met", "quota_share_met", "activities",
                  "person_times", "participants", "staff", "activities_per_100_staff", "issues_total",
                  "issues_closed", "issues_open", "issues_overdue", "resolution_rate"]


def default_as_of(period: Period, today: dt.date | None = None) -> dt.date:
    today = today or config.today()
    return min(period.end, today)


def relevant_quota_results(results: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The results of ``period`` by the one rule (``results_of_period``: their own period lies inside it), so the data
    sheet counts what the briefing attached to it, the overview and the 配額達標 page count (issue #11 item 3)."""
    return results_of_period(results, period)


def _volume_of(summary: dict, name: str, period: Period) -> dict[str, int]:
    sections = summary["by_company_rollup"].get(name, {})
    if period.kind == "year":
        figures = sections.get("year") or {}
    else:
        figures = sections.get("by_quarter" if period.kind == "quarter" else "by_month", {}).get(period.code) or {}
    return {"activities": int(figures.get("activities", 0)), "person_times": int(figures.get("person_times", 0)),
            "participants": int(figures.get("distinct_participants", 0))}


def compute_scope_figures(con: duckdb.DuckDBPyConnection, period: str | Period, company_keys: Sequence[str], *,
                          as_of: dt.date | None = None) -> pd.DataFrame:
    """One row per key of ``company_keys`` (in that order), columns FIGURE_COLUMNS, each over the key's scope."""
    p = parse_period(period)
    as_of = as_of or default_as_of(p)
    companies = load_companies(con).set_index("company_key")
    results = relevant_quota_results(compute_quota_results(con, p.start.year, as_of=as_of), p)
    volume = compute_volume_summary(con, p.start.year, as_of=as_of)  # SPEC 4.5: walks dated up to D only
    rows = []
    for key in company_keys:
        keys = scope_company_keys(con, key) or []
        name = str(companies.at[key, "company"])
        mine = results[results["company_key"].isin(keys) & (results["status"] != "n/a")]
        counted, met = len(mine), int(mine["met"].astype(bool).sum()) if len(mine) else 0
        staff_rows = con.execute(load_sql("staff_as_of"), {"day": p.end, "company_keys": keys}).fetchall()
        staff = int(sum(n for _, n in staff_rows))
        vol = _volume_of(volume, name, p)
        issues = compute_issue_headline(con, as_of, scope=key)
        rows.append({
            "company_key": key, "company": name, "level": companies.at[key, "level"],
            "quota_results": counted, "quota_met": met, "quota_share_met": met / counted if counted else None,
            **vol, "staff": staff, "activities_per_100_staff": 100 * vol["activities"] / staff if staff else None,
            "issues_total": int(issues["total"]), "issues_closed": int(issues["closed"]),
            "issues_open": int(issues["open"]), "issues_overdue": int(issues["overdue"]),
            "resolution_rate": issues["resolution_rate"],
        })
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def province_and_cities(con: duckdb.DuckDBPyConnection, province_key: str) -> list[str]:
    """The province first, then its cities in key order."""
    below = CompanyTree.coerce(load_companies(con)).keys_within(province_key)  # sorted; the one tree
    return [province_key, *[key for key in below if key != province_key]]


def province_keys(con: duckdb.DuckDBPyConnection) -> list[str]:
    companies = load_companies(con)
    return sorted(companies.loc[companies["level"] == "省公司", "company_key"].tolist())
