"""Issue #12 findings 2 and 5, performed as the attacker: a lead's upload may not re-level or re-parent companies,
create companies above or outside its scope, overwrite another company's issues or set another company's contacts.

The database (imported by the admin, every row accepted), effective 2026-01-01:
  總部 (H001), 東海省公司 (E001), 海濱市分公司 under 東海 (E101), 南嶺省公司 (S001), 南城市分公司 under 南嶺 (S101)
Issues, one per company, each raised by that company's person:
  Q1 總部 · Q2 東海省公司 · Q3 海濱市分公司 · Q4 南嶺省公司 · Q5 南城市分公司
So the 東海省公司 lead's scope is 東海 + 海濱 and it sees 2 of the 5 issues (Q2, Q3); the admin sees 5.
"""

from __future__ import annotations

import datetime as dt

from analytics.auth import User, effective_scope
from analytics.metrics.issues import compute_issue_headline
from analytics.metrics.scope import load_companies
from analytics.store.connection import connect
from analytics.store.importer import import_files
from tests.trust.conftest import EAST, HQ, SOUTH, SOUTH_CITY, key, workbook_bytes

D = dt.date(2026, 1, 1)
TODAY = dt.date(2026, 12, 7)
EAST_CITY = "海濱市分公司"
ROSTER_HEADER = ("工號", "姓名", "公司", "層級", "上級公司", "部門", "職級", "生效日期")
ROSTER = [
    ROSTER_HEADER,
    ("H001", "總甲", HQ, "總部", None, "綜合部", "公司領導", D),
    ("E001", "東甲", EAST, "省公司", None, "綜合部", "公司領導", D),
    ("E101", "濱甲", EAST_CITY, "地市公司", EAST, "服務部", "員工", D),
    ("S001", "南甲", SOUTH, "省公司", None, "綜合部", "公司領導", D),
    ("S101", "城甲", SOUTH_CITY, "地市公司", SOUTH, "服務部", "員工", D),
]
ISSUE_HEADER = ("問題編號", "提出人工號", "提出日期", "問題描述", "責任單位", "狀態", "計畫完成日期")
ISSUES = [
    ISSUE_HEADER,
    ("Q1", "H001", dt.date(2026, 3, 1), "總部的問題", HQ, "待處理", dt.date(2026, 12, 31)),
    ("Q2", "E001", dt.date(2026, 3, 1), "東海的問題", EAST, "待處理", dt.date(2026, 12, 31)),
    ("Q3", "E101", dt.date(2026, 3, 1), "海濱的問題", EAST_CITY, "待處理", dt.date(2026, 12, 31)),
    ("Q4", "S001", dt.date(2026, 3, 1), "南嶺的問題", SOUTH, "待處理", dt.date(2026, 12, 31)),
    ("Q5", "S101", dt.date(2026, 3, 1), "南城的問題", SOUTH_CITY, "處理中", dt.date(2026, 12, 31)),
]
EAST_LEAD = User("eastlead", "東海推進辦", "lead", EAST)
EAST_VIEWER = User("eastexec", "東海高管", "viewer", EAST)


def _base(db) -> None:
    results = import_files([("base.xlsx", workbook_bytes({"名冊": ROSTER, "問題": ISSUES}))], db_path=db,
                           user="admin")
    assert [r.status for r in results] == ["imported"], results[0].summary()


def _upload(db, sheets: dict, user: User | None = EAST_LEAD, name: str = "upload.xlsx"):
    # file_scope=False: the row-by-row layer itself, as if the check of the companies a file names (which refuses
    # such files whole, tests/store/test_plan.py) had been passed
    (result,) = import_files([(name, workbook_bytes(sheets))], db_path=db, user=getattr(user, "username", "admin"),
                             acting=user, file_scope=False)
    return result


def _issues_seen(db, user: User | None) -> int:
    with connect(db, read_only=True) as con:
        scope = effective_scope(user, None, load_companies(con))
        return compute_issue_headline(con, TODAY, scope=scope)["total"]


def _levels(db) -> dict[str, str]:
    with connect(db, read_only=True) as con:
        return dict(load_companies(con)[["company_key", "level"]].itertuples(index=False, name=None))


def _errors(result) -> list[tuple[str, str]]:
    return [(p.code, p.location()) for p in result.problems if p.severity == "error"]


