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

import numpy as np
import pandas as pd

# A half-day reception needs booking a store/hotline slot; with less than a week left we call it at risk.
COUNT_RULE_MIN_DAYS_LEFT = 7
PACE_COLUMNS = ["pace", "elapsed_fraction", "projected", "needed", "days_left", "weeks_left", "needed_per_week"]


def compute_pace(results: pd.DataFrame, *, as_of: dt.date) -> pd.DataFrame:
    """``results`` (from compute_quota_results) with pace columns added (the rules of this module's docstring).

    Added columns: pace (on_track | at_risk | not_started | None when the result is not in_progress),
    elapsed_fraction (0..1), projected (participants extrapolated to the period end, capped at the population),
    needed (people still needed for the target), days_left (days after the as-of date to the period end),
    weeks_left (>= 1), needed_per_week (ceil(needed / weeks_left)). Figures are None/NaN outside in_progress.
    """
    out = results.copy()
    if out.empty:
        return out.reindex(columns=[*results.columns, *PACE_COLUMNS])
    live = (out["status"] == "in_progress").to_numpy()
    start = pd.to_datetime(out["period_start"]).dt.date
    end = pd.to_datetime(out["period_end"]).dt.date
    days = np.array([(e - b).days + 1 for b, e in zip(start, end, strict=True)])
    elapsed = np.array([(as_of - b).days + 1 for b in start])
    days_left = np.array([(e - as_of).days for e in end])
    days_left = np.minimum(days_left, days)  # before the period starts, the whole period is left
    population = out["population"].to_numpy(dtype="int64")
    participants = out["participants"].to_numpy(dtype="int64")
    share = (out["unit"] == "share").to_numpy()
    pct = np.rint(out["target"].to_numpy(dtype="float64") * 100).astype("int64")
    target_people = np.where(share, -(-pct * population // 100), out["target"].to_numpy(dtype="float64"))
    needed = np.maximum(0, target_people - participants).astype("int64")
    weeks_left = np.maximum(1, -(-days_left // 7))
    started = elapsed >= 1
    safe_elapsed = np.maximum(elapsed, 1)
    # projected >= target x population  <=>  participants x days x 100 >= pct x population x elapsed (integers)
    share_on_track = participants * days * 100 >= pct * population * safe_elapsed
    count_on_track = days_left >= COUNT_RULE_MIN_DAYS_LEFT
    on_track = np.where(share, share_on_track, count_on_track)
    pace = np.where(~started, "not_started", np.where(on_track, "on_track", "at_risk"))
    projected = np.where(share, np.minimum(population, participants * days / safe_elapsed), participants)
    out["pace"] = pd.Series(np.where(live, pace, None), index=out.index, dtype="object")
    out["elapsed_fraction"] = np.where(live, np.where(started, elapsed / days, 0.0), np.nan)
    out["projected"] = np.where(live & started, projected, np.nan)
    for column, values in (("needed", needed), ("days_left", days_left), ("weeks_left", weeks_left),
                           ("needed_per_week", -(-needed // weeks_left))):
        out[column] = pd.Series(np.where(live, values, 0), index=out.index, dtype="Int64").where(live, pd.NA)
    return out
