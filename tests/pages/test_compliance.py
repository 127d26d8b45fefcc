"""配額達標 Compliance (issue #4 item 2): statuses per rule, pace, drill-down to the owed people, .xlsx per department."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.pages.conftest import open_page, texts
from ui import compliance_view as cv

MID_YEAR = {"period": "2026", "kind": "year", "as_of": "2026-06-30"}


def _compliance(**params):
    return open_page("pages/compliance.py", **{**MID_YEAR, **params})


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_city_manager_quarters_as_of_mid_year(sample_db, use_db):
    use_db(sample_db)
    at = _compliance()
    at.selectbox(key="compliance_rule").set_value("CITY-MGR-Q").run()
    assert not at.exception
    # 海濱市分公司 leaders C001, C002. Q1: nobody -> missed; Q2: C001 only = 50 % < 100 %, Q2 ended 06-30 -> missed;
    # Q3, Q4 start after 06-30 -> in progress, pace "not started" (counted with on track)
    assert _metrics(at) == {"達標": "0", "進度正常": "2", "有風險": "0", "未達標": "2", "不適用": "0"}
    table = at.dataframe[0].value
    assert list(table["狀態"]) == ["未達標", "未達標", "未開始", "未開始"]
    assert list(table["達成"]) == ["0%", "50%", "0%", "0%"]
    # Q3: needs 2 people; 92 days after 06-30 -> ceil(92 / 7) = 14 weeks -> ceil(2 / 14) = 1 a week
    assert list(table["每週需新增"])[2:] == [1, 1]


def test_hq_staff_in_progress_is_at_risk_with_people_needed_per_week(sample_db, use_db):
    use_db(sample_db)
    at = _compliance()
    at.selectbox(key="compliance_rule").set_value("HQ-STAFF-Y").run()
    # 總部 市場部 staff H004, H005: nobody yet; 0 projected < 10 % x 2 -> at risk
    assert _metrics(at)["有風險"] == "1"
    at.session_state["compliance_drill"] = {"rule": "HQ-STAFF-Y", "period": "2026", "company_key": "总部",
                                            "department_key": "市场部"}
    at.run()
    assert not at.exception
    shown = texts(at)
    # needed ceil(10 % x 2) = 1; 184 days left after 06-30 -> ceil(184 / 7) = 27 weeks -> 1 a week
    assert "有落後風險：目前 0 / 2 人" in shown
    assert "距目標尚需 1 人，剩 27 週，每週需 1 人" in shown
    owed = at.dataframe[1].value
    assert list(owed["工號"]) == ["H004", "H005"]


def test_drill_down_lists_who_still_owes_and_downloads_one_sheet_per_department(sample_db, use_db):
    use_db(sample_db)
    at = _compliance()
    at.selectbox(key="compliance_rule").set_value("CITY-MGR-Q").run()
    at.session_state["compliance_drill"] = {"rule": "CITY-MGR-Q", "period": "2026Q2", "company_key": "海滨市分公司",
                                            "department_key": None}
    at.run()
    assert not at.exception
    assert "海濱市分公司 · 2026年第2季" in [s.value for s in at.subheader]
    owed = at.dataframe[1].value
    # C001 went on 04-15; C002 (林經理, 服務部, 部門領導) still owes
    assert owed.to_dict("records") == [
        {"工號": "C002", "姓名": "林經理", "公司": "海濱市分公司", "部門": "服務部", "職級": "部門領導"}
    ]


def test_owed_workbook_has_one_sheet_per_department():
    import pandas as pd

    from ui.widgets import xlsx_bytes

    owed = pd.DataFrame({
        "employee_id": ["C002", "C004", "P002"], "name": ["林經理", "=HYPERLINK(1)", "吳部長"],
        "company_key": ["c", "c", "p"], "company": ["海濱市分公司", "海濱市分公司", "東海省公司"],
        "department": ["服務部", "市場部", "市場部"], "rank": ["部門領導", "員工", "部門領導"],
    })
    book = load_workbook(io.BytesIO(xlsx_bytes(cv.owed_sheets(owed, "zh-Hant"))))
    # two companies -> "company · department" per sheet, in the order met
    assert book.sheetnames == ["海濱市分公司 · 服務部", "海濱市分公司 · 市場部", "東海省公司 · 市場部"]
    ws = book["海濱市分公司 · 市場部"]
    assert [c.value for c in ws[1]] == ["工號", "姓名", "公司", "部門", "職級"]
    # a formula-looking name is neutralised with a leading apostrophe (SPEC 6)
    assert ws["B2"].value == "'=HYPERLINK(1)"


def test_english_labels_and_statuses(sample_db, use_db):
    use_db(sample_db)
    at = _compliance(lang="en")
    at.selectbox(key="compliance_rule").set_value("CITY-DEPT-Q").run()
    # 服務部 (4 people): Q1 nobody -> missed; Q2 C001 + C003 = 50 % -> met; Q3, Q4 not started
    assert _metrics(at) == {"Met": "1", "On track": "2", "At risk": "0", "Missed": "1", "n/a": "0"}
    assert list(at.dataframe[0].value["Status"]) == ["Missed", "Met", "Not started", "Not started"]


def test_level_filter_keeps_only_that_levels_rules(sample_db, use_db):
    use_db(sample_db)
    at = _compliance(level="省公司")
    assert at.selectbox(key="compliance_rule").options == [
        cv.rule_label(code, "zh-Hant") for code in ("PROV-LEAD-Y", "PROV-DEPT-Y", "PROV-RECEPT-M")
    ]


def test_empty_database_says_what_to_do(empty_db):
    at = _compliance()
    assert not at.exception
    assert not at.error
    assert "沒有可評估的配額" in texts(at)
