"""The data sheet of the upward report (SPEC 9.4): a workbook of fixed structure that 總部 can compare.

Sheets, always the same: 上報資訊 (province, period, as-of date, data state), 各單位指標 (one row per scope: the
province, then each city; columns FIGURE_COLUMNS with fixed headers), 考核結果明細 (every quota result counted).
Headers are fixed Chinese headers with the English key beneath, whatever the interface language, so the sheets of
every province line up. Text cells are written as strings with formula starts neutralised (SPEC 6).
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import xlsxwriter

from analytics.briefing.cells import is_missing, neutralise
from analytics.palette import SHEET_HEADER

FIGURE_HEADERS = {
    "company": "單位", "level": "層級", "quota_results": "考核結果數", "quota_met": "達標數",
    "quota_share_met": "達標比例", "activities": "穿越次數", "person_times": "穿越人次", "participants": "參與人數",
    "staff": "員工人數", "activities_per_100_staff": "每百人穿越次數", "issues_total": "問題總數",
    "issues_closed": "已關閉", "issues_open": "未關閉", "issues_overdue": "逾期", "resolution_rate": "解決率",
}
RESULT_HEADERS = {"rule": "規則", "company": "單位", "department": "部門", "period": "期間", "population": "應參與人數",
                  "participants": "已參與人數", "value": "值", "target": "目標", "status": "狀態"}
SHEETS = ("上報資訊", "各單位指標", "考核結果明細")
_PCT = ("quota_share_met", "resolution_rate")


def _write(sheet, row: int, col: int, value: object, fmt=None) -> None:
    if is_missing(value):
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, float(value), fmt)
    elif isinstance(value, (dt.date, pd.Timestamp)):
        sheet.write_string(row, col, str(value)[:10])
    else:
        sheet.write_string(row, col, neutralise(str(value)))


def build_datasheet(figures: pd.DataFrame, results: pd.DataFrame, *, province: str, period: str, as_of: dt.date,
                    batch_id: int | None) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True, "bg_color": SHEET_HEADER, "border": 1})
    pct = book.add_format({"num_format": "0.0%"})
    dec = book.add_format({"num_format": "0.00"})
    info = book.add_worksheet(SHEETS[0])
    info.set_column(0, 1, 24)
    for r, (label, value) in enumerate((("省公司 province", province), ("期間 period", period),
                                        ("截至日期 as of", as_of.isoformat()),
                                        ("資料批次 batch", batch_id if batch_id is not None else ""))):
        info.write_string(r, 0, label, bold)
        _write(info, r, 1, value)
    for sheet_name, frame, headers in ((SHEETS[1], figures, FIGURE_HEADERS), (SHEETS[2], results, RESULT_HEADERS)):
        sheet = book.add_worksheet(sheet_name)
        sheet.freeze_panes(2, 0)
        for c, (key, header) in enumerate(headers.items()):
            sheet.write_string(0, c, header, bold)
            sheet.write_string(1, c, key, bold)
            sheet.set_column(c, c, 14)
        for r, record in enumerate(frame.reindex(columns=list(headers)).itertuples(index=False), start=2):
            for c, (key, value) in enumerate(zip(headers, record, strict=True)):
                fmt = pct if key in _PCT else dec if key == "activities_per_100_staff" else None
                _write(sheet, r, c, value, fmt)
    book.close()
    return buffer.getvalue()


def read_datasheet_figures(content: bytes) -> pd.DataFrame:
    """The 各單位指標 sheet back as a frame keyed by the English keys of row 2 (for checks and tests)."""
    frame = pd.read_excel(io.BytesIO(content), sheet_name=SHEETS[1], header=1, engine="openpyxl")
    return frame
