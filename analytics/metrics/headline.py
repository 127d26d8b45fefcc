"""One headline of a period (issue #11 item 3): the figures the overview, the briefing and ``headline`` quote.

``compute_headline(con, period, as_of, scope)`` returns a typed record; every reader calls it, so the overview, the
CLI and the briefing cannot count one period differently. Its parts:

- volume (SPEC 4.3) of the period's walks dated up to the as-of date;
- issues: raised in the period (raised up to its end, or the as-of date if earlier, minus those raised before
  its start) and resolution rate / overdue as of that day, by the as-of status rule (SPEC 4.5);
- quota results of the period (``results_of_period``): the results whose own period lies inside the chosen
  period — the period itself and the shorter periods in it (a quarter: the quarter's results and those of its
  three months; a month: its month results; a year: everything). Why inside, not overlapping: SPEC 4.5 says a
  period that has not started counts nobody; an overlapping selection would show, for 2026Q4 as of 09-30, the
  year's results made of January-September walks, and for 2026Q1 as of 11-25 year results counting November
  walks — figures of another period. Inside, every result is made only of the period's own walks, as volume is.
- counts by status under their own names: met, missed, n/a, and the in-progress ones by pace: on track, at risk,
  not started (``on_track`` counts only pace ``on_track``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import duckdb
import pandas as pd

from analytics.metrics.issues import compute_issue_headline
from analytics.metrics.pace import compute_pace
from analytics.metrics.periods import Period, parse_period
from analytics.metrics.quotas import RULES, compute_quota_results
from analytics.metrics.scope import ResolvedScope, resolve_scope
from analytics.metrics.volume import MEASURES, compute_volume

QUOTA_COUNTS: tuple[str, ...] = ("met", "missed", "on_track", "at_risk", "not_started", "n/a")


@dataclass(frozen=True)
class Headline:
    """The headline of one period as of a date. ``state``: ``future`` (the period starts after the as-of date:
    nothing is counted yet), ``empty`` (started, but no walk and no issue in it so far) or ``data``."""

    period: str
    as_of: dt.date
    figures_as_of: dt.date  # the day the issue figures are read: the period's end, or the as-of date if earlier
    state: str
    activities: int
    person_times: int
    participants: int
    issues_raised: int
    issues_total: int
    issues_closed: int
    resolution_rate: float | None
    overdue: int
    quota_results: int
    quota: dict[str, int]  # QUOTA_COUNTS -> number of results

    def as_json(self) -> dict:
        out = asdict(self)
        out["as_of"], out["figures_as_of"] = self.as_of.isoformat(), self.figures_as_of.isoformat()
        return out


def results_of_period(results: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The results whose own period lies inside ``period`` (see the module docstring for why)."""
    if results.empty:
        return results
    start = pd.to_datetime(results["period_start"]).dt.date
    end = pd.to_datetime(results["period_end"]).dt.date
    return results[(start >= period.start) & (end <= period.end)]


def quota_counts(results: pd.DataFrame) -> dict[str, int]:
    """Results by status, the in-progress ones by pace (``results`` carries compute_pace's ``pace`` column)."""
    if results.empty:
        return dict.fromkeys(QUOTA_COUNTS, 0)
    status = results["status"]
    pace = results["pace"] if "pace" in results else pd.Series(None, index=results.index)
    return {
        "met": int((status == "met").sum()),
        "missed": int((status == "missed").sum()),
        "on_track": int(((status == "in_progress") & (pace == "on_track")).sum()),
        "at_risk": int(((status == "in_progress") & (pace == "at_risk")).sum()),
        "not_started": int(((status == "in_progress") & (pace == "not_started")).sum()),
        "n/a": int((status == "n/a").sum()),
    }


def compute_headline(
    con: duckdb.DuckDBPyConnection,
    period: str | Period,
    as_of: dt.date,
    scope: str | ResolvedScope | None = None,
    *,
    year_results: pd.DataFrame | None = None,
    level: str | None = None,
) -> Headline:
    """The headline of ``period`` as of ``as_of`` in ``scope``.

    ``year_results``: the paced quota results of the period's year when the caller already has them (the briefing
    and the overview compute them once for several parts); else they are computed here. ``level`` (總部 / 省公司 /
    地市公司) keeps only the quota rules of that level (the overview's level filter).
    """
    p = period if isinstance(period, Period) else parse_period(period)
    scope = resolve_scope(con, scope)
    cutoff = min(p.end, as_of)
    started = p.start <= as_of
    if started:
        frame = compute_volume(con, p.start.year, by="all", scope=scope, period=p.code, as_of=as_of)
        volume = {m: int(frame.iloc[0][m]) for m in MEASURES} if not frame.empty else dict.fromkeys(MEASURES, 0)
        at_end = compute_issue_headline(con, cutoff, scope=scope)
        before = compute_issue_headline(con, p.start - dt.timedelta(days=1), scope=scope)["total"]
    else:  # a future period: nothing is read, so no figure of another period can leak in
        volume = dict.fromkeys(MEASURES, 0)
        at_end = {"total": 0, "closed": 0, "overdue": 0, "resolution_rate": None}
        before = 0
    if year_results is None:
        year_results = compute_pace(compute_quota_results(con, p.start.year, as_of=as_of, scope=scope), as_of=as_of)
    chosen = results_of_period(year_results, p)
    if level and not chosen.empty:
        chosen = chosen[chosen["rule"].map(lambda code: RULES[code].level == level)]
    raised = max(0, int(at_end["total"]) - int(before))
    state = "future" if not started else ("empty" if volume["person_times"] == 0 and raised == 0 else "data")
    return Headline(
        period=p.code, as_of=as_of, figures_as_of=cutoff if started else as_of, state=state,
        activities=volume["activities"], person_times=volume["person_times"],
        participants=volume["distinct_participants"], issues_raised=raised,
        issues_total=int(at_end["total"]), issues_closed=int(at_end["closed"]),
        resolution_rate=at_end["resolution_rate"], overdue=int(at_end["overdue"]),
        quota_results=len(chosen), quota=quota_counts(chosen),
    )
