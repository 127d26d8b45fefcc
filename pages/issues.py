"""問題跟蹤 Issues (SPEC 4.4, articles 9.2-9.3): Pareto, ageing, overdue list, days to close, open-issue trend."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import plotly.graph_objects as go
import streamlit as st

from analytics.metrics.issues import AGEING_BUCKETS
from analytics.palette import AGE_LATE
from ui import analysis_data as ad
from ui.links import keep_in_url, seed_from_url
from ui.progress_view import render_owned, render_progress
from ui.state import Controls, current_controls, format_period, term, tr
from ui.theme import (
    MUTED,
    SERIES_COLORS,
    STATUS_COLORS,
    fmt_int,
    fmt_num,
    fmt_pct,
    month_ticks,
    style_figure,
    whole_number_axis,
)
from ui.widgets import (
    Metric,
    caption_safe,
    download_xlsx_button,
    empty_state,
    long_table,
    metric_row,
    page_guard,
    share_metric,
)

OVERDUE_COLUMNS = [
    ("issue_id", "ui.an.col.issue_id", None), ("owner_company", "ui.an.col.owner_company", None),
    ("owner_department", "ui.an.col.owner_department", None), ("days_overdue", "ui.an.col.days_overdue", None),
    ("due_on", "ui.an.col.due_on", None), ("raised_on", "ui.an.col.raised_on", None),
    ("status", "ui.an.col.status", "status"), ("kind", "ui.an.col.kind", "kind"),
    ("category", "ui.an.col.issue_category", "issue_category"), ("description", "ui.an.col.description", None),
    ("progress", "ui.an.col.progress", None), ("raised_by", "ui.an.col.raised_by", None),
    ("work_order_id", "ui.an.col.work_order_id", None),
]
OWNER_COLUMNS = [("total", "ui.an.col.total", None), ("closed", "ui.an.col.closed", None),
                 ("open", "ui.an.col.open", None), ("overdue", "ui.an.col.overdue", None)]
# Ageing bars from young to old: blue, then amber, then red as issues grow stale.
AGE_COLORS = (STATUS_COLORS["in_progress"], STATUS_COLORS["at_risk"], AGE_LATE, STATUS_COLORS["missed"])


def category_label(category: str, standard: bool) -> str:
    """A Pareto category on screen: a standard one in the language, a non-standard one as written with ⚠."""
    return term("issue_category", category) if standard else f"⚠ {category}"


def render_headline(summary: dict) -> None:
    """Totals, resolution rate, overdue and days to close (SPEC 4.4)."""
    days = summary["days_to_close"]
    days_help = tr("ui.an.issues.days_help", n=days["n"])
    metric_row([
        Metric(tr("ui.an.issues.total"), fmt_int(summary["total"])),
        # closed and open out of all issues, overdue out of the open ones (issue #16 item 4)
        share_metric(tr("ui.an.issues.closed"), summary["closed"], summary["total"]),
        share_metric(tr("ui.an.issues.open"), summary["open"], summary["total"]),
        share_metric(tr("ui.an.issues.overdue"), summary["overdue"], summary["open"],
                     help=tr("ui.an.issues.overdue_help") + " " + tr("ui.card.overdue_of_open")),
    ])
    metric_row([
        Metric(tr("ui.an.issues.rate"), fmt_pct(summary["resolution_rate"]), help=tr("ui.an.issues.rate_help")),
        Metric(tr("ui.an.issues.median"), _days(days["median"]), help=days_help),
        Metric(tr("ui.an.issues.p90"), _days(days["p90"]), help=days_help),
    ], columns=4)


def _days(value: float | None) -> str:
    """Whole days without a decimal; a median between two values keeps its half day."""
    if value is None:
        return "—"
    return tr("ui.an.issues.days", days=fmt_int(value) if float(value).is_integer() else fmt_num(value))


def render_pareto(c: Controls) -> None:
    """Bars of issues per category, largest first, with the cumulative share line; non-standard ones flagged."""
    frame = ad.issue_breakdown(c.as_of, "category", c.scope_key, c.lang)
    st.subheader(tr("ui.an.issues.pareto_title"), anchor=False)
    labels = ad.plot_labels([category_label(g, bool(s)) for g, s in zip(frame["group"], frame["is_standard"],
                                                                        strict=True)])  # cut, kept distinct
    fig = go.Figure()
    for standard, key, color in ((True, "ui.an.issues.standard", SERIES_COLORS[0]),
                                 (False, "ui.an.issues.nonstandard", STATUS_COLORS["at_risk"])):
        mask = frame["is_standard"].astype(bool) == standard
        if not mask.any():
            continue
        fig.add_trace(go.Bar(
            x=[label for label, m in zip(labels, mask, strict=True) if m], y=frame.loc[mask, "total"],
            name=tr(key), marker_color=color, text=frame.loc[mask, "total"], textposition="outside",
            hovertemplate="%{x}: %{y:,}<extra></extra>", cliponaxis=False,
        ))
    fig.add_trace(go.Scatter(
        x=labels, y=frame["cumulative_share"], name=tr("ui.an.issues.pareto_cum"), yaxis="y2", mode="lines+markers",
        line={"color": MUTED, "width": 2}, hovertemplate="%{x}: %{y:.1%}<extra></extra>",
    ))
    fig.update_layout(
        xaxis={"categoryorder": "array", "categoryarray": labels},
        yaxis={"title": tr("ui.an.issues.pareto_count"), "rangemode": "tozero"},
        yaxis2={"title": tr("ui.an.issues.pareto_cum"), "overlaying": "y", "side": "right", "range": [0, 1.05],
                "tickformat": ".0%", "dtick": 0.2, "showgrid": False},
        barmode="overlay",
    )
    # three legend entries may wrap in a narrow column: leave room above the tallest bar's label
    style_figure(fig, height=400, margin={"l": 10, "r": 10, "t": 70, "b": 10})
    whole_number_axis(fig, frame["total"])
    st.plotly_chart(fig, key="an_iss_pareto", config={"displaylogo": False})
    if not frame["is_standard"].astype(bool).all():
        st.caption(tr("ui.an.issues.nonstandard_note"))
    shown = ad.present(frame.assign(category=[category_label(g, bool(s)) for g, s in
                                              zip(frame["group"], frame["is_standard"], strict=True)]),
                       [("category", "ui.an.col.issue_category", None), *OWNER_COLUMNS,
                        ("share", "ui.an.col.share", None), ("cumulative_share", "ui.an.col.cumulative_share", None)],
                       c.lang)
    with st.expander(tr("ui.an.issues.pareto_title"), icon=":material/table:"):
        st.dataframe(shown, hide_index=True, key="an_iss_pareto_table", column_config={
            tr("ui.an.col.share"): st.column_config.NumberColumn(format="percent"),
            tr("ui.an.col.cumulative_share"): st.column_config.NumberColumn(format="percent"),
        })
        download_xlsx_button(shown, f"問題類別_{c.as_of.isoformat()}.xlsx", key="an_iss_pareto_dl")


def render_ageing(summary: dict) -> None:
    """Open issues by age since 提出日期: 0-30, 31-60, 61-90, >90 days."""
    st.subheader(tr("ui.an.issues.ageing_title"), anchor=False)
    counts = [summary["open_ageing"][b] for b in AGEING_BUCKETS]
    fig = go.Figure(go.Bar(
        x=[tr(f"ui.an.issues.age.{b}") for b in AGEING_BUCKETS], y=counts, marker_color=list(AGE_COLORS),
        text=counts, textposition="outside", cliponaxis=False, hovertemplate="%{x}: %{y:,}<extra></extra>",
    ))
    fig.update_xaxes(title=tr("ui.an.issues.age_axis"))
    fig.update_yaxes(title=tr("ui.an.issues.open"), rangemode="tozero")
    style_figure(fig, height=380)
    whole_number_axis(fig, counts)
    st.plotly_chart(fig, key="an_iss_ageing", config={"displaylogo": False})


def render_overdue(c: Controls) -> None:
    """Open issues past their 計畫完成日期: sortable table, text filter, .xlsx download."""
    st.subheader(tr("ui.an.issues.overdue_title"), anchor=False)
    frame = ad.overdue_issues(c.as_of, c.scope_key)
    if frame.empty:
        st.success(tr("ui.an.issues.overdue_none", as_of=c.as_of.isoformat()), icon=":material/check_circle:")
        return
    shown = ad.present(frame, OVERDUE_COLUMNS, c.lang)
    seed_from_url("an_iss_filter", "q", None, None)  # the search text lives in the URL (?q=)
    text = st.text_input(tr("ui.an.filter"), key="an_iss_filter", placeholder=tr("ui.an.filter_placeholder"))
    keep_in_url("q", text.strip())
    filtered = ad.filter_rows(shown, text)
    st.caption(tr("ui.an.rows_shown", n=len(filtered), total=len(shown)))
    long_table(filtered, key="an_iss_overdue")
    download_xlsx_button(filtered, f"逾期問題_{c.as_of.isoformat()}.xlsx", key="an_iss_overdue_dl")


def render_owners(c: Controls) -> None:
    """Totals, closed, open and overdue per owner company or department, with the resolution rate."""
    st.subheader(tr("ui.an.issues.owner_title"), anchor=False)
    seed_from_url("an_iss_owner_by", "owner_by", ("owner_company", "owner_department"), "owner_company")
    by = st.segmented_control(tr("ui.an.issues.owner_by"), ["owner_company", "owner_department"],
                              key="an_iss_owner_by",
                              format_func=lambda k: tr(f"ui.an.issues.owner_by.{k}")) or "owner_company"
    keep_in_url("owner_by", by, "owner_company")
    frame = ad.issue_breakdown(c.as_of, by, c.scope_key, c.lang)
    shown = ad.present(frame, [("group", f"ui.an.col.{by}", None), *OWNER_COLUMNS,
                               ("resolution_rate", "ui.an.col.resolution_rate", None)], c.lang)
    st.dataframe(shown, hide_index=True, key="an_iss_owner_table", column_config={
        tr("ui.an.col.resolution_rate"): st.column_config.NumberColumn(format="percent")})
    download_xlsx_button(shown, f"問題_{by}_{c.as_of.isoformat()}.xlsx", key="an_iss_owner_dl")


def render_trend(c: Controls) -> None:
    """Issues open at each month end over the last 12 months, rebuilt from the status history."""
    st.subheader(tr("ui.an.issues.trend_title"), anchor=False)
    st.caption(tr("ui.an.issues.trend_caption"))
    frame = ad.open_trend(c.as_of, c.scope_key)
    if frame.empty or int(frame["known"].sum()) == 0:
        st.info(tr("ui.an.issues.trend_empty"), icon=":material/info:")
        return
    x = month_ticks(list(frame["period"]), c.lang)  # short upright labels, the year where it changes (#16.8)
    full = [format_period(p, c.lang) for p in frame["period"]]  # the hover names the month in full
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=frame["open"], name=tr("ui.an.issues.trend_open"), mode="lines+markers",
                             line={"color": STATUS_COLORS["missed"], "width": 2.5}, customdata=full,
                             hovertemplate="%{customdata}: %{y:,}<extra></extra>"))
    fig.add_trace(go.Scatter(x=x, y=frame["closed"], name=tr("ui.an.issues.trend_closed"), mode="lines+markers",
                             line={"color": STATUS_COLORS["met"], "width": 2, "dash": "dot"}, customdata=full,
                             hovertemplate="%{customdata}: %{y:,}<extra></extra>"))
    fig.update_yaxes(title=tr("ui.an.count"), rangemode="tozero")
    style_figure(fig, height=340)
    fig.update_xaxes(type="category", tickangle=0)
    whole_number_axis(fig, [*frame["open"], *frame["closed"]])
    st.plotly_chart(fig, key="an_iss_trend", config={"displaylogo": False})


def render_issues() -> None:
    """The whole page."""
    c = current_controls()
    st.title(tr("ui.an.issues.title"), anchor=False)
    caption_safe("ui.an.caption_as_of", " · " + tr("ui.an.issues.as_of_note"), scope=c.scope_name, as_of=c.as_of)
    render_owned(c)
    summary = ad.issue_summary(c.as_of, c.scope_key, c.lang)
    if summary is None or summary["total"] == 0:
        empty_state("ui.an.issues.empty", as_of=c.as_of.isoformat())
        render_progress(c)  # a link to one issue still answers (found, or "not in your scope")
        return
    render_headline(summary)
    left, right = st.columns([3, 2])
    with left:
        render_pareto(c)
    with right:
        render_ageing(summary)
    render_overdue(c)
    left, right = st.columns([1, 1])
    with left:
        render_owners(c)
    with right:
        render_trend(c)
    render_progress(c)


with page_guard():
    render_issues()
