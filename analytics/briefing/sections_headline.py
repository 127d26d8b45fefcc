"""Section 1 of the briefing: headline figures with the change against the previous period (SPEC 6)."""

from __future__ import annotations

import pandas as pd

from analytics.briefing.context import BriefContext
from analytics.briefing.model import ChartSpec, Section, SectionTable
from analytics.briefing.sections_issues import IssueFigures

FIGURES: tuple[str, ...] = ("activities", "person_times", "participants", "issues_raised", "resolution_rate",
                            "overdue")


def headline_values(totals: dict[str, int], issues: IssueFigures) -> dict[str, float | None]:
    """The six headline figures of one period, keyed as FIGURES."""
    return {
        "activities": totals["activities"],
        "person_times": totals["person_times"],
        "participants": totals["distinct_participants"],
        "issues_raised": issues.raised,
        "resolution_rate": issues.resolution_rate,
        "overdue": issues.overdue,
    }


def headline_section(ctx: BriefContext, totals: dict[str, int], previous_totals: dict[str, int],
                     issues_now: IssueFigures, issues_before: IssueFigures, *, comparable: bool = True,
                     state: str = "data") -> Section:
    """Section 1: this period, the previous period and the change for each headline figure.

    ``comparable`` False (the previous period lies before any data) leaves the previous figures and the change
    empty ("—") with a note, as the overview shows no change then.
    """
    section = Section("headline", ctx.t("brief.sec.headline"), ctx.t("brief.sheet.headline"))
    now = headline_values(totals, issues_now)
    before = headline_values(previous_totals, issues_before)
    if state == "future":  # SPEC 4.5: nothing counts yet; said in words, no figure of another period shown
        section.sentences.append(ctx.t("brief.headline.future", period=ctx.period_label(ctx.period),
                                       as_of=ctx.as_of.isoformat()))
    elif state == "empty":
        section.sentences.append(ctx.t("brief.headline.empty", period=ctx.period_label(ctx.period),
                                       as_of=ctx.as_of.isoformat()))
    if not comparable:
        before = dict.fromkeys(FIGURES)
        if state != "future":
            section.sentences.append(ctx.t("brief.headline.no_previous", previous=ctx.period_label(ctx.previous)))
    change = [None if now[f] is None or before[f] is None else now[f] - before[f] for f in FIGURES]
    current_col, previous_col, change_col = (ctx.t("brief.col.current"), ctx.t("brief.col.previous"),
                                             ctx.t("brief.col.change"))
    frame = pd.DataFrame({
        ctx.t("brief.col.figure"): [ctx.t(f"brief.fig.{f}") for f in FIGURES],
        current_col: [now[f] for f in FIGURES],
        previous_col: [before[f] for f in FIGURES],
        change_col: change,
    })
    row_formats = ["pct" if f == "resolution_rate" else "int" for f in FIGURES]
    section.tables.append(SectionTable(
        ctx.t("brief.tbl.headline", current=ctx.period.code, previous=ctx.previous.code), frame,
        {current_col: "row", previous_col: "row", change_col: "drow"}, row_formats=row_formats))
    counted = [f for f in FIGURES if f not in ("resolution_rate", "overdue")]
    section.charts.append(ChartSpec(
        "bar", ctx.t("brief.tbl.headline", current=ctx.period.code, previous=ctx.previous.code),
        [ctx.t(f"brief.fig.{f}") for f in counted],
        ([(ctx.previous.code, [float(before[f] or 0) for f in counted])] if comparable else [])
        + [(ctx.period.code, [float(now[f] or 0) for f in counted])]))
    return section
