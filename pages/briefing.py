"""簡報 Briefing: preview the service-analysis meeting briefing and download it as Word, Excel or PowerPoint.

Thin (STYLE 1): the briefing model comes from ``analytics.briefing.build_briefing`` through the cached loader
``ui.analysis_data.briefing``; the files are generated only when a download button is clicked (Streamlit calls
``data`` then).
"""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.briefing import FORMATS, MIME_TYPES, render
from analytics.briefing.cells import display
from analytics.briefing.model import Briefing, ChartSpec, SectionTable
from analytics.labels import TITLE_LABEL
from analytics.palette import TABLE_HEADER, TEXT, WHITE
from ui.analysis_data import briefing as load_briefing
from ui.analysis_data import plot_text
from ui.data import has_data
from ui.db import data_version
from ui.import_view import md_escape
from ui.report_view import render_upward_report
from ui.state import Controls, current_controls, format_period, tr
from ui.theme import SERIES_COLORS, STATUS_COLORS, style_figure, whole_number_axis
from ui.widgets import Metric, caption_safe, empty_state, metric_row, page_guard

PREVIEW_ROWS = 500  # rows per table on screen; the Excel download has them all
_FORMAT_ICONS = {"docx": ":material/description:", "xlsx": ":material/table_view:", "pptx": ":material/slideshow:"}


def _escaped(text: str) -> str:
    """User data (company names) inside generated sentences shown as text, never as Markdown (issue #7)."""
    return md_escape(text)


def preview_frame(table: SectionTable) -> pd.DataFrame:
    """The table as the Word/PowerPoint files show it (same rounding), first PREVIEW_ROWS rows."""
    shown = table.frame.head(PREVIEW_ROWS)
    columns = list(shown.columns)
    out = {c: [display(v, table.cell_format(c, i)) for i, v in enumerate(shown[c])] for c in columns}
    return pd.DataFrame(out, columns=columns)


def figure_of(spec: ChartSpec) -> go.Figure:
    """A Plotly figure for a chart of the model (the files use matplotlib images / native Office charts)."""
    spec = spec.with_short_labels()  # issue #12: labels cut (and kept distinct) before Plotly sees them
    fig = go.Figure()
    if spec.kind == "heatmap":
        colours = [[STATUS_COLORS.get(s or "", WHITE) for s in row] for row in spec.statuses]
        rows = [plot_text(r) for r in spec.rows[:40]]  # unit names from the roster: Plotly renders HTML
        fig.add_trace(go.Table(
            header={"values": ["", *[plot_text(x) for x in spec.categories]], "fill_color": TABLE_HEADER},
            cells={"values": [rows, *[[spec.annotations[r][c] for r in range(len(rows))]
                                      for c in range(len(spec.categories))]],
                   "fill_color": [["white"] * len(rows), *[[colours[r][c] for r in range(len(rows))]
                                                          for c in range(len(spec.categories))]],
                   "font": {"color": [TEXT, *["white"] * len(spec.categories)]}}))
        return style_figure(fig, title=plot_text(spec.title, TITLE_LABEL), height=min(900, 120 + 28 * len(rows)))
    horizontal = spec.kind == "barh"
    categories = [plot_text(x) for x in spec.categories]  # company names and issue categories from uploads
    for i, (name, values) in enumerate(spec.series[:1] if spec.kind == "pareto" else spec.series):
        colour = SERIES_COLORS[i % len(SERIES_COLORS)]
        if spec.kind == "line":
            fig.add_trace(go.Scatter(x=categories, y=values, name=plot_text(name), mode="lines+markers",
                                     line={"color": colour}))
        elif horizontal:
            fig.add_trace(go.Bar(y=categories, x=values, name=plot_text(name), orientation="h", marker_color=colour))
        else:
            fig.add_trace(go.Bar(x=categories, y=values, name=plot_text(name), marker_color=colour))
    if spec.kind == "stacked_bar":
        fig.update_layout(barmode="stack")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    style_figure(fig, title=plot_text(spec.title, TITLE_LABEL))
    if spec.value_format == "pct":
        fig.update_yaxes(tickformat=".0%")
    elif spec.value_format == "int":  # counts: whole steps, never 0.25 of an issue (issue #16 item 8)
        whole_number_axis(fig, [v for _, values in spec.series for v in values], axis="x" if horizontal else "y")
    return fig


