"""Which companies an upload touches (for a lead's scope check): roster, issues' owner, walkthroughs via 工號."""

from __future__ import annotations

import datetime as dt

from analytics.auth import User, can_import
from analytics.auth.uploads import parsed_company_keys, parsed_company_tree
from analytics.ingest import parse_file
from tests.trust.conftest import EAST, EAST_CITY_A, SOUTH, SOUTH_CITY, import_workbook, key, workbook_bytes

D = dt.date
ROSTER = [
    ("工號", "姓名", "公司", "層級", "上級公司", "部門", "職級", "生效日期"),
    ("E001", "東甲", EAST, "省公司", None, "綜合部", "公司領導", D(2026, 1, 1)),
    ("S101", "城甲", SOUTH_CITY, "地市公司", SOUTH, "市場部", "公司領導", D(2026, 1, 1)),
    ("S001", "南甲", SOUTH, "省公司", None, "綜合部", "公司領導", D(2026, 1, 1)),
]
EAST_LEAD = User("eastlead", "East lead", "lead", EAST)


def parsed(name: str, sheets: dict) -> object:
    return parse_file(name, workbook_bytes(sheets))


def test_walkthrough_rows_count_for_their_person_company(private_paths):
    from analytics.store.connection import connect

    import_workbook(private_paths["db"], "roster.xlsx", workbook_bytes({"名冊": ROSTER}))
    log = parsed("log.xlsx", {"穿越": [
        ("工號", "穿越日期", "穿越類別", "穿越項目"),
        ("E001", D(2026, 3, 1), "常規穿越", "其他"),
        ("S101", D(2026, 3, 2), "常規穿越", "其他"),  # a city of the OTHER province
        ("X999", D(2026, 3, 3), "常規穿越", "其他"),  # on no roster
    ]})
    with connect(private_paths["db"], read_only=True) as con:
        keys = parsed_company_keys([log], con)
    assert keys == {key(EAST), key(SOUTH_CITY), None}
    assert can_import(EAST_LEAD, keys) is False  # the 東海 lead may not log 南城's walkthroughs


def test_issue_owner_or_raiser_and_new_city_from_the_same_roster():
    upload = parsed("mixed.xlsx", {
        "名冊": [ROSTER[0], ROSTER[1], ("C900", "新甲", "新港市分公司", "地市公司", EAST, "服務部", "員工", D(2026, 2, 1))],
        "問題": [
            ("問題編號", "提出人工號", "提出日期", "問題描述", "責任單位", "狀態"),
            ("Q1", "C900", D(2026, 3, 1), "描述", None, "待處理"),  # owner blank: the raiser's company
            ("Q2", None, D(2026, 3, 1), "描述", EAST_CITY_A, "待處理"),
        ],
    })
    keys = parsed_company_keys([upload], None)
    assert keys == {key(EAST), key("新港市分公司"), key(EAST_CITY_A)}
    tree = parsed_company_tree([upload])
    assert tree.parents[key("新港市分公司")] == key(EAST)
    # 海濱市分公司 is known from the stored tree; 新港市分公司 only from the upload's own roster
    from analytics.auth import CompanyTree
    from tests.trust.conftest import COMPANIES

    stored = CompanyTree.from_rows({"company_key": key(n), "level": lvl, "parent_key": key(p) if p else None}
                                   for n, lvl, p in COMPANIES)
    assert can_import(EAST_LEAD, keys, stored) is False
    assert can_import(EAST_LEAD, keys, stored.merged(tree)) is True
