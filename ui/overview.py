"""The overview's parts: headline figures against the previous period, the monthly trend, units furthest behind."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.metrics.periods import parse_period, previous_period
from analytics.metrics.quotas import RULES
from ui import compliance_view as cv
from ui import data
from ui.state import Controls, format_period, tr
from ui.theme import SERIES_COLORS, fmt_delta_int, fmt_delta_pct_points, fmt_int, fmt_pct, style_figure
from ui.widgets import Metric, empty_state, metric_row

LAGGARD_ROWS = 10
_LOG = logging.getLogger("walkthrough.ui")


def period_volume(period: str, scope: str | None, as_of: dt.date) -> dict[str, int] | None:
    """Activities, person-times and participants of one period up to ``as_of`` (None when nothing is counted)."""
    frame = data.period_volume(period, scope=scope, as_of=as_of)  # one row: the period's totals
    if frame.empty:
        return None
    r = frame.iloc[0]
    return {k: int(r[k]) for k in ("activities", "person_times", "distinct_participants")}


def _issues_at(day: dt.date, c: Controls) -> dict | None:
    """The issue headline figures as of ``day``; None (figures shown as a dash) if they cannot be computed."""
    try:
        return data.issue_headline(day, scope=c.scope_key)
    except Exception:  # noqa: BLE001 - one missing figure must not blank the whole overview
        _LOG.exception("issue summary as of %s failed", day)
        return None


def issue_figures(period: str, c: Controls) -> dict[str, object]:
    """Issues raised in the period, resolution rate and overdue issues at its end (capped at the as-of date).

    Raised in the period = issues raised up to its end minus those raised before its start (SPEC 4.4 counts issues
    with 提出日期 ≤ the as-of date).
    """
    p = parse_period(period)
    end = min(p.end, c.as_of)
    if end < p.start:  # a period after the as-of date has nothing yet
        return {"raised": 0, "resolution_rate": None, "overdue": None}
    at_end = _issues_at(end, c)
    months = data.data_months()
    if months and p.start <= parse_period(months[0]).start:
        before = {"total": 0}  # nothing at all was raised before the first month with data
    else:
        before = _issues_at(p.start - dt.timedelta(days=1), c)
    raised = at_end["total"] - before["total"] if at_end is not None and before is not None else None
    return {"raised": raised, "resolution_rate": at_end["resolution_rate"] if at_end else None,
            "overdue": at_end["overdue"] if at_end else None}


def results_in(period: str, c: Controls) -> pd.DataFrame:
    """Quota results of the periods inside ``period`` (a year holds its quarters and months), with cell status."""
    p = parse_period(period)
    results = data.quota_results(p.start.year, c.as_of, c.scope_key)
    if c.level:
        results = results[results["rule"].map(lambda code: RULES[code].level == c.level)]
    if results.empty:
        return cv.with_labels(results)
    start = pd.to_datetime(results["period_start"]).dt.date
    end = pd.to_datetime(results["period_end"]).dt.date
    inside = results[(start >= p.start) & (end <= p.end)]
    return cv.with_labels(inside)


def render_headlines(c: Controls) -> None:
    """Two rows of figures: volume and issues against the previous period, then quota results by status."""
    prev = previous_period(c.period).code
    now_v, prev_v = period_volume(c.period, c.scope_key, c.as_of), period_volume(prev, c.scope_key, c.as_of)
    now_i, prev_i = issue_figures(c.period, c), issue_figures(prev, c)
    prev_label = format_period(prev, c.lang)

    months = data.data_months()
    # No change is shown against a period that ends before the first month with any data (nothing to compare).
    comparable = bool(months) and previous_period(c.period).end >= parse_period(months[0]).start

    def vol(key: str) -> tuple[str, str | None]:
        cur = now_v.get(key) if now_v else 0
        return fmt_int(cur), fmt_delta_int(cur, prev_v.get(key) if prev_v else 0) if comparable else None

    help_prev = tr("ui.home.vs_previous", period=prev_label)
    def change(fmt, key: str) -> str | None:
        return fmt(now_i[key], prev_i[key]) if comparable else None

    metric_row([
        Metric(tr("ui.home.activities"), *vol("activities"), help=help_prev),
        Metric(tr("ui.home.person_times"), *vol("person_times"), help=help_prev),
        Metric(tr("ui.home.participants"), *vol("distinct_participants"), help=help_prev),
        Metric(tr("ui.home.issues_raised"), fmt_int(now_i["raised"]), change(fmt_delta_int, "raised"),
               help=help_prev),
        Metric(tr("ui.home.resolution_rate"), fmt_pct(now_i["resolution_rate"]),
               change(fmt_delta_pct_points, "resolution_rate"), help=tr("ui.home.resolution_help")),
        Metric(tr("ui.home.overdue"), fmt_int(now_i["overdue"]), change(fmt_delta_int, "overdue"),
               help=tr("ui.home.overdue_help"), delta_color="inverse"),
    ])
    results = results_in(c.period, c)
    counts = results["cell_status"].value_counts() if not results.empty else pd.Series(dtype=int)
    metric_row([
        Metric(tr("ui.home.quota_met"), fmt_int(counts.get("met", 0)), help=tr("ui.home.quota_help")),
        Metric(tr("ui.home.quota_at_risk"), fmt_int(counts.get("at_risk", 0)), help=tr("ui.home.quota_help")),
        Metric(tr("ui.home.quota_missed"), fmt_int(counts.get("missed", 0)), help=tr("ui.home.quota_help")),
        Metric(tr("ui.home.quota_on_track"),
               fmt_int(counts.get("on_track", 0) + counts.get("not_started", 0) + counts.get("in_progress", 0)),
               help=tr("ui.home.quota_help")),
    ])


def month_label(period: str, lang: str) -> str:
    """A short month label for a chart axis within one year: 7月 / Jul."""
    month = int(period[5:7])
    return dt.date(2000, month, 1).strftime("%b") if lang == "en" else tr("ui.home.month_short", month=month)


def trend_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Monthly person-times (bars) with activities and participants (lines)."""
    months = [month_label(p, lang) for p in frame["period"]]
    fig = go.Figure()
    fig.add_bar(x=months, y=frame["person_times"], name=tr("ui.home.person_times"), marker_color=SERIES_COLORS[0])
    fig.add_scatter(x=months, y=frame["activities"], name=tr("ui.home.activities"), mode="lines+markers",
                    line={"color": SERIES_COLORS[1], "width": 3})
    fig.add_scatter(x=months, y=frame["distinct_participants"], name=tr("ui.home.participants"),
                    mode="lines+markers", line={"color": SERIES_COLORS[2], "width": 3})
    style_figure(fig, height=360)
    fig.update_xaxes(type="category")
    fig.update_yaxes(title=tr("ui.home.trend_axis"), rangemode="tozero")
    return fig