def test_a_province_lead_cannot_make_itself_national(private_paths):
    db = private_paths["db"]
    _base(db)
    assert _issues_seen(db, EAST_LEAD) == 2  # Q2, Q3 (module docstring)
    attack = [ROSTER_HEADER, ("E001", "東甲", EAST, "總部", None, "綜合部", "公司領導", TODAY)]
    result = _upload(db, {"名冊": attack})
    assert result.status == "rejected"  # its only row was refused: nothing written
    assert _errors(result)[-1] == ("store.scope.roster_level", 'upload.xlsx › 名冊 › 第 2 行 › 層級 = "總部"')
    message = next(p for p in result.problems if p.code == "store.scope.roster_level").message()
    assert "「省公司」" in message and "管理員" in message
    assert _levels(db)[key(EAST)] == "省公司"
    assert _issues_seen(db, EAST_LEAD) == 2  # scope unchanged
    # The same file from the admin re-levels the company: what the guard above stops is real.
    assert _upload(db, {"名冊": attack}, user=None).status == "imported"
    assert _issues_seen(db, EAST_LEAD) == 5


def test_refused_rows_leave_the_others_and_go_to_the_rejects_file(private_paths):
    db = private_paths["db"]
    _base(db)
    roster = [
        ROSTER_HEADER,
        ("E002", "東乙", EAST, "省公司", None, "綜合部", "員工", TODAY),  # kept: own company, stored level
        ("E102", "濱乙", EAST_CITY, "地市公司", SOUTH, "服務部", "員工", TODAY),  # re-parent a stored city
        ("N001", "新甲", "新港市分公司", "地市公司", EAST, "服務部", "員工", TODAY),  # kept: new city of 東海
        ("N002", "新乙", "新海省公司", "省公司", None, "綜合部", "員工", TODAY),  # a new province: not below 東海
        ("N003", "新丙", "新總部", "總部", None, "綜合部", "員工", TODAY),  # a new 總部
        ("N004", "新丁", "新南市分公司", "地市公司", SOUTH, "服務部", "員工", TODAY),  # a new city of 南嶺
        ("S002", "南乙", SOUTH, "省公司", None, "綜合部", "員工", TODAY),  # another province's roster
    ]
    result = _upload(db, {"名冊": roster})
    assert result.status == "partial"
    assert result.counts["roster"]["new"] == 2 and result.counts["roster"]["rejected"] == 5
    assert _errors(result) == [
        ("store.scope.roster_parent", 'upload.xlsx › 名冊 › 第 3 行 › 上級公司 = "南嶺省公司"'),
        ("store.scope.roster_new_above", 'upload.xlsx › 名冊 › 第 5 行 › 層級 = "省公司"'),
        ("store.scope.roster_new_hq", 'upload.xlsx › 名冊 › 第 6 行 › 層級 = "總部"'),
        ("store.scope.roster_new_outside", 'upload.xlsx › 名冊 › 第 7 行 › 上級公司 = "南嶺省公司"'),
        ("store.scope.roster_outside", 'upload.xlsx › 名冊 › 第 8 行 › 公司 = "南嶺省公司"'),
    ]
    rejects = result.rejects["roster"]
    assert rejects["工號"].tolist() == ["E102", "N002", "N003", "N004", "S002"]
    assert rejects["_row"].tolist() == [3, 5, 6, 7, 8]
    assert result.rejects_xlsx() is not None
    levels = _levels(db)
    assert levels[key("新港市分公司")] == "地市公司"
    assert key("新海省公司") not in levels and key("新總部") not in levels and key("新南市分公司") not in levels
    with connect(db, read_only=True) as con:
        companies = load_companies(con).set_index("company_key")
    assert companies.loc[key(EAST_CITY), "parent_key"] == key(EAST)  # still 東海's city
    assert _issues_seen(db, EAST_LEAD) == 2


def test_a_city_lead_cannot_add_companies_and_a_viewer_cannot_import(private_paths):
    db = private_paths["db"]
    _base(db)
    city_lead = User("citylead", "濱推進辦", "lead", EAST_CITY)
    roster = [ROSTER_HEADER, ("N005", "新戊", "小港市分公司", "地市公司", EAST_CITY, "服務部", "員工", TODAY)]
    result = _upload(db, {"名冊": roster}, user=city_lead)
    assert _errors(result)[-1] == ("store.scope.roster_new_above", 'upload.xlsx › 名冊 › 第 2 行 › 層級 = "地市公司"')
    viewer = _upload(db, {"名冊": [ROSTER_HEADER, ROSTER[2][:7] + (TODAY,)]}, user=EAST_VIEWER)
    assert viewer.status == "rejected" and _errors(viewer)[0][0] == "store.scope.role"


def _stored_issue(db, issue_id: str) -> tuple:
    with connect(db, read_only=True) as con:
        return con.execute("select owner_company, status, batch_id from issues where issue_id = ?",
                           [issue_id]).fetchone()


