"""The demo briefing has the section 計畫與實際 (issue #14 item 6) in all three formats, with the plan views' figures."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation

from analytics.briefing import build_briefing, render
from analytics.demo import TODAY
from analytics.demo.plans import LATE_COMPANY, MISSING_COMPANY
from analytics.metrics import plans as m


@pytest.fixture(scope="module")
def files(demo):
    from analytics.store.connection import connect

    with connect(demo.db_path, read_only=True) as con:
        briefing = build_briefing(con, "2026", as_of=TODAY, lang="zh-Hant", generated_on=TODAY)
        filed = m.plan_filed(con, 2026, as_of=TODAY)
        overdue = int((m.individual_plans_of_year(con, 2026, as_of=TODAY)["status"] == "overdue").sum())
    return briefing, filed, overdue, {fmt: render(briefing, fmt) for fmt in ("docx", "xlsx", "pptx")}


def test_the_section_has_the_plan_views_figures(files):
    briefing, filed, overdue, _ = files
    section = briefing.section("plans")
    counts = filed["status"].value_counts()
    assert section.sentences[0].startswith(
        f"2026 年度計畫報備（截止日 2026-01-31）：按時 {counts['filed']} 家、逾期 {counts['late']} 家、"
        f"未報備 {counts['missing']} 家")
    company = section.tables[0].frame
    status = dict(zip(company["公司"], company["年度計畫報備"], strict=True))
    assert status[LATE_COMPANY] == "逾期報備" and status[MISSING_COMPANY] == "未報備"
    assert list(company["公司"])[0] == MISSING_COMPANY  # the most urgent first
    assert company["逾期個人計畫"].sum() == overdue == len(section.tables[2].frame)


def test_the_section_in_word_excel_and_powerpoint(files):
    briefing, _, _, rendered = files
    section = briefing.section("plans")
    doc = Document(io.BytesIO(rendered["docx"]))
    assert section.title in [p.text for p in doc.paragraphs]
    assert any(t.rows[0].cells[1].text == "年度計畫報備" for t in doc.tables)
    ws = load_workbook(io.BytesIO(rendered["xlsx"]))[section.sheet_name]
    names = [c.value for row in ws.iter_rows(max_col=1) for c in row]
    assert MISSING_COMPANY in names and LATE_COMPANY in names
    deck = Presentation(io.BytesIO(rendered["pptx"]))
    titles = [next(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in deck.slides]
    assert section.title in titles
    ours = [slide for slide, title in zip(deck.slides, titles, strict=True) if title.startswith(section.title)]
    assert any(s.has_chart for slide in ours for s in slide.shapes)
    assert any(s.has_table and s.table.cell(0, 1).text == "年度計畫報備" for slide in ours for s in slide.shapes)
