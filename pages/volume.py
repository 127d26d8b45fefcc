"""穿越量 Volume (SPEC 4.3, article 9.2): activities, person-times and participants by dimension and month."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.metrics.periods import periods_of_year
from ui import analysis_data as ad
from ui.data import company_tree, period_volume
from ui.links import keep_in_url, seed_from_url
from ui.state import Controls, current_controls, format_period, term, tr
from ui.theme import SERIES_COLORS, fmt_int, style_figure, whole_number_axis
from ui.widgets import Metric, caption_safe, download_xlsx_button, empty_state, long_table, metric_row, page_guard

MEASURES = ("activities", "person_times", "distinct_participants")
# dimension shown -> vocabulary used to translate its values (None: names as written in the roster)
DIMENSIONS: dict[str, str | None] = {
    "category": "category", "item": "item", "mode": "mode", "scope": "scope",
    "company_rollup": None, "company": None, "department": None, "level": "level",
}
_COMPANY_DIMS = ("company_rollup", "company", "department")
UNMATCHED_COLUMNS = [("employee_id", "ui.an.col.employee_id", None), ("name", "ui.an.col.name", None),
                     ("rows", "ui.an.col.rows", None), ("first_date", "ui.an.col.first_date", None),
                     ("last_date", "ui.an.col.last_date", None)]
CHART_LIMIT = 30  # bars drawn; the table below the chart lists every group


def group_label(dim: str, row: dict) -> str:
    """How one group of ``compute_volume`` is named on screen, in the current language."""
    group = row.get("group")
    if dim in ("company", "company_rollup", "level", "department") and not isinstance(group, str):
        return tr("ui.an.volume.unmatched_group")  # 工號 on no roster: counted, in no company (SPEC 2.2)
    if not isinstance(group, str) or group == "":
        return tr("ui.an.blank")
    if dim == "department":
        return f"{row.get('company') or ''} / {group}"
    vocab = DIMENSIONS[dim]
    return term(vocab, group) if vocab else group


def order_groups(dim: str, frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Vocabulary order for terms, tree order for the roll-up, largest first for companies and departments."""
    from analytics.schema import VOCABULARIES

    if frame.empty:
        return frame
    vocab = DIMENSIONS[dim]
    if vocab:
        rank = {v: i for i, v in enumerate(VOCABULARIES[vocab].canonical_values)}
        return frame.assign(_o=frame["group_key"].map(rank).fillna(len(rank))).sort_values("_o").drop(columns="_o")
    if dim == "company_rollup":
        tree = company_tree()
        rank = dict(zip(tree["company_key"], range(len(tree)), strict=True))
        return frame.assign(_o=frame["group_key"].map(rank).fillna(len(rank))).sort_values("_o").drop(columns="_o")
    return frame.sort_values([measure, "group"], ascending=[False, True], na_position="last")


def filter_level(dim: str, frame: pd.DataFrame, level: str | None) -> pd.DataFrame:
    """The sidebar's 層級 filter applies to groups that are companies, departments or levels."""
    if level is None or frame.empty:
        return frame
    if dim == "level":
        return frame[frame["group_key"] == level]
    if dim in _COMPANY_DIMS:
        tree = company_tree()
        keys = set(tree.loc[tree["level"] == level, "company_key"])
        return frame[frame["company_key"].isin(keys)]
    return frame


def render_headline(c: Controls, by_company: pd.DataFrame, totals: pd.DataFrame) -> None:
    """The period's three volume figures and the rows whose 工號 is not on the roster."""
    row = totals.iloc[0].to_dict() if not totals.empty else dict.fromkeys(MEASURES, 0)
    unmatched = ad.unmatched_person_times(by_company)
    metric_row([
        Metric(tr("ui.an.volume.activities"), fmt_int(row["activities"]), help=tr("ui.an.volume.activities_help")),
        Metric(tr("ui.an.volume.person_times"), fmt_int(row["person_times"]), help=tr("ui.an.volume.person_times_help")),
        Metric(tr("ui.an.volume.distinct_participants"), fmt_int(row["distinct_participants"]),
               help=tr("ui.an.volume.participants_help")),
        Metric(tr("ui.an.volume.unmatched_rows"), fmt_int(unmatched), help=tr("ui.an.volume.unmatched_help")),
    ])


