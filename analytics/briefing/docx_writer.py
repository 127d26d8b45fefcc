"""The briefing as a Word document (SPEC 6): title page, headings, charts as images, real Word tables.

Tables repeat their header row on every page (``w:tblHeader``), the footer carries a PAGE field, and every run is
set in the CJK font found on this machine (``w:eastAsia``) so Chinese renders the same in Word and LibreOffice.
Text is inserted as plain runs: a description such as ``=HYPERLINK(...)`` stays inert text (no fields, no links).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from analytics.briefing.charts import STATUS_COLORS, chart_width_in, render_png
from analytics.briefing.docx_common import page_number_footer, shade, use_font_everywhere
from analytics.briefing.fonts import find_cjk_font
from analytics.briefing.model import Briefing, Section, SectionTable
from analytics.briefing.table_layout import cell_texts, fit_columns, is_atomic, plan_columns

MAX_TABLE_ROWS = 60  # longer lists (owed people, overdue issues) are complete in the Excel workbook
_HEADER_FILL = "E8EEF7"
_NUMERIC = ("int", "pct", "num", "dint", "dpct")
_TEXT_WIDTH = Cm(17.0)  # A4 portrait less 2 cm margins
_LANDSCAPE_WIDTH = Cm(25.7)  # A4 landscape less 2 cm margins
_CELL_PT = 9
_CELL_PAD_PT = 2 * 5.67 + 2.5  # Word's default cell margins (0.19 cm a side) and a little air
_MAX_FREE_PT = Cm(8.0).pt  # a description column is never wider than this: it wraps instead
_FREE_MIN_PT = Cm(4.0).pt  # ...and never narrower than this (else the table takes a landscape page)
_DPI = 144


def write_docx(briefing: Briefing) -> bytes:
    """The document's bytes."""
    font = find_cjk_font(briefing.lang)
    doc = Document()
    _page_setup(doc)
    use_font_everywhere(doc, font.family)
    page_number_footer(doc, briefing.labels["page"])
    _title_page(doc, briefing)
    for section in briefing.sections:
        _section(doc, section, briefing)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _page_setup(doc) -> None:
    sect = doc.sections[0]
    sect.orientation = WD_ORIENT.PORTRAIT
    sect.page_width, sect.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(sect, side, Cm(2.0))
    sect.top_margin, sect.bottom_margin = Cm(2.0), Cm(2.0)


def _title_page(doc, b: Briefing) -> None:
    for _ in range(5):
        doc.add_paragraph()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(b.title)
    run.bold = True
    run.font.size = Pt(26)
    run.font.color.rgb = RGBColor(0x0B, 0x5C, 0xAD)
    for label, value in ((b.labels["company"], b.company), (b.labels["period"], b.period_label),
                         (b.labels["as_of"], b.as_of.isoformat()), (b.labels["generated"], b.generated_on.isoformat())):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lead = para.add_run(f"{label}：" if b.lang != "en" else f"{label}: ")
        lead.bold = True
        para.add_run(value).font.size = Pt(13)
    doc.add_paragraph()
    doc.add_heading(b.labels["summary"], level=1)
    for sentence in b.summary:
        doc.add_paragraph(sentence, style="List Bullet")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _section(doc, section: Section, b: Briefing) -> None:
    _orientation(doc, landscape=False)  # a chapter's text and charts are set on portrait pages
    doc.add_heading(section.title, level=1)
    for sentence in section.sentences:
        doc.add_paragraph(sentence)
    if section.empty_message and not section.tables and not section.charts:
        doc.add_paragraph(section.empty_message).runs[0].italic = True
    for chart in section.charts:
        if chart.is_empty:
            continue
        png = render_png(chart, lang=b.lang, width_in=chart_width_in(chart), dpi=_DPI)
        # Natural size (the PNG is trimmed to what was drawn), never wider than the text column.
        natural = Cm(2.54 * int.from_bytes(png[16:20], "big") / _DPI)
        doc.add_picture(io.BytesIO(png), width=min(natural, _TEXT_WIDTH))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for table in section.tables:
        _table(doc, table, b)


