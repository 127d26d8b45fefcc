"""Issue #12 finding 4, performed as the attacker: import history (list, original file, rollback) is scoped by the
companies each batch touched (batch_companies, migration 0008).

Batches, worked out from the files below (companies are those of test_upload_rows_scope's base roster):
  1 base.xlsx (admin): roster + issues of all five companies → 總部, 東海, 海濱, 南嶺, 南城
  2 east.xlsx (東海 lead): one 東海 person (snapshot 2026-02-01) → 東海
  3 south.xlsx (南嶺 lead): a walk of S101 (南城市分公司's person) → 南城
  4 mover1.xlsx (admin): P001 on 東海's roster from 2026-01-15 → 東海
  5 mover2.xlsx (admin): P001 on 南嶺's roster from 2026-06-01 and a walk of P001 on 2026-03-02 → 南嶺 (the roster
    row) and 東海 (the walk: P001's snapshot as of its date is still 東海's)
So the 東海 lead sees batches 4 and 2, the 南嶺 lead batch 3 only (5 touched 東海 too), the admin all five.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.auth import User
from analytics.auth.scope import can_read_batch, visible_batches
from analytics.errors import UserFacingError
from analytics.metrics.scope import load_companies
from analytics.store.batches import list_batches, load_archived_file, rollback_batch
from analytics.store.connection import connect
from analytics.store.importer import import_files
from tests.trust.conftest import EAST, SOUTH, SOUTH_CITY, key, workbook_bytes
from tests.trust.test_upload_rows_scope import ISSUES, ROSTER, ROSTER_HEADER

D = dt.date(2026, 1, 1)
EAST_LEAD = User("eastlead", "東海推進辦", "lead", EAST)
SOUTH_LEAD = User("southlead", "南嶺推進辦", "lead", SOUTH)
EAST_VIEWER = User("eastexec", "東海高管", "viewer", EAST)
USERS = {u.username: u for u in (EAST_LEAD, SOUTH_LEAD, EAST_VIEWER)}
LOG_HEADER = ("穿越編號", "工號", "穿越日期", "穿越類別", "穿越項目", "組織方式", "時長(小時)")


def _import(db, name: str, sheets: dict, user: User | None) -> int:
    (result,) = import_files([(name, workbook_bytes(sheets))], db_path=db, user=getattr(user, "username", "admin"),
                             acting=user)
    assert result.status == "imported", result.summary()
    return result.batch_id


@pytest.fixture
def history(private_paths):
    db = private_paths["db"]
    assert _import(db, "base.xlsx", {"名冊": ROSTER, "問題": ISSUES}, None) == 1
    east = [ROSTER_HEADER, ("E002", "東乙", EAST, "省公司", None, "綜合部", "員工", dt.date(2026, 2, 1))]
    assert _import(db, "east.xlsx", {"名冊": east}, EAST_LEAD) == 2
    assert _import(db, "south.xlsx", {"穿越": [LOG_HEADER, ("W1", "S101", dt.date(2026, 3, 1), "常規穿越", "其他",
                                                           "個人穿越", 2)]}, SOUTH_LEAD) == 3
    mover1 = [ROSTER_HEADER, ("P001", "遷甲", EAST, "省公司", None, "綜合部", "員工", dt.date(2026, 1, 15))]
    assert _import(db, "mover1.xlsx", {"名冊": mover1}, None) == 4
    mover2 = {"名冊": [ROSTER_HEADER, ("P001", "遷甲", SOUTH, "省公司", None, "綜合部", "員工", dt.date(2026, 6, 1))],
              "穿越": [LOG_HEADER, ("W2", "P001", dt.date(2026, 3, 2), "常規穿越", "其他", "個人穿越", 2)]}
    assert _import(db, "mover2.xlsx", mover2, None) == 5
    return db


def _companies(db) -> dict[int, list[str]]:
    with connect(db, read_only=True) as con:
        frame = list_batches(con)
    return dict(zip(frame["batch_id"].tolist(), frame["companies"].tolist(), strict=True))


def _visible(db, user: User | None) -> list[int]:
    with connect(db, read_only=True) as con:
        frame, tree = list_batches(con), load_companies(con)
    return visible_batches(user, frame, tree, USERS)["batch_id"].tolist()


def test_each_batch_records_the_companies_it_touched(history):
    assert _companies(history) == {
        1: sorted(key(c) for c in ("總部", EAST, "海濱市分公司", SOUTH, SOUTH_CITY)),
        2: [key(EAST)],
        3: [key(SOUTH_CITY)],
        4: [key(EAST)],
        5: sorted([key(EAST), key(SOUTH)]),
    }


def test_a_lead_lists_only_the_batches_of_its_scope(history):
    assert _visible(history, EAST_LEAD) == [4, 2]
    assert _visible(history, SOUTH_LEAD) == [3]
    assert _visible(history, EAST_VIEWER) == [4, 2]
    assert _visible(history, None) == [5, 4, 3, 2, 1]
    assert _visible(history, User("root", "Admin", "admin")) == [5, 4, 3, 2, 1]


def test_another_companys_original_file_cannot_be_downloaded(history):
    name, content = load_archived_file(history, 2, acting=EAST_LEAD)
    assert name == "east.xlsx" and content[:2] == b"PK"
    for batch in (1, 3, 5):
        with pytest.raises(UserFacingError, match=f"批次 {batch}"):
            load_archived_file(history, batch, acting=EAST_LEAD)
    with pytest.raises(UserFacingError):
        load_archived_file(history, 2, acting=SOUTH_LEAD)
    assert load_archived_file(history, 3)[0] == "south.xlsx"  # the command line (no user) is not limited


def test_another_companys_batch_cannot_be_rolled_back(history):
    refused = rollback_batch(history, 2, user="southlead", acting=SOUTH_LEAD)
    missing = rollback_batch(history, 99, user="southlead", acting=SOUTH_LEAD)
    assert not refused.ok and refused.message == missing.message.replace("99", "2")  # reads as a missing batch
    viewer = rollback_batch(history, 2, user="eastexec", acting=EAST_VIEWER)
    assert not viewer.ok and "不能回滾" in viewer.message
    assert rollback_batch(history, 1, user="eastlead", acting=EAST_LEAD).ok is False  # national batch: admins
    assert rollback_batch(history, 5, user="eastlead", acting=EAST_LEAD).ok is False  # touched 南嶺 too
    with connect(history, read_only=True) as con:
        assert con.execute("select count(*) from batches where status = 'active'").fetchone()[0] == 5
    assert rollback_batch(history, 2, user="eastlead", acting=EAST_LEAD).ok is True


def test_a_refused_file_counts_for_its_importer(history, private_paths):
    """No company is known for a refused file: it counts for the importer's company in the users file."""
    attack = {"名冊": [ROSTER_HEADER, ("E001", "東甲", EAST, "總部", None, "綜合部", "公司領導", D)]}
    (result,) = import_files([("attack.xlsx", workbook_bytes(attack))], db_path=history, user="eastlead",
                             acting=EAST_LEAD)
    assert result.status == "rejected" and _companies(history)[result.batch_id] == []
    assert result.batch_id in _visible(history, EAST_LEAD) and result.batch_id not in _visible(history, SOUTH_LEAD)
    assert can_read_batch(SOUTH_LEAD, {"imported_by": "cli:root", "companies": []}, None, USERS) is False


def test_migration_0008_backfills_the_same_companies(history):
    """Drop the recorded rows and the migration's record: reopening applies 0008 again over the stored rows."""
    recorded = _companies(history)
    with connect(history) as con:
        con.execute("drop table batch_companies")
        con.execute("delete from schema_version where version = 8")
    assert _companies(history) == recorded  # the read-only open migrates first


def test_an_app_issue_update_records_its_company(history):
    from analytics.store.issue_updates import IssueUpdate, record_issue_update

    done = record_issue_update(history, IssueUpdate("Q2", "處理中", note="跟進中"), user=EAST_LEAD)
    assert done.ok, done.message
    assert _companies(history)[done.batch_id] == [key(EAST)]
    assert done.batch_id in _visible(history, EAST_LEAD)
