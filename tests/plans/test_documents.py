"""The walker's documents (issue #14 item 4, SPEC 4.6): plan -> 穿越任務書 and 穿越總結表 -> form filled in with openpyxl
-> imported through the ordinary importer -> the plan is done and the issues are on the issue list.

The store is tests/plans/handmade.py plus three plans of 甲一 (C01, 甲市分公司) worked out by hand:
- R1 2026-10-12 常規穿越/門市業務受理, theme "=SUM(1,2)" (data, never a formula), 天河營業廳, needs support, filed
  10-01: notice by 10-12 − 3 = 10-09. As of 10-15, 10-12 + 7 = 10-19 ≥ 10-15 and no walk of C01 between 10-05 and
  10-19 → upcoming; after the form says C01 walked on 10-13 (same category and item, +1 day) → done.
- I6 (handmade) 2026-10-20 needs support → notice by 10-17; I7 (C03) 大規模穿越 10-26 → notice by 10-19 (7 days).
- R2 2026-11-03 (another month): not in C01's October documents.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from analytics.cli import main
from analytics.documents.checklists import COMMON, GENERAL, checklist, load_checklists
from analytics.documents.plans import PlanNotFound, PlanOutOfScope, person_month_plans, plan_for_documents
from analytics.documents.summary_form import HEADER_ROW, write_summary_form
from analytics.documents.taskbook import write_taskbook
from analytics.metrics.issues import compute_issue_summary, load_overdue_issues
from analytics.metrics.plans import individual_plans
from analytics.schema import ISSUES, VOCABULARIES, WALKTHROUGHS
from analytics.store.connection import connect
from analytics.store.importer import import_files
from tests.plans.handmade import build

AS_OF = dt.date(2026, 10, 15)
MORE_PLANS = (
    "計畫編號,計畫類型,公司,工號,計畫日期,穿越類別,穿越項目,穿越主題,被穿越單位,需被穿越單位支持,報備日期\n"
    "R1,個人計畫,甲市分公司,C01,2026-10-12,常規穿越,門市業務受理,\"=SUM(1,2)\",天河營業廳,是,2026-10-01\n"
    "R2,個人計畫,甲市分公司,C01,2026-11-03,專項穿越,,攜號轉網,,,2026-10-01\n"
)


@pytest.fixture
def store(db: Path) -> Path:
    build(db)
    results = import_files([("more_plans.csv", MORE_PLANS.encode("utf-8"))], db_path=db, user="test")
    assert [r.status for r in results] == ["imported"], [r.summary() for r in results]
    return db


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    parts += [p.text for p in doc.sections[0].footer.paragraphs]
    return "\n".join(parts)


def _status(db: Path, plan_id: str, as_of: dt.date = AS_OF) -> tuple[str, dt.date | None]:
    with connect(db, read_only=True) as con:
        frame = individual_plans(con, as_of=as_of, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
    row = frame[frame["plan_id"] == plan_id].iloc[0]
    return row["status"], row["walked_on"]


def _header_columns(sheet, table) -> dict[str, int]:
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers == [c.header for c in table.columns]  # the template workbook's headers, in its order
    return {c.key: i + 1 for i, c in enumerate(table.columns)}


def test_round_trip_plan_to_documents_to_import_to_done(store, tmp_path, capsys):
    assert _status(store, "R1") == ("upcoming", None)
    book_path, form_path = tmp_path / "R1.docx", tmp_path / "R1.xlsx"
    assert main(["taskbook", "--plan", "R1", "--out", str(book_path), "--db", str(store)]) == 0
    assert main(["summary-form", "--plan", "R1", "--out", str(form_path), "--db", str(store)]) == 0
    assert "R1.xlsx（1 個計畫）" in capsys.readouterr().out

    text = _docx_text(book_path.read_bytes())
    for expected in ("穿越任務書", "甲一（C01）", "甲市分公司 / 市場部", "2026-10-12", "常規穿越", "門市業務受理",
                     "=SUM(1,2)", "天河營業廳", "2026-10-09", "穿越前至少 3 天", "穿越總結表_R1.xlsx",
                     "交流的一線員工 / 部門", "備註"):
        assert expected in text, expected
    assert load_checklists()["門市業務受理"]["zh-Hant"][0] in text  # the item's own checklist

    book = load_workbook(form_path)
    walks, issues = book.worksheets
    col = _header_columns(walks, WALKTHROUGHS)
    row = HEADER_ROW + 1
    prefilled = {k: walks.cell(row, col[k]).value for k in ("activity_id", "employee_id", "name", "date", "category",
                                                            "item", "theme", "target_unit", "needs_support")}
    assert prefilled == {"activity_id": "R1", "employee_id": "C01", "name": "甲一", "date": None,
                         "category": "常規穿越", "item": "門市業務受理", "theme": "=SUM(1,2)",
                         "target_unit": "天河營業廳", "needs_support": "是"}
    assert walks.cell(row, col["theme"]).data_type == "s"  # text, not a formula
    assert walks.cell(row + 1, col["employee_id"]).value is None  # one plan, one row
    # The walker fills the form in (as Excel would store it).
    walks.cell(row, col["date"]).value = dt.datetime(2026, 10, 13)
    walks.cell(row, col["hours"]).value = "半天"
    walks.cell(row, col["notified_on"]).value = dt.datetime(2026, 10, 8)
    walks.cell(row, col["summary_on"]).value = dt.datetime(2026, 10, 14)
    walks.cell(row, col["copy_sent"]).value = "是"
    walks.cell(row, col["issues_raised"]).value = 2
    icol = _header_columns(issues, ISSUES)
    filled = [
        {"issue_id": "R1-01", "activity_id": "R1", "raised_by": "C01", "raised_on": dt.datetime(2026, 10, 13),
         "kind": "問題", "category": "業務流程", "description": "攜號轉網須往返兩個櫃台辦理",
         "owner_company": "甲市分公司", "owner_department": "市場部", "status": "待處理",
         "due_on": dt.datetime(2026, 10, 14)},
        {"issue_id": "R1-02", "activity_id": "R1", "raised_by": "C01", "raised_on": dt.datetime(2026, 10, 13),
         "kind": "建議", "category": "服務規範", "description": "叫號屏增加預計等候時間", "status": "處理中",
         "due_on": dt.datetime(2026, 11, 30)},
    ]
    for offset, record in enumerate(filled):
        for key, value in record.items():
            issues.cell(HEADER_ROW + 1 + offset, icol[key]).value = value
    filled_path = tmp_path / "R1_filled.xlsx"
    book.save(filled_path)

    results = import_files([filled_path], db_path=store, user="walker")
    assert [r.status for r in results] == ["imported"], results[0].summary()
    assert results[0].counts["walkthroughs"]["new"] == 1 and results[0].counts["issues"]["new"] == 2

    assert _status(store, "R1") == ("done", dt.date(2026, 10, 13))
    with connect(store, read_only=True) as con:
        theme, hours, unit = con.execute(
            "select theme, hours, target_unit from walkthroughs where activity_id = 'R1'").fetchone()
        summary = compute_issue_summary(con, AS_OF)
        overdue = load_overdue_issues(con, AS_OF)
        city = compute_issue_summary(con, AS_OF, scope="甲市分公司")
    assert (theme, hours, unit) == ("=SUM(1,2)", 4, "天河營業廳")
    # the handmade store has no issues: these two are the whole issue list
    assert summary["total"] == 2 and summary["by_kind"] == {"問題": 1, "建議": 1}
    assert list(overdue["issue_id"]) == ["R1-01"]  # due 10-14, open on 10-15
    assert city["total"] == 2


def test_a_form_sent_back_unfilled_records_no_walk(store, tmp_path):
    path = tmp_path / "form.xlsx"
    assert main(["summary-form", "--plan", "R1", "--out", str(path), "--db", str(store)]) == 0
    result = import_files([path], db_path=store, user="walker")[0]
    assert result.status == "rejected"  # the date walked is blank; blank issue rows are not rows at all
    assert "穿越日期" in result.summary()
    assert _status(store, "R1") == ("upcoming", None)


def test_person_month_documents_hold_every_plan_of_the_month_in_date_order(store):
    with connect(store, read_only=True) as con:
        docs = person_month_plans(con, "C01", "2026-10", scope="甲市分公司")
        with pytest.raises(PlanOutOfScope, match="乙市分公司"):
            person_month_plans(con, "C01", "2026-10", scope="乙市分公司")
        with pytest.raises(PlanNotFound, match="2026-09"):
            person_month_plans(con, "C01", "2026-09")
    assert [(d.plan_id, d.notice_deadline) for d in docs] == [("R1", dt.date(2026, 10, 9)),
                                                              ("I6", dt.date(2026, 10, 17))]
    text = _docx_text(write_taskbook(docs, "zh-Hant", today=AS_OF))
    assert text.count("穿越任務書") == 2 and "R2" not in text
    # made on 10-15: R1's notice deadline (10-09) has passed, I6's (10-17) has not
    assert "告知截止日（2026-10-09）已過" in text and "2026-10-17）已過" not in text
    assert "穿越總結表_C01_2026-10.xlsx" in text
    book = load_workbook(io.BytesIO(write_summary_form(docs)))
    walks = book.worksheets[0]
    col = _header_columns(walks, WALKTHROUGHS)
    assert [walks.cell(HEADER_ROW + 1 + i, col["activity_id"]).value for i in range(3)] == ["R1", "I6", None]
    # I6 names no category: the cell the walker must fill is marked
    assert walks.cell(HEADER_ROW + 2, col["category"]).value is None
    assert walks.cell(HEADER_ROW + 2, col["category"]).fill.fgColor.rgb.endswith("FFF2CC")


def test_large_scale_notice_and_the_document_languages(store):
    with connect(store, read_only=True) as con:
        large = plan_for_documents(con, "I7")
        none = plan_for_documents(con, "I10")
    assert (large.notice_needed, large.notice_deadline) == (True, dt.date(2026, 10, 19))  # 10-26 − 7
    zh = _docx_text(write_taskbook([large], "zh-Hant", today=AS_OF))
    assert "2026-10-19" in zh and "至少 7 天" in zh and "大規模穿越" in zh
    en = _docx_text(write_taskbook([large], "en", today=AS_OF))
    assert "Walkthrough task book" in en and "Large-scale" in en and "by 2026-10-19 (at least 7 days" in en
    hans = _docx_text(write_taskbook([large], "zh-Hans", today=AS_OF))
    assert "穿越任务书" in hans and "大规模穿越" in hans
    plain = _docx_text(write_taskbook([none], "zh-Hant", today=AS_OF))
    assert "不需告知" in plain and load_checklists()[GENERAL]["zh-Hant"][0] in plain


def test_unknown_company_and_out_of_scope_plans_are_sentences(store, tmp_path, capsys):
    out = str(tmp_path / "x.docx")
    cases = [
        (["--plan", "NOPE"], "找不到計畫編號「NOPE」"),
        (["--plan", "A1"], "是年度計畫"),
        (["--plan", "R1", "--scope", "乙市分公司"], "計畫「R1」屬於甲市分公司，不在您可查看的範圍（乙市分公司）內"),
        (["--person", "C01", "--month", "2026-13"], "無法識別的月份「2026-13」"),
        (["--person", "C01"], "--month YYYY-MM"),
    ]
    for extra, message in cases:
        assert main(["taskbook", *extra, "--out", out, "--db", str(store)]) == 2, extra
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (extra, err)
    assert not Path(out).exists()
    assert main(["summary-form", "--plan", "R1", "--scope", "甲市分公司", "--out", str(tmp_path / "ok.xlsx"),
                 "--db", str(store), "--lang", "en"]) == 0
    assert "1 plan(s)" in capsys.readouterr().out


def test_every_item_of_the_vocabulary_has_a_checklist_in_three_languages():
    lists = load_checklists()
    for key in (*VOCABULARIES["item"].canonical_values, "專項穿越", "客戶接待日", GENERAL, COMMON):
        for lang in ("zh-Hant", "zh-Hans", "en"):
            assert lists[key][lang], (key, lang)
        assert len(lists[key]["zh-Hant"]) == len(lists[key]["en"]), key
    assert checklist("網路撥測", "常規穿越", "en")[-2:] == list(lists[COMMON]["en"])
    assert checklist(None, "客戶接待日")[0] == lists["客戶接待日"]["zh-Hant"][0]
    assert "网络" in "".join(checklist("網路撥測", None, "zh-Hans"))


def _font_face():
    from analytics.briefing.fonts import find_cjk_font

    font = find_cjk_font("zh-Hant")
    from fontTools.ttLib import TTCollection, TTFont

    if font.path.lower().endswith((".ttc", ".otc")):
        return TTCollection(font.path).fonts[font.index]
    return TTFont(font.path)


def test_the_font_has_every_glyph_of_the_task_book(store):
    cmap = _font_face().getBestCmap()
    with connect(store, read_only=True) as con:
        docs = [plan_for_documents(con, p) for p in ("R1", "I7", "I10")]
    for lang in ("zh-Hant", "zh-Hans", "en"):
        text = _docx_text(write_taskbook(docs, lang, today=AS_OF))
        missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})
        assert missing == [], (lang, missing)


@pytest.mark.slow
def test_libreoffice_prints_the_task_book_in_the_cjk_font_only(store, tmp_path):
    if shutil.which("soffice") is None or shutil.which("pdffonts") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice / poppler missing in CI: scripts/system-packages.sh test installs them")
        pytest.skip("LibreOffice / poppler not installed (bash scripts/test.sh installs them)")
    with connect(store, read_only=True) as con:
        docs = person_month_plans(con, "C01", "2026-10")
    source = tmp_path / "book.docx"
    source.write_bytes(write_taskbook(docs, "zh-Hant", today=AS_OF))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "book.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:] if line.strip()]
    # every glyph came from the Noto CJK face: a character it lacked would pull in a fallback font here
    assert names and all("NotoSansCJK" in n for n in names), fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "穿越任務書" in text and "天河營業廳" in text and "\u25a1" in text and "\ufffd" not in text
