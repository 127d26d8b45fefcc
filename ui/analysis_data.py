"""Cached loaders for the analysis pages (穿越量, 問題跟蹤, 流程規範, 資料品質).

Each public loader calls a ``st.cache_data`` function (``ui.data.loader``) whose first argument is the store's
version (ui.db.data_version), so an import shows at once and every session shares one computation per version.
The small module-level ``_`` helpers run inside the cache on the read-only connection; they only pick the rows of
the selected period out of a metric frame or add a ratio the page shows. Without a database every loader returns the empty shape, so a page can show its empty state.

The last section holds the presentation helpers the four pages share: escaping text for Plotly, translated
table headers and vocabulary terms, and the tolerant text filter of the long lists.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

import pandas as pd

from analytics.i18n.formats import month_label  # noqa: F401 - the pages call ad.month_label
from analytics.labels import CHART_LABEL, distinct_short_labels, short_label
from ui.data import loader
from ui.db import data_version, db_exists, read

# ---------------------------------------------------------------- volume (SPEC 4.3)


def unmatched_person_times(by_company: pd.DataFrame) -> int:
    """Rows of a ``compute_volume(by="company")`` frame whose 工號 is on no roster (their group key is null)."""
    if by_company.empty:
        return 0
    return int(by_company.loc[by_company["group_key"].isna(), "person_times"].sum())


def volume_monthly(year: int, by: str, scope: str | None, as_of: dt.date | None = None) -> pd.DataFrame:
    """Volume of every month of ``year`` grouped ``by`` a dimension ("all" for the totals), rows up to ``as_of``
    (SPEC 4.5: the running month counts what was logged by then)."""
    from analytics.metrics.volume import VOLUME_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=VOLUME_COLUMNS)
    return _volume_monthly(data_version(), int(year), by, scope, as_of)


@loader
def _volume_monthly(version: tuple, year: int, by: str, scope: str | None, as_of: dt.date | None) -> pd.DataFrame:
    from analytics.metrics.volume import compute_volume

    return read(compute_volume, year, by=by, scope=scope, period_kind="month", as_of=as_of)


# ---------------------------------------------------------------- issues (SPEC 4.4)


def _issue_summary(con, as_of: dt.date, scope: str | None, lang: str) -> dict | None:
    from analytics.metrics.issues import compute_issue_breakdown, compute_issue_summary

    # No issue in scope: say so (compute_issue_summary has nothing to summarise and its histograms are null).
    if compute_issue_breakdown(con, as_of, by="kind", scope=scope, lang=lang).empty:
        return None
    return compute_issue_summary(con, as_of, scope=scope, lang=lang)


def issue_summary(as_of: dt.date, scope: str | None, lang: str) -> dict | None:
    """``compute_issue_summary`` as of a date; None without a database or without any issue in scope."""
    if not db_exists():
        return None
    return _cached_issue_summary(data_version(), as_of, scope, lang)


@loader
def _cached_issue_summary(version: tuple, as_of: dt.date, scope: str | None, lang: str) -> dict | None:
    return read(_issue_summary, as_of, scope, lang)


def _issue_breakdown(con, as_of: dt.date, by: str, scope: str | None, lang: str) -> pd.DataFrame:
    from analytics.metrics.issues import compute_issue_breakdown

    frame = compute_issue_breakdown(con, as_of, by=by, scope=scope, lang=lang)
    # SPEC 4.4 resolution rate (closed / total) per group, as the headline gives it for the whole scope
    return frame.assign(resolution_rate=frame["closed"] / frame["total"].where(frame["total"] > 0))


def issue_breakdown(as_of: dt.date, by: str, scope: str | None, lang: str) -> pd.DataFrame:
    """``compute_issue_breakdown`` (Pareto for ``category``, owner tables for owner_company/owner_department)
    plus ``resolution_rate`` = closed / total of each group."""
    if not db_exists():
        return pd.DataFrame(columns=["group_key", "group", "owner_company", "owner_department", "is_standard",
                                     "total", "closed", "open", "overdue", "share", "cumulative_share",
                                     "resolution_rate"])
    return _cached_issue_breakdown(data_version(), as_of, by, scope, lang)


@loader
def _cached_issue_breakdown(version: tuple, as_of: dt.date, by: str, scope: str | None, lang: str) -> pd.DataFrame:
    return read(_issue_breakdown, as_of, by, scope, lang)


def overdue_issues(as_of: dt.date, scope: str | None) -> pd.DataFrame:
    """Open issues past their 計畫完成日期 as of ``as_of``, most overdue first."""
    from analytics.metrics.issues import OVERDUE_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=OVERDUE_COLUMNS)
    return _overdue_issues(data_version(), as_of, scope)


@loader
def _overdue_issues(version: tuple, as_of: dt.date, scope: str | None) -> pd.DataFrame:
    from analytics.metrics.issues import load_overdue_issues

    return read(load_overdue_issues, as_of, scope=scope)


def open_trend(as_of: dt.date, scope: str | None) -> pd.DataFrame:
    """Issues open at the end of each of the 12 months up to ``as_of`` (from the status history)."""
    if not db_exists():
        return pd.DataFrame(columns=["period", "period_end", "open", "closed", "known"])
    start = dt.date(as_of.year - 1, as_of.month, 1) if as_of.month == 12 else dt.date(as_of.year - 1, as_of.month + 1, 1)
    return _open_trend(data_version(), start, as_of, scope)


@loader
def _open_trend(version: tuple, start: dt.date, end: dt.date, scope: str | None) -> pd.DataFrame:
    from analytics.metrics.issues import compute_open_trend

    return read(compute_open_trend, start=start, end=end, freq="month", scope=scope)


# ---------------------------------------------------------------- discipline (SPEC 4.2)


def _discipline_of_period(con, year: int, scope: str | None, period_kind: str, period: str) -> pd.DataFrame:
    from analytics.metrics.discipline import compute_discipline

    frame = compute_discipline(con, year, scope=scope, period_kind=period_kind)
    return frame[frame["period"] == period].reset_index(drop=True)


def discipline_of_period(year: int, scope: str | None, period_kind: str, period: str) -> pd.DataFrame:
    """Discipline rates (check × company) of one period (compute_discipline columns)."""
    from analytics.metrics.discipline import SUMMARY_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    return _cached_discipline_of_period(data_version(), int(year), scope, period_kind, period)


@loader
def _cached_discipline_of_period(version: tuple, year: int, scope: str | None, period_kind: str,
                                 period: str) -> pd.DataFrame:
    return read(_discipline_of_period, year, scope, period_kind, period)


def discipline_failures(check: str, period: str, scope: str | None, lang: str) -> pd.DataFrame:
    """The failing walkthrough rows of one check in one period (load_discipline_failures columns)."""
    from analytics.metrics.discipline import FAILURE_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=FAILURE_COLUMNS)
    return _discipline_failures(data_version(), check, period, scope, lang)


@loader
def _discipline_failures(version: tuple, check: str, period: str, scope: str | None, lang: str) -> pd.DataFrame:
    from analytics.metrics.discipline import load_discipline_failures

    return read(load_discipline_failures, check, period, scope=scope, lang=lang)


# ---------------------------------------------------------------- data quality


def data_quality(year: int, as_of: dt.date, scope: str | None) -> dict[str, pd.DataFrame]:
    """``compute_data_quality`` (a dict of frames keyed by QUALITY_SECTIONS); empty frames without a database."""
    from analytics.metrics.quality import QUALITY_SECTIONS

    if not db_exists():
        return {section: pd.DataFrame() for section in QUALITY_SECTIONS}
    return _data_quality(data_version(), int(year), as_of, scope)


@loader
def _data_quality(version: tuple, year: int, as_of: dt.date, scope: str | None) -> dict[str, pd.DataFrame]:
    from analytics.metrics.quality import compute_data_quality

    return read(compute_data_quality, year, as_of=as_of, scope=scope)


# ---------------------------------------------------------------- walker, plans, briefing (their pages stay thin)


@loader
def walker_view(version: tuple, employee_id: str, year: int, as_of: dt.date, scope: str | None):
    """compute_walker_view (None when the person is not in ``scope``)."""
    from analytics.metrics.walker import compute_walker_view

    return read(compute_walker_view, employee_id, year=year, as_of=as_of, scope=scope)


@loader
def find_people(version: tuple, text: str, scope: str | None) -> pd.DataFrame:
    """analytics.metrics.walker.find_people: who matches a 工號 or a name."""
    from analytics.metrics.walker import find_people as find

    return read(find, text, scope=scope)


@loader
def plan_counts(version: tuple, scope: str | None) -> dict[str, int]:
    from analytics.metrics.plans import count_plans

    return read(count_plans, scope)


@loader
def plan_filed_years(version: tuple, years: tuple[int, ...], as_of: dt.date, scope: str | None,
                     deadline: tuple[int, int] | None) -> pd.DataFrame:
    from analytics.metrics.plans import plan_filed_years as filed

    return read(filed, years, as_of=as_of, scope=scope, deadline=deadline)


@loader
def individual_plans_between(version: tuple, as_of: dt.date, start: dt.date, end: dt.date, scope: str | None,
                             window_days: int) -> pd.DataFrame:
    from analytics.metrics.plans import individual_plans

    return read(individual_plans, as_of=as_of, start=start, end=end, scope=scope, window_days=window_days)


@loader
def individual_plans_of_year(version: tuple, year: int, as_of: dt.date, scope: str | None, window_days: int,
                             status: str | None = None) -> pd.DataFrame:
    from analytics.metrics.plans import individual_plans_of_year as of_year

    return read(of_year, year, as_of=as_of, scope=scope, window_days=window_days, status=status)


@loader
def individual_plan_counts(version: tuple, year: int, as_of: dt.date, scope: str | None,
                           window_days: int) -> dict[str, int]:
    from analytics.metrics.plans import individual_plan_counts as counts

    return read(counts, year, as_of=as_of, scope=scope, window_days=window_days)


@loader
def walks_against_plans(version: tuple, year: int, as_of: dt.date, scope: str | None,
                        window_days: int) -> pd.DataFrame:
    from analytics.metrics.plans import walks_against_plans as walks

    return read(walks, year, as_of=as_of, scope=scope, window_days=window_days)


def _only(company_key: str):
    """The scope of one company without the companies that roll up to it (its plans are met by its own walks)."""
    from analytics.metrics.scope import ResolvedScope

    return ResolvedScope(company_key, (company_key,))


@loader
def company_plan_actual(version: tuple, year: int, as_of: dt.date, company_key: str) -> pd.DataFrame:
    """company_plan_actual of one company itself (``_only``: not what rolls up to it)."""
    from analytics.metrics.plans import company_plan_actual as actual

    return read(actual, year, as_of=as_of, scope=_only(company_key))


@loader
def upcoming_walks(version: tuple, as_of: dt.date, days: int, scope: str | None, window_days: int) -> pd.DataFrame:
    from analytics.metrics.plans import upcoming_walks as upcoming

    return read(upcoming, as_of=as_of, days=days, scope=scope, window_days=window_days)


@loader
def department_volume(version: tuple, year: int, company_key: str, as_of: dt.date) -> pd.DataFrame:
    """compute_volume by department and month of one company itself (``_only``), up to ``as_of``: scope=company_key
    would include what rolls up to it (for 總部 every company's departments, nationally 3 s of work)."""
    from analytics.metrics.volume import compute_volume

    return read(compute_volume, year, by="department", scope=_only(company_key), period_kind="month", as_of=as_of)


@loader
def briefing(version: tuple, period: str, scope: str | None, as_of: dt.date, lang: str):
    """analytics.briefing.build_briefing: the meeting's briefing model."""
    from analytics.briefing import build_briefing

    return read(build_briefing, period, scope=scope, as_of=as_of, lang=lang)


# ---------------------------------------------------------------- presentation helpers shared by the four pages


def plot_text(value: object, limit: int = CHART_LABEL) -> str:
    """Text for a Plotly label or hover: cut to ``limit`` characters (issue #12: a 20,000-character 問題類別 made
    drawing run out of memory), then escaped, since Plotly renders a subset of HTML (cut first: never mid-entity)."""
    return html.escape(short_label(value, limit), quote=False)


def plot_labels(values: Sequence[object], limit: int = CHART_LABEL) -> list[str]:
    """``plot_text`` of each value, kept distinct (two long categories cut alike must stay two bars)."""
    return [html.escape(v, quote=False) for v in distinct_short_labels(values, limit)]


def present(frame: pd.DataFrame, columns: Sequence[tuple[str, str, str | None]], lang: str) -> pd.DataFrame:
    """The columns of ``frame`` to show, renamed to the language's headers, vocabulary terms translated.

    ``columns`` lists (column, i18n key of the header, vocabulary key or None). Booleans become 是/否 (Yes/No);
    dates stay dates so st.dataframe sorts them. Missing columns are skipped (a metric may not provide one).
    """
    from analytics.i18n import t
    from ui.state import term

    out: dict[str, pd.Series] = {}
    for column, header_key, vocab in columns:
        if column not in frame.columns:
            continue
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):  # a date, not "2026-01-21 00:00:00"
            values = values.dt.date
        if vocab:
            # translate each distinct value once: a national overdue list has 200,000 rows but a handful of terms
            spell = (lambda v: term("yesno", "是" if v else "否", lang)) if vocab == "yesno" else (
                lambda v, _vocab=vocab: term(_vocab, v, lang))
            # and look them up with a dict (vectorised by pandas), blanks staying blank
            words = {v: spell(v) for v in values.dropna().drop_duplicates()}
            values = values.map(words).astype(object).fillna("")
        out[t(header_key, lang)] = values.reset_index(drop=True)
    return pd.DataFrame(out)


def filter_rows(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows of ``frame`` where any cell contains ``text``, ignoring case, width and 繁/简 differences.

    Rather than folding every cell (too slow for a 100,000-row list), the typed text is folded into its
    Simplified and Traditional spellings and each is looked for in the width- and case-folded cells.
    """
    needles = _needles(text)
    if not needles or frame.empty:
        return frame
    hit = pd.Series(False, index=frame.index)
    for column in frame.columns:
        cells = frame[column].astype("string").fillna("").str.normalize("NFKC").str.casefold()
        for needle in needles:
            hit |= cells.str.contains(needle, regex=False).fillna(False).astype(bool)
    return frame[hit]


def _needles(text: str) -> list[str]:
    import unicodedata

    import opencc

    base = unicodedata.normalize("NFKC", text or "").strip().casefold()
    if not base:
        return []
    spellings = {base, opencc.OpenCC("t2s").convert(base), opencc.OpenCC("s2t").convert(base),
                 opencc.OpenCC("s2tw").convert(base)}
    return sorted(spellings)
