"""穿越量 page on the sample database of conftest.py (figures worked out by hand from its five log rows).

Log rows: r1 A1 E001 總部 03-05 常規 · r2/r3 A2 E003+E004 廣州 03-10 專項 (one activity, two people) ·
r4 A3 E002 廣東省 04-15 客戶接待日 · r5 (no 穿越編號) E999 not on the roster 04-20 常規.
"""

from __future__ import annotations

from tests.pages_analysis.conftest import plotly_specs, run_page, table


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_year_totals_breakdown_and_unmatched(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "volume")
    # activities: A1, A2, A3 and r5's own key = 4; person-times = 5 rows; participants E001 E002 E003 E004 E999 = 5;
    # rows whose 工號 is on no roster: r5 only = 1.
    assert _metrics(at) == {"活動數": "4", "人次": "5", "參與人數": "5", "工號不在名冊的行": "1"}
    unmatched = table(at, "工號", "行數")
    assert unmatched["工號"].tolist() == ["E999"] and unmatched["行數"].tolist() == [1]
    # by category, in vocabulary order: 常規 r1+r5 = 2 activities / 2 rows / 2 people; 專項 A2 = 1 / 2 / 2;
    # 客戶接待日 A3 = 1 / 1 / 1.
    by_cat = table(at, "穿越類別", "活動數")
    assert by_cat.values.tolist() == [["常規穿越", 2, 2, 2], ["專項穿越", 1, 2, 2], ["客戶接待日", 1, 1, 1]]
    # monthly trend: March = A1 + A2 (3 rows, 3 people), April = A3 + r5 (2 rows, 2 people), other months 0.
    trend = plotly_specs(at)[-1]["data"]
    activities, person_times = trend[0]["y"], trend[1]["y"]
    assert activities == [0, 0, 2, 2, 0, 0]  # months started by the as-of date 06-30 only
    assert person_times == [0, 0, 3, 2, 0, 0]


def test_running_month_is_drawn_dotted_not_as_a_fall(monkeypatch, sample_db):
    """Issue #16 item 7: as of 04-16 April is running; its partial figure is drawn apart (dotted), not as a drop."""
    at = run_page(monkeypatch, sample_db, "volume", as_of="2026-04-16")
    trend = plotly_specs(at)[-1]
    solid, dotted = trend["data"][:3], trend["data"][3:]
    # ended months Jan .. Mar: March = A1 + A2 = 2 activities, 3 rows
    assert [t["x"] for t in solid] == [["2026年1月", "2026年2月", "2026年3月"]] * 3
    assert solid[0]["y"] == [0, 0, 2] and solid[1]["y"] == [0, 0, 3]
    # April up to 04-16: A3 (04-15) only; r5 (04-20) is after the as-of date -> 1 activity, 1 row, 1 person
    assert all(t["line"]["dash"] == "dot" and t["x"] == ["2026年3月", "2026年4月"] for t in dotted)
    assert [t["y"] for t in dotted] == [[2, 1], [3, 1], [3, 1]]
    assert dotted[0]["customdata"][1] == " (本月進行中，統計至 2026-04-16)"
    assert [a["text"] for a in trend["layout"]["annotations"]] == ["進行中"]
    assert any("2026年4月 尚未結束，只統計至 2026-04-16" in c.value for c in at.caption)


def test_company_rollup_includes_cities(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "volume")
    at.button_group(key="an_vol_dim").set_value("company_rollup").run()
    assert not at.exception
    frame = table(at, "公司（含下級）")
    # 總部 includes all matched rows: A1, A2, A3 = 3 activities, r1-r4 = 4 rows, 4 people (E999 is in no company);
    # 廣東省公司 = itself (A3, E002) + 廣州 (A2, E003 E004) = 2 / 3 / 3; 廣州市分公司 = A2 = 1 / 2 / 2.
    # Tree order with indentation: 總部, then the province one step in, then its city two steps in.
    assert [name.strip("\u3000") for name in frame.iloc[:, 0]] == ["總部", "廣東省公司", "廣州市分公司"]
    assert frame.iloc[:, 1:].values.tolist() == [[3, 4, 4], [2, 3, 3], [1, 2, 2]]


def test_month_and_scope(monkeypatch, sample_db):
    # April only: A3 and r5 = 2 activities, 2 rows, 2 people, of which r5 unmatched.
    at = run_page(monkeypatch, sample_db, "volume", kind="month", period="2026-04")
    assert _metrics(at) == {"活動數": "2", "人次": "2", "參與人數": "2", "工號不在名冊的行": "1"}
    # Scope 廣東省公司 (Simplified key of match_key) for the year: A2 + A3 = 2 activities, 3 rows, 3 people; the
    # unmatched row belongs to no company so it is outside every scope, and its list is not shown.
    at = run_page(monkeypatch, sample_db, "volume", scope="广东省公司")
    assert _metrics(at) == {"活動數": "2", "人次": "3", "參與人數": "3", "工號不在名冊的行": "0"}
    assert not at.expander


def test_simplified_chinese_labels(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "volume", lang="zh-Hans")
    assert [m.label for m in at.metric] == ["活动数", "人次", "参与人数", "工号不在名册的行"]
    assert table(at, "穿越类别", "活动数")["穿越类别"].tolist() == ["常规穿越", "专项穿越", "客户接待日"]


def test_english_labels(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "volume", lang="en")
    assert at.title[0].value == "Walkthrough volume"
    by_cat = table(at, "Category", "Activities")
    assert by_cat["Category"].tolist() == ["Routine walkthrough", "Special-topic walkthrough",
                                           "Customer reception day"]


def test_empty_database(monkeypatch, empty_db):
    at = run_page(monkeypatch, empty_db, "volume")
    assert at.info and "沒有資料" in at.info[0].value
    assert not at.metric
