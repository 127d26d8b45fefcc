"""The briefing as a PowerPoint deck (SPEC 6): a slide per section, native editable charts and tables.

Charts are real chart parts (``add_chart`` with ``CategoryChartData``), so a lead department can restyle them in
PowerPoint. The compliance heatmap has no native chart type; it is a table whose cells are coloured by status.
Text goes in as plain runs (no hyperlinks, no fields), so user-written descriptions stay inert.

Layout (issue #16.2): no text is smaller than 12 pt, and nothing overlaps. Column widths come from the content
(table_layout: ids, dates and statuses never break) and every row's height from the lines its cells wrap into
(measure), so the writer knows where a table ends: a table that does not fit beside its chart gets the full width
of a slide of its own; one longer than a slide continues on the next slides (header repeated), and a list too long
for ``MAX_TABLE_SLIDES`` slides shows its first rows with "complete list in the Excel file" below them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from analytics.briefing.charts import SERIES_COLORS, STATUS_COLORS
from analytics.briefing.fonts import find_cjk_font
from analytics.briefing.measure import line_count
from analytics.briefing.model import Briefing, ChartSpec, Section, SectionTable
from analytics.briefing.table_layout import cell_texts, fit_columns, plan_columns
from analytics.palette import MUTED, PRIMARY, TABLE_HEADER, TEXT, WHITE

MIN_PT = 12  # the smallest text of the deck (issue #16.2)
MAX_TABLE_SLIDES = 3  # a table longer than this many slides shows its first rows and points to the Excel file
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pareto": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "barh": XL_CHART_TYPE.BAR_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
_WIDTH, _HEIGHT = Inches(13.333), Inches(7.5)
_MARGIN = Inches(0.5)
_BOTTOM = _HEIGHT - Inches(0.35)  # nothing is placed below this line
_GAP = Inches(0.25)
_MIN_CHART_W = Inches(5.5)  # a chart beside a table keeps at least this width
_TABLE_PT = MIN_PT
_SENTENCE_PT = 14
# Noto Sans CJK's line height is about 1.45 em (ascender 1.16 + descender 0.29); measured on the PDF LibreOffice
# makes, a little more is allowed so that the computed row is never shorter than the drawn one.
_LINE = 1.5
_CELL_MARGIN_X, _CELL_MARGIN_Y = Inches(0.08), Inches(0.04)
_CELL_PAD_PT = 2 * _CELL_MARGIN_X.pt + 4
_WRAP_SAFETY = 0.94
_TEXTBOX_INSET = Inches(0.1)  # python-pptx text boxes: 0.1 in left/right, 0.05 in top/bottom
_MAX_FREE_PT = Inches(4.5).pt
_FREE_MIN_PT = Inches(2.0).pt
_HEADER_FILL = TABLE_HEADER
_INK = TEXT


def write_pptx(briefing: Briefing) -> bytes:
    """The deck's bytes."""
    family = find_cjk_font(briefing.lang).family
    prs = Presentation()
    prs.slide_width, prs.slide_height = _WIDTH, _HEIGHT
    _title_slide(prs, briefing, family)
    _bullets_slide(prs, briefing.labels["summary"], briefing.summary, family, briefing.lang)
    for section in briefing.sections:
        _section_slides(prs, section, briefing, family)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _font(run_font, family: str, size: float | None = None, *, bold: bool = False, color: str | None = None) -> None:
    run_font.name = family
    run_font.bold = bold
    if size:
        run_font.size = Pt(max(size, MIN_PT))
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


def _text_height(lines: list[str], width, size: float, lang: str, *, bold: bool = False) -> int:
    """The height (EMU) ``lines`` take in a text box ``width`` wide, its insets included."""
    usable = Emu(width - 2 * _TEXTBOX_INSET).pt
    n = sum(line_count(line, usable, size, bold=bold, lang=lang) for line in lines)
    return int(Pt(n * size * _LINE)) + int(Inches(0.1))


