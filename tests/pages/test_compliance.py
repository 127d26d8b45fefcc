"""配額達標 Compliance (issue #4 item 2): statuses per rule, pace, drill-down to the owed people, .xlsx per department."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import APP, add_users, open_page, signed_in, texts
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
    # Q3, Q4 start after 06-30 -> in progress, pace "not started": their own tile, not "on track" (issue #11 item 3)
    # each beside the 4 quarter results (issue #16 item 4)
    assert _metrics(at) == {"達標": "0 / 4", "進度正常": "0 / 4", "有風險": "0 / 4", "未開始": "2 / 4", "未達標": "2 / 4",
                            "不適用": "0 / 4"}
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
    assert _metrics(at)["有風險"] == "1 / 1"
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
    assert _metrics(at) == {"Met": "1 / 4", "On track": "0 / 4", "At risk": "0 / 4", "Not started": "2 / 4",
                            "Missed": "1 / 4", "n/a": "0 / 4"}
    assert {m.label: m.delta for m in at.metric}["Not started"] == "50% of the total"
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


# ---------------------------------------------------------------- issue #16 items 5 and 6

Q2 = {"period": "2026Q2", "kind": "quarter", "as_of": "2026-06-30"}


def _results_table(at):
    return next(d.value for d in at.dataframe if "期間" in d.value.columns)


def test_page_follows_the_sidebar_period(sample_db, use_db):
    """The subtitle names the sidebar period (issue #16 item 5) and only the results inside it are shown: the period
    itself and the shorter periods in it, the overview's and the briefing's rule (issue #11 item 3)."""
    use_db(sample_db)
    at = open_page("pages/compliance.py", rule="CITY-MGR-Q", **Q2)
    assert not at.exception
    assert "全部公司 · 2026年第2季 · 統計截至 2026-06-30" in [c.value for c in at.caption]
    # CITY-MGR-Q in 2026Q2: only the Q2 result (C001 of C001, C002 = 50 % -> missed)
    table = _results_table(at)
    assert table[["期間", "狀態", "達成"]].values.tolist() == [["2026年第2季", "未達標", "50%"]]
    assert _metrics(at) == {"達標": "0 / 1", "進度正常": "0 / 1", "有風險": "0 / 1", "未開始": "0 / 1",
                            "未達標": "1 / 1", "不適用": "0 / 1"}
    # the year rules are not results of a quarter: only the quarterly and monthly rules are offered
    assert at.selectbox(key="compliance_rule").options == [
        cv.rule_label(code, "zh-Hant") for code in ("PROV-RECEPT-M", "CITY-MGR-Q", "CITY-DEPT-Q", "CITY-RECEPT-M")]
    # a monthly rule in a quarter: its three months (no 客戶接待日 of P001/P002 in Apr-Jun -> all missed)
    at.selectbox(key="compliance_rule").set_value("PROV-RECEPT-M").run()
    assert _results_table(at)["期間"].tolist() == ["2026年4月", "2026年5月", "2026年6月"]
    # a month: its monthly results only (not the quarter Q2 or the year 2026 holding it)
    at = open_page("pages/compliance.py", period="2026-05", kind="month", as_of="2026-06-30", rule="PROV-RECEPT-M")
    assert "全部公司 · 2026年5月 · 統計截至 2026-06-30" in [c.value for c in at.caption]
    assert _results_table(at)["期間"].tolist() == ["2026年5月"]
    assert at.selectbox(key="compliance_rule").options == [
        cv.rule_label(code, "zh-Hant") for code in ("PROV-RECEPT-M", "CITY-RECEPT-M")]
    # a year: everything of the year, its year rules included
    at = open_page("pages/compliance.py", period="2026", kind="year", as_of="2026-06-30", rule="HQ-MGR-Y")
    assert _results_table(at)["期間"].tolist() == ["2026年"]


def test_company_by_rule_view_worst_first(sample_db, use_db):
    """Companies × rules for 2026Q2 as of 06-30, worked out from the sample rows (issue #16 item 5). The results of
    the quarter are those inside it (issue #11 item 3): the year rules (PROV-LEAD-Y, PROV-DEPT-Y, HQ-*) are not.

    海濱市分公司: CITY-MGR-Q Q2 C001 of 2 leaders -> missed; CITY-DEPT-Q 服務部 C001 + C003 = 2/4 -> met;
      CITY-RECEPT-M Apr, May, Jun: no reception day of C001 -> 3 missed.            => 4 missed
    東海省公司: PROV-RECEPT-M Apr-Jun: P001's reception day is 03-20 -> 3 missed.      => 3 missed
    總部: only year rules -> no result in the quarter, no row.
    """
    use_db(sample_db)
    at = open_page("pages/compliance.py", view="company", **Q2)
    assert not at.exception
    assert at.get("button_group")[0].value == "company"
    matrix = at.dataframe[0].value
    assert matrix[["公司", "狀態", "達標 / 可評估", "未達標", "有風險"]].values.tolist() == [
        ["海濱市分公司", "未達標", "0/1", 1, 0], ["海濱市分公司", "達標", "1/1", 0, 0],
        ["海濱市分公司", "未達標", "0/3", 3, 0],
        ["東海省公司", "未達標", "0/3", 3, 0],
    ]
    assert [r.split(" · ")[0] for r in matrix["配額規則"]] == [
        "CITY-MGR-Q", "CITY-DEPT-Q", "CITY-RECEPT-M", "PROV-RECEPT-M"]
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [y.strip() for y in figure["data"][0]["y"]] == ["海濱市分公司", "東海省公司"]
    # the headline counts every result of the period: met 1, missed 1 + 3 + 3 = 7, out of the 8 results beside
    # its share (issue #16 item 4): 7 / 8 = 87.5 % shown whole, rounded half to even: 88 %
    assert _metrics(at) == {"達標": "1 / 8", "進度正常": "0 / 8", "有風險": "0 / 8", "未開始": "0 / 8", "未達標": "7 / 8",
                            "不適用": "0 / 8"}
    assert {m.label: m.delta for m in at.metric}["未達標"] == "佔 88%"
    # the clickable layer carries [company key, rule] per cell, in the table's order
    assert figure["data"][1]["customdata"][0] == ["海滨市分公司", "CITY-MGR-Q"]


def test_matrix_order_breaks_ties_by_at_risk_then_share_met():
    import pandas as pd

    rows = [  # (company, rule, cell status)
        ("A", "PROV-LEAD-Y", "met"), ("A", "PROV-DEPT-Y", "missed"),  # 1 missed
        ("B", "PROV-LEAD-Y", "missed"), ("B", "PROV-DEPT-Y", "at_risk"),  # 1 missed, 1 at risk -> before A
        ("C", "PROV-LEAD-Y", "met"), ("C", "PROV-DEPT-Y", "on_track"),  # 0 missed, 1 of 2 met
        ("D", "PROV-LEAD-Y", "on_track"), ("D", "PROV-DEPT-Y", "n/a"),  # 0 missed, 0 of 1 met -> before C
        ("E", "PROV-RECEPT-M", "met"), ("E", "PROV-RECEPT-M", "missed"), ("E", "PROV-RECEPT-M", "met"),
    ]
    results = pd.DataFrame(rows, columns=["company_key", "rule", "cell_status"]).assign(
        company=lambda f: f["company_key"])
    matrix = cv.company_rule_matrix(results)
    # E: 1 missed, 0 at risk, 2 of 3 met; A: 1 missed, 0 at risk, 1 of 2 met -> A (lower share) before E
    assert list(dict.fromkeys(matrix["company_key"])) == ["B", "A", "E", "D", "C"]
    e = matrix[matrix["company_key"] == "E"].iloc[0]
    assert (e["results"], e["evaluated"], e["met"], e["missed"], e["worst"]) == (3, 3, 2, 1, "missed")
    d = matrix[matrix["company_key"] == "D"]
    assert d["worst"].tolist() == ["on_track", "n/a"] and d["evaluated"].tolist() == [1, 0]


def test_full_url_opens_the_rule_and_the_selected_cell(sample_db, use_db):
    """A copied link: ?rule=&cell=&company= opens the rule and the cell's drill-down (issue #16 item 6)."""
    use_db(sample_db)
    at = open_page("pages/compliance.py", rule="CITY-MGR-Q", cell="2026Q2", company="海滨市分公司", **MID_YEAR)
    assert not at.exception
    assert at.selectbox(key="compliance_rule").value == "CITY-MGR-Q"
    assert at.get("button_group")[0].value == "rule"
    assert "海濱市分公司 · 2026年第2季" in [s.value for s in at.subheader]
    # C001 went on 04-15; C002 still owes (the drill-down of test_drill_down_lists_who_still_owes...)
    assert at.dataframe[1].value["工號"].tolist() == ["C002"]
    assert (at.query_params["rule"], at.query_params["cell"], at.query_params["company"]) == (
        "CITY-MGR-Q", "2026Q2", "海滨市分公司")
    # another rule: the cell of CITY-MGR-Q is not one of its cells, so it leaves the URL
    at.selectbox(key="compliance_rule").set_value("CITY-DEPT-Q").run()
    assert at.query_params["rule"] == "CITY-DEPT-Q" and "cell" not in at.query_params
    # the company view is a link too; the first rule and the one-rule view are the absence of the parameters
    at = open_page("pages/compliance.py", view="company", rule="NOT-A-RULE", **MID_YEAR)
    assert at.query_params["view"] == "company" and "rule" not in at.query_params


def test_unknown_rule_in_the_url_opens_the_first_rule(sample_db, use_db):
    use_db(sample_db)
    at = open_page("pages/compliance.py", rule="<img src=x>", cell="2026", company="nowhere", **MID_YEAR)
    assert not at.exception
    assert at.selectbox(key="compliance_rule").value == "HQ-MGR-Y"
    assert "rule" not in at.query_params and "cell" not in at.query_params
    assert "在上方熱力圖點選一個格子" in texts(at)


LEAD_PASSWORD = "Lead-east-2026"


@pytest.fixture
def east_lead(sample_db, tmp_path, use_db, monkeypatch):
    """A lead user of 東海省公司 (sees 東海省公司 and 海濱市分公司, not 總部)."""

    db = use_db(tmp_path / "lead.duckdb")
    shutil.copy(sample_db, db)
    add_users(
        monkeypatch,
        {"username": "east", "role": "lead", "password": LEAD_PASSWORD, "company": "東海省公司", "display_name": "東海推進辦"},
    )
    return db


def _signed_in_east(**params) -> AppTest:
    return signed_in("east", LEAD_PASSWORD, "pages/compliance.py", **params)


def test_a_link_to_another_companys_cell_shows_nothing_of_it(east_lead):
    """Attack: a 東海 lead opens a link to 總部's HQ-STAFF-Y cell (H004, H005 owe): nothing of 總部 is shown."""
    at = _signed_in_east(rule="HQ-STAFF-Y", cell="2026", company="总部", dept="市场部", view="rule", **MID_YEAR)
    assert not at.exception, at.exception
    # the reader's rules are the province's and the city's; the HQ rule of the link is not among them
    assert at.selectbox(key="compliance_rule").value == "PROV-LEAD-Y"
    shown = texts(at) + " ".join(str(d.value) for d in at.dataframe)
    assert "H004" not in shown and "趙員工" not in shown and "總部" not in shown
    assert not at.get("download_button") or all("總部" not in str(b.proto) for b in at.get("download_button"))
    # and the company view lists only the reader's companies
    at = _signed_in_east(view="company", **MID_YEAR)
    assert set(at.dataframe[0].value["公司"]) == {"東海省公司", "海濱市分公司"}


def test_without_signing_in_a_compliance_link_shows_nothing(east_lead):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"rule": "CITY-MGR-Q", "cell": "2026Q2", "company": "海滨市分公司", **MID_YEAR}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert not at.dataframe and "林經理" not in texts(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):  # not routed before sign-in
        at.switch_page("pages/compliance.py")


def test_a_link_naming_a_scope_beyond_the_user_is_refused_said_and_audited(east_lead):
    """Attack: the 東海 lead opens a link with ?scope=总部 (everything). The real sidebar (not a test app) falls back
    to 東海省公司, the page says the link asked for more, and the audit log has scope_denied with what was asked."""
    from analytics.auth.audit import load_audit_log
    from analytics.store.connection import connect

    at = signed_in("east", LEAD_PASSWORD, None, scope="总部", **MID_YEAR)  # the first page after signing in
    assert not at.exception, at.exception
    assert at.selectbox(key="ctl_scope__zh-Hant").value == "东海省公司"
    assert any("無權查看" in str(w.value) for w in at.warning), [w.value for w in at.warning]
    with connect(east_lead, read_only=True) as con:
        log = load_audit_log(con)
    denied = log[log["action"] == "scope_denied"]
    assert list(denied["actor"]) == ["east"] and "总部" in str(denied["detail"].iloc[0])
    # the URL now carries the scope shown, so the next run neither warns nor audits again
    assert at.query_params["scope"] in ("东海省公司", ["东海省公司"])
    at.switch_page("pages/compliance.py")
    at.run()
    assert not at.exception, at.exception
    assert not any("無權查看" in str(w.value) for w in at.warning)
    assert at.selectbox(key="ctl_scope__zh-Hant").value == "东海省公司"
