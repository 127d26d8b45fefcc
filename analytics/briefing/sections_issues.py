"""Sections 5, 6 and 9 of the briefing: issue Pareto, resolution progress with the overdue list, data quality.

Figures come from ``analytics.metrics.issues`` and ``analytics.metrics.quality``. "Raised in a period" is the
difference of two as-of totals of the same function (issues raised up to the period's end minus those raised
before its start), so it agrees with the issues page for any date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics.briefing.context import BriefContext
from analytics.briefing.model import ChartSpec, Section, SectionTable
from analytics.metrics.issues import (
    AGEING_BUCKETS,
    compute_issue_breakdown,
    compute_issue_summary,
    compute_open_trend,
    load_overdue_issues,
)
from analytics.metrics.periods import Period
from analytics.metrics.quality import compute_data_quality

_TREND_MONTHS = 12


@dataclass(frozen=True)
class IssueFigures:
    """Headline issue figures of one period: raised in it; resolution rate and overdue as of its end."""

    raised: int
    total: int
    closed: int
    resolution_rate: float | None
    overdue: int
    as_of: dt.date


def _cutoff(ctx: BriefContext, period: Period) -> dt.date:
    """Figures of a period are read at its last day, never after the briefing's as-of date."""
    return min(period.end, ctx.as_of)


def categories_as_of(ctx: BriefContext, day: dt.date) -> pd.DataFrame:
    """``compute_issue_breakdown(by="category")`` as of ``day``, computed once per day per briefing.

    Its rows partition the issues of the scope, so their sums are the totals of ``compute_issue_summary`` (total,
    closed, open, overdue) for the same day: the headline reads them here instead of running the whole summary
    for each period end (SPEC 7: a national briefing must stay fast).
    """
    memo = ctx.memo.setdefault("issue_categories", {})
    if day not in memo:
        memo[day] = compute_issue_breakdown(ctx.con, day, by="category", scope=ctx.scope_key, lang=ctx.lang)
    return memo[day]


def _totals(ctx: BriefContext, day: dt.date) -> dict[str, int]:
    frame = categories_as_of(ctx, day)
    return {k: int(frame[k].sum()) if not frame.empty else 0 for k in ("total", "closed", "open", "overdue")}


def issue_figures(ctx: BriefContext, period: Period) -> IssueFigures:
    """Issues raised in ``period`` and the resolution figures as of its end (or the as-of date)."""
    cutoff = _cutoff(ctx, period)
    at_end = _totals(ctx, cutoff)
    before = _totals(ctx, period.start - dt.timedelta(days=1))["total"] if cutoff >= period.start else at_end["total"]
    return IssueFigures(
        raised=max(0, at_end["total"] - before),
        total=at_end["total"],
        closed=at_end["closed"],
        # SPEC 4.4: resolution rate = closed / total; undefined before the first issue
        resolution_rate=at_end["closed"] / at_end["total"] if at_end["total"] else None,
        overdue=at_end["overdue"],
        as_of=cutoff,
    )


