"""Sections 4 and 8 of the briefing: task volume (SPEC 4.3) and process discipline (SPEC 4.2).

Figures come from ``analytics.metrics.volume`` and ``analytics.metrics.discipline``; the scope total of a discipline
check is the sum of its per-company counts (each walkthrough row counts for exactly one company), and the rate is
passing / applicable of those sums.
"""

from __future__ import annotations

import pandas as pd

from analytics.briefing.context import BriefContext
from analytics.briefing.model import ChartSpec, Section, SectionTable
from analytics.metrics.discipline import CHECKS, compute_discipline
from analytics.metrics.periods import Period
from analytics.metrics.volume import MEASURES, compute_volume


def volume_in(ctx: BriefContext, period: Period, by: str = "all") -> pd.DataFrame:
    """``compute_volume`` rows of ``period`` in scope (only that period's rows are read)."""
    memo = ctx.memo.setdefault("volume", {})
    key = (period.code, by)
    if key not in memo:
        memo[key] = compute_volume(ctx.con, period.start.year, by=by, scope=ctx.scope_key, period=period.code,
                                     as_of=ctx.as_of)
    return memo[key]


def volume_totals(ctx: BriefContext, period: Period) -> dict[str, int]:
    """Activities, person-times and distinct participants of ``period`` in scope (0 when no rows)."""
    frame = volume_in(ctx, period)
    if frame.empty:
        return dict.fromkeys(MEASURES, 0)
    row = frame.iloc[0]
    return {m: int(row[m]) for m in MEASURES}


def _measure_frame(ctx: BriefContext, labels: list[str], frame: pd.DataFrame, first_header: str) -> pd.DataFrame:
    return pd.DataFrame({
        first_header: labels,
        ctx.t("brief.col.activities"): frame["activities"].to_numpy(),
        ctx.t("brief.col.person_times"): frame["person_times"].to_numpy(),
        ctx.t("brief.col.distinct_participants"): frame["distinct_participants"].to_numpy(),
    })


def _int_formats(ctx: BriefContext) -> dict[str, str]:
    return {ctx.t(f"brief.col.{m}"): "int" for m in MEASURES}


def volume_section(ctx: BriefContext, totals: dict[str, int]) -> Section:
    """Section 4: volume by category, by item and by company (with roll-up) for the briefing period."""
    section = Section("volume", ctx.t("brief.sec.volume"), ctx.t("brief.sheet.volume"))
    if totals["person_times"] == 0:
        section.empty_message = ctx.t("brief.label.no_rows")
        return section
    fmt = _int_formats(ctx)
    by_category = volume_in(ctx, ctx.period, "category").sort_values("person_times", ascending=False, kind="stable")
    cat_labels = [ctx.term("category", g) for g in by_category["group_key"]]
    section.tables.append(SectionTable(ctx.t("brief.tbl.by_category"),
                                       _measure_frame(ctx, cat_labels, by_category, ctx.t("brief.col.category")), fmt))
    by_item = volume_in(ctx, ctx.period, "item").sort_values("person_times", ascending=False, kind="stable")
    item_labels = [ctx.term("item", g) if isinstance(g, str) and g else ctx.t("brief.no_item")
                   for g in by_item["group_key"]]
    section.tables.append(SectionTable(ctx.t("brief.tbl.by_item"),
                                       _measure_frame(ctx, item_labels, by_item, ctx.t("brief.col.item")), fmt))
    rollup = volume_in(ctx, ctx.period, "company_rollup")
    if not rollup.empty:
        section.tables.append(SectionTable(
            ctx.t("brief.tbl.by_company"),
            _measure_frame(ctx, list(rollup["company"]), rollup, ctx.t("brief.col.company")), fmt))
    section.charts.append(ChartSpec("barh", ctx.t("brief.chart.by_item"), item_labels,
                                    [(ctx.t("brief.col.person_times"), [float(v) for v in by_item["person_times"]])]))
    if not by_category.empty:
        top = by_category.iloc[0]
        section.sentences.append(ctx.t("brief.s.volume_top", category=ctx.term("category", top["group_key"]),
                                       person_times=int(top["person_times"]),
                                       share=float(top["person_times"]) / totals["person_times"]))
    return section


def discipline_section(ctx: BriefContext) -> Section:
    """Section 8: the four discipline checks for the scope, overall and by company."""
    section = Section("discipline", ctx.t("brief.sec.discipline"), ctx.t("brief.sheet.discipline"))
    frame = compute_discipline(ctx.con, ctx.period.start.year, scope=ctx.scope_key, period_kind=ctx.period.kind,
                               as_of=ctx.as_of)
    frame = frame[frame["period"] == ctx.period.code]
    if frame.empty:
        section.empty_message = ctx.t("brief.label.no_rows")
        return section
    sums = frame.groupby("check")[["applicable", "passing"]].sum().reindex(list(CHECKS), fill_value=0)
    rates = (sums["passing"] / sums["applicable"].where(sums["applicable"] > 0)).astype(float)
    check_labels = [ctx.t(f"check.{c}") for c in CHECKS]
    overall = pd.DataFrame({
        ctx.t("brief.col.check"): check_labels,
        ctx.t("brief.col.applicable"): sums["applicable"].to_numpy(),
        ctx.t("brief.col.passing"): sums["passing"].to_numpy(),
        ctx.t("brief.col.rate"): rates.to_numpy(),
    })
    section.tables.append(SectionTable(ctx.t("brief.tbl.discipline"), overall,
                                       {ctx.t("brief.col.applicable"): "int", ctx.t("brief.col.passing"): "int",
                                        ctx.t("brief.col.rate"): "pct"}))
    by_company = frame[frame["company_key"].notna()].pivot_table(
        index=["company_key", "company"], columns="check", values="rate", aggfunc="first", sort=True)
    if not by_company.empty:
        by_company = by_company.reindex(columns=list(CHECKS))
        table = pd.DataFrame({ctx.t("brief.col.company"): [c for _, c in by_company.index]})
        for check, label in zip(CHECKS, check_labels, strict=True):
            table[label] = by_company[check].astype(float).to_numpy()
        section.tables.append(SectionTable(ctx.t("brief.tbl.discipline_company"), table,
                                           dict.fromkeys(check_labels, "pct")))
    section.charts.append(ChartSpec("bar", ctx.t("brief.chart.discipline"), check_labels,
                                    [(ctx.t("brief.col.rate"), [0.0 if pd.isna(r) else float(r) for r in rates])],
                                    value_format="pct"))
    worst = rates.dropna()
    if not worst.empty:
        check = worst.idxmin()
        section.sentences.append(ctx.t("brief.s.discipline", check=ctx.t(f"check.{check}"),
                                       rate=float(worst.min())))
    return section
