"""計畫 page (issue #14 item 3, SPEC 4.6) on the hand-made store of tests/plans/handmade.py (figures worked out
there): filed grid, plan against actual, the coming 14 days with notice flags, overdue by person; three languages,
URL state, empty state, and a lead of another company who cannot see the plans of a company outside its scope."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import APP, add_users, open_page, signed_in, texts
from tests.plans.handmade import build

PAGE = "pages/plans.py"


@pytest.fixture
def plans_db(tmp_path: Path, use_db) -> Path:
    return use_db(build(tmp_path / "plans.duckdb"))



def test_the_page_shows_every_section_with_the_hand_worked_figures(plans_db):
    at = open_page(PAGE, as_of="2026-10-15", lang="zh-Hant")
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["已按時報備"] == "2 / 5"       # 總部 and 甲 of five companies
    assert metrics["逾期報備"] == "1 / 5" and metrics["未報備"] == "2 / 5"  # 東省 late; 乙 and 西 missing
    assert metrics["逾期個人計畫"] == "3"  # I2, I3, I12 (2 done, 6 upcoming in the help text)
    assert metrics["無計畫的穿越"] == "6" and metrics["事前報備率"] == "12.5%"  # 1 of 8 walks
    grid, actual, months, coming, overdue = (df.value for df in at.dataframe)
    row = grid.set_index("公司")
    assert list(grid.columns) == ["公司", "層級", "2025年", "2026年"]  # 2024 has no plan line: not shown
    assert row.loc["乙市分公司", "2026年"] == "未報備 · 未涵蓋 184 天"
    assert row.loc["甲市分公司", "2026年"] == "已報備 2026-01-30"
    assert row.loc["西省公司", "2025年"] == "已報備 2025-01-05"
    # the first company of the tree (總部): A1, 4 planned, 1 done (W5 in February)
    assert list(actual["計畫編號"]) == ["A1"] and list(actual["完成"]) == [1]
    assert months.set_index("部門").loc["服務管理部", "2月"] == 1
    assert list(coming["計畫編號"]) == ["I10", "I8", "I6", "I7"]
    assert list(coming["告知"]) == ["無需告知", "⚠ 已過告知截止日", "⚠ 3 天內須告知", "尚有時間"]
    assert list(overdue["工號"]) == ["C01", "C03"] and list(overdue["逾期計畫數"]) == [2, 1]
    assert at.get("download_button")


def test_company_choice_and_settings_are_kept_in_the_url_and_english(plans_db):
    at = open_page(PAGE, as_of="2026-10-15", lang="en", company="甲市分公司", window="8", deadline="02-10")
    assert not at.exception, at.exception
    assert at.query_params["company"] == ["甲市分公司"] or at.query_params["company"] == "甲市分公司"
    grid, actual, months, coming, overdue = (df.value for df in at.dataframe)
    # deadline 02-10: 東省 (filed 02-05) is on time now
    assert grid.set_index("Company").loc["東省公司", "2026"] == "Filed 2026-02-05"
    by_plan = actual.set_index("Plan ID")
    assert list(by_plan.index) == ["A3", "A4", "A5"]
    assert by_plan.loc["A3", "Done"] == 3 and by_plan.loc["A3", "Status"] == "Met"
    assert by_plan.loc["A4", "Status"] == "Missed"
    # window 8: W2 (+8 days) carries out I2, so only C01 is overdue
    assert list(overdue["Employee ID"]) == ["C01"]
    assert months.set_index("Department").loc["市場部", "Planned"] == 2  # A3 names 市場部
    assert "Plans" in texts(at) or "Walkthrough plans" in texts(at)


def test_simplified_chinese(plans_db):
    at = open_page(PAGE, as_of="2026-10-15", lang="zh-Hans")
    assert not at.exception, at.exception
    assert "穿越计划" in texts(at)
    assert {m.label for m in at.metric} >= {"已按时报备", "事前报备率"}


def test_an_empty_store_says_what_to_upload(empty_db):
    at = open_page(PAGE, lang="zh-Hant")
    assert not at.exception, at.exception
    assert "還沒有穿越計畫" in texts(at) and "穿越計畫" in texts(at)
    assert not at.dataframe


PASSWORD = "Lead-west-2026"


@pytest.fixture
def west_lead(plans_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    add_users(
        monkeypatch,
        {"username": "west", "role": "lead", "password": PASSWORD, "company": "西省公司", "display_name": "西省推進辦"},
    )
    return plans_db


def test_a_lead_of_another_company_sees_only_its_own_plans_even_by_link(west_lead):
    # a link naming a company outside 西省's scope
    at = signed_in("west", PASSWORD, PAGE, company="甲市分公司", as_of="2026-10-21", scope="总部")
    assert not at.exception, at.exception
    shown = " ".join(df.value.to_string() for df in at.dataframe) + texts(at)
    for other in ("甲市分公司", "東省公司", "乙市分公司", "甲一", "總一", "C01", "H01", "I6", "A1"):
        assert other not in shown, other
    assert at.selectbox(key="plans_company").options == ["西省公司"]
    # its own plan I11 (filed 10-20, 10-22, needs support: notify by 10-19) is listed, flagged passed
    coming = at.dataframe[-1].value if len(at.dataframe) else None
    assert coming is not None and list(coming["計畫編號"]) == ["I11"]
    assert list(coming["告知"]) == ["⚠ 已過告知截止日"]


def test_without_signing_in_the_page_is_not_reachable(west_lead):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
