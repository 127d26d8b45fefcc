"""The briefing as a PowerPoint deck (SPEC 6): one slide per section, native editable charts and tables.

Charts are real chart parts (``add_chart`` with ``CategoryChartData``), so a lead department can restyle them in
PowerPoint. The compliance heatmap has no native chart type; it is a table whose cells are coloured by status.
Text goes in as plain runs (no hyperlinks, no fields), so user-written descriptions stay inert.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from analytics.briefing.cells import display
from analytics.briefing.charts import SERIES_COLORS, STATUS_COLORS
from analytics.briefing.fonts import find_cjk_font
from analytics.briefing.model import Briefing, ChartSpec, Section, SectionTable

MAX_SLIDE_ROWS = 12  # rows a slide table shows legibly; the Excel workbook has them all
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pareto": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "barh": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
_WIDTH, _HEIGHT = Inches(13.333), Inches(7.5)
_MARGIN = Inches(0.5)


def write_pptx(briefing: Briefing) -> bytes:
    """The deck's bytes."""
    family = find_cjk_font(briefing.lang).family
    prs = Presentation()
    prs.slide_width, prs.slide_height = _WIDTH, _HEIGHT
    _title_slide(prs, briefing, family)
    _bullets_slide(prs, briefing.labels["summary"], briefing.summary, family)
    for section in briefing.sections:
        _section_slide(prs, section, briefing, family)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _font(run_font, family: str, size: float | None = None, *, bold: bool = False, color: str | None = None) -> None:
    run_font.name = family
    run_font.bold = bold
    if size:
        run_font.size = Pt(size)
    if color:
        run_font.color.rgb = RGBColor.from_string(color.lstrip("#"))
    # East Asian typeface too: PowerPoint picks a:ea for CJK characters.
    rpr = run_font._rPr
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        latin = rpr.find(qn("a:latin"))
        (latin.addnext(ea) if latin is not None else rpr.append(ea))
    ea.set("typeface", family)


def _textbox(slide, left, top, width, height, lines: list[str], family: str, size: float = 14, **kw) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        _font(run.font, family, size, **kw)


def _title(slide, text: str, family: str) -> None:
    _textbox(slide, _MARGIN, Inches(0.3), _WIDTH - 2 * _MARGIN, Inches(0.8), [text], family, 26, bold=True,
             color="#0B5CAD")


