"""資料匯入 for a signed-in lead department (SPEC 8): uploads only for its own scope, checked before committing.

The database is conftest's sample (總部, 東海省公司 with 海濱市分公司) plus a second province imported here:
  南嶺省公司 with 南城市分公司; staff S001 (南嶺省公司) and S101 (南城市分公司).
The lead signs in as "east" (lead of 東海省公司) through the real sign-in form of app.py, then uploads:
  * a log for S001 (南嶺's staff; the file has no roster, so 工號 → company comes from the stored roster) → refused;
  * a roster adding 山城市分公司 (a new city whose parent is 東海省公司) with its staff E201, and a log for E201
    → imported (the new city is inside 東海's scope once the file's own roster is taken into account);
  * a roster that re-parents the stored 南城市分公司 under 東海省公司 → refused (the stored parent wins).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import ROSTER, add_users, signed_in, workbook_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PASSWORD = "Lead-east-2026"
D = dt.date(2026, 1, 1)
HEADER = ROSTER[0]
SOUTH_ROSTER = [
    HEADER,
    ("S001", "南主任", "南嶺省公司", "省公司", None, "市場部", "主要業務部門", "公司領導", D),
    ("S101", "南城員工", "南城市分公司", "地市公司", "南嶺省公司", "服務部", "主要業務部門", "員工", D),
]
LOG_HEADER = ("穿越編號", "工號", "穿越日期", "穿越類別", "穿越項目", "組織方式", "時長(小時)")


def batch_count(db: Path) -> int:
    from analytics.store.connection import connect

    with connect(db, read_only=True) as con:
        return int(con.execute("select count(*) from batches").fetchone()[0])


@pytest.fixture
def lead_db(sample_db: Path, tmp_path: Path, use_db, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample with 南嶺 imported, and a users file holding the lead of 東海省公司."""
    from analytics.store.importer import import_files

    db = use_db(tmp_path / "lead.duckdb")
    shutil.copy(sample_db, db)
    results = import_files([("south.xlsx", workbook_bytes({"名冊": SOUTH_ROSTER}))], db_path=db, user="admin")
    assert [r.status for r in results] == ["imported"]
    add_users(
        monkeypatch,
        {"username": "east", "role": "lead", "password": PASSWORD, "company": "東海省公司", "display_name": "東海推進辦"},
    )
    return db


def signed_in_import_page() -> AppTest:
    at = signed_in("east", PASSWORD, "pages/data_import.py")
    assert not at.exception, at.exception
    return at


def upload_and_commit(at: AppTest, name: str, content: bytes) -> str:
    """Upload one file and press the commit button unless the preview already refused it (issue #16 item 10: the
    preview says what the import will do); the page's warnings and errors joined."""
    at.file_uploader[0].set_value([(name, content, XLSX)]).run()
    assert not at.exception, at.exception
    if not at.button(key="commit").disabled:
        at.button(key="commit").click().run()
    assert not at.exception, at.exception
    return "\n".join(str(w.value) for w in [*at.warning, *at.error])


def test_lead_cannot_upload_a_log_for_another_provinces_staff(lead_db):
    before = batch_count(lead_db)  # sample.xlsx + south.xlsx = 2
    assert before == 2
    at = signed_in_import_page()
    log = workbook_bytes({"穿越": [LOG_HEADER, ("Z1", "S001", dt.date(2026, 6, 1), "常規穿越", "其他", "個人穿越", 2)]})
    warning = upload_and_commit(at, "south_log.xlsx", log)
    # refused in the preview, the company by its roster name (no longer its folded key 南岭省公司)
    assert "範圍以外" in warning and "南嶺省公司" in warning
    assert at.button(key="commit").disabled
    assert batch_count(lead_db) == before  # nothing written


def test_lead_may_add_a_new_city_of_its_own_province(lead_db):
    at = signed_in_import_page()
    roster = [HEADER, ("E201", "山城員工", "山城市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "員工", D)]
    log = [LOG_HEADER, ("Z2", "E201", dt.date(2026, 6, 2), "常規穿越", "其他", "個人穿越", 3)]
    warning = upload_and_commit(at, "new_city.xlsx", workbook_bytes({"名冊": roster, "穿越": log}))
    assert warning == ""
    assert batch_count(lead_db) == 3  # 2 before + this one
    assert "**new\\_city\\.xlsx** · :green-badge[已匯入] · 批次 #3" in [str(m.value) for m in at.markdown]


def test_lead_cannot_move_a_stored_city_of_another_province_into_its_scope(lead_db):
    at = signed_in_import_page()
    roster = [HEADER, ("S101", "南城員工", "南城市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "員工", D)]
    warning = upload_and_commit(at, "move.xlsx", workbook_bytes({"名冊": roster}))
    assert "範圍以外" in warning and "南城市分公司" in warning
    assert batch_count(lead_db) == 2


def test_lead_may_correct_only_its_own_scopes_imports(lead_db):
    """Issue #11 item 7 as an attacker: batches 1 and 2 were imported by "admin" (no company of a lead), so the
    東海 lead is offered none of them to correct; after its own import (batch 3) only batch 3 is offered."""
    at = signed_in_import_page()
    roster = [HEADER, ("E201", "山城員工", "山城市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "員工", D)]
    log = [LOG_HEADER, (None, "E201", dt.date(2026, 6, 2), "常規穿越", "其他", "個人穿越", 3)]
    at.file_uploader[0].set_value([("fix.xlsx", workbook_bytes({"名冊": roster, "穿越": log}), XLSX)]).run()
    at.toggle(key="import_replaces").set_value(True).run()
    assert not at.exception, at.exception
    assert "目前沒有您可以更正的有效批次。" in [str(i.value) for i in at.info]
    assert at.button(key="commit").disabled
    at.toggle(key="import_replaces").set_value(False).run()
    at.button(key="commit").click().run()
    assert batch_count(lead_db) == 3
    fixed_log = [LOG_HEADER, (None, "E201", dt.date(2026, 6, 3), "常規穿越", "其他", "個人穿越", 3)]
    at.file_uploader[0].set_value([("fix2.xlsx", workbook_bytes({"名冊": roster, "穿越": fixed_log}), XLSX)]).run()
    at.toggle(key="import_replaces").set_value(True).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="import_replaces_batch").options == [
        o for o in at.selectbox(key="import_replaces_batch").options if o.startswith("批次 3 · fix.xlsx")]
    assert len(at.selectbox(key="import_replaces_batch").options) == 1
