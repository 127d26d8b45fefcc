"""Every message of the reading side renders in zh-Hant, zh-Hans and en, naming what is wrong and what to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analytics.i18n import LANGUAGES, t
from analytics.i18n.catalog_corrections import MESSAGES as CORRECTIONS
from analytics.i18n.catalog_ingest import MESSAGES as INGEST
from analytics.ingest.model import Problem
from tests.ingest.conftest import LOG_HEADERS

# the reading side's messages: catalog_ingest, plus issue #11's ingest.* keys kept in their own module
MESSAGES = INGEST | {k: v for k, v in CORRECTIONS.items() if k.startswith("ingest.")}
SOURCE = Path(__file__).resolve().parents[2] / "analytics" / "ingest"
PARAMS = {"value": "x", "column": "欄", "size_mb": 300, "limit_mb": 200, "line": 3, "requirements": "…",
          "table": "穿越記錄", "missing": "穿越類別", "first": "日期", "length": 40000, "limit": 32767,
          "suggestion": "2026-10-05", "min": 1990, "max": 2100, "allowed": "是 / 否", "status": "已解決",
          "ids": 2, "names": 1, "first_row": 2, "first_sheet": "一月", "tables": "人員名冊", "path": "/tmp/x",
          "cells": 140_400_000, "second": "2026-05-10", "raised": "2026-10-05", "raised_column": "提出日期",
          "kind": "年度計畫", "year": 2026,  # kind, year: the plan rules of SPEC 2.6
          "count": 2, "rows": 1048576, "columns": 16384, "seconds": 120, "memory_mb": 3072}


@pytest.mark.parametrize("key", sorted(MESSAGES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_in_every_language(key, lang):
    text = t(key, lang, **PARAMS)
    assert text and "{" not in text


def test_every_code_used_by_the_reader_has_a_message():
    used = set()
    for path in SOURCE.glob("*.py"):
        used |= set(re.findall(r'"(ingest\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    used.discard("ingest.loc.row")  # in catalog_common
    assert used and used <= set(MESSAGES), used - set(MESSAGES)


def test_the_style_guide_example_renders_exactly(parse):
    parsed = parse([LOG_HEADERS] + [["", "001", "", "2026-10-05", "專項穿越", "", "題", ""]] * 15
                   + [["", "002", "", "10/5/2026", "常規穿越", "其他", "", ""]], "03_log.xlsx")
    problem = parsed.errors[0]
    assert problem.row == 17
    assert problem.describe() == ('03_log.xlsx › 工作表1 › 第 17 行 › 穿越日期 = "10/5/2026": '
                                  "日期格式有歧義（月/日或日/月），請改為 2026-10-05 或 2026-05-10（年-月-日）")
    assert problem.describe("en").startswith('03_log.xlsx › 工作表1 › row 17 › 穿越日期 = "10/5/2026": Ambiguous date')
    assert "日期格式有歧义" in problem.describe("zh-Hans")


def test_file_level_problem_location_is_the_file_alone():
    problem = Problem("error", "ingest.encrypted", "locked.xlsx")
    assert problem.describe("en") == ("locked.xlsx: The workbook is password-protected; remove the password in Excel "
                                      "(File › Info › Protect Workbook), save it without a password and upload again.")
