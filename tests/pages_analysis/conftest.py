"""A small database for the analysis pages, built by importing tiny spreadsheets through the real importer.

Every expected figure in the tests is worked out by hand from the rows below (see the comments in each test).
The pages read the database named by WALKTHROUGH_DB; the as-of date is fixed at 2026-06-30 through the URL.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-06-30"

ROSTER = [
    ["工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"],
    ["E001", "王一", "總部", "總部", None, "市場部", "主要業務部門", "部門領導", "2026-01-01"],
    ["E002", "李二", "廣東省公司", "省公司", None, "市場部", "主要業務部門", "公司領導", "2026-01-01"],
    ["E003", "張三", "廣州市分公司", "地市公司", "廣東省公司", "客服部", "主要業務部門", "員工", "2026-01-01"],
    ["E004", "陳四", "廣州市分公司", "地市公司", "廣東省公司", "客服部", "主要業務部門", "員工", "2026-01-01"],
]
LOG = [
    ["穿越編號", "工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "組織方式", "穿越地域", "被穿越單位",
     "時長(小時)", "需被穿越單位支持", "告知日期", "總結提交日期", "記錄已交被穿越單位", "問題建議數"],
    # r1 總部: no notice needed; summary 3 days after; copy sent; one issue
    ["A1", "E001", "王一", "2026-03-05", "常規穿越", "門市客戶扮演", None, "個人穿越", "本地", "天河門市",
     2, "否", None, "2026-03-08", "是", 1],
    # r2, r3 廣州: notice 1 day before (needs 3: fail); summary 10 days after (fail); copy 是 / 否
    ["A2", "E003", "張三", "2026-03-10", "專項穿越", None, "5G套餐", "小組穿越", "本地", "越秀門市",
     3, "是", "2026-03-09", "2026-03-20", "是", None],
    ["A2", "E004", "陳四", "2026-03-10", "專項穿越", None, "5G套餐", "小組穿越", "本地", "越秀門市",
     3, "是", "2026-03-09", "2026-03-20", "否", None],
    # r4 廣東省: reception day without 時長 (flagged); no issue
    ["A3", "E002", "李二", "2026-04-15", "客戶接待日", "門市客戶接待", None, "個人穿越", "跨地", "番禺門市",
     None, "否", None, "2026-04-16", "是", 0],
    # r5: 工號 not on the roster (counted in volume, flagged)
    [None, "E999", "無名", "2026-04-20", "常規穿越", "網路撥測", None, "個人穿越", "本地", None,
     1, "否", None, None, None, None],
]
ISSUES = [
    ["問題編號", "穿越編號", "提出人工號", "提出日期", "類型", "問題類別", "問題描述", "責任單位", "責任部門", "狀態",
     "計畫完成日期", "解決日期"],
    ["Q1", "A1", "E001", "2026-03-05", "問題", "服務規範", '=HYPERLINK("http://x","門市排隊過長")', "廣州市分公司", "客服部", "處理中",
     "2026-04-01", None],
    ["Q2", "A2", "E003", "2026-03-10", "問題", "服務規範", "套餐說明不清", "廣州市分公司", "客服部", "已解決",
     "2026-03-31", "2026-03-20"],
    ["Q3", None, "E002", "2026-04-15", "建議", "排隊<體驗>", "<b>加開窗口</b>", "廣東省公司", "市場部", "待處理",
     "2026-05-01", None],
    ["Q4", None, "E001", "2026-02-01", "問題", "業務流程", "流程過長", "總部", "市場部", "已關閉", None, None],
]


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for cells in ws.iter_rows():
            for cell in cells:  # text such as =HYPERLINK(...) stays text, as a user's typed cell would
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The database of the rows above, imported as two files (roster first, then log and issues)."""
    from analytics.ingest.parse import parse_file
    from analytics.store.importer import commit_parsed

    path = tmp_path_factory.mktemp("an_pages") / "sample.duckdb"
    files = [("roster.xlsx", _workbook({"名冊": ROSTER})),
             ("log.xlsx", _workbook({"穿越記錄": LOG, "問題跟蹤": ISSUES}))]
    # Imported on the evening of 2026-06-30, the date most tests read as of: the status history (issue state as of
    # a date, #11 item 2) then knows every status by that day.
    results = [commit_parsed(parse_file(name, content), content, db_path=path, user="test",
                             now=dt.datetime(2026, 6, 30, 18, minute))
               for minute, (name, content) in enumerate(files)]
    assert [r.status for r in results] == ["imported", "imported"], [r.summary("en") for r in results]
    return path


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    """A database with the schema and no rows."""
    from analytics.store.connection import connect

    path = tmp_path_factory.mktemp("an_empty") / "empty.duckdb"
    with connect(path):
        pass
    return path


@pytest.fixture(autouse=True)
def _clear_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def run_page(monkeypatch, db: Path, page: str, **params: str) -> AppTest:
    """Run ``pages/<page>.py`` against ``db`` with the sidebar controls given as URL parameters."""
    monkeypatch.setenv("WALKTHROUGH_DB", str(db))
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=60)
    for key, value in {"as_of": AS_OF, "kind": "year", "period": "2026", **params}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def plotly_specs(at: AppTest) -> list[dict]:
    """The figures drawn by st.plotly_chart, as Plotly JSON, in page order."""
    return [_decode(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def _decode(node):
    """Plotly 6+ sends numeric arrays as {"dtype", "bdata"} (base64); turn them back into lists."""
    if isinstance(node, dict):
        if set(node) >= {"dtype", "bdata"}:
            values = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(node["dtype"]))
            if "shape" in node:
                values = values.reshape([int(n) for n in str(node["shape"]).split(",")])
            return values.tolist()
        return {k: _decode(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v) for v in node]
    return node


def table(at: AppTest, *headers: str):
    """The first DataFrame shown by st.dataframe whose columns include every one of ``headers``."""
    for element in at.dataframe:
        frame = element.value
        if all(h in frame.columns for h in headers):
            return frame
    raise AssertionError(f"no table with columns {headers}: {[list(e.value.columns) for e in at.dataframe]}")


@pytest.fixture
def captured_downloads(monkeypatch) -> list:
    """Every workbook the page offers for download, as bytes (tests/downloads.py)."""
    from tests.downloads import capture_xlsx_downloads

    return capture_xlsx_downloads(monkeypatch)
