"""Fixtures for the reading side: tiny spreadsheets written in the test (openpyxl, csv, xlwt)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import openpyxl
import pytest

from analytics.ingest import ParsedFile, parse_file

ROSTER_HEADERS = ["工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"]
LOG_HEADERS = ["穿越編號", "工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "時長(小時)"]
ISSUE_HEADERS = ["問題編號", "提出日期", "問題類別", "問題描述", "狀態", "解決日期"]


def make_xlsx(sheets: dict[str, list[list]], *, hidden: tuple[str, ...] = (),
              merge: dict[str, str] | None = None) -> bytes:
    """An .xlsx with one sheet per entry (rows written from A1), some hidden, some cells merged."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_csv(rows: list[list], *, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture
def parse() -> Callable[..., ParsedFile]:
    """parse(rows_or_bytes, name=...) — rows go into one sheet 工作表1 of a fresh .xlsx."""

    def run(content: list[list] | bytes, name: str = "test.xlsx") -> ParsedFile:
        data = content if isinstance(content, bytes) else make_xlsx({"工作表1": content})
        return parse_file(name, data)

    return run


def codes(parsed: ParsedFile, severity: str | None = None) -> list[str]:
    return [p.code for p in parsed.problems if severity is None or p.severity == severity]
