"""pages/admin.py: admins see the audit log (filterable, downloadable) and the user list; others are refused."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
from streamlit.testing.v1 import AppTest

from analytics.auth import UserStore

APP = str(Path(__file__).parent / "apps" / "admin_app.py")
PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "admin.py")
PASSWORD = "Admin-pass-12"
HOSTILE_FILE = '=HYPERLINK("http://x","y").xlsx'


def seed_database(path: Path) -> None:
    """Three entries at fixed times: an import of a hostile file name, a rollback, a sign-in."""
    from analytics.store.audit import record
    from analytics.store.connection import connect

    with connect(path) as con:
        record(con, "lead1", "import", {"file_name": HOSTILE_FILE, "batch_id": 1}, at=dt.datetime(2026, 10, 1, 9))
        record(con, "root", "rollback", {"batch_id": 1}, at=dt.datetime(2026, 10, 2, 9))
        record(con, "lead1", "sign_in", {"method": "password"}, at=dt.datetime(2026, 10, 3, 9))


def add_users() -> None:
    store = UserStore.load()
    store.add("root", role="admin", password=PASSWORD, display_name="管理員甲")
    store.add("lead1", role="lead", password=PASSWORD, company="東海省公司")
    store.save()


def signed_in(username: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    return at


def test_admin_sees_audit_log_and_users(server_address, private_paths):
    server_address("0.0.0.0")
    add_users()
    seed_database(private_paths["db"])
    at = signed_in("root")
    assert [t.label for t in at.tabs] == ["稽核紀錄", "使用者", "提醒郵件"]
    audit_df, users_df = at.dataframe[0].value, at.dataframe[1].value
    # 3 seeded entries + root's own sign-in just now, newest first
    assert list(audit_df["動作"]) == ["登入", "登入", "回復匯入", "匯入"]
    assert list(audit_df["使用者"]) == ["root", "lead1", "root", "lead1"]
    assert audit_df["內容"].iloc[-1] == f"file_name={HOSTILE_FILE}; batch_id=1"
    assert list(users_df["使用者名稱"]) == ["lead1", "root"]
    assert list(users_df["角色"]) == ["牽頭部門", "管理員"]
    assert list(users_df["公司"]) == ["東海省公司", "全部公司"]
    assert any("python -m analytics users add" in i.value for i in at.info)  # changes are CLI-only

    # filter by action, then by the text of the details
    at.selectbox(key="admin_action").set_value("import").run()
    assert list(at.dataframe[0].value["動作"]) == ["匯入"]
    at.selectbox(key="admin_action").set_value("__any__").run()
    at.text_input(key="admin_text").input("hyperlink").run()
    assert list(at.dataframe[0].value["使用者"]) == ["lead1"]
    at.text_input(key="admin_text").input("").run()
    # date range 2026-10-02..2026-10-03 keeps the rollback and lead1's sign-in (the end day is included)
    at.date_input(key="admin_dates").set_value((dt.date(2026, 10, 2), dt.date(2026, 10, 3))).run()
    assert list(at.dataframe[0].value["動作"]) == ["登入", "回復匯入"]


def test_download_is_formula_safe(server_address, private_paths, monkeypatch):
    """The .xlsx download holds the hostile file name as text, never as a live formula (SPEC 6)."""
    from tests.downloads import capture_xlsx_downloads

    captured = capture_xlsx_downloads(monkeypatch)
    server_address("127.0.0.1")  # local mode: the single local user is the administrator
    seed_database(private_paths["db"])
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert len(captured) == 1
    sheet = openpyxl.load_workbook(io.BytesIO(captured[0])).active
    assert [c.value for c in sheet[1]] == ["時間", "使用者", "動作", "內容"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert len(cells) == 3 * 4  # three entries, four columns (local mode signs nobody in)
    assert [c for c in cells if c.data_type == "f"] == []  # no formula anywhere
    assert f"file_name={HOSTILE_FILE}; batch_id=1" in [c.value for c in cells]


def test_viewer_and_lead_are_refused(server_address):
    server_address("0.0.0.0")
    add_users()
    at = signed_in("lead1")
    assert not at.dataframe
    assert any("此頁僅限管理員使用" in e.value for e in at.error)


def test_page_without_the_router_shows_only_the_sign_in(server_address):
    """Run on its own (no app.py), the page runs the gate itself (ui/gate.py): the sign-in form, no audit log."""
    server_address("0.0.0.0")
    add_users()
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.run()
    assert not at.exception and not at.dataframe and not at.tabs
    assert [w.label for w in at.text_input] == ["使用者名稱", "密碼"]
