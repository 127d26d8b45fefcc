"""The briefing as an Excel workbook: a cover sheet, then one sheet per section (SPEC 6).

Numbers and dates stay typed (a lead department sorts and sums them), each section's main table has a frozen
header row and an autofilter, columns are fitted to their content (CJK characters count double), and every text
cell is written with ``write_string`` after :func:`cells.neutralise`, so no description ever becomes a formula.
"""

from __future__ import annotations

import io
import math
import unicodedata

import xlsxwriter

from analytics.briefing.cells import as_date, is_missing, neutralise
from analytics.briefing.charts import STATUS_COLORS
from analytics.briefing.model import Briefing, ChartSpec, Section, SectionTable
from analytics.palette import MUTED, TABLE_HEADER, WHITE

_NUMBER_FORMATS = {"int": "#,##0", "pct": "0.0%", "num": "#,##0.0", "date": "yyyy-mm-dd",
                   "dint": "+#,##0;-#,##0;0", "dpct": "+0.0%;-0.0%;0.0%"}
_MAX_WIDTH = 60
_MEASURED_ROWS = 300
_COVER_VALUE_WIDTH = 72  # columns A+B of the cover: about the width of a portrait A4 page


def write_xlsx(briefing: Briefing) -> bytes:
    """The workbook's bytes."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    styles = _Styles(book)
    _cover(book, styles, briefing)
    for section in briefing.sections:
        _section_sheet(book, styles, section)
    book.close()
    return buf.getvalue()


class _Styles:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.subtitle = book.add_format({"bold": True, "font_size": 11})
        self.header = book.add_format({"bold": True, "bg_color": TABLE_HEADER, "border": 1, "text_wrap": True,
                                       "valign": "top"})
        self.text = book.add_format({"border": 1, "valign": "top"})
        self.note = book.add_format({"italic": True, "font_color": MUTED})
        self.plain = book.add_format({})
        self.typed = {k: book.add_format({"num_format": v, "border": 1}) for k, v in _NUMBER_FORMATS.items()}
        self.status = {s: book.add_format({"bg_color": c, "font_color": WHITE, "border": 1, "num_format": "0%",
                                           "align": "center"}) for s, c in STATUS_COLORS.items()}
        self.cover_date = book.add_format({"num_format": "yyyy-mm-dd", "align": "left"})
        self.wrapped = book.add_format({"text_wrap": True, "valign": "top"})


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cover(book: xlsxwriter.Workbook, styles: _Styles, b: Briefing) -> None:
    ws = book.add_worksheet(_sheet_name(b.labels.get("cover_sheet", "Cover"), set()))
    ws.write_string(0, 0, neutralise(b.title), styles.title)
    rows = [(b.labels["company"], b.company), (b.labels["period"], b.period_label)]
    for r, (label, value) in enumerate(rows, start=2):
        ws.write_string(r, 0, label, styles.subtitle)
        ws.write_string(r, 1, neutralise(value))
    ws.write_string(4, 0, b.labels["as_of"], styles.subtitle)
    ws.write_datetime(4, 1, _datetime(b.as_of), styles.cover_date)
    ws.write_string(5, 0, b.labels["generated"], styles.subtitle)
    ws.write_datetime(5, 1, _datetime(b.generated_on), styles.cover_date)
    ws.write_string(7, 0, b.labels["summary"], styles.subtitle)
    label_width = max(14, _width(b.labels["generated"]) + 2)
    # The summary's sentences wrap inside columns A:B instead of running off to the right, so that the cover prints
    # on one portrait A4 page (issue #16.3); a merged cell's height is not fitted by the reader, hence set here.
    for i, sentence in enumerate(b.summary):
        text = neutralise(sentence)
        ws.merge_range(8 + i, 0, 8 + i, 1, text, styles.wrapped)
        lines = max(1, math.ceil(_width(text) / (label_width + _COVER_VALUE_WIDTH - 2)))
        ws.set_row(8 + i, 15 * lines)
    ws.set_column(0, 0, label_width)
    ws.set_column(1, 1, _COVER_VALUE_WIDTH)
    ws.set_portrait()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 1)


def _section_sheet(book: xlsxwriter.Workbook, styles: _Styles, section: Section) -> None:
    ws = book.add_worksheet(section.sheet_name)
    ws.set_landscape()  # printed: one page wide, as many pages long as needed
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.write_string(0, 0, neutralise(section.title), styles.title)
    row = 1
    for sentence in section.sentences:
        ws.write_string(row, 0, neutralise(sentence))
        row += 1
    if section.empty_message and not section.tables:
        ws.write_string(row, 0, neutralise(section.empty_message), styles.note)
    widths: dict[int, int] = {}
    row += 1
    for i, table in enumerate(section.tables):
        header_row = row + 1
        row = _table(ws, styles, table, row, widths)
        if i == 0 and len(table.frame.columns):
            # SPEC 6 / brief: frozen header and a filter on the section's main table.
            ws.freeze_panes(header_row + 1, 0)
            ws.repeat_rows(header_row)
            ws.autofilter(header_row, 0, header_row + max(len(table.frame), 1), len(table.frame.columns) - 1)
        row += 2
    for chart in section.charts:
        if chart.kind == "heatmap" and not chart.is_empty:
            row = _heatmap(ws, styles, chart, row, widths) + 2
    for col, width in widths.items():
        ws.set_column(col, col, min(_MAX_WIDTH, max(8, width + 2)))


def _table(ws, styles: _Styles, table: SectionTable, row: int, widths: dict[int, int]) -> int:
    """Write ``table`` with its title at ``row``; returns the row after its last data row."""
    ws.write_string(row, 0, neutralise(table.title), styles.subtitle)
    row += 1
    columns = list(table.frame.columns)
    for c, name in enumerate(columns):
        ws.write_string(row, c, neutralise(str(name)), styles.header)
        widths[c] = max(widths.get(c, 0), _width(str(name)))
    formats = [table.formats.get(c, "text") for c in columns]
    per_row = "row" in formats or "drow" in formats
    for i, values in enumerate(table.frame.itertuples(index=False, name=None)):
        row += 1
        measure = i < _MEASURED_ROWS  # widths fitted to the first rows: a 100,000-row list costs no more
        for c, value in enumerate(values):
            fmt = table.cell_format(columns[c], i) if per_row else formats[c]
            width = _cell(ws, styles, row, c, value, fmt)
            if measure and width > widths.get(c, 0):
                widths[c] = width
    if table.truncated_from:
        row += 1
        ws.write_string(row, 0, f"… {table.truncated_from:,}", styles.note)
    return row + 1


def _cell(ws, styles: _Styles, row: int, col: int, value: object, fmt: str) -> int:
    """Write one typed cell; returns its display width."""
    if is_missing(value):
        ws.write_blank(row, col, None, styles.text)
        return 1
    if fmt in ("int", "pct", "num", "dint", "dpct"):
        number = float(value)
        ws.write_number(row, col, number, styles.typed[fmt])
        return len(f"{number:,.1f}") + 2
    if fmt == "date":
        ws.write_datetime(row, col, _datetime(as_date(value)), styles.typed["date"])
        return 10
    text = neutralise(str(value))
    ws.write_string(row, col, text, styles.text)
    return _width(text) if len(text) < 2 * _MAX_WIDTH else _MAX_WIDTH


def _heatmap(ws, styles: _Styles, chart: ChartSpec, row: int, widths: dict[int, int]) -> int:
    """The heatmap as a coloured grid: value per cell, colour per status."""
    ws.write_string(row, 0, neutralise(chart.title), styles.subtitle)
    row += 1
    ws.write_blank(row, 0, None, styles.header)
    for c, name in enumerate(chart.categories, start=1):
        ws.write_string(row, c, neutralise(name), styles.header)
        widths[c] = max(widths.get(c, 0), _width(name))
    for r, label in enumerate(chart.rows):
        row += 1
        ws.write_string(row, 0, neutralise(label), styles.text)
        widths[0] = max(widths.get(0, 0), _width(label))
        for c in range(len(chart.categories)):
            status = chart.statuses[r][c]
            value = chart.values[r][c]
            fmt = styles.status.get(status or "", styles.text)
            if value is None:
                ws.write_string(row, c + 1, "—" if status else "", fmt)
            else:
                ws.write_number(row, c + 1, float(value), fmt)
    row += 2
    for label, color in chart.legend:
        ws.write_string(row, 0, neutralise(label), styles.status.get(_status_of(color), styles.text))
        row += 1
    return row


def _status_of(color: str) -> str:
    for status, value in STATUS_COLORS.items():
        if value == color:
            return status
    return ""


def _datetime(day):
    import datetime as dt

    return dt.datetime(day.year, day.month, day.day)


def _sheet_name(name: str, used: set[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    used.add(cleaned)
    return cleaned
