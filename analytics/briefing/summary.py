"""The short generated summary of the title page: plain sentences built from the briefing's own numbers."""

from __future__ import annotations

import pandas as pd

from analytics.briefing.context import BriefContext
from analytics.briefing.model import Section
from analytics.briefing.sections_issues import IssueFigures

_DEPT_RULES = ("PROV-DEPT-Y", "CITY-DEPT-Q")  # the 50% department rules of article 6


def _change(ctx: BriefContext, now: int, before: int, comparable: bool = True) -> str:
    if not comparable:  # the previous period lies before any data: no change to tell
        return ctx.t("brief.change.none")
    diff = now - before
    if diff > 0:
        return ctx.t("brief.change.up", diff=f"{diff:,}")
    if diff < 0:
        return ctx.t("brief.change.down", diff=f"{-diff:,}")
    return ctx.t("brief.change.same")


def departments_below(relevant: pd.DataFrame) -> int:
    """Departments (company, department) whose 50% rule result is in progress or missed in the period."""
    if relevant.empty:
        return 0
    rows = relevant[relevant["rule"].isin(_DEPT_RULES) & relevant["status"].isin(["in_progress", "missed"])]
    return len(rows[["company_key", "department_key"]].drop_duplicates())


def summary_sentences(ctx: BriefContext, totals: dict[str, int], previous: dict[str, int], issues: IssueFigures,
                      relevant: pd.DataFrame, sections: list[Section], *, comparable: bool = True,
                      state: str = "data") -> list[str]:
    """Sentences for the title page, in the briefing's language (SPEC 6 / issue #5 item 1)."""
    # 本月 / 本季 / 本年 reads naturally in Chinese; English names the period ("In October 2026 ...").
    when = ctx.period_label(ctx.period) if ctx.lang == "en" else ctx.t(f"brief.word.{ctx.period.kind}")
    out: list[str] = []
    if state == "future":  # SPEC 4.5: the period has not started; say so and borrow no figure
        out.append(ctx.t("brief.headline.future", period=ctx.period_label(ctx.period), as_of=ctx.as_of.isoformat()))
        return [s[0].upper() + s[1:] for s in out] if ctx.lang == "en" else out
    if totals["person_times"]:
        out.append(ctx.t("brief.s.volume", when=when, activities=totals["activities"],
                         person_times=totals["person_times"], participants=totals["distinct_participants"],
                         change=_change(ctx, totals["activities"], previous["activities"], comparable)))
    else:
        out.append(ctx.t("brief.s.volume_none", when=when))
    rate = "—" if issues.resolution_rate is None else f"{issues.resolution_rate * 100:.1f}%"
    out.append(ctx.t("brief.s.issues", when=when, raised=issues.raised, as_of=issues.as_of.isoformat(), rate=rate,
                     overdue=issues.overdue))
    by_key = {s.key: s for s in sections}
    for key in ("quotas", "pace"):
        if key in by_key and by_key[key].sentences and by_key[key].empty_message is None:
            out.append(by_key[key].sentences[0])
    below = departments_below(relevant)
    if below:
        out.append(ctx.t("brief.s.depts_below", n=below))
    for key in ("owed", "discipline"):
        if key in by_key and by_key[key].sentences and by_key[key].empty_message is None:
            out.append(by_key[key].sentences[0])
    if ctx.lang == "en" and out:
        out = [s[0].upper() + s[1:] for s in out]
    return out
