"""Rejected rows as a workbook ready to fix and re-upload, with no cell starting a formula (SPEC 2.5, 6)."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from analytics.ingest import parse_file
from analytics.store.result import FileImportResult, neutralise
from tests.store.files import BAD_DATE_ROW, GOOD_LOG, roster_and_log


def test_neutralise_prefixes_every_formula_start():
    assert [neutralise(s) for s in ["=1+1", "+86", "-3", "@SUM(A1)", "\tx", "\rx", "ok", "a=b"]] == [
        "'=1+1", "'+86", "'-3", "'@SUM(A1)", "'\tx", "'\rx", "ok", "a=b"]


def test_no_rejects_gives_none():
    assert FileImportResult("a.xlsx", "0" * 64, "imported").rejects_xlsx() is None


def test_rejects_workbook_layout_and_neutralised_cells():
    rejects = pd.DataFrame([{"工號": "009", "穿越日期": "10/5/2026", "備註": '=HYPERLINK("http://x","y")',
                             "_sheet": "記錄", "_row": 7, "_reason": "穿越日期：日期格式有歧義"}])
    result = FileImportResult("a.xlsx", "0" * 64, "partial", rejects={"walkthroughs": rejects})
    book = openpyxl.load_workbook(io.BytesIO(result.rejects_xlsx()))
    assert book.sheetnames == ["穿越記錄"]
    values = [[c.value for c in row] for row in book["穿越記錄"].iter_rows()]
    assert values == [["工號", "穿越日期", "備註", "錯誤原因", "工作表", "行號"],
                      ["009", "10/5/2026", "'=HYPERLINK(\"http://x\",\"y\")", "穿越日期：日期格式有歧義", "記錄", 7]]
    assert all(c.data_type != "f" for row in book["穿越記錄"].iter_rows() for c in row)


def test_rejects_of_a_real_file_are_recognised_again_when_re_uploaded():
    parsed = parse_file("log.xlsx", roster_and_log([*GOOD_LOG, BAD_DATE_ROW]))
    assert len(parsed.rejects["walkthroughs"]) == 1
    result = FileImportResult("log.xlsx", parsed.sha256, "partial", rejects=parsed.rejects)
    again = parse_file("rejects.xlsx", result.rejects_xlsx())
    # the header row is first, so the reader recognises the log; the row is still wrong until the user fixes it
    assert [s.table for s in again.sheets] == ["walkthroughs"]
    assert len(again.rejects["walkthroughs"]) == 1 and again.rejects["walkthroughs"]["_row"].tolist() == [2]
