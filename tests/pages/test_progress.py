"""問題進展 on the issues page (issue #15 item 1) as each role signs in through app.py's real sign-in form.

The store: conftest's sample plus issue I9 (海濱市分公司 / 服務部, 待處理, due 2026-06-30) and 南嶺省公司 (S001).
By hand from SPEC 9: the owner department 海濱/服務部 sees I9 in its work list and records progress (the timeline
grows from 1 entry to 2, the stored status changes); 海濱/市場部 and the 東海 viewer read the timeline but get no
form; the 南嶺 lead is told the issue is not in its scope (no timeline at all).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import ROSTER, add_users, signed_in, texts, workbook_bytes

ISSUE_HEADER = ("問題編號", "提出人工號", "提出日期", "問題類別", "問題描述", "責任單位", "責任部門", "狀態", "計畫完成日期")
I9 = ("I9", "C003", dt.date(2026, 5, 2), "服務規範", "營業廳等候區無叫號", "海濱市分公司", "服務部", "待處理",
      dt.date(2026, 6, 30))
SOUTH = [ROSTER[0], ("S001", "南主任", "南嶺省公司", "省公司", None, "市場部", "主要業務部門", "公司領導", dt.date(2026, 1, 1))]
PASSWORD = "Progress-2026-ok"


@pytest.fixture
def progress_db(sample_db: Path, tmp_path: Path, use_db, monkeypatch: pytest.MonkeyPatch) -> Path:
    from analytics.store.importer import import_files

    db = use_db(tmp_path / "progress.duckdb")
    shutil.copy(sample_db, db)
    files = [("south.xlsx", workbook_bytes({"名冊": SOUTH})), ("i9.xlsx", workbook_bytes({"問題": [ISSUE_HEADER, I9]}))]
    assert [r.status for r in import_files(files, db_path=db, user="admin")] == ["imported", "imported"]
    add_users(
        monkeypatch,
        {"username": "hb_service", "role": "department", "password": PASSWORD, "company": "海濱市分公司", "department": "服務部"},
        {"username": "hb_market", "role": "department", "password": PASSWORD, "company": "海濱市分公司", "department": "市場部"},
        {"username": "east_viewer", "role": "viewer", "password": PASSWORD, "company": "東海省公司"},
        {"username": "south_lead", "role": "lead", "password": PASSWORD, "company": "南嶺省公司"},
    )
    return db


def issues_page_as(username: str) -> AppTest:
    at = signed_in(username, PASSWORD, "pages/issues.py", issue="I9", as_of="2026-06-15")
    assert not at.exception, at.exception
    return at


def timeline_of(at: AppTest):
    """The timeline table (the one with a 記錄人 column), or None when the page shows none."""
    found = [d.value for d in at.dataframe if "記錄人" in d.value.columns]
    return found[0] if found else None


def _status(db: Path) -> tuple:
    from analytics.store.connection import connect

    with connect(db, read_only=True) as con:
        return con.execute("select status, progress from issues where issue_id = 'I9'").fetchone()


def test_owner_department_records_progress_and_sees_the_timeline_grow(progress_db):
    at = issues_page_as("hb_service")
    assert "本部門負責的未關閉問題" in texts(at)
    work_list = at.dataframe[0].value
    assert list(work_list["問題編號"]) == ["I9"]
    timeline = timeline_of(at)
    assert list(timeline["狀態"]) == ["待處理"] and list(timeline["來源"]) == ["檔案匯入"]
    at.selectbox(key="progress_status").set_value("處理中")
    at.text_area(key="progress_note").input("已安排叫號機，七月中上線")
    [submit] = [b for b in at.button if b.label == "送出進展"]
    submit.click().run()
    assert not at.exception, at.exception
    assert "已記錄問題 I9 的進展" in texts(at)
    assert _status(progress_db) == ("處理中", "已安排叫號機，七月中上線")
    timeline = timeline_of(at)
    assert list(timeline["狀態"]) == ["待處理", "待處理 → 處理中"]
    assert list(timeline["記錄人"]) == ["admin", "hb_service"]
    assert list(timeline["來源"]) == ["檔案匯入", "系統內更新"]
    assert list(timeline["進展說明"])[-1] == "已安排叫號機，七月中上線"


@pytest.mark.parametrize("username", ["hb_market", "east_viewer"])
def test_other_departments_and_viewers_read_but_get_no_form(progress_db, username):
    at = issues_page_as(username)
    assert "您可以查看此問題的歷程" in texts(at)
    assert len(timeline_of(at)) == 1
    assert not [b for b in at.button if b.label == "送出進展"]
    assert _status(progress_db) == ("待處理", None)


def test_another_provinces_lead_is_told_the_issue_is_not_in_its_scope(progress_db):
    at = issues_page_as("south_lead")
    assert "在您的權限範圍內找不到問題 I9" in texts(at)
    assert "營業廳等候區無叫號" not in texts(at)
    assert timeline_of(at) is None
    assert not [b for b in at.button if b.label == "送出進展"]