def pareto_section(ctx: BriefContext) -> Section:
    """Section 5: issue categories as of the as-of date, largest first, with cumulative share and this period's
    new issues per category."""
    section = Section("pareto", ctx.t("brief.sec.pareto"), ctx.t("brief.sheet.pareto"))
    cutoff = _cutoff(ctx, ctx.period)
    now = categories_as_of(ctx, ctx.as_of)
    if now.empty:
        section.empty_message = ctx.t("brief.label.no_rows")
        return section
    at_end = categories_as_of(ctx, cutoff)
    before = categories_as_of(ctx, ctx.period.start - dt.timedelta(days=1))
    end_n = dict(zip(at_end["group_key"], at_end["total"], strict=True))
    before_n = dict(zip(before["group_key"], before["total"], strict=True))
    raised = [int(end_n.get(k, 0) - before_n.get(k, 0)) if cutoff >= ctx.period.start else 0
              for k in now["group_key"]]
    labels = [ctx.term("issue_category", g) if std else str(g)
              for g, std in zip(now["group"], now["is_standard"], strict=True)]
    frame = pd.DataFrame({
        ctx.t("brief.col.issue_category"): labels,
        ctx.t("brief.col.issues"): now["total"].to_numpy(),
        ctx.t("brief.col.share"): now["share"].astype(float).to_numpy(),
        ctx.t("brief.col.cumulative"): now["cumulative_share"].astype(float).to_numpy(),
        ctx.t("brief.col.open"): now["open"].to_numpy(),
        ctx.t("brief.col.raised_in_period", period=ctx.period.code): raised,
        ctx.t("brief.col.standard"): [ctx.t("brief.yes") if s else ctx.t("brief.no") for s in now["is_standard"]],
    })
    fmt = {ctx.t("brief.col.issues"): "int", ctx.t("brief.col.share"): "pct", ctx.t("brief.col.cumulative"): "pct",
           ctx.t("brief.col.open"): "int", ctx.t("brief.col.raised_in_period", period=ctx.period.code): "int"}
    section.tables.append(SectionTable(ctx.t("brief.tbl.pareto", as_of=ctx.as_of.isoformat()), frame, fmt))
    section.charts.append(ChartSpec("pareto", ctx.t("brief.chart.pareto"), labels,
                                    [(ctx.t("brief.col.issues"), [float(v) for v in now["total"]])]))
    k = int((now["cumulative_share"] < 0.8).sum()) + 1  # categories needed to pass 80% (the Pareto cut)
    k = min(k, len(now))
    section.sentences.append(ctx.t("brief.s.pareto", category=labels[0], n=int(now["total"].iloc[0]),
                                   share=float(now["share"].iloc[0]), k=k,
                                   top_share=float(now["cumulative_share"].iloc[k - 1])))
    return section


