"""各省上報 (SPEC 9.4): which provinces submitted their report for a period, and a ranking of provinces.

The ranking orders provinces by share of quota results met (higher first), then resolution rate (higher), then
overdue issues (fewer), then activities per 100 staff (higher), then name; a missing figure (no results, no
issues, no staff) sorts after every real one. Each figure has its change against the previous period of the same
kind (2026Q3 → 2026Q2), computed as of that period's end (or the as-of date when earlier). Every province is
ranked, submitted or not: 總部 sees who is behind with the report too. Only 總部 users and admins may read it.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.auth.model import ADMIN, User
from analytics.i18n import t
from analytics.metrics.periods import parse_period, previous_period
from analytics.metrics.scope import load_companies
from analytics.report.figures import compute_scope_figures, default_as_of, province_keys
from analytics.report.sql import load_sql
from analytics.report.submit import ReportDenied

RANK_FIGURES = ("quota_share_met", "resolution_rate", "issues_overdue", "activities_per_100_staff")
_HIGHER_IS_BETTER = {"quota_share_met": True, "resolution_rate": True, "issues_overdue": False,
                     "activities_per_100_staff": True}


def may_see_ranking(con: duckdb.DuckDBPyConnection, user: User | None) -> bool:
    """Admins, the local single user, and users of a 總部 company."""
    if user is None or user.role == ADMIN:
        return True
    companies = load_companies(con)
    hq = set(companies.loc[companies["level"] == "總部", "company_key"])
    return user.company_key in hq


def load_submissions(con: duckdb.DuckDBPyConnection, period: str) -> pd.DataFrame:
    return con.execute(load_sql("submissions_of_period"), {"period": parse_period(period).code}).df()


def rank_provinces(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (one row per province with RANK_FIGURES and company) sorted by the ranking rule, with ``rank``."""
    keys = []
    for figure in RANK_FIGURES:
        values = frame[figure].astype(float)
        keys.append(values.isna())  # missing last
        keys.append(-values.fillna(0) if _HIGHER_IS_BETTER[figure] else values.fillna(0))
    order = sorted(range(len(frame)), key=lambda i: (*[k.iloc[i] for k in keys], frame["company"].iloc[i]))
    ranked = frame.iloc[order].reset_index(drop=True)
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked


def compute_province_ranking(con: duckdb.DuckDBPyConnection, period: str, *, user: User | None,
                             as_of: dt.date | None = None, lang: str = "zh-Hant") -> pd.DataFrame:
    """Columns: rank, company_key, company, submitted, submitted_at, submitted_by, batch_id, RANK_FIGURES and
    ``<figure>_change`` for each. Raises ReportDenied for a user who is neither admin nor 總部."""
    if not may_see_ranking(con, user):
        raise ReportDenied(t("report.err.ranking_denied", lang))
    p = parse_period(period, lang)
    as_of = as_of or default_as_of(p)
    keys = province_keys(con)
    columns = ["rank", "company_key", "company", "submitted", "submitted_at", "submitted_by", "batch_id",
               *RANK_FIGURES, *[f"{f}_change" for f in RANK_FIGURES]]
    if not keys:
        return pd.DataFrame(columns=columns)
    now = compute_scope_figures(con, p, keys, as_of=as_of)
    before_p = previous_period(p)
    before = compute_scope_figures(con, before_p, keys, as_of=min(as_of, before_p.end)).set_index("company_key")
    for figure in RANK_FIGURES:
        previous = now["company_key"].map(before[figure])
        now[f"{figure}_change"] = [None if pd.isna(a) or pd.isna(b) else a - b
                                   for a, b in zip(now[figure], previous, strict=True)]
    submissions = load_submissions(con, p.code).set_index("province_key")
    now["submitted"] = now["company_key"].isin(submissions.index)
    for column in ("submitted_at", "submitted_by", "batch_id"):
        now[column] = now["company_key"].map(submissions[column]) if len(submissions) else None
    return rank_provinces(now).reindex(columns=columns)