def test_a_lead_cannot_overwrite_another_companys_issue(private_paths):
    db = private_paths["db"]
    _base(db)
    upload = [
        ISSUE_HEADER,
        ("Q5", "E001", dt.date(2026, 3, 1), "改成東海的", EAST, "已關閉", dt.date(2026, 12, 31)),  # 南城's issue
        ("Q4", "S001", dt.date(2026, 3, 1), "南嶺的問題", None, "待處理", dt.date(2026, 12, 31)),  # clear owner
        ("Q2", "E001", dt.date(2026, 3, 1), "東海的問題", EAST, "處理中", dt.date(2026, 12, 31)),  # own: updated
        ("Q3", "S101", dt.date(2026, 3, 1), "海濱的問題", None, "待處理", dt.date(2026, 12, 31)),  # would move
        ("Q9", "E001", dt.date(2026, 4, 1), "新問題", SOUTH_CITY, "待處理", dt.date(2026, 12, 31)),  # for 南城
    ]
    result = _upload(db, {"問題": upload})
    assert result.status == "partial"
    assert result.counts["issues"]["updated"] == 1 and result.counts["issues"]["rejected"] == 4
    assert _errors(result) == [
        ("store.scope.issue_foreign", 'upload.xlsx › 問題 › 第 2 行 › 問題編號 = "Q5"'),
        ("store.scope.issue_foreign", 'upload.xlsx › 問題 › 第 3 行 › 問題編號 = "Q4"'),
        ("store.scope.issue_outside", 'upload.xlsx › 問題 › 第 5 行 › 提出人工號 = "S101"'),
        ("store.scope.issue_outside", 'upload.xlsx › 問題 › 第 6 行 › 責任單位 = "南城市分公司"'),
    ]
    foreign = next(p for p in result.problems if p.code == "store.scope.issue_foreign")
    assert "Q5" in foreign.message() and SOUTH_CITY not in foreign.message()  # the owner is not disclosed
    assert _stored_issue(db, "Q5") == (SOUTH_CITY, "處理中", 1)  # untouched, still batch 1's row
    assert _stored_issue(db, "Q4") == (SOUTH, "待處理", 1)
    assert _stored_issue(db, "Q3") == (EAST_CITY, "待處理", 1)
    assert _stored_issue(db, "Q2")[:2] == (EAST, "處理中")
    assert _stored_issue(db, "Q9") is None
    # the admin may still correct anyone's issue
    admin = _upload(db, {"問題": [ISSUE_HEADER, upload[1]]}, user=None, name="admin.xlsx")
    assert admin.status == "imported" and _stored_issue(db, "Q5")[:2] == (EAST, "已關閉")


def test_a_lead_cannot_set_another_companys_contacts(private_paths):
    db = private_paths["db"]
    _base(db)
    contacts = [("公司", "部門", "姓名", "電子郵件"),
                (EAST, None, "東聯絡", "east@example.com"),
                (SOUTH, None, "假聯絡", "attacker@example.com")]
    result = _upload(db, {"聯繫人": contacts})
    assert result.counts["contacts"]["new"] == 1
    assert _errors(result) == [("store.scope.contact_outside", 'upload.xlsx › 聯繫人 › 第 3 行 › 公司 = "南嶺省公司"')]
    with connect(db, read_only=True) as con:
        assert con.execute("select email from contacts").fetchall() == [("east@example.com",)]


def test_a_lead_cannot_file_or_overwrite_another_companys_plans(private_paths):
    db = private_paths["db"]
    _base(db)
    header = ("計畫編號", "計畫類型", "公司", "計畫期間", "計畫次數")
    admin = _upload(db, {"計畫": [header, ("P1", "年度計畫", SOUTH, "2026", 30)]}, user=None, name="plans.xlsx")
    assert admin.status == "imported", admin.summary()
    attack = [header,
              ("P1", "年度計畫", EAST, "2026", 1),  # 南嶺's plan number: would move it to 東海
              ("P2", "年度計畫", SOUTH_CITY, "2026", 5),  # a plan for 南城
              ("P3", "年度計畫", EAST, "2026", 12)]  # kept
    result = _upload(db, {"計畫": attack})
    assert result.counts["plans"]["new"] == 1 and result.counts["plans"]["rejected"] == 2
    assert _errors(result) == [
        ("store.scope.plan_foreign", 'upload.xlsx › 計畫 › 第 2 行 › 計畫編號 = "P1"'),
        ("store.scope.plan_outside", 'upload.xlsx › 計畫 › 第 3 行 › 公司 = "南城市分公司"'),
    ]
    with connect(db, read_only=True) as con:
        assert con.execute("select plan_id, company, planned_count from plans order by 1").fetchall() == [
            ("P1", SOUTH, 30), ("P3", EAST, 12)]
    from analytics.store.batches import list_batches

    with connect(db, read_only=True) as con:
        touched = dict(zip(list_batches(con)["batch_id"], list_batches(con)["companies"], strict=True))
    assert touched[admin.batch_id] == [key(SOUTH)] and touched[result.batch_id] == [key(EAST)]  # plans count too