def render_breakdown(c: Controls) -> None:
    """One dimension at a time: a bar chart of the chosen measure and the full table, downloadable."""
    # the grouping and the measure live in the URL (?by=, ?measure=): a copied link opens the same view
    seed_from_url("an_vol_dim", "by", DIMENSIONS, "category")
    seed_from_url("an_vol_measure", "measure", MEASURES, "person_times")
    dim = st.segmented_control(tr("ui.an.volume.by"), list(DIMENSIONS), key="an_vol_dim",
                               format_func=lambda d: tr(f"ui.an.volume.dim.{d}")) or "category"
    measure = st.segmented_control(tr("ui.an.volume.measure"), list(MEASURES), key="an_vol_measure",
                                   format_func=lambda m: tr(f"ui.an.volume.{m}")) or "person_times"
    keep_in_url("by", dim, "category")
    keep_in_url("measure", measure, "person_times")
    frame = period_volume(c.period, by=dim, scope=c.scope_key, as_of=c.as_of)
    frame = order_groups(dim, filter_level(dim, frame, c.level), measure)
    if frame.empty:
        empty_state("ui.empty.no_data_period")
        return
    if c.level is not None and dim not in (*_COMPANY_DIMS, "level"):
        st.caption(tr("ui.an.volume.level_not_applied"))
    records = frame.to_dict("records")
    labels = [group_label(dim, r) for r in records]
    if dim == "company_rollup":  # the tree's indented names show what rolls up into what
        tree = company_tree()
        indented = dict(zip(tree["company_key"], tree["label"], strict=True))
        labels = [indented.get(r["group_key"], label) for r, label in zip(records, labels, strict=True)]
    shown = pd.DataFrame({tr(f"ui.an.volume.dim.{dim}"): labels,
                          **{tr(f"ui.an.volume.{m}"): frame[m].to_numpy() for m in MEASURES}})
    chart = shown.head(CHART_LIMIT)
    fig = go.Figure(go.Bar(
        x=chart[tr(f"ui.an.volume.{measure}")], y=[ad.plot_text(v) for v in chart.iloc[:, 0]], orientation="h",
        marker_color=SERIES_COLORS[0], hovertemplate="%{y}: %{x:,}<extra></extra>",
        texttemplate="%{x:,}", textposition="outside", cliponaxis=False,
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=tr(f"ui.an.volume.{measure}"))
    style_figure(fig, title=tr("ui.an.volume.chart_title", measure=tr(f"ui.an.volume.{measure}"),
                               dim=tr(f"ui.an.volume.dim.{dim}"), period=format_period(c.period, c.lang)),
                 height=max(260, 34 * len(chart) + 90))
    whole_number_axis(fig, chart[tr(f"ui.an.volume.{measure}")], axis="x")
    st.plotly_chart(fig, key="an_vol_bar", config={"displaylogo": False})
    if len(shown) > CHART_LIMIT:
        st.caption(tr("ui.an.chart_limited", n=CHART_LIMIT, total=len(shown)))
    st.dataframe(shown, hide_index=True, key="an_vol_table")
    download_xlsx_button(shown, f"穿越量_{dim}_{c.period}.xlsx", key="an_vol_dl")


def trend_months(year: int, as_of: dt.date) -> tuple[list[str], str | None]:
    """The months of ``year`` ended by ``as_of`` and the month running on it (None when none is).

    Months that have not started are left out rather than drawn as a fall to zero, and the running month is drawn
    apart (dotted) because its figures are partial (issue #16 item 7).
    """
    months = periods_of_year(year, "month")
    ended = [m.code for m in months if m.end <= as_of]
    running = [m.code for m in months if m.start <= as_of < m.end]
    return ended, (running[0] if running else None)


def render_trend(c: Controls) -> None:
    """Activities, person-times and participants of every month of the selected year; the running month dotted."""
    frame = ad.volume_monthly(c.year, "all", c.scope_key, c.as_of)
    ended, running = trend_months(c.year, c.as_of)
    months = ended + ([running] if running else [])
    by_month = frame.set_index("period").reindex(months) if not frame.empty else pd.DataFrame(index=months)
    st.subheader(tr("ui.an.volume.trend_title", year=c.year), anchor=False)
    if frame.empty or not months:
        empty_state("ui.empty.no_data_period", show_import_link=False)
        return
    fig = go.Figure()
    for i, m in enumerate(MEASURES):
        values = by_month[m].fillna(0).astype(int)
        fig.add_trace(go.Scatter(
            x=[format_period(p, c.lang) for p in ended], y=values.loc[ended], name=tr(f"ui.an.volume.{m}"),
            mode="lines+markers", line={"color": SERIES_COLORS[i], "width": 2.5}, legendgroup=m,
            hovertemplate="%{x}: %{y:,}<extra>" + tr(f"ui.an.volume.{m}") + "</extra>",
        ))
    if running:
        # one dotted segment per measure from the last ended month to the running one, an open marker at its end
        partial = " (" + ad.plot_text(tr("ui.an.volume.running_hover", as_of=c.as_of.isoformat())) + ")"
        tail = ended[-1:] + [running]
        for i, m in enumerate(MEASURES):
            values = by_month[m].fillna(0).astype(int)
            fig.add_trace(go.Scatter(
                x=[format_period(p, c.lang) for p in tail], y=values.loc[tail], name=tr(f"ui.an.volume.{m}"),
                mode="lines+markers", legendgroup=m, showlegend=not ended,
                line={"color": SERIES_COLORS[i], "width": 2.5, "dash": "dot"},
                marker={"symbol": ["circle"] * (len(tail) - 1) + ["circle-open"], "size": 9},
                customdata=[""] * (len(tail) - 1) + [partial],
                hovertemplate="%{x}: %{y:,}%{customdata}<extra>" + tr(f"ui.an.volume.{m}") + "</extra>",
            ))
        top = int(by_month.loc[running, list(MEASURES)].fillna(0).max())
        fig.add_annotation(x=format_period(running, c.lang), y=top, yshift=14, showarrow=False,
                           text=ad.plot_text(tr("ui.an.volume.running_mark")), font={"size": 12})
    fig.update_yaxes(title=tr("ui.an.count"), rangemode="tozero")
    style_figure(fig, height=340)
    whole_number_axis(fig, by_month[list(MEASURES)].fillna(0).to_numpy().ravel())
    st.plotly_chart(fig, key="an_vol_trend", config={"displaylogo": False})
    if running:
        st.caption(tr("ui.an.volume.running_caption", month=format_period(running, c.lang),
                      as_of=c.as_of.isoformat()))


def render_unmatched(c: Controls) -> None:
    """The year's 工號 not found on any roster: counted in the totals, in no company (SPEC 2.2)."""
    if c.scope_key is not None:  # such rows belong to no company, so no company scope holds them
        return
    frame = ad.data_quality(c.year, c.as_of, None)["unmatched_ids"]
    if frame.empty:
        return
    with st.expander(tr("ui.an.volume.unmatched_title", year=c.year, n=len(frame)), icon=":material/person_search:"):
        st.caption(tr("ui.an.volume.unmatched_caption"))
        shown = ad.present(frame, UNMATCHED_COLUMNS, c.lang)
        long_table(shown, key="an_vol_unmatched")
        download_xlsx_button(shown, f"未匹配工號_{c.year}.xlsx", key="an_vol_unmatched_dl")


def render_volume() -> None:
    """The whole page."""
    c = current_controls()
    st.title(tr("ui.an.volume.title"), anchor=False)
    caption_safe("ui.an.caption", scope=c.scope_name, period=format_period(c.period, c.lang))
    totals = period_volume(c.period, scope=c.scope_key, as_of=c.as_of)
    if totals.empty:
        empty_state("ui.empty.no_data_period")
        return
    by_company = period_volume(c.period, by="company", scope=c.scope_key, as_of=c.as_of)
    render_headline(c, by_company, totals)
    render_unmatched(c)
    render_breakdown(c)
    render_trend(c)


with page_guard():
    render_volume()
