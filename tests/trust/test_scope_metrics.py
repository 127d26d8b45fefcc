"""Scope is enforced where data is read (SPEC 8): a province viewer gets no row of the other province.

The metrics are called the way the dashboard calls them: the sidebar's choice goes through
``effective_scope(user, choice, load_companies(con))`` and the result is the ``scope`` of the metrics function.

Two provinces, imported through the real importer (roster effective 2026-01-01):
  東海省公司: E001 公司領導 (綜合部, 支撐部門), E002 員工 (綜合部)
  海濱市分公司 (city of 東海省公司): E101 公司領導 (市場部, 主要業務部門)
  南嶺省公司: S001 公司領導 (綜合部, 支撐部門)
  南城市分公司 (city of 南嶺省公司): S101 公司領導, S102 員工 (市場部, 主要業務部門)
Walkthroughs (穿越編號 = one activity each): A1 E001 2026-03-10, A2 E101 2026-03-11, A3 S001 2026-04-01,
  A4 S101 2026-04-02, A5 S102 2026-05-05 (客戶接待日, 4 h).
Issues: Q1 東海省公司 待處理 due 2026-04-01; Q2 南嶺省公司 待處理 due 2026-04-15; Q3 南城市分公司 處理中 due 2026-05-01.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.auth import ScopeDenied, User, effective_scope
from tests.trust.conftest import EAST, EAST_CITY_A, SOUTH, SOUTH_CITY, import_workbook, key, workbook_bytes

D = dt.date
ROSTER = [
    ("工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"),
    ("E001", "東甲", EAST, "省公司", None, "綜合部", "支撐部門", "公司領導", D(2026, 1, 1)),
    ("E002", "東乙", EAST, "省公司", None, "綜合部", "支撐部門", "員工", D(2026, 1, 1)),
    ("E101", "濱甲", EAST_CITY_A, "地市公司", EAST, "市場部", "主要業務部門", "公司領導", D(2026, 1, 1)),
    ("S001", "南甲", SOUTH, "省公司", None, "綜合部", "支撐部門", "公司領導", D(2026, 1, 1)),
    ("S101", "城甲", SOUTH_CITY, "地市公司", SOUTH, "市場部", "主要業務部門", "公司領導", D(2026, 1, 1)),
    ("S102", "城乙", SOUTH_CITY, "地市公司", SOUTH, "市場部", "主要業務部門", "員工", D(2026, 1, 1)),
]
LOG = [
    ("穿越編號", "工號", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "時長(小時)"),
    ("A1", "E001", D(2026, 3, 10), "常規穿越", "門市客戶扮演", None, 2),
    ("A2", "E101", D(2026, 3, 11), "常規穿越", "門市業務受理", None, 2),
    ("A3", "S001", D(2026, 4, 1), "常規穿越", "網路撥測", None, 2),
    ("A4", "S101", D(2026, 4, 2), "專項穿越", None, "寬帶裝機", 3),
    ("A5", "S102", D(2026, 5, 5), "客戶接待日", None, None, 4),
]
ISSUES = [
    ("問題編號", "穿越編號", "提出人工號", "提出日期", "問題描述", "責任單位", "狀態", "計畫完成日期"),
    ("Q1", "A1", "E001", D(2026, 3, 10), "排隊過久", EAST, "待處理", D(2026, 4, 1)),
    ("Q2", "A3", "S001", D(2026, 4, 1), "訊號弱", SOUTH, "待處理", D(2026, 4, 15)),
    ("Q3", "A4", "S101", D(2026, 4, 2), "裝機慢", SOUTH_CITY, "處理中", D(2026, 5, 1)),
]
AS_OF = D(2026, 6, 30)

EAST_VIEWER = User("east", "東海主管", "viewer", EAST)
CITY_VIEWER = User("city", "海濱主管", "viewer", EAST_CITY_A)
ADMIN = User("root", "Root", "admin")


@pytest.fixture(scope="module")
def two_provinces(tmp_path_factory) -> object:
    path = tmp_path_factory.mktemp("scope") / "two.duckdb"
    import_workbook(path, "two.xlsx", workbook_bytes({"名冊": ROSTER, "穿越": LOG, "問題": ISSUES}))
    return path


@pytest.fixture
def con(two_provinces):
    from analytics.store.connection import connect

    with connect(two_provinces, read_only=True) as connection:
        yield connection


def scope_for(con, user: User, choice: str | None) -> str | None:
    """What the sidebar hands the metrics (ui/state.py: effective_scope of the choice over load_companies)."""
    from analytics.metrics.scope import load_companies

    return effective_scope(user, None if choice is None else key(choice), load_companies(con))


def test_province_viewer_volume_has_only_its_companies(con):
    from analytics.metrics.volume import compute_volume

    scope = scope_for(con, EAST_VIEWER, None)
    assert scope == key(EAST)
    by_company = compute_volume(con, 2026, by="company", scope=scope, period_kind="year")
    # A1 (東海省公司) and A2 (海濱市分公司): one activity, one person-time each; nothing of 南嶺
    assert dict(zip(by_company["company"], by_company["activities"], strict=True)) == {EAST: 1, EAST_CITY_A: 1}
    total = compute_volume(con, 2026, by="all", scope=scope, period_kind="year")
    assert (int(total["activities"].sum()), int(total["person_times"].sum())) == (2, 2)


def test_admin_sees_both_provinces(con):
    from analytics.metrics.volume import compute_volume

    total = compute_volume(con, 2026, by="all", scope=scope_for(con, ADMIN, None), period_kind="year")
    assert int(total["activities"].sum()) == 5  # A1..A5


def test_city_viewer_sees_only_its_city(con):
    from analytics.metrics.volume import compute_volume

    by_company = compute_volume(con, 2026, by="company", scope=scope_for(con, CITY_VIEWER, None), period_kind="year")
    assert list(by_company["company"]) == [EAST_CITY_A]


def test_province_viewer_quota_results_exclude_the_other_province(con):
    from analytics.metrics.quotas import compute_quota_results

    results = compute_quota_results(con, 2026, as_of=AS_OF, scope=scope_for(con, EAST_VIEWER, None))
    assert not results.empty
    assert set(results["company"]) <= {EAST, EAST_CITY_A}
    assert {SOUTH, SOUTH_CITY}.isdisjoint(set(results["company"]))


def test_province_viewer_issues_exclude_the_other_province(con):
    from analytics.metrics.issues import compute_issue_summary, load_overdue_issues

    scope = scope_for(con, EAST_VIEWER, None)
    overdue = load_overdue_issues(con, AS_OF, scope=scope)
    assert list(overdue["issue_id"]) == ["Q1"]  # Q2 and Q3 are overdue too, but in 南嶺's scope
    everyone = load_overdue_issues(con, AS_OF, scope=scope_for(con, ADMIN, None))
    assert sorted(everyone["issue_id"]) == ["Q1", "Q2", "Q3"]
    summary = compute_issue_summary(con, AS_OF, scope=scope)
    assert summary["total"] == 1


@pytest.mark.parametrize("other", [SOUTH, SOUTH_CITY])
def test_asking_for_the_other_province_is_refused_before_any_read(con, other):
    with pytest.raises(ScopeDenied):
        scope_for(con, EAST_VIEWER, other)


def test_province_viewer_may_narrow_to_its_city(con):
    from analytics.metrics.issues import load_overdue_issues
    from analytics.metrics.volume import compute_volume

    scope = scope_for(con, EAST_VIEWER, EAST_CITY_A)
    assert scope == key(EAST_CITY_A)
    assert int(compute_volume(con, 2026, by="all", scope=scope, period_kind="year")["activities"].sum()) == 1
    assert load_overdue_issues(con, AS_OF, scope=scope).empty  # Q1 belongs to the province itself
