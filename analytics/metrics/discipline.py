"""Process discipline of SPEC 4.2 (articles 8-9) as rates per company and period, with the failing rows.

Checks: NOTICE (rows needing support or 大規模穿越: 告知日期 at least 3 / 7 days before), SUMMARY-7D (總結提交日期
0-7 days after), COPY-SENT (記錄已交被穿越單位 = 是), ISSUE-MIN1 (a linked issue raised by the person or with a
blank raiser, or 問題建議數 >= 1). A row counts for the company of its person on the roster as of its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb
import pandas as pd

from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.metrics.periods import Period, parse_period, periods_of_year
from analytics.metrics.scope import ResolvedScope, resolve_company_key, scope_company_keys
from analytics.metrics.sqlfiles import load_sql

CHECKS: tuple[str, ...] = ("NOTICE", "SUMMARY-7D", "COPY-SENT", "ISSUE-MIN1")
SUMMARY_COLUMNS = ["check", "company_key", "company", "level", "period", "period_kind", "applicable", "passing", "rate"]
FAILURE_COLUMNS = [
    "check", "company_key", "company", "employee_id", "name", "date", "category", "item", "mode", "needs_support",
    "activity_id", "notified_on", "summary_on", "copy_sent", "issues_raised",
]


class UnknownCheck(UserFacingError):
    """A discipline check code that is not one of CHECKS."""


def _period_params(periods: Sequence[Period], as_of: dt.date | None = None) -> dict:
    # SPEC 4.5: rows dated after the as-of date are not read (the date range ends on it)
    end = max(p.end for p in periods)
    return {
        "period_codes": [p.code for p in periods],
        "period_kinds": [p.kind for p in periods],
        "period_starts": [p.start for p in periods],
        "period_ends": [p.end for p in periods],
        "start": min(p.start for p in periods),
        "end": end if as_of is None else min(end, as_of),
    }


def compute_discipline(
    con: duckdb.DuckDBPyConnection,
    year: int,
    *,
    scope: str | ResolvedScope | None = None,
    period_kind: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """Discipline rates for ``year``: one row per (check, company, period) that has walkthrough rows.

    ``period_kind`` (year|quarter|month) limits the periods; None gives all 17 periods of the year. Columns:
    check (CHECKS), company_key (None = 工號 not on the roster, "unmatched"; only when scope is None), company,
    level, period, period_kind, applicable (rows the check applies to), passing, rate (passing / applicable,
    NaN when nothing applies). ``as_of``: rows dated after it do not count (SPEC 4.5; None = every row).
    Ordered by check (CHECKS order), company_key (unmatched last), period.
    """
    periods = periods_of_year(int(year), period_kind)
    params = {**_period_params(periods, as_of), "scope_keys": scope_company_keys(con, scope)}
    frame = con.execute(load_sql("discipline_summary"), params).df()
    if frame.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    order = {c: i for i, c in enumerate(CHECKS)}
    frame = frame.assign(_c=frame["check"].map(order), _u=frame["company_key"].isna())
    frame = frame.sort_values(["_c", "_u", "company_key", "period_start", "period_kind"], kind="stable")
    return frame[SUMMARY_COLUMNS].reset_index(drop=True)


def load_discipline_failures(
    con: duckdb.DuckDBPyConnection,
    check: str,
    period: str | Period,
    *,
    company: str | None = None,
    scope: str | ResolvedScope | None = None,
    lang: str = "zh-Hant",
) -> pd.DataFrame:
    """The walkthrough rows of ``period`` to which ``check`` applies and which fail it, with the person's company.

    ``company`` (any spelling) narrows to one company. Columns: FAILURE_COLUMNS (company_key None = not on the
    roster); ordered by company, date, employee_id.
    """
    code = str(check).strip().upper()
    if code not in CHECKS:
        raise UnknownCheck(t("metrics.err.check", lang, value=check, checks=", ".join(CHECKS)))
    p = parse_period(period, lang)
    keys = scope_company_keys(con, scope)
    if company is not None:
        key = resolve_company_key(con, company, lang)
        keys = [key] if keys is None or key in keys else []
    sql = load_sql("discipline_failures").replace("/*discipline_rows*/", load_sql("discipline_rows"))
    frame = con.execute(sql, {"start": p.start, "end": p.end, "scope_keys": keys, "check": code}).df()
    # activity_key last: rows of one person and day in one company come out in a fixed order
    frame = frame.sort_values(["company_key", "date", "employee_id", "activity_key"], kind="stable",
                              na_position="last")
    return frame[FAILURE_COLUMNS].reset_index(drop=True)