def _rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def resolution_section(ctx: BriefContext) -> Section:
    """Section 6: resolution as of the as-of date, the open-issue trend, ageing, by owner, overdue list by owner."""
    section = Section("resolution", ctx.t("brief.sec.resolution"), ctx.t("brief.sheet.resolution"))
    if categories_as_of(ctx, ctx.as_of).empty:
        section.empty_message = ctx.t("brief.label.no_rows")
        return section
    summary = compute_issue_summary(ctx.con, ctx.as_of, scope=ctx.scope_key, lang=ctx.lang)
    close = summary["days_to_close"]
    figures = pd.DataFrame({
        ctx.t("brief.col.total"): [summary["total"]],
        ctx.t("brief.col.closed"): [summary["closed"]],
        ctx.t("brief.col.open"): [summary["open"]],
        ctx.t("brief.col.overdue"): [summary["overdue"]],
        ctx.t("brief.col.resolution_rate"): [summary["resolution_rate"]],
        ctx.t("brief.col.median_days"): [close["median"]],
        ctx.t("brief.col.p90_days"): [close["p90"]],
    })
    fmt = {c: "int" for c in figures.columns[:4]} | {ctx.t("brief.col.resolution_rate"): "pct",
                                                     ctx.t("brief.col.median_days"): "num",
                                                     ctx.t("brief.col.p90_days"): "num"}
    section.tables.append(SectionTable(ctx.t("brief.tbl.resolution", as_of=ctx.as_of.isoformat()), figures, fmt))
    section.sentences.append(ctx.t("brief.s.resolution", as_of=ctx.as_of.isoformat(), total=summary["total"],
                                   closed=summary["closed"], rate=_rate_text(summary["resolution_rate"]),
                                   overdue=summary["overdue"]))

    overdue = load_overdue_issues(ctx.con, ctx.as_of, scope=ctx.scope_key)
    overdue = overdue.assign(_o=overdue["owner_company"].fillna(""), _d=overdue["owner_department"].fillna(""))
    overdue = overdue.sort_values(["_o", "_d", "days_overdue", "issue_id"], ascending=[True, True, False, True],
                                  kind="stable")
    overdue_frame = pd.DataFrame({
        ctx.t("brief.col.owner_company"): overdue["owner_company"].to_numpy(),
        ctx.t("brief.col.owner_department"): overdue["owner_department"].to_numpy(),
        ctx.t("brief.col.issue_id"): overdue["issue_id"].to_numpy(),
        # the category in the briefing's language as the pages write it (#16 item 9); one off the list as written
        ctx.t("brief.col.issue_category"): [ctx.term("issue_category", g) for g in overdue["category"]],
        ctx.t("brief.col.description"): overdue["description"].to_numpy(),
        ctx.t("brief.col.due_on"): overdue["due_on"].to_numpy(),
        ctx.t("brief.col.days_overdue"): overdue["days_overdue"].to_numpy(),
        ctx.t("brief.col.status"): [ctx.term("status", s) for s in overdue["status"]],
        ctx.t("brief.col.work_order"): overdue["work_order_id"].to_numpy(),
    })
    section.tables.append(SectionTable(ctx.t("brief.tbl.overdue"), overdue_frame,
                                       {ctx.t("brief.col.due_on"): "date", ctx.t("brief.col.days_overdue"): "int"}))
    if not overdue_frame.empty:
        section.slide_table = len(section.tables) - 1  # the meeting discusses the overdue list, owner by owner

    owners = summary["by_owner_company"]  # SPEC 4.4 by owner company, as the issues page shows it
    owner_frame = pd.DataFrame({
        ctx.t("brief.col.owner_company"): list(owners),
        ctx.t("brief.col.total"): [f["total"] for f in owners.values()],
        ctx.t("brief.col.closed"): [f["closed"] for f in owners.values()],
        ctx.t("brief.col.open"): [f["open"] for f in owners.values()],
        ctx.t("brief.col.overdue"): [f["overdue"] for f in owners.values()],
        ctx.t("brief.col.resolution_rate"): [f["closed"] / f["total"] if f["total"] else None
                                             for f in owners.values()],
    })
    section.tables.append(SectionTable(ctx.t("brief.tbl.by_owner"), owner_frame,
                                       {c: "int" for c in owner_frame.columns[1:5]}
                                       | {ctx.t("brief.col.resolution_rate"): "pct"}))

    ageing = summary["open_ageing"]
    age_frame = pd.DataFrame({ctx.t("brief.col.ageing"): list(AGEING_BUCKETS),
                              ctx.t("brief.col.open"): [ageing[b] for b in AGEING_BUCKETS]})
    section.tables.append(SectionTable(ctx.t("brief.tbl.ageing"), age_frame, {ctx.t("brief.col.open"): "int"}))

    end = _cutoff(ctx, ctx.period)
    first = (pd.Timestamp(end.replace(day=1)) - pd.DateOffset(months=_TREND_MONTHS - 1)).date()
    trend = compute_open_trend(ctx.con, start=first, end=end, freq="month", scope=ctx.scope_key)
    if not trend.empty and int(trend["known"].sum()) > 0:
        trend_frame = pd.DataFrame({ctx.t("brief.col.month"): trend["period"].to_numpy(),
                                    ctx.t("brief.col.open_at_end"): trend["open"].to_numpy()})
        section.tables.append(SectionTable(ctx.t("brief.tbl.trend"), trend_frame,
                                           {ctx.t("brief.col.open_at_end"): "int"}))
        section.charts.append(ChartSpec("line", ctx.t("brief.chart.trend"), list(trend["period"]),
                                        [(ctx.t("brief.col.open_at_end"), [float(v) for v in trend["open"]])]))
    section.charts.append(ChartSpec("bar", ctx.t("brief.chart.ageing"), list(AGEING_BUCKETS),
                                    [(ctx.t("brief.col.open"), [float(ageing[b]) for b in AGEING_BUCKETS])]))
    return section


