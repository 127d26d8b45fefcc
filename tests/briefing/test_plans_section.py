"""Briefing section 10 計畫與實際 (issue #14 item 6) on the hand-made plan store of tests/plans/handmade.py.

Every expected figure is worked out from that module's rows (its docstring lists them), as of 2026-10-15:
- PLAN-FILED 2026: 總部 filed 01-10, 東省 late 02-05, 甲 filed 01-30 (three phase plans), 乙 missing (H1 only),
  西 missing (a 2025 plan only).
- Lines of 2026: A1 總部 ×4 done 1 (W5); A2 東省 ×3 done 2 (W6 and the group walk G1, one activity); A3 甲·市場部
  2026H1 ×2 done 3 (W1 C02 03-17, W3 C01 05-10, W4 C02 06-03); A4 甲 2026Q3 ×1 done 0 (missed); A5 甲 2026Q4 ×1
  done 0 (in progress); A6 乙 2026H1 ×2 done 0 (missed). 13 planned, 6 done, one line met.
- Walks 2026 up to 10-15: W1-W6 and G1's two participants = 8; planned: W1 (I1, +7 days) and W4 (I4, -7 days),
  reported: W1 only (I4 was filed after its walk) -> 1 / 8 = 12.5 %.
- Individual plans dated 2026 and filed by 10-15: I1-I10 and I12 = 11 (I11 filed 10-20 does not exist yet);
  done I1, I4; overdue I2 (+8 days), I3 (another item), I12 (no walk) of C03 and C01; I5 10-10 + 7 = 10-17 is not
  before 10-15, so upcoming with I6-I10: 6.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation

from analytics.briefing import build_briefing, render
from analytics.store.connection import connect
from tests.plans.handmade import AS_OF, build

D = dt.date


@pytest.fixture(scope="module")
def plan_con(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("plans-brief") / "data" / "walkthrough.duckdb")
    with connect(db, read_only=True) as con:
        yield con


def _section(con, period="2026", scope=None, lang="zh-Hant"):
    return build_briefing(con, period, scope=scope, as_of=AS_OF, lang=lang, generated_on=AS_OF).section("plans")


def _records(table):
    return [tuple(None if v != v else v for v in r) for r in table.frame.itertuples(index=False, name=None)]


def test_national_year_figures_by_hand(plan_con):
    section = _section(plan_con)
    assert section.title == "十、計畫與實際" and section.sheet_name == "計畫與實際"
    assert section.sentences == [
        "2026 年度計畫報備（截止日 2026-01-31）：按時 2 家、逾期 1 家、未報備 2 家、尚未到期 0 家，共 5 家。",
        "本期涉及的年度/階段計畫 6 條，計畫穿越 13 次，截至 2026-10-15 已完成 6 次（46.2%），其中 1 條已達成。",
        "本期穿越 8 人次，其中 1 人次在穿越前已報備個人計畫（事前報備比例 12.5%），6 人次無對應的個人計畫。",
        "計畫日期在本期的個人計畫 11 項：已執行 2 項、逾期未執行 3 項（2 人）、尚未到期 6 項。",
    ]
    company, lines, overdue = section.tables
    assert list(company.frame.columns) == ["公司", "年度計畫報備", "報備日期", "計畫次數", "已完成次數", "完成率",
                                           "穿越人次", "無計畫人次", "事前報備比例", "逾期個人計畫"]
    # missing first (乙 0 % done before 西 without a plan line), late, then filed by share done; 甲's walks: W1-W4,
    # unplanned W2 (+8 days) and W3 (another item), reported W1 only; its overdue plans I2, I3, I12
    assert _records(company) == [
        ("乙市分公司", "未報備", None, 2, 0, 0.0, 0, 0, None, 0),
        ("西省公司", "未報備", None, 0, 0, None, 0, 0, None, 0),
        ("東省公司", "逾期報備", D(2026, 2, 5), 3, 2, 2 / 3, 3, 3, 0.0, 0),
        ("總部", "按時報備", D(2026, 1, 10), 4, 1, 0.25, 1, 1, 0.0, 0),
        ("甲市分公司", "按時報備", D(2026, 1, 30), 4, 3, 0.75, 4, 2, 0.25, 3),
    ]
    assert company.row_status == ["missed", "missed", "at_risk", "met", "met"]
    # lines: missed first, then in progress, met last
    assert [(r[0], r[2], r[3], r[4], r[5], r[7]) for r in _records(lines)] == [
        ("A6", "全公司", "2026H1", 2, 0, "未達標"), ("A4", "全公司", "2026Q3", 1, 0, "未達標"),
        ("A5", "全公司", "2026Q4", 1, 0, "進行中"), ("A1", "全公司", "2026", 4, 1, "進行中"),
        ("A2", "全公司", "2026", 3, 2, "進行中"), ("A3", "市場部", "2026H1", 2, 3, "達標"),
    ]
    assert [(r[0], r[2], r[5]) for r in _records(overdue)] == [
        ("I2", "C03", D(2026, 4, 10)), ("I3", "C01", D(2026, 5, 10)), ("I12", "C01", D(2026, 8, 1))]
    assert section.slide_table == 0  # several companies: the slide shows the company table
    chart = section.charts[0]
    # furthest behind first: 總部 3 short, 乙 2, then 東省 and 甲 1 each (in the table's order); 西 plans nothing
    assert chart.categories == ["總部", "乙市分公司", "東省公司", "甲市分公司"]
    assert chart.series == [("計畫次數", [4.0, 2.0, 3.0, 4.0]), ("已完成次數", [1.0, 0.0, 2.0, 3.0])]


def test_a_province_sees_itself_and_its_cities(plan_con):
    section = _section(plan_con, scope="東省公司")
    company = section.tables[0]
    assert [r[0] for r in _records(company)] == ["乙市分公司", "東省公司", "甲市分公司"]
    # 東省's W6 and G1 (3 walks) and 甲's 4; lines A2, A3-A6: 3+2+1+1+2 = 9 planned, 2+3 = 5 done
    assert section.sentences[1:3] == [
        "本期涉及的年度/階段計畫 5 條，計畫穿越 9 次，截至 2026-10-15 已完成 5 次（55.6%），其中 1 條已達成。",
        "本期穿越 7 人次，其中 1 人次在穿越前已報備個人計畫（事前報備比例 14.3%），5 人次無對應的個人計畫。",
    ]


def test_one_company_gets_its_lines_per_department_on_the_slide(plan_con):
    section = _section(plan_con, scope="甲市分公司")
    assert section.slide_table == 1
    assert section.sentences[0].endswith("按時 1 家、逾期 0 家、未報備 0 家、尚未到期 0 家，共 1 家。")
    assert [(r[0], r[2], r[3]) for r in _records(section.tables[1])] == [
        ("A4", "全公司", "2026Q3"), ("A5", "全公司", "2026Q4"), ("A3", "市場部", "2026H1")]
    assert section.charts[0].categories == ["全公司 2026Q3", "全公司 2026Q4", "市場部 2026H1"]
    # individual plans of 甲 in 2026: I1-I4, I12, I6, I7 = 7; upcoming I6, I7
    assert section.sentences[3] == "計畫日期在本期的個人計畫 7 項：已執行 2 項、逾期未執行 3 項（2 人）、尚未到期 2 項。"


def test_a_quarter_in_english_takes_the_lines_and_plans_of_the_quarter(plan_con):
    section = _section(plan_con, period="2026Q4", lang="en")
    assert section.title == "10. Plan against actual"
    # lines overlapping Q4: A1 ×4 (done 1), A2 ×3 (done 2), A5 ×1 (done 0); no walk from 10-01 to 10-15, so no
    # PLAN-REPORTED sentence; plans dated in Q4: I5-I10 (I11 not filed yet), all upcoming
    assert section.sentences[1:] == [
        "3 annual or phase plan lines cover the period: 8 walkthroughs planned, 3 done by 2026-10-15 (37.5%); "
        "0 lines met.",
        "6 individual plans dated in the period: 0 done, 0 overdue (0 people), 6 upcoming.",
    ]
    assert len(section.tables) == 2  # no overdue plan in Q4: no empty list
    assert dict(zip(section.tables[0].frame["Company"], section.tables[0].frame["Planned"], strict=True)) == {
        "西省公司": 0, "乙市分公司": 0, "東省公司": 3, "甲市分公司": 1, "總部": 4}


def test_simplified_chinese_title(plan_con):
    assert _section(plan_con, lang="zh-Hans").title == "十、计划与实际"


def test_no_plans_says_what_to_upload(briefing):
    section = briefing.section("plans")  # the tiny operator of tests/briefing/conftest.py has no plans
    assert not section.tables and "穿越計畫" in section.empty_message


@pytest.fixture(scope="module")
def files(plan_con):
    briefing = build_briefing(plan_con, "2026", as_of=AS_OF, lang="zh-Hant", generated_on=AS_OF)
    return {fmt: render(briefing, fmt) for fmt in ("docx", "xlsx", "pptx")}


def test_the_section_in_word(files):
    doc = Document(io.BytesIO(files["docx"]))
    assert "十、計畫與實際" in [p.text for p in doc.paragraphs]
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "公司" and t.rows[0].cells[1].text == "年度計畫報備")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[-1] == ["甲市分公司", "按時報備", "2026-01-30", "4", "3", "75.0%", "4", "2", "25.0%", "3"]
    assert rows[2][2] == "—" and rows[2][5] == "—"  # 西: no plan filed, no share


def test_the_section_in_excel_keeps_figures_typed(files):
    ws = load_workbook(io.BytesIO(files["xlsx"]))["計畫與實際"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[:2] == ["公司", "年度計畫報備"])
    last = rows[header + 5]
    assert last[0] == "甲市分公司" and last[2].date() == D(2026, 1, 30)
    assert last[3:8] == [4, 3, pytest.approx(0.75), 4, 2]
    assert any(r[:1] == ["I12"] for r in rows)  # the overdue plans are listed in full


def test_the_section_in_powerpoint_at_12_points_or_more(files):
    deck = Presentation(io.BytesIO(files["pptx"]))
    ours = [s for s in deck.slides
            if next(x.text_frame.text for x in s.shapes if x.has_text_frame).startswith("十、計畫與實際")]
    assert ours
    tables = [[[c.text for c in r.cells] for r in x.table.rows] for s in ours for x in s.shapes if x.has_table]
    assert tables[0][0][:2] == ["公司", "年度計畫報備"] and tables[0][1][:2] == ["乙市分公司", "未報備"]
    assert any(x.has_chart for s in ours for x in s.shapes)
    archive = zipfile.ZipFile(io.BytesIO(files["pptx"]))
    for name in (n for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)):
        sizes = [int(v) for v in re.findall(r'<a:(?:rPr|defRPr|endParaRPr)[^>]*\ssz="(\d+)"', archive.read(name).decode())]
        assert not sizes or min(sizes) >= 1200, name
