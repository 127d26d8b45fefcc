"""Issue progress in the app (issue #15 item 1, SPEC 9 / article 9.3): who may update, what is written, the timeline.

The store: conftest's sample (總部; 東海省公司 with 海濱市分公司) plus one issue I9 owned by 海濱市分公司 / 服務部,
raised 2026-05-02 by C003, 待處理, due 2026-06-30. Roles tried on I9 (by hand from SPEC 9 and SPEC 8):
  admin → yes; lead of 東海省公司 → yes (海濱 rolls up to 東海); lead of 海濱 → yes; owner department 海濱/服務部 → yes;
  department 海濱/市場部 → no (not its department); viewer of 東海 → no (reads only); lead of 總部's sister province
  南嶺 → "not found" (outside its read scope: it must not learn the issue exists); local mode → yes.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from analytics.auth.model import User
from analytics.store.connection import connect
from analytics.store.importer import import_files
from analytics.store.issue_updates import IssueUpdate, load_issue, load_issue_timeline, record_issue_update
from tests.pages.conftest import ROSTER, sample_workbook, workbook_bytes

ISSUE_HEADER = ("問題編號", "提出人工號", "提出日期", "問題類別", "問題描述", "責任單位", "責任部門", "狀態", "計畫完成日期", "最新進展")
I9 = ("I9", "C003", dt.date(2026, 5, 2), "服務規範", "營業廳等候區無叫號", "海濱市分公司", "服務部", "待處理",
      dt.date(2026, 6, 30), None)
SOUTH = [ROSTER[0], ("S001", "南主任", "南嶺省公司", "省公司", None, "市場部", "主要業務部門", "公司領導", dt.date(2026, 1, 1))]
T1 = dt.datetime(2026, 6, 1, 9, 0)

USERS = {
    "admin": User("admin", "管理員", "admin"),
    "east_lead": User("east_lead", "東海推進辦", "lead", company="東海省公司"),
    "city_lead": User("city_lead", "海濱推進辦", "lead", company="海濱市分公司"),
    "owner_dept": User("owner_dept", "海濱服務部", "department", company="海濱市分公司", department="服務部"),
    "other_dept": User("other_dept", "海濱市場部", "department", company="海濱市分公司", department="市場部"),
    "viewer": User("viewer", "東海領導", "viewer", company="東海省公司"),
    "south_lead": User("south_lead", "南嶺推進辦", "lead", company="南嶺省公司"),
}


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("progress") / "base.duckdb"
    files = [("sample.xlsx", sample_workbook()), ("south.xlsx", workbook_bytes({"名冊": SOUTH})),
             ("i9.xlsx", workbook_bytes({"問題": [ISSUE_HEADER, I9]}))]
    assert [r.status for r in import_files(files, db_path=path, user="lead")] == ["imported"] * 3
    return path


@pytest.fixture
def db(base_db, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copy(base_db, path)
    return path


def _issue(db, issue_id="I9"):
    with connect(db, read_only=True) as con:
        return load_issue(con, issue_id)


@pytest.mark.parametrize(("who", "ok", "words"), [
    ("admin", True, "已記錄問題 I9 的進展"),
    ("east_lead", True, "已記錄問題 I9 的進展"),
    ("city_lead", True, "已記錄問題 I9 的進展"),
    ("owner_dept", True, "已記錄問題 I9 的進展"),
    ("other_dept", False, "不能更新它"),
    ("viewer", False, "不能更新它"),
    ("south_lead", False, "在您的權限範圍內找不到問題 I9"),
    (None, True, "已記錄問題 I9 的進展"),
])
def test_each_role_may_or_may_not_update(db, who, ok, words):
    user = USERS.get(who) if who else None
    result = record_issue_update(db, IssueUpdate("I9", "處理中", "已安排叫號機"), user=user, now=T1)
    assert result.ok is ok and words in result.message
    assert _issue(db)["status"] == ("處理中" if ok else "待處理")


def test_the_update_is_one_history_entry_with_who_when_and_source_then_an_import_adds_the_next(db):
    done = record_issue_update(db, IssueUpdate("I9", "處理中", "已安排叫號機", dt.date(2026, 7, 15)),
                               user=USERS["owner_dept"], now=T1)
    assert done.ok and done.batch_id == 4
    issue = _issue(db)
    assert (issue["status"], issue["progress"], issue["due_on"].date()) == ("處理中", "已安排叫號機", dt.date(2026, 7, 15))
    # a note only, status unchanged: still one entry of its own
    later = dt.datetime(2026, 6, 20, 10, 0)
    assert record_issue_update(db, IssueUpdate("I9", "處理中", "叫號機已到貨"), user=USERS["city_lead"], now=later).ok
    # then the monthly issue file closes it (with its own 解決日期)
    closed_row = (*I9[:7], "已解決", dt.date(2026, 7, 15), "叫號系統已上線")
    header = (*ISSUE_HEADER, "解決日期")
    [imported] = import_files([("july.xlsx", workbook_bytes({"問題": [header, (*closed_row, dt.date(2026, 7, 10))]}))],
                              db_path=db, user="east_lead")
    assert imported.status == "imported"
    with connect(db, read_only=True) as con:
        timeline = load_issue_timeline(con, "I9")
    got = list(zip(timeline["old_status"], timeline["new_status"], timeline["note"], timeline["changed_by"],
                   timeline["source"], strict=True))
    assert got == [
        (None, "待處理", None, "lead", "import"),
        ("待處理", "處理中", "已安排叫號機", "owner_dept", "app"),
        ("處理中", "處理中", "叫號機已到貨", "city_lead", "app"),
        ("處理中", "已解決", "叫號系統已上線", "east_lead", "import"),
    ]
    assert [d.date() if d == d else None for d in timeline["due_on"]] == [
        dt.date(2026, 6, 30), dt.date(2026, 7, 15), dt.date(2026, 7, 15), dt.date(2026, 7, 15)]
    assert list(timeline["changed_at"])[1:3] == [T1, later]
    issue = _issue(db)
    assert (issue["status"], issue["resolved_on"].date()) == ("已解決", dt.date(2026, 7, 10))
    with connect(db, read_only=True) as con:
        audit = con.execute("select actor, action from audit_log where action = 'issue_update' order by \"at\"").fetchall()
        sources = con.execute("select batch_id, source from batches order by 1").fetchall()
    assert audit == [("owner_dept", "issue_update"), ("city_lead", "issue_update")]
    assert sources == [(1, None), (2, None), (3, None), (4, "app"), (5, "app"), (6, None)]


def test_closing_in_the_app_dates_it_and_rollback_undoes_it_exactly(db):
    from analytics.store.batches import rollback_batch

    before = _issue(db)
    result = record_issue_update(db, IssueUpdate("I9", "已解決", "已完成"), user=USERS["admin"],
                                 now=dt.datetime(2026, 6, 3, 8, 0))
    assert result.ok
    assert _issue(db)["resolved_on"].date() == dt.date(2026, 6, 3)  # no 解決日期 given: the day it was recorded
    assert rollback_batch(db, result.batch_id, user="admin").ok
    after = _issue(db)
    assert (after["status"], after["progress"], after["resolved_on"]) == (before["status"], None, None)
    with connect(db, read_only=True) as con:
        assert len(load_issue_timeline(con, "I9")) == 1


@pytest.mark.parametrize(("update", "words"), [
    (IssueUpdate("I9", "完成了"), "不在詞表中"),
    (IssueUpdate("I9", "處理中", "字" * 1001), "上限為 1000 字"),
    (IssueUpdate("I9", "處理中", None, dt.date(2026, 4, 1)), "早於提出日期"),
    (IssueUpdate("I9", "待處理", "  \u202e\u200b "), "沒有變更"),  # only invisible characters: no note at all
    (IssueUpdate("NOPE", "處理中"), "找不到問題 NOPE"),
])
def test_refusals_change_nothing(db, update, words):
    result = record_issue_update(db, update, user=USERS["admin"], now=T1)
    assert not result.ok and words in result.message
    with connect(db, read_only=True) as con:
        assert con.execute("select count(*) from batches").fetchone()[0] == 3
    assert _issue(db)["status"] == "待處理"


def test_a_note_is_stored_without_bidi_or_control_characters(db):
    assert record_issue_update(db, IssueUpdate("I9", "處理中", "已\u202e處理\x00完畢"), user=None, now=T1).ok
    assert _issue(db)["progress"] == "已處理完畢"
