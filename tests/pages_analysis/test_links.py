"""Every view is a link (issue #16 item 6): each page opened with a full URL shows the view the URL names.

The pages run on the sample database of conftest.py with the sidebar controls of ``run_page`` (year 2026 as of
2026-06-30); the page's own choices are given as query parameters, as a copied link carries them.
"""

from __future__ import annotations

from tests.pages_analysis.conftest import run_page, table


def _segmented(at, key: str) -> str:
    return at.get("button_group")[[b.key for b in at.get("button_group")].index(key)].value


def test_volume_grouping_and_measure_from_the_url(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "volume", by="company", measure="activities")
    assert _segmented(at, "an_vol_dim") == "company" and _segmented(at, "an_vol_measure") == "activities"
    # own-staff companies: 總部 r1 (A1), 廣州 r2 + r3 (A2), 廣東 r4 (A3) = 1 activity each; E999 off the roster (r5)
    by_company = table(at, "公司（本級）", "活動數")
    assert sorted(by_company["活動數"].tolist()) == [1, 1, 1, 1]
    assert at.query_params["by"] == "company" and at.query_params["measure"] == "activities"
    # another choice is written back to the URL; the default is the absence of the parameter
    at.button_group(key="an_vol_dim").set_value("level").run()
    assert at.query_params["by"] == "level"
    at.button_group(key="an_vol_dim").set_value("category").run()
    assert "by" not in at.query_params


def test_unknown_url_value_opens_the_default_view(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "volume", by="<script>", measure="everything")
    assert _segmented(at, "an_vol_dim") == "category" and _segmented(at, "an_vol_measure") == "person_times"
    assert "by" not in at.query_params and "measure" not in at.query_params


def test_quality_tab_from_the_url(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "quality", tab="warnings")
    assert at.session_state["an_q_tab"] == "匯入提示 (4)"  # the open tab (4 warnings: see test_quality_page)
    assert at.query_params["tab"] == "warnings"
    # the section code, not the label, is in the URL: the same link opens the same tab in English
    at = run_page(monkeypatch, sample_db, "quality", tab="warnings", lang="en")
    assert at.session_state["an_q_tab"] == "Import warnings (4)"
    # a tab chosen by the reader is written back; the first tab is the absence of the parameter
    at.session_state["an_q_tab"] = "Non-standard categories (1)"
    at.run()
    assert at.query_params["tab"] == "nonstandard_categories"
    at = run_page(monkeypatch, sample_db, "quality", tab="nonsense")
    assert at.session_state["an_q_tab"] == "未報送穿越記錄的公司 (15)" and "tab" not in at.query_params


def test_issue_search_and_owner_grouping_from_the_url(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "issues", q="q3", owner_by="owner_department")
    assert at.text_input(key="an_iss_filter").value == "q3"
    # overdue as of 06-30: Q1 (due 04-01, 處理中) and Q3 (due 05-01, 待處理); the search keeps Q3 (case ignored)
    overdue = table(at, "問題編號", "逾期天數")
    assert overdue["問題編號"].tolist() == ["Q3"]
    assert _segmented(at, "an_iss_owner_by") == "owner_department"
    at.text_input(key="an_iss_filter").input("Q1").run()
    assert at.query_params["q"] == "Q1"
    at.text_input(key="an_iss_filter").input("").run()
    assert "q" not in at.query_params


def test_discipline_check_and_search_from_the_url(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "discipline", check="COPY-SENT", q="陳四")
    assert _segmented(at, "an_dis_check") == "COPY-SENT"
    assert at.text_input(key="an_dis_filter").value == "陳四"
    # 記錄已交被穿越單位 = 否 only on r3 (E004 陳四); r5 has no value (not checked) -> one failing row, kept by the search
    failures = table(at, "工號")
    assert failures["工號"].tolist() == ["E004"]
    assert at.query_params["check"] == "COPY-SENT" and at.query_params["q"] == "陳四"
