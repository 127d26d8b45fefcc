"""The sidebar's company choice for signed-in users (SPEC 8): 總部 sees everything, a province only its own tree.

Database (real importer, roster effective 2026-01-01):
  總部: H001 公司領導;  東海省公司: E001 公司領導;  海濱市分公司 (city of 東海省公司): E101 員工;
  南嶺省公司: S001 公司領導.
Log of 2026 (one 穿越編號 per row): A1 H001, A2 E001, A3 E101, A4 S001, A5 X999 (工號 on no roster).

A 總部 viewer keeps "全部公司" and its figures hold every row: 5 person-times (A1..A5, X999 included).
Before the fix the choice was narrowed to the 總部 company scope, which rolls up every company but not X999:
4 person-times and no "全部公司".
A 東海 viewer gets 東海省公司 and 海濱市分公司 only: person-times A2 + A3 = 2.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from analytics.auth import UserStore
from analytics.i18n import t
from tests.pages.conftest import signed_in as sign_in
from tests.trust.conftest import EAST, EAST_CITY_A, HQ, SOUTH, import_workbook, workbook_bytes

PASSWORD = "Sidebar-scope-26"
D = dt.date(2026, 1, 1)
ROSTER = [
    ("工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"),
    ("H001", "總甲", HQ, "總部", None, "綜合部", "支撐部門", "公司領導", D),
    ("E001", "東甲", EAST, "省公司", None, "綜合部", "支撐部門", "公司領導", D),
    ("E101", "濱甲", EAST_CITY_A, "地市公司", EAST, "市場部", "主要業務部門", "員工", D),
    ("S001", "南甲", SOUTH, "省公司", None, "綜合部", "支撐部門", "公司領導", D),
]
LOG = [
    ("穿越編號", "工號", "穿越日期", "穿越類別", "穿越項目", "時長(小時)"),
    ("A1", "H001", dt.date(2026, 3, 10), "常規穿越", "門市客戶扮演", 2),
    ("A2", "E001", dt.date(2026, 3, 11), "常規穿越", "門市業務受理", 2),
    ("A3", "E101", dt.date(2026, 4, 1), "常規穿越", "網路撥測", 2),
    ("A4", "S001", dt.date(2026, 4, 2), "常規穿越", "網路撥測", 2),
    ("A5", "X999", dt.date(2026, 5, 5), "常規穿越", "其他", 2),
]


@pytest.fixture
def users_and_data(private_paths) -> None:
    import_workbook(private_paths["db"], "year.xlsx", workbook_bytes({"名冊": ROSTER, "穿越": LOG}))
    store = UserStore.load()
    store.add("hq", role="viewer", password=PASSWORD, company=HQ, display_name="總部辦")
    store.add("east", role="viewer", password=PASSWORD, company=EAST, display_name="東海辦")
    store.save()


def signed_in(username: str) -> AppTest:
    return sign_in(username, PASSWORD, period="2026", kind="year", as_of="2026-06-30")


def scope_box(at: AppTest):
    label = t("ui.sidebar.scope")
    return next(s for s in at.sidebar.selectbox if s.label == label)


def person_times(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == t("ui.home.person_times"))


@pytest.mark.usefixtures("users_and_data")
def test_hq_user_keeps_all_companies_and_rows_on_no_roster():
    at = signed_in("hq")
    box = scope_box(at)
    assert box.options[0] == t("ui.scope.all") and box.value == "__all__"
    assert person_times(at) == "5"  # A1..A5, the X999 row included


@pytest.mark.usefixtures("users_and_data")
def test_province_user_sees_its_own_tree_only():
    at = signed_in("east")
    box = scope_box(at)
    assert t("ui.scope.all") not in box.options
    assert [o.strip() for o in box.options] == [EAST, EAST_CITY_A]
    assert person_times(at) == "2"  # A2 (東海省公司) + A3 (海濱市分公司)
