"""Write real spreadsheet files byte-for-byte reproducibly: .xlsx with xlsxwriter (fixed document dates) and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter

from analytics.palette import SHEET_HEADER

# xlsxwriter stamps the creation time into docProps/core.xml; a fixed one keeps the bytes identical run to run.
_FIXED_CREATED = dt.datetime(2026, 1, 1, 8, 0, 0)


@dataclass
class Sheet:
    """One worksheet: optional title rows above the header (the first merged across the table), then data."""

    name: str
    headers: list[str]
    rows: list[list[object]]
    titles: list[str] = field(default_factory=list)
    date_format: str = "yyyy/m/d"


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets``; strings are always written as text (a leading "=" stays text, never a formula)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                              "strings_to_urls": False})
    workbook.set_properties({"created": _FIXED_CREATED, "author": "流程穿越 demo"})
    bold = workbook.add_format({"bold": True, "align": "center", "font_size": 14})
    header = workbook.add_format({"bold": True, "bg_color": SHEET_HEADER, "border": 1, "text_wrap": True})
    for sheet in sheets:
        ws = workbook.add_worksheet(sheet.name)
        date_fmt = workbook.add_format({"num_format": sheet.date_format})
        width = max(1, len(sheet.headers))
        r = 0
        for i, title in enumerate(sheet.titles):
            if i == 0 and width > 1:
                ws.merge_range(r, 0, r, width - 1, title, bold)
            else:
                ws.write_string(r, 0, title)
            r += 1
        for c, text in enumerate(sheet.headers):
            ws.write_string(r, c, text, header)
        ws.set_column(0, width - 1, 14)
        for row in sheet.rows:
            r += 1
            for c, value in enumerate(row):
                _write_cell(ws, r, c, value, date_fmt)
    workbook.close()


def _write_cell(ws, r: int, c: int, value: object, date_fmt) -> None:
    if value is None or value == "":
        return
    if isinstance(value, str):
        ws.write_string(r, c, value)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_fmt)
    else:
        raise TypeError(f"unexpected cell value {value!r}")


def write_csv(path: Path, headers: list[str], rows: list[list[object]], *, encoding: str) -> None:
    """A comma-separated file as Chinese Excel saves it (CRLF line ends); every cell already formatted as text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