def render_downloads(briefing: Briefing) -> None:
    """Three buttons; each file is generated when its button is clicked."""
    stem = f"briefing_{briefing.period}_{briefing.company}"
    columns = st.columns(len(FORMATS))
    for column, fmt in zip(columns, FORMATS, strict=True):
        with column:
            st.download_button(tr(f"brief.page.download.{fmt}"), data=lambda fmt=fmt: render(briefing, fmt),
                               file_name=f"{stem}.{fmt}", mime=MIME_TYPES[fmt], icon=_FORMAT_ICONS[fmt],
                               key=f"brief_dl_{fmt}", on_click="ignore", width="stretch")


def render_headline(briefing: Briefing) -> None:
    """The headline figures as metric cards with the change against the previous period."""
    table = briefing.section("headline").tables[0]
    frame = table.frame
    before_col = frame.columns[2]
    cards = []
    for i, row in enumerate(frame.itertuples(index=False, name=None)):
        fmt = table.row_formats[i] if table.row_formats else "int"
        change = row[3]
        delta = None if change is None or change != change else display(change, "d" + fmt)
        inverse = i == len(frame) - 1  # overdue issues: a rise is bad
        # row[0] is a catalogue word (brief.fig.*), not upload text
        cards.append(Metric(str(row[0]), display(row[1], fmt), delta,
                            help=f"{before_col}: {display(row[2], fmt)}", delta_color="inverse" if inverse else
                            "normal"))
    metric_row(cards, columns=6)
    for note in briefing.section("headline").sentences:  # e.g. no data for the previous period: no change shown
        st.caption(md_escape(note))


def build_requested(c: Controls) -> bool:
    """Whether to build the briefing now: once asked for in this session, it follows every change of the controls.

    Building reads every figure of the period (about 5 s for the whole country at national scale), so the page
    opens at once with what it will cover and a button, instead of making every visit wait for a document.
    """
    if st.session_state.get("brief_requested"):
        return True
    caption_safe("brief.page.ready", company=c.scope_name, period=format_period(c.period, c.lang), as_of=c.as_of)
    # a callback, not the button's return value: it survives the rerun that routing may add to this run
    st.button(tr("brief.page.build"), type="primary", icon=":material/play_arrow:", key="brief_build",
              on_click=_request_build)
    return False


def _request_build() -> None:
    st.session_state["brief_requested"] = True


def render_briefing_page() -> None:
    """The page: title, summary, headline cards, one tab per section, downloads."""
    c = current_controls()
    st.title(tr("brief.page.title"), anchor=False)
    if not has_data():
        empty_state("brief.page.empty")
        return
    render_upward_report(c)  # a province's 上報總部, or 總部's 各省上報 (SPEC 9.4)
    if not build_requested(c):
        return
    # The spinner covers the build AND the preview below it: the preview's charts and tables are most of the time a
    # person waits (issue #16.13); show_time shows the elapsed seconds so the wait is never silent.
    with st.spinner(tr("brief.page.building"), show_time=True):
        briefing = load_briefing(data_version(), c.period, c.scope_key, c.as_of, c.lang)
        render_preview(briefing)


def render_preview(briefing: Briefing) -> None:
    """Caption, downloads, summary, headline cards and one tab per section of a built briefing."""
    caption_safe("brief.page.caption", company=briefing.company, period=briefing.period_label, as_of=briefing.as_of)
    render_downloads(briefing)
    with st.container(border=True):
        st.markdown("\n".join(f"- {_escaped(s)}" for s in briefing.summary))
    render_headline(briefing)
    sections = briefing.sections[1:]
    for section, tab in zip(sections, st.tabs([md_escape(s.title) for s in sections]), strict=True):
        with tab:
            for sentence in section.sentences:
                st.markdown(_escaped(sentence))
            if section.empty_message and not section.tables:
                st.info(md_escape(section.empty_message), icon=":material/info:")
            for i, spec in enumerate(section.charts):
                if not spec.is_empty:
                    st.plotly_chart(figure_of(spec), key=f"brief_chart_{section.key}_{i}",
                                    config={"displayModeBar": False})
            for i, table in enumerate(section.tables):
                st.subheader(md_escape(table.title), anchor=False)
                st.dataframe(preview_frame(table), hide_index=True, key=f"brief_tbl_{section.key}_{i}")
                if len(table.frame) > PREVIEW_ROWS:
                    st.caption(tr("brief.page.more_rows", shown=PREVIEW_ROWS, total=len(table.frame)))


with page_guard():
    render_briefing_page()