def _textbox(slide, left, top, width, lines: list[str], family: str, size: float, lang: str, **kw) -> int:
    """A text box exactly as tall as its wrapped lines; returns its bottom (EMU)."""
    height = _text_height(lines, width, size, lang, bold=kw.get("bold", False))
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        _font(run.font, family, size, **kw)
    return top + height


def _title(slide, text: str, family: str, lang: str) -> int:
    return _textbox(slide, _MARGIN, Inches(0.3), _WIDTH - 2 * _MARGIN, [text], family, 26, lang, bold=True,
                    color=PRIMARY)


def _title_slide(prs, b: Briefing, family: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    bottom = _textbox(slide, _MARGIN, Inches(2.3), _WIDTH - 2 * _MARGIN, [b.title], family, 36, b.lang, bold=True,
                      color=PRIMARY)
    sep = "：" if b.lang != "en" else ": "
    lines = [f"{b.labels['company']}{sep}{b.company}", f"{b.labels['period']}{sep}{b.period_label}",
             f"{b.labels['as_of']}{sep}{b.as_of.isoformat()}", f"{b.labels['generated']}{sep}{b.generated_on.isoformat()}"]
    _textbox(slide, _MARGIN, bottom + Inches(0.2), _WIDTH - 2 * _MARGIN, lines, family, 18, b.lang, color=_INK)


def _bullets_slide(prs, title: str, lines: list[str], family: str, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    top = _title(slide, title, family, lang) + Inches(0.15)
    width = _WIDTH - 2 * _MARGIN
    bullets = [f"• {s}" for s in lines]
    size = next((s for s in (18, 16, 14, MIN_PT) if top + _text_height(bullets, width, s, lang) <= _BOTTOM), MIN_PT)
    _textbox(slide, _MARGIN, top, width, bullets, family, size, lang)


@dataclass
class _Grid:
    """A table as slide cells: texts, formats (alignment, which cells never wrap) and fills."""

    headers: list[str]
    rows: list[list[str]]
    formats: list[list[str]]
    fills: list[list[str | None]] = field(default_factory=list)
    total_rows: int = 0  # rows of the full list (the model may hold fewer than it counts)

    def row_fill(self, r: int, c: int) -> str | None:
        return self.fills[r][c] if self.fills else None


def _grid_of_table(table: SectionTable) -> _Grid:
    columns = list(table.frame.columns)
    rows = cell_texts(table, table.frame)
    formats = [[table.cell_format(col, r) for col in columns] for r in range(len(rows))]
    status_col = columns.index(table.status_column) if table.status_column in columns else None
    fills = []
    for r in range(len(rows)):
        status = (table.row_status or [None] * len(rows))[r] if status_col is not None else None
        fills.append([STATUS_COLORS.get(status or "") if c == status_col else None for c in range(len(columns))])
    return _Grid([str(c) for c in columns], rows, formats, fills, table.truncated_from or len(rows))


def _grid_of_heatmap(spec: ChartSpec) -> _Grid:
    rows, formats, fills = [], [], []
    for r, label in enumerate(spec.rows):
        texts = [spec.annotations[r][c] if spec.annotations else "" for c in range(len(spec.categories))]
        rows.append([label, *texts])
        formats.append(["text"] + ["pct"] * len(texts))
        fills.append([None] + [STATUS_COLORS.get(spec.statuses[r][c] or "", WHITE)
                               for c in range(len(spec.categories))])
    return _Grid(["", *spec.categories], rows, formats, fills, len(spec.rows))


def _widths(grid: _Grid, width: int, lang: str) -> list[float] | None:
    """Column widths (points) of ``grid`` within ``width`` EMU; None when it does not fit."""
    plans = plan_columns(grid.headers, grid.rows, grid.formats, size_pt=_TABLE_PT / _WRAP_SAFETY,
                         pad_pt=_CELL_PAD_PT, lang=lang, max_free_pt=_MAX_FREE_PT)
    return fit_columns(plans, Emu(width).pt, free_min_pt=_FREE_MIN_PT)


def _row_height(texts: list[str], widths: list[float], lang: str, *, bold: bool = False) -> int:
    # Renderers wrap a little earlier than our font metrics say (LibreOffice put "地市部門每季 ≥ 50% ｜濱江市分公司 ・
    # 客户服務部" on two lines where one was measured, and the note below the table then printed over its last row):
    # measure against 94 % of the cell's inside (and plan the columns with the same margin, _widths), so a row is
    # never taller on screen than it was measured here.
    usable = [(w - _CELL_PAD_PT) * _WRAP_SAFETY for w in widths]
    lines = max(line_count(t, u, _TABLE_PT, bold=bold, lang=lang) for t, u in zip(texts, usable, strict=True))
    return int(Pt(lines * _TABLE_PT * _LINE)) + 2 * int(_CELL_MARGIN_Y)


def _pages(heights: list[int], header: int, room: int) -> list[tuple[int, int]]:
    """Row ranges [start, end) that fit ``room`` EMU each, the header row repeated on every page."""
    pages, start, used = [], 0, header
    for i, h in enumerate(heights):
        if used + h > room and i > start:
            pages.append((start, i))
            start, used = i, header
        used += h
    pages.append((start, len(heights)))
    return pages


def _draw_grid(slide, grid: _Grid, rows: range, left: int, top: int, widths: list[float], header_h: int,
               heights: list[int], family: str) -> int:
    """The table at (left, top) with the header and ``rows`` of ``grid``; returns its bottom (EMU)."""
    height = header_h + sum(heights[r] for r in rows)
    width = sum(int(Pt(w)) for w in widths)
    shape = slide.shapes.add_table(len(rows) + 1, len(grid.headers), left, top, width, height)
    table = shape.table
    for c, w in enumerate(widths):
        table.columns[c].width = int(Pt(w))
    table.rows[0].height = header_h
    for c, name in enumerate(grid.headers):
        _set(table.cell(0, c), name, family, bold=True, fill=_HEADER_FILL, color=_INK)
    for i, r in enumerate(rows, start=1):
        table.rows[i].height = heights[r]
        for c, text in enumerate(grid.rows[r]):
            fill = grid.row_fill(r, c)
            right = grid.formats[r][c] in ("int", "pct", "num", "dint", "dpct")
            _set(table.cell(i, c), text, family, fill=fill or WHITE, color=WHITE if fill else _INK,
                 right=right)
    return top + height


def _set(cell, text: str, family: str, *, bold: bool = False, fill: str | None = None, color: str | None = None,
         right: bool = False) -> None:
    cell.text = ""
    cell.margin_left = cell.margin_right = _CELL_MARGIN_X
    cell.margin_top = cell.margin_bottom = _CELL_MARGIN_Y
    para = cell.text_frame.paragraphs[0]
    if right:
        para.alignment = PP_ALIGN.RIGHT
    run = para.add_run()
    run.text = text
    _font(run.font, family, _TABLE_PT, bold=bold, color=color)
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#"))


def _new_slide(prs, title: str, sentences: list[str], family: str, lang: str) -> tuple[object, int]:
    """A slide with the title and (on the first slide of a section) its sentences; returns it and the body top."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    top = _title(slide, title, family, lang) + Inches(0.1)
    if sentences:
        top = _textbox(slide, _MARGIN, top, _WIDTH - 2 * _MARGIN, sentences, family, _SENTENCE_PT, lang,
                       color=MUTED) + Inches(0.1)
    return slide, top


def _section_slides(prs, section: Section, b: Briefing, family: str) -> None:
    """The section's slide (and the slides its table continues on)."""
    slide, top = _new_slide(prs, section.title, section.sentences[:3], family, b.lang)
    full_w = _WIDTH - 2 * _MARGIN
    charts = [c for c in section.charts if not c.is_empty and c.kind != "heatmap"]
    heatmaps = [c for c in section.charts if not c.is_empty and c.kind == "heatmap"]
    tables = [t for t in section.tables if not t.frame.empty]
    if 0 < section.slide_table < len(section.tables) and not section.tables[section.slide_table].frame.empty:
        tables = [section.tables[section.slide_table]]
    grid = None
    if heatmaps:
        # The slide shows the heatmap of the briefing's own period kind when there is one (a quarterly briefing:
        # the quarterly rules); the Word and Excel versions have all of them.
        same_kind = [h for h in heatmaps if h.period_kind == b.period_kind] or heatmaps
        grid = _grid_of_heatmap(same_kind[0])
    elif tables:
        grid = _grid_of_table(tables[0])
    if not (charts or grid):
        _textbox(slide, _MARGIN, top, full_w, [section.empty_message or b.labels["no_rows"]], family, 16, b.lang)
        return
    if not grid:
        _chart(slide, charts[0], _MARGIN, top, full_w, _BOTTOM - top, family)
        return
    if charts:
        # Beside the chart when the whole table fits there; else the chart has this slide, the table the next.
        side_w = full_w - _MIN_CHART_W - _GAP
        widths = _widths(grid, side_w, b.lang)
        if widths is not None:
            header_h = _row_height(grid.headers, widths, b.lang, bold=True)
            heights = [_row_height(r, widths, b.lang) for r in grid.rows]
            if header_h + sum(heights) <= _BOTTOM - top and grid.total_rows == len(grid.rows):
                table_w = sum(int(Pt(w)) for w in widths)
                chart_w = full_w - table_w - _GAP
                _chart(slide, charts[0], _MARGIN, top, chart_w, _BOTTOM - top, family)
                _draw_grid(slide, grid, range(len(grid.rows)), _MARGIN + chart_w + _GAP, top, widths, header_h,
                           heights, family)
                return
        _chart(slide, charts[0], _MARGIN, top, full_w, _BOTTOM - top, family)
        slide, top = _new_slide(prs, b.labels["continued"].format(title=section.title), [], family, b.lang)
    _full_width_grid(prs, slide, top, grid, section, b, family)


def _full_width_grid(prs, slide, top: int, grid: _Grid, section: Section, b: Briefing, family: str) -> None:
    """``grid`` across the slide width, continued on further slides, or cut with a note when far too long."""
    full_w = _WIDTH - 2 * _MARGIN
    widths = _widths(grid, full_w, b.lang)
    if widths is None:  # wider than a slide even so: share the width out (long texts wrap more)
        plans = plan_columns(grid.headers, grid.rows, grid.formats, size_pt=_TABLE_PT / _WRAP_SAFETY, pad_pt=_CELL_PAD_PT,
                             lang=b.lang, max_free_pt=_MAX_FREE_PT)
        total = sum(p.need for p in plans)
        widths = [p.need * Emu(full_w).pt / total for p in plans]
    header_h = _row_height(grid.headers, widths, b.lang, bold=True)
    heights = [_row_height(r, widths, b.lang) for r in grid.rows]
    note_h = _text_height([b.labels["truncated"].format(shown=9999, total=9999)], full_w, MIN_PT, b.lang)
    pages = _pages(heights, header_h, _BOTTOM - top)
    cut = len(pages) > MAX_TABLE_SLIDES or grid.total_rows > len(grid.rows)
    if cut:
        # First rows only (the most urgent: the builders sort them first), the note right below the last row.
        end = _pages(heights, header_h, _BOTTOM - top - note_h - int(Inches(0.1)))[0][1]
        bottom = _draw_grid(slide, grid, range(0, end), _MARGIN, top, widths, header_h, heights, family)
        _textbox(slide, _MARGIN, bottom + Inches(0.1), full_w,
                 [b.labels["truncated"].format(shown=end, total=grid.total_rows)], family, MIN_PT, b.lang,
                 color=MUTED)
        return
    for i, (start, end) in enumerate(pages):
        if i:
            slide, top = _new_slide(prs, b.labels["continued"].format(title=section.title), [], family, b.lang)
        _draw_grid(slide, grid, range(start, end), _MARGIN, top, widths, header_h, heights, family)


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
    chart.font.size = Pt(MIN_PT)  # axes, legend and data labels inherit it
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
        plot.data_labels.font.size = Pt(MIN_PT)
        plot.data_labels.number_format = "0%" if spec.value_format == "pct" else "#,##0"
        plot.data_labels.number_format_is_linked = False