def _table(doc, table: SectionTable, b: Briefing) -> None:
    frame = table.frame
    if frame.empty:
        doc.add_heading(table.title, level=3)
        doc.add_paragraph(b.labels["no_rows"]).runs[0].italic = True
        return
    shown = frame.head(MAX_TABLE_ROWS)
    columns = list(frame.columns)
    texts = cell_texts(table, shown)
    formats = [[table.cell_format(col, r) for col in columns] for r in range(len(shown))]
    widths, landscape = _column_widths([str(c) for c in columns], texts, formats, b.lang)
    # Issue #16.1: a table too wide for the portrait text column gets a landscape section of its own.
    _orientation(doc, landscape=landscape)
    doc.add_heading(table.title, level=3)
    word_table = doc.add_table(rows=1, cols=len(columns))
    word_table.style = doc.styles["Table Grid"]
    word_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    word_table.autofit = False
    header = word_table.rows[0]
    _repeat_header(header)
    for cell, name, width in zip(header.cells, columns, widths, strict=True):
        _cell_text(cell, str(name), bold=True)
        cell.width = width
        shade(cell, _HEADER_FILL)
    statuses = table.row_status or []
    status_col = columns.index(table.status_column) if table.status_column in columns else None
    for i, row_texts in enumerate(texts):
        row = word_table.add_row()
        _keep_row_together(row)
        for cell, text, fmt, width in zip(row.cells, row_texts, formats[i], widths, strict=True):
            _cell_text(cell, text, right=fmt in _NUMERIC, no_wrap=is_atomic(text, fmt))
            cell.width = width
        if status_col is not None and i < len(statuses) and statuses[i] in STATUS_COLORS:
            shade(row.cells[status_col], STATUS_COLORS[statuses[i]].lstrip("#"))
            for run in row.cells[status_col].paragraphs[0].runs:
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    for column, width in zip(word_table.columns, widths, strict=True):
        column.width = width
    total = table.truncated_from or len(frame)
    if total > len(shown):
        note = doc.add_paragraph(b.labels["truncated"].format(shown=len(shown), total=total))
        note.runs[0].italic = True


def _column_widths(headers: list[str], texts: list[list[str]], formats: list[list[str]],
                   lang: str) -> tuple[list[int], bool]:
    """Column widths (EMU) from the content, and whether the table needs the landscape page.

    Ids, dates, figures, statuses and short names keep their whole text on one line and English headers their
    whole words (table_layout); the description column gets the rest. When that does not fit the 17 cm portrait
    text width with at least 4 cm for free text, the table goes on a landscape page (25.7 cm).
    """
    plans = plan_columns(headers, texts, formats, size_pt=_CELL_PT, pad_pt=_CELL_PAD_PT, lang=lang,
                         max_free_pt=_MAX_FREE_PT)
    landscape = False
    widths = fit_columns(plans, _TEXT_WIDTH.pt, free_min_pt=_FREE_MIN_PT)
    if widths is None:
        landscape = True
        widths = fit_columns(plans, _LANDSCAPE_WIDTH.pt, free_min_pt=_FREE_MIN_PT)
    if widths is None:  # wider than a landscape page even so: share it out (long texts wrap, figures shrink last)
        total = sum(p.need for p in plans)
        widths = [p.need * _LANDSCAPE_WIDTH.pt / total for p in plans]
    return [Pt(w) for w in widths], landscape


def _orientation(doc, *, landscape: bool) -> None:
    """Continue in a portrait or landscape section, starting a new one (on a new page) when it changes."""
    current = doc.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    sect = doc.add_section(WD_SECTION.NEW_PAGE)
    sect.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Cm(29.7), Cm(21.0)
    sect.page_width, sect.page_height = (long_side, short_side) if landscape else (short_side, long_side)


def _keep_row_together(row) -> None:
    """A row is never split across two pages (w:cantSplit)."""
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _repeat_header(row) -> None:
    """Mark ``row`` as a header row repeated at the top of each page (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _cell_text(cell, text: str, *, bold: bool = False, right: bool = False, no_wrap: bool = False) -> None:
    para = cell.paragraphs[0]
    run = para.add_run(text)
    run.bold = bold
    run.font.size = Pt(_CELL_PT)
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if no_wrap:  # the width already holds it; w:noWrap tells Word and LibreOffice never to break it anyway
        cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