def render_trend(c: Controls) -> None:
    st.subheader(tr("ui.home.trend_title", year=c.year), anchor=False)
    frame = data.volume(c.year, scope=c.scope_key, period_kind="month")
    if frame.empty or int(frame["person_times"].sum()) == 0:
        empty_state("ui.empty.no_data_period")
        return
    st.plotly_chart(trend_figure(frame, c.lang), config={"displayModeBar": False})


def laggards(c: Controls) -> pd.DataFrame:
    """Results not met in the period, lowest value first (in-progress ones at risk included), for the table."""
    results = results_in(c.period, c)
    if results.empty:
        return results
    behind = results[results["cell_status"].isin(["missed", "at_risk"]) & results["value"].notna()]
    return behind.sort_values(["value", "population"], ascending=[True, False]).head(LAGGARD_ROWS)


def render_laggards(c: Controls) -> None:
    st.subheader(tr("ui.home.laggards_title"), anchor=False)
    rows = laggards(c)
    if rows.empty:
        st.success(tr("ui.home.no_laggards"), icon=":material/emoji_events:")
        return
    table = pd.DataFrame({
        tr("ui.compliance.col.unit"): rows["row_label"],
        tr("ui.home.col.rule"): [tr(f"rule.short.{r}") for r in rows["rule"]],  # names people read (#16.4)
        tr("ui.compliance.col.period"): [format_period(p, c.lang) for p in rows["period"]],
        tr("ui.compliance.col.value"): [cv.format_value(v, u) for v, u in zip(rows["value"], rows["unit"],
                                                                                strict=True)],
        tr("ui.compliance.col.status"): [tr(f"ui.status.{s}") for s in rows["cell_status"]],
    })
    # The codes are in the rule column's tooltip: st.dataframe has no per-cell tooltip.
    codes = "  \n".join(f"{tr(f'rule.short.{r}')} = {r}" for r in dict.fromkeys(rows["rule"]))
    st.dataframe(table, hide_index=True,
                 column_config={tr("ui.home.col.rule"): st.column_config.TextColumn(help=codes)})
    st.page_link("pages/compliance.py", label=tr("ui.home.to_compliance"), icon=":material/arrow_forward:")
