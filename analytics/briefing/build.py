"""``build_briefing``: compute the whole briefing model once (SPEC 6); the writers only render it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from analytics import config
from analytics.briefing.context import BriefContext
from analytics.briefing.model import Briefing
from analytics.briefing.sections_activity import discipline_section, volume_section
from analytics.briefing.sections_headline import headline_section
from analytics.briefing.sections_issues import IssueFigures, pareto_section, quality_section, resolution_section
from analytics.briefing.sections_plans import plans_section
from analytics.briefing.sections_quota import (
    load_year_results,
    owed_section,
    pace_section,
    quota_section,
    relevant_results,
)
from analytics.briefing.summary import summary_sentences
from analytics.errors import UserFacingError
from analytics.i18n import LANGUAGES, t
from analytics.metrics.headline import Headline, compute_headline
from analytics.metrics.pace import compute_pace
from analytics.metrics.periods import Period, parse_period, previous_period
from analytics.metrics.scope import load_companies, resolve_company_key

_FIRST_DAY_SQL = Path(__file__).resolve().parent.parent / "sql" / "briefing" / "first_data_day.sql"


def previous_is_comparable(con: duckdb.DuckDBPyConnection, previous: Period) -> bool:
    """Whether ``previous`` can be compared with: it ends on or after the first month holding any data.

    The overview's rule (ui/overview.py): before the first data there is nothing to compare with, so the change
    is not shown rather than shown as the whole current figure (a "+2,497" against an empty period).
    """
    first_day = con.execute(_FIRST_DAY_SQL.read_text(encoding="utf-8")).fetchone()[0]
    return first_day is not None and previous.end >= first_day.replace(day=1)


def _figures(h: Headline) -> tuple[dict[str, int], IssueFigures]:
    """A headline record as the volume totals and issue figures the section builders take."""
    totals = {"activities": h.activities, "person_times": h.person_times, "distinct_participants": h.participants}
    return totals, IssueFigures(raised=h.issues_raised, total=h.issues_total, closed=h.issues_closed,
                                resolution_rate=h.resolution_rate, overdue=h.overdue, as_of=h.figures_as_of)


def build_briefing(
    con: duckdb.DuckDBPyConnection,
    period: str,
    *,
    scope: str | None = None,
    as_of: dt.date | None = None,
    lang: str = "zh-Hant",
    generated_on: dt.date | None = None,
) -> Briefing:
    """The 服務分析會簡報 of ``period`` (``2026`` / ``2026Q3`` / ``2026-10``) for ``scope``.

    ``scope`` is a company name in any spelling ``match_key`` folds together, or its key, or None for all
    companies; it includes what rolls up to it (a province its cities, 總部 all). ``as_of`` (default today) dates
    the quota statuses, pace and issue figures. Raises a UserFacingError for an unknown period or company, or
    when the database has no roster yet.
    """
    lang = lang if lang in LANGUAGES else "zh-Hant"
    today = config.today()
    as_of = as_of or today
    p = parse_period(period, lang)
    companies = load_companies(con)
    if companies.empty:
        raise UserFacingError(t("brief.err.no_data", lang))
    scope_key = resolve_company_key(con, scope, lang)
    ctx = BriefContext(con, lang, p, previous_period(p), as_of, scope_key)
    company_name = (companies.loc[companies["company_key"] == scope_key, "company"].iloc[0]
                    if scope_key else t("brief.all_companies", lang))

    year_results = load_year_results(ctx)
    relevant = relevant_results(ctx, year_results)
    # The headline figures are compute_headline's record, the one the overview and `headline` show (issue #11).
    paced = compute_pace(year_results, as_of=as_of)
    now = compute_headline(con, p, as_of, scope_key, year_results=paced)
    before = compute_headline(con, ctx.previous, as_of, scope_key,
                              year_results=paced if ctx.previous.start.year == p.start.year else None)
    totals, issues_now = _figures(now)
    previous_totals, issues_before = _figures(before)
    # SPEC 4.5: a period not started yet has nothing to compare; no change against the previous period is shown.
    comparable = previous_is_comparable(con, ctx.previous) and now.state != "future"

    sections = [
        headline_section(ctx, totals, previous_totals, issues_now, issues_before, comparable=comparable,
                         state=now.state),
        quota_section(ctx, relevant, year_results),
        pace_section(ctx, relevant),
        volume_section(ctx, totals),
        pareto_section(ctx),
        resolution_section(ctx),
        owed_section(ctx, relevant),
        discipline_section(ctx),
        quality_section(ctx),
        plans_section(ctx),
    ]
    labels = {key: t(f"brief.label.{key}", lang) for key in
              ("company", "period", "as_of", "generated", "summary", "cover_sheet", "no_rows", "truncated")}
    labels["page"] = t("brief.label.page", lang, page="{page}")
    labels["continued"] = t("brief.label.continued", lang, title="{title}")  # a slide a table continues on  # the writer puts a PAGE field at {page}
    return Briefing(
        lang=lang,
        title=t("brief.title", lang),
        company=str(company_name),
        scope_key=scope_key,
        period=p.code,
        period_label=ctx.period_label(p),
        period_kind=p.kind,
        previous_period=ctx.previous.code,
        as_of=as_of,
        generated_on=generated_on or today,
        summary=summary_sentences(ctx, totals, previous_totals, issues_now, relevant, sections,
                                  comparable=comparable, state=now.state),
        sections=sections,
        labels=labels,
    )
