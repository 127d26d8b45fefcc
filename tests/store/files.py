"""Tiny real spreadsheets written with openpyxl, for the tests that go through the reader."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

ROSTER_HEADERS = ["工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"]
LOG_HEADERS = ["穿越編號", "工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "時長(小時)", "備註"]


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, table in sheets.items():
        sheet = book.create_sheet(title)
        for row in table:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def roster_and_log(log_rows: list[list]) -> bytes:
    """A workbook with a two-person roster of 廣州市分公司 and the given log rows."""
    return workbook_bytes({
        "名冊": [ROSTER_HEADERS,
                 ["001", "張三", "廣州市分公司", "地市公司", "廣東省公司", "市場部", "主要業務部門", "員工", "2026-01-01"],
                 ["002", "李四", "廣州市分公司", "地市公司", "廣東省公司", "市場部", "主要業務部門", "公司領導", "2026-01-01"]],
        "記錄": [LOG_HEADERS, *log_rows],
    })


GOOD_LOG = [["A1", "001、002", "张三、李四", "2026-03-05", "常規穿越", "門市客戶扮演", "半天", None]]
BAD_DATE_ROW = ["A2", "001", "張三", "10/5/2026", "常規穿越", "門市客戶扮演", "2", "=HYPERLINK(\"http://x\",\"y\")"]


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path
