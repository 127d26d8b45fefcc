"""The overview's parts: headline figures against the previous period, the monthly trend, units furthest behind."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.i18n.formats import month_label
from analytics.metrics.headline import results_of_period
from analytics.metrics.periods import parse_period, previous_period
from analytics.metrics.quotas import RULES
from ui import compliance_view as cv
from ui import data
from ui.state import Controls, format_period, tr
from ui.theme import (
    SERIES_COLORS,
    fmt_delta_int,
    fmt_delta_pct_points,
    fmt_int,
    fmt_pct,
    style_figure,
    whole_number_axis,
)
from ui.widgets import Metric, empty_state, metric_row, share_metric

LAGGARD_ROWS = 10
_LOG = logging.getLogger("walkthrough.ui")


def period_volume(period: str, scope: str | None, as_of: dt.date) -> dict[str, int] | None:
    """Activities, person-times and participants of one period up to ``as_of`` (None when nothing is counted)."""
    frame = data.period_volume(period, scope=scope, as_of=as_of)  # one row: the period's totals
    if frame.empty:
        return None
    r = frame.iloc[0]
    return {k: int(r[k]) for k in ("activities", "person_times", "distinct_participants")}


def results_in(period: str, c: Controls) -> pd.DataFrame:
    """Quota results of ``period`` by the one selection rule (analytics.metrics.headline.results_of_period: the
    period itself and the shorter periods inside it), with cell status."""
    p = parse_period(period)
    results = results_of_period(data.quota_results(p.start.year, c.as_of, c.scope_key), p)
    if c.level and not results.empty:
        results = results[results["rule"].map(lambda code: RULES[code].level == c.level)]
    return cv.with_labels(results)


def render_headlines(c: Controls) -> None:
    """Two rows of figures from compute_headline (the CLI's and the briefing's record): volume and issues against
    the previous period, then quota results by status and pace, each under its own name."""
    prev = previous_period(c.period).code
    now = data.headline(c.period, c.as_of, scope=c.scope_key, level=c.level)
    before = data.headline(prev, c.as_of, scope=c.scope_key, level=c.level)
    if now is None:
        empty_state("ui.empty.no_data_period")
        return
    prev_label = format_period(prev, c.lang)
    if now.state == "future":  # SPEC 4.5: nothing counts yet; say so instead of zeros and dashes
        st.info(tr("ui.home.future", period=format_period(c.period, c.lang), as_of=c.as_of.isoformat()),
                icon=":material/schedule:")
    elif now.state == "empty":
        st.info(tr("ui.home.empty_period", period=format_period(c.period, c.lang), as_of=c.as_of.isoformat()),
                icon=":material/info:")

    months = data.data_months()
    # No change is shown against a period that ends before the first month with any data (nothing to compare),
    # nor for a period that has not started (a change from nothing is not news).
    comparable = (bool(months) and previous_period(c.period).end >= parse_period(months[0]).start
                  and now.state != "future")
    help_prev = tr("ui.home.vs_previous", period=prev_label)

    def change(fmt, key: str) -> str | None:
        return fmt(getattr(now, key), getattr(before, key)) if comparable and before is not None else None

    rate_help = tr("ui.home.resolution_help") if now.resolution_rate is not None else tr("ui.home.no_issues_yet")
    metric_row([
        Metric(tr("ui.home.activities"), fmt_int(now.activities), change(fmt_delta_int, "activities"), help=help_prev),
        Metric(tr("ui.home.person_times"), fmt_int(now.person_times), change(fmt_delta_int, "person_times"),
               help=help_prev),
        Metric(tr("ui.home.participants"), fmt_int(now.participants), change(fmt_delta_int, "participants"),
               help=help_prev),
        Metric(tr("ui.home.issues_raised"), fmt_int(now.issues_raised), change(fmt_delta_int, "issues_raised"),
               help=help_prev),
        Metric(tr("ui.home.resolution_rate"), fmt_pct(now.resolution_rate),
               change(fmt_delta_pct_points, "resolution_rate") if now.resolution_rate is not None else None,
               help=rate_help),
        Metric(tr("ui.home.overdue"), fmt_int(now.overdue), change(fmt_delta_int, "overdue"),
               help=tr("ui.home.overdue_help"), delta_color="inverse"),
    ])
    q = now.quota
    # Each count beside the results it is out of (issue #16 item 4): those that could be evaluated, n/a left out.
    evaluated = sum(v for k, v in q.items() if k != "n/a")
    quota_help = tr("ui.home.quota_help") + " " + tr("ui.card.quota_total_help")
    metric_row([
        share_metric(tr("ui.home.quota_met"), q["met"], evaluated, help=quota_help),
        share_metric(tr("ui.home.quota_at_risk"), q["at_risk"], evaluated, help=quota_help),
        share_metric(tr("ui.home.quota_missed"), q["missed"], evaluated, help=quota_help),
        share_metric(tr("ui.home.quota_on_track"), q["on_track"], evaluated, help=quota_help),
        share_metric(tr("status.not_started"), q["not_started"], evaluated, help=quota_help),
    ])


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
    return whole_number_axis(fig, [*frame["person_times"], *frame["activities"], *frame["distinct_participants"]])


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
    # Status and value right after the unit: on a phone (390 px) only the first three columns are in view, and
    # what a reader needs there is who is behind and how badly (issue #16 item 11); rule and period follow.
    table = pd.DataFrame({
        tr("ui.compliance.col.unit"): rows["row_label"],
        tr("ui.compliance.col.status"): [tr(f"status.{s}") for s in rows["cell_status"]],
        tr("ui.compliance.col.value"): [cv.format_value(v, u) for v, u in zip(rows["value"], rows["unit"],
                                                                                strict=True)],
        tr("ui.home.col.rule"): [tr(f"rule.short.{r}") for r in rows["rule"]],  # names people read (#16.4)
        tr("ui.compliance.col.period"): [format_period(p, c.lang) for p in rows["period"]],
    })
    # The codes are in the rule column's tooltip: st.dataframe has no per-cell tooltip.
    codes = "  \n".join(f"{tr(f'rule.short.{r}')} = {r}" for r in dict.fromkeys(rows["rule"]))
    st.dataframe(table, hide_index=True,
                 column_config={tr("ui.home.col.rule"): st.column_config.TextColumn(help=codes)})
    st.page_link("pages/compliance.py", label=tr("ui.home.to_compliance"), icon=":material/arrow_forward:")
