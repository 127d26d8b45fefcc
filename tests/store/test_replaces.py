"""Issue #11 item 7: a corrected file replaces the batch it corrects, in one transaction (`import --replaces`).

The scenario a lead department lives: its March log has two rows without 穿越編號; one date is wrong (張三 walked on
03-16, not 03-06). Rows without an id are keyed by their content, so importing the fixed file as a new batch keeps the
wrong row beside the right one (3 rows where there are 2). With ``--replaces 1`` the log holds exactly the two
corrected rows, batch 1 is rolled back, batch 2 says which batch it replaced, and the audit log has both steps.
"""

from __future__ import annotations

import datetime as dt
import json

from analytics.cli import main
from tests.store.conftest import rows, scalar
from tests.store.files import roster_and_log, write

WRONG = [[None, "001", "張三", "2026-03-05", "常規穿越", "門市客戶扮演", "2", None],
         [None, "002", "李四", "2026-03-06", "常規穿越", "門市客戶扮演", "2", None]]
FIXED = [WRONG[0], [None, "002", "李四", "2026-03-16", "常規穿越", "門市客戶扮演", "2", None]]
NO_VALID_ROW = [[None, "002", "李四", "16/3/2026", "常規穿越", "門市客戶扮演", "2", None]]


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _walk_dates(db) -> list[tuple]:
    return rows(db, "select employee_id, date from walkthroughs order by employee_id, date")


def test_without_replaces_the_corrected_file_double_counts(tmp_path, capsys, db):
    # the bug the option exists for: the old 002 row (03-06) stays beside the corrected one (03-16)
    _run(capsys, "import", str(write(tmp_path / "march.xlsx", roster_and_log(WRONG))), "--db", str(db))
    _run(capsys, "import", str(write(tmp_path / "march_fixed.xlsx", roster_and_log(FIXED))), "--db", str(db))
    assert _walk_dates(db) == [("001", dt.date(2026, 3, 5)), ("002", dt.date(2026, 3, 6)),
                               ("002", dt.date(2026, 3, 16))]


def test_replaces_rolls_the_batch_back_and_imports_the_correction_in_one_step(tmp_path, capsys, db):
    code, _, _ = _run(capsys, "import", str(write(tmp_path / "march.xlsx", roster_and_log(WRONG))), "--db", str(db))
    assert code == 0
    fixed = write(tmp_path / "march_fixed.xlsx", roster_and_log(FIXED))
    code, out, _ = _run(capsys, "import", str(fixed), "--db", str(db), "--replaces", "1", "--user", "王主任")
    assert code == 0, out
    assert "更正批次 1" in out
    assert _walk_dates(db) == [("001", dt.date(2026, 3, 5)), ("002", dt.date(2026, 3, 16))]
    assert rows(db, "select batch_id, status, rolled_back_by, replaces_batch from batches order by batch_id") == [
        (1, "rolled_back", "王主任", None), (2, "active", None, 1)]
    actions = rows(db, "select action, cast(detail as varchar) from audit_log order by \"at\", action")
    assert [a for a, _ in actions][-2:] == ["import", "rollback"]  # same timestamp: one transaction
    rollback_details = json.loads(actions[-1][1])
    assert rollback_details["batch_id"] == 1 and rollback_details["replaced_by_file"] == "march_fixed.xlsx"
    # the roster of batch 1 was rolled back and written again by batch 2: still the same two people
    assert rows(db, "select employee_id from roster order by 1") == [("001",), ("002",)]
    code, out, _ = _run(capsys, "batches", "--db", str(db), "--json")
    assert [(b["batch_id"], b["replaces_batch"]) for b in json.loads(out)] == [(2, 1), (1, None)]


def test_replacing_what_cannot_be_rolled_back_changes_nothing(tmp_path, capsys, db):
    _run(capsys, "import", str(write(tmp_path / "march.xlsx", roster_and_log(WRONG))), "--db", str(db))
    fixed = write(tmp_path / "march_fixed.xlsx", roster_and_log(FIXED))
    code, out, _ = _run(capsys, "import", str(fixed), "--db", str(db), "--replaces", "7", "--json", "--lang", "en")
    assert code == 1
    [report] = json.loads(out)
    assert report["status"] == "rejected" and report["batch_id"] is None
    assert report["problems"][0]["message"] == ("This file is to correct batch 7, but that batch cannot be rolled "
                                                "back: There is no batch 7. Nothing was changed.")
    assert scalar(db, "select count(*) from batches") == 1
    assert _walk_dates(db) == [("001", dt.date(2026, 3, 5)), ("002", dt.date(2026, 3, 6))]
    # a batch that is itself already rolled back cannot be replaced either
    _run(capsys, "rollback", "1", "--db", str(db))
    code, out, _ = _run(capsys, "import", str(fixed), "--db", str(db), "--replaces", "1")
    assert code == 1 and "批次 1 的狀態為「已回滾」" in out
    assert _walk_dates(db) == []


def test_a_refused_correction_leaves_the_earlier_batch_in_place(tmp_path, capsys, db):
    _run(capsys, "import", str(write(tmp_path / "march.xlsx", roster_and_log(WRONG))), "--db", str(db))
    broken = write(tmp_path / "march_fixed.xlsx", roster_and_log(NO_VALID_ROW))
    code, _, _ = _run(capsys, "import", str(broken), "--db", str(db), "--replaces", "1", "--strict")
    assert code == 1
    assert rows(db, "select batch_id, status, replaces_batch from batches order by 1") == [
        (1, "active", None), (2, "rejected", None)]
    assert _walk_dates(db) == [("001", dt.date(2026, 3, 5)), ("002", dt.date(2026, 3, 6))]


def test_replaces_takes_exactly_one_file(tmp_path, capsys, db):
    a = write(tmp_path / "a.xlsx", roster_and_log(WRONG))
    b = write(tmp_path / "b.xlsx", roster_and_log(FIXED))
    code, _, err = _run(capsys, "import", str(a), str(b), "--db", str(db), "--replaces", "1")
    assert code == 2 and "--replaces 只能搭配一個檔案" in err
