"""個人穿越 (issue #15 item 2, SPEC 9 / article 9.1): one person's walks, quota standing and raised issues.

Figures worked out by hand from conftest's sample (rules of SPEC 4.1), year 2026 as of 2026-06-15:

C001 陳領導 (海濱市分公司, 地市公司, 服務部 主要業務部門, 公司領導) walked once: A3 on 04-15, 常規穿越, 2 h.
  * CITY-MGR-Q (leaders of the city: C001, C002 → population 2, target 100 %):
      Q1: nobody walked → 0/2, quarter over → missed; C001 did not walk.
      Q2: C001 walked → 1/2 = 50 %, quarter still running → in progress; C001 counted.
  * CITY-DEPT-Q (服務部, all ranks C001-C004 → 4, target 50 %):
      Q1: 0/4 missed; Q2: C001 (04-15) and C003 (04-16) → 2/4 = 50 % → met; C001 counted.
  * CITY-RECEPT-M (公司領導 → C001 only, one 客戶接待日 of ≥ 4 h a month): no reception walk at all:
      January-May missed, June in progress; C001 never qualified.
  → 10 rows (2 + 2 + 6 months started by 06-15); still owed: June's 客戶接待日 only (the one unit in progress where
    C001 has not counted) → 1. No issue raised.
H002 李經理 (總部 市場部, 部門領導): HQ-MGR-Y (managers H001-H003 → 3, 30 %): H002 and H003 walked (A1) → 2/3 met;
  HQ-STAFF-Y covers 員工 only. One walk (A1, 03-10, 4 h) with one issue logged against it (I1); I1 raised 03-12,
  已解決 on 04-01 → closed after 20 days.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from analytics.metrics.walker import compute_walker_view, find_people
from tests.pages.conftest import APP, add_users, open_page, signed_in, texts

AS_OF = dt.date(2026, 6, 15)


@pytest.fixture
def con(sample_db):
    with duckdb.connect(str(sample_db), read_only=True) as connection:
        yield connection


def test_city_leader_standing_walks_and_what_is_still_owed(con):
    view = compute_walker_view(con, "C001", year=2026, as_of=AS_OF)
    assert view.person["name"] == "陳領導" and view.person["company"] == "海濱市分公司"
    s = view.standing
    got = list(zip(s["rule"], s["period"], s["counted"], s["unit_status"], strict=True))
    assert got == [
        ("CITY-MGR-Q", "2026Q1", False, "missed"), ("CITY-MGR-Q", "2026Q2", True, "in_progress"),
        ("CITY-DEPT-Q", "2026Q1", False, "missed"), ("CITY-DEPT-Q", "2026Q2", True, "met"),
        *[("CITY-RECEPT-M", f"2026-0{m}", False, "missed") for m in range(1, 6)],
        ("CITY-RECEPT-M", "2026-06", False, "in_progress"),
    ]
    mgr_q2 = s[(s["rule"] == "CITY-MGR-Q") & (s["period"] == "2026Q2")].iloc[0]
    assert (mgr_q2["unit_participants"], mgr_q2["unit_population"], mgr_q2["unit_value"]) == (1, 2, 0.5)
    assert list(view.owed["period"]) == ["2026-06"]
    assert (view.walk_count, view.hours) == (1, 2.0)
    assert list(view.walks["activity_id"]) == ["A3"]
    assert view.issues.empty


def test_a_walk_after_the_as_of_date_does_not_count(con):
    # as of 04-14, the day before A3: C001 has no walk, Q2 of CITY-MGR-Q is 0/2 and owed, 服務部 Q2 is 0/4
    view = compute_walker_view(con, "C001", year=2026, as_of=dt.date(2026, 4, 14))
    assert view.walk_count == 0
    s = view.standing.set_index(["rule", "period"])
    assert not s.loc[("CITY-MGR-Q", "2026Q2"), "counted"]
    assert s.loc[("CITY-DEPT-Q", "2026Q2"), "unit_participants"] == 0
    assert sorted(view.owed["period"]) == ["2026-04", "2026Q2", "2026Q2"]  # MGR-Q, DEPT-Q and April's reception


def test_hq_manager_and_the_issue_they_raised(con):
    view = compute_walker_view(con, "H002", year=2026, as_of=AS_OF)
    s = view.standing
    assert list(zip(s["rule"], s["unit_participants"], s["unit_population"], s["counted"], strict=True)) == [
        ("HQ-MGR-Y", 2, 3, True)]
    assert list(view.walks["issues_logged"]) == [1]
    issue = view.issues.iloc[0]
    assert (issue["issue_id"], bool(issue["is_closed"]), issue["days"]) == ("I1", True, 20)
    assert (view.open_issues, view.overdue_issues) == (0, 0)


def test_another_companys_person_is_not_found_at_all(con):
    # 東海省公司's scope (東海 + 海濱市分公司) does not hold 總部's H002: same answer as a 工號 nobody has
    assert compute_walker_view(con, "H002", year=2026, as_of=AS_OF, scope="東海省公司") is None
    assert compute_walker_view(con, "NOBODY", year=2026, as_of=AS_OF) is None
    assert find_people(con, "李經理", scope="東海省公司").empty
    assert list(find_people(con, "領導", scope="東海省公司")["employee_id"]) == ["C001", "P001"]
    assert list(find_people(con, "C001")["name"]) == ["陳領導"]


def test_page_opens_from_a_link_and_shows_the_figures(use_db, sample_db):
    use_db(sample_db)
    at = open_page("pages/walker.py", emp="C001", as_of="2026-06-15", lang="zh-Hant")
    assert not at.exception, at.exception
    assert at.text_input(key="walker_query").value == "C001"
    shown = texts(at)
    assert "**陳領導**（C001）· 海濱市分公司 · 服務部 · 公司領導" in shown
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["2026 年穿越次數"] == "1" and metrics["尚欠的配額"] == "1"
    assert metrics["提出的問題"] == "0" and metrics["未關閉 / 逾期"] == "0 / 0"
    standing = at.dataframe[0].value
    assert len(standing) == 10
    june = standing[standing["期間"] == "2026年6月"].iloc[0]
    assert (june["本人"], june["單位結果"]) == ("尚未參與", "進行中")
    dept_q2 = standing[(standing["考核單位"] == "海濱市分公司 服務部") & (standing["期間"] == "2026年第2季")].iloc[0]
    assert dept_q2["單位數值"] == "2/4 人（50.0%）" and dept_q2["本人"] == "已參與"
    assert at.query_params["emp"] in ("C001", ["C001"])


def test_page_search_by_name_offers_the_matches(use_db, sample_db):
    use_db(sample_db)
    at = open_page("pages/walker.py", as_of="2026-06-15", lang="en")
    at.text_input(key="walker_query").input("領導").run()
    assert not at.exception, at.exception
    pick = at.selectbox(key="walker_pick")
    assert pick.options == ["C001 · 陳領導 · 海濱市分公司 服務部", "P001 · 周領導 · 東海省公司 市場部"]
    pick.set_value("P001").run()
    assert at.query_params["emp"] in ("P001", ["P001"])
    standing = at.dataframe[0].value
    # P001 (東海省公司 公司領導, 市場部): PROV-LEAD-Y (P001, P002) and PROV-DEPT-Y (市場部 P001-P004) counted by A2;
    # A2 is a 客戶接待日 of 4 h on 03-20, so P001 qualifies in March; the other months before June are over
    # (missed, nobody took part) and June is still running.
    assert list(standing["This person"]) == ["Walked", "Walked", "Did not walk", "Did not walk",
                                             "Took part (qualifies)", "Did not walk", "Did not walk", "Not yet"]
    assert list(standing["Unit result"])[:2] == ["In progress", "In progress"]
    assert list(standing["Unit figure"])[:2] == ["1/2 people (50.0%)", "1/4 people (25.0%)"]


PASSWORD = "Lead-east-2026"


@pytest.fixture
def east_lead(sample_db: Path, tmp_path: Path, use_db, monkeypatch: pytest.MonkeyPatch) -> Path:

    db = use_db(tmp_path / "lead.duckdb")
    shutil.copy(sample_db, db)
    add_users(
        monkeypatch,
        {"username": "east", "role": "lead", "password": PASSWORD, "company": "東海省公司", "display_name": "東海推進辦"},
    )
    return db


def test_a_lead_cannot_open_another_companys_person_by_link(east_lead):
    at = signed_in("east", PASSWORD, "pages/walker.py", emp="H002")
    assert not at.exception, at.exception
    assert at.text_input(key="walker_query").value == "H002"
    assert "在您的權限範圍內找不到「H002」" in " ".join(str(w.value) for w in at.warning)
    assert not at.dataframe and not at.metric and not at.get("download_button")
    # its own city's leader opens
    at.text_input(key="walker_query").input("C001").run()
    # as of today (after 2026-12-01): every period of 2026 has started → 4 + 4 quarters and 12 months
    assert len(at.dataframe[0].value) == 20


def test_page_without_signing_in_shows_no_person(east_lead):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["emp"] = "C001"
    at.run()
    assert not at.exception, at.exception
    assert not at.dataframe and not at.metric
    assert "陳領導" not in texts(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):  # not routed before sign-in
        at.switch_page("pages/walker.py")