def _title_slide(prs, b: Briefing, family: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _textbox(slide, _MARGIN, Inches(2.3), _WIDTH - 2 * _MARGIN, Inches(1.2), [b.title], family, 36, bold=True,
             color="#0B5CAD")
    sep = "：" if b.lang != "en" else ": "
    lines = [f"{b.labels['company']}{sep}{b.company}", f"{b.labels['period']}{sep}{b.period_label}",
             f"{b.labels['as_of']}{sep}{b.as_of.isoformat()}", f"{b.labels['generated']}{sep}{b.generated_on.isoformat()}"]
    _textbox(slide, _MARGIN, Inches(3.7), _WIDTH - 2 * _MARGIN, Inches(2.5), lines, family, 18, color="#1F2A37")


def _bullets_slide(prs, title: str, lines: list[str], family: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, title, family)
    _textbox(slide, _MARGIN, Inches(1.3), _WIDTH - 2 * _MARGIN, Inches(5.6), [f"• {s}" for s in lines], family, 18)


def _section_slide(prs, section: Section, b: Briefing, family: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _title(slide, section.title, family)
    top = Inches(1.15)
    if section.sentences:
        _textbox(slide, _MARGIN, top, _WIDTH - 2 * _MARGIN, Inches(0.9), section.sentences[:3], family, 13,
                 color="#5F6B7A")
        top = Inches(2.05)
    body_h = _HEIGHT - top - Inches(0.3)
    full_w = _WIDTH - 2 * _MARGIN
    charts = [c for c in section.charts if not c.is_empty and c.kind != "heatmap"]
    heatmaps = [c for c in section.charts if not c.is_empty and c.kind == "heatmap"]
    tables = [t for t in section.tables if not t.frame.empty]
    if 0 < section.slide_table < len(section.tables) and not section.tables[section.slide_table].frame.empty:
        tables = [section.tables[section.slide_table]]
    if not (charts or heatmaps or tables):
        _textbox(slide, _MARGIN, top, full_w, Inches(1), [section.empty_message or b.labels["no_rows"]], family, 16)
        return
    left_w = int(full_w * 0.55) if (charts and (tables or heatmaps)) else full_w
    if charts:
        _chart(slide, charts[0], _MARGIN, top, left_w, body_h, family)
    right_left = _MARGIN + left_w + Inches(0.2) if charts else _MARGIN
    right_w = full_w - left_w - Inches(0.2) if charts else full_w
    if heatmaps:
        # The slide shows the heatmap of the briefing's own period kind when there is one (a quarterly briefing:
        # the quarterly rules); the Word and Excel versions have all of them.
        same_kind = [h for h in heatmaps if h.period_kind == b.period_kind] or heatmaps
        _heatmap_table(slide, same_kind[0], right_left, top, right_w, family, b)
    elif tables:
        _table(slide, tables[0], right_left, top, right_w, family, b)


def _chart(slide, spec: ChartSpec, left, top, width, height, family: str) -> None:
    spec = spec.with_short_labels()  # issue #12: a 20,000-character 問題類別 is cut to a readable label
    data = CategoryChartData()
    data.categories = spec.categories
    series = spec.series[:1] if spec.kind == "pareto" else spec.series
    for name, values in series:
        data.add_series(name, [float(v or 0) for v in values])
    graphic = slide.shapes.add_chart(_CHART_TYPES[spec.kind], left, top, width, height, data)
    chart = graphic.chart
    chart.has_title = True
    chart.chart_title.text_frame.text = spec.title
    _font(chart.chart_title.text_frame.paragraphs[0].runs[0].font, family, 14, bold=True)
    chart.font.size = Pt(11)
    _font(chart.font, family)
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    for i, plot_series in enumerate(chart.plots[0].series):
        fill = plot_series.format.fill if spec.kind != "line" else None
        color = RGBColor.from_string(SERIES_COLORS[i % len(SERIES_COLORS)].lstrip("#"))
        if fill is not None:
            fill.solid()
            fill.fore_color.rgb = color
        else:
            plot_series.format.line.color.rgb = color
    if spec.kind in ("bar", "barh", "pareto") and len(series) == 1:
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(10)
        plot.data_labels.number_format = "0%" if spec.value_format == "pct" else "#,##0"
        plot.data_labels.number_format_is_linked = False


def _new_table(slide, n_rows: int, n_cols: int, left, top, width):
    height = Emu(Inches(0.32) * n_rows)
    return slide.shapes.add_table(n_rows, n_cols, left, top, width, height).table


def _set(cell, text: str, family: str, *, bold: bool = False, fill: str | None = None, color: str | None = None,
         size: float = 10) -> None:
    cell.text = ""
    run = cell.text_frame.paragraphs[0].add_run()
    run.text = text
    _font(run.font, family, size, bold=bold, color=color)
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#"))


def _table(slide, table: SectionTable, left, top, width, family: str, b: Briefing) -> None:
    shown = table.frame.head(MAX_SLIDE_ROWS)
    columns = list(table.frame.columns)
    grid = _new_table(slide, len(shown) + 1, len(columns), left, top, width)
    size = 10 if len(columns) <= 6 else 8  # wide tables (pace: 11 columns) stay on the slide in a smaller size
    for c, name in enumerate(columns):
        _set(grid.cell(0, c), str(name), family, bold=True, fill="#E8EEF7", color="#1F2A37", size=size)
    status_col = columns.index(table.status_column) if table.status_column in columns else None
    for r, values in enumerate(shown.itertuples(index=False, name=None), start=1):
        for c, value in enumerate(values):
            fmt = table.cell_format(columns[c], r - 1)
            status = table.row_status[r - 1] if (c == status_col and table.row_status) else None
            fill = STATUS_COLORS.get(status or "")
            _set(grid.cell(r, c), display(value, fmt), family, fill=fill or "#FFFFFF",
                 color="#FFFFFF" if fill else "#1F2A37", size=size)
    total = table.truncated_from or len(table.frame)
    if total > len(shown):
        note_top = top + Emu(Inches(0.32) * (len(shown) + 1)) + Inches(0.1)
        _textbox(slide, left, note_top, width, Inches(0.4),
                 [b.labels["truncated"].format(shown=len(shown), total=total)], family, 10, color="#5F6B7A")


def _heatmap_table(slide, spec: ChartSpec, left, top, width, family: str, b: Briefing) -> None:
    spec = spec.with_short_labels()
    rows = spec.rows[:MAX_SLIDE_ROWS]
    grid = _new_table(slide, len(rows) + 1, len(spec.categories) + 1, left, top, width)
    _set(grid.cell(0, 0), "", family, fill="#E8EEF7")
    for c, name in enumerate(spec.categories, start=1):
        _set(grid.cell(0, c), name, family, bold=True, fill="#E8EEF7", color="#1F2A37")
    for r, label in enumerate(rows, start=1):
        _set(grid.cell(r, 0), label, family, color="#1F2A37", fill="#FFFFFF")
        for c in range(len(spec.categories)):
            status = spec.statuses[r - 1][c]
            text = spec.annotations[r - 1][c] if spec.annotations else ""
            _set(grid.cell(r, c + 1), text, family, fill=STATUS_COLORS.get(status or "", "#FFFFFF"),
                 color="#FFFFFF")
    if len(spec.rows) > len(rows):
        note_top = top + Emu(Inches(0.32) * (len(rows) + 1)) + Inches(0.1)
        _textbox(slide, left, note_top, width, Inches(0.4),
                 [b.labels["truncated"].format(shown=len(rows), total=len(spec.rows))], family, 10, color="#5F6B7A")