def quality_section(ctx: BriefContext) -> Section:
    """Section 9: data-quality notes of the scope and period (SPEC 4.3/4.4 flags), from compute_data_quality."""
    section = Section("quality", ctx.t("brief.sec.quality"), ctx.t("brief.sheet.quality"))
    found = compute_data_quality(ctx.con, ctx.period.start.year, as_of=ctx.as_of, scope=ctx.scope_key)
    silent = ctx.overlapping(found["silent_companies"].assign(
        period_end=lambda f: (pd.to_datetime(f["period_start"]) + pd.offsets.MonthEnd(0)).dt.date))
    reception = found["reception_without_hours"]
    if not reception.empty:
        days = pd.to_datetime(reception["date"]).dt.date
        reception = reception[(days >= ctx.period.start) & (days <= ctx.period.end)]
    counts = {
        "silent": len(silent),
        "unmatched": int(found["unmatched_ids"]["rows"].sum()) if not found["unmatched_ids"].empty else 0,
        "warnings": len(found["warnings"]),
        "nonstandard": int(found["nonstandard_categories"]["issues"].sum())
        if not found["nonstandard_categories"].empty else 0,
        "closed_no_date": len(found["closed_without_resolved_on"]),
        "reception_hours": len(reception),
    }
    listed = [(key, n) for key, n in counts.items() if n]
    if not listed:
        section.empty_message = ctx.t("brief.quality.clean")
        return section
    section.sentences.append(ctx.t("brief.s.quality", n=len(listed)))
    notes = pd.DataFrame({ctx.t("brief.col.note"): [ctx.t(f"brief.q.{k}", year=ctx.period.start.year)
                                                    for k, _ in listed],
                          ctx.t("brief.col.count"): [n for _, n in listed]})
    section.tables.append(SectionTable(ctx.t("brief.tbl.quality"), notes, {ctx.t("brief.col.count"): "int"}))
    if not silent.empty:
        section.tables.append(SectionTable(ctx.t("brief.q.silent", year=ctx.period.start.year), pd.DataFrame({
            ctx.t("brief.col.company"): silent["company"].to_numpy(),
            ctx.t("brief.col.month"): silent["period"].to_numpy()})))
    if not reception.empty:
        section.tables.append(SectionTable(ctx.t("brief.q.reception_hours"), pd.DataFrame({
            ctx.t("brief.col.employee_id"): reception["employee_id"].to_numpy(),
            ctx.t("brief.col.name"): reception["name"].to_numpy(),
            ctx.t("brief.col.date"): reception["date"].to_numpy()}), {ctx.t("brief.col.date"): "date"}))
    unmatched = found["unmatched_ids"]
    if not unmatched.empty:
        section.tables.append(SectionTable(ctx.t("brief.q.unmatched", year=ctx.period.start.year), pd.DataFrame({
            ctx.t("brief.col.employee_id"): unmatched["employee_id"].to_numpy(),
            ctx.t("brief.col.name"): unmatched["name"].to_numpy(),
            ctx.t("brief.col.count"): unmatched["rows"].to_numpy()}), {ctx.t("brief.col.count"): "int"}))
    nonstandard = found["nonstandard_categories"]
    if not nonstandard.empty:
        section.tables.append(SectionTable(ctx.t("brief.q.nonstandard"), pd.DataFrame({
            ctx.t("brief.col.issue_category"): nonstandard["category"].to_numpy(),
            ctx.t("brief.col.issues"): nonstandard["issues"].to_numpy()}), {ctx.t("brief.col.issues"): "int"}))
    closed = found["closed_without_resolved_on"]
    if not closed.empty:
        section.tables.append(SectionTable(ctx.t("brief.q.closed_no_date"), pd.DataFrame({
            ctx.t("brief.col.issue_id"): closed["issue_id"].to_numpy(),
            ctx.t("brief.col.raised_on"): closed["raised_on"].to_numpy(),
            ctx.t("brief.col.owner_company"): closed["owner_company"].to_numpy(),
            ctx.t("brief.col.status"): [ctx.term("status", s) for s in closed["status"]]}),
            {ctx.t("brief.col.raised_on"): "date"}))
    return section
