"""Pace of quota rules still in progress (issue #3 item 2): are we on track to meet the target by period end?

Share rules: linear extrapolation of unique participants. Elapsed fraction f = days from the period's first
day to the as-of date inclusive / days in the period; projected participants = participants / f, capped at the
population; on_track when projected >= target x population (compared in integers), else at_risk.
Count rules (one 客戶接待日 of >= 4 h in the month): nothing to extrapolate, so on_track while at least
``COUNT_RULE_MIN_DAYS_LEFT`` days remain after the as-of date (time to arrange a half-day), else at_risk.
Before the period starts: not_started. Only in_progress results get a pace; others have pace None.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

# A half-day reception needs booking a store/hotline slot; with less than a week left we call it at risk.
COUNT_RULE_MIN_DAYS_LEFT = 7
PACE_COLUMNS = ["pace", "elapsed_fraction", "projected", "needed", "days_left", "weeks_left", "needed_per_week"]


def _target_people(target: float, unit: str, population: int) -> int:
    """People needed to meet the target: ceil(target x population) for shares (in integer percent), else target."""
    if unit == "share":
        pct = round(float(target) * 100)
        return -(-pct * int(population) // 100)
    return int(target)


def pace_of(row: dict, as_of: dt.date) -> dict:
    """The pace figures of one quota result (a mapping with the columns of compute_quota_results)."""
    empty = dict.fromkeys(PACE_COLUMNS)
    if row["status"] != "in_progress":
        return empty
    start, end = pd.Timestamp(row["period_start"]).date(), pd.Timestamp(row["period_end"]).date()
    days = (end - start).days + 1
    population, participants = int(row["population"]), int(row["participants"])
    needed = max(0, _target_people(row["target"], row["unit"], population) - participants)
    days_left = (end - max(as_of, start - dt.timedelta(days=1))).days
    weeks_left = max(1, math.ceil(days_left / 7))
    figures = {"needed": needed, "days_left": days_left, "weeks_left": weeks_left,
               "needed_per_week": math.ceil(needed / weeks_left)}
    if as_of < start:
        return {**empty, **figures, "pace": "not_started", "elapsed_fraction": 0.0}
    elapsed = (as_of - start).days + 1
    fraction = elapsed / days
    if row["unit"] == "share":
        projected = min(population, participants * days / elapsed)
        pct = round(float(row["target"]) * 100)
        # projected >= target x population  <=>  participants x days x 100 >= pct x population x elapsed
        on_track = participants * days * 100 >= pct * population * elapsed
    else:
        projected = float(participants)
        on_track = days_left >= COUNT_RULE_MIN_DAYS_LEFT
    return {**figures, "pace": "on_track" if on_track else "at_risk", "elapsed_fraction": fraction,
            "projected": projected}


def compute_pace(results: pd.DataFrame, *, as_of: dt.date) -> pd.DataFrame:
    """``results`` (from compute_quota_results) with pace columns added.

    Added columns: pace (on_track | at_risk | not_started | None when the result is not in_progress),
    elapsed_fraction (0..1), projected (participants extrapolated to the period end, capped at the population),
    needed (people still needed for the target), days_left (days after the as-of date to the period end),
    weeks_left (>= 1), needed_per_week (ceil(needed / weeks_left)).
    """
    if results.empty:
        return results.reindex(columns=[*results.columns, *PACE_COLUMNS])
    figures = pd.DataFrame([pace_of(row, as_of) for row in results.to_dict("records")], index=results.index)
    return pd.concat([results, figures[PACE_COLUMNS]], axis=1)
