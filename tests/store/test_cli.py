"""`python -m analytics import | batches | rollback | backup | restore | check`: output and exit codes (SPEC 5)."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb

from analytics.cli import main
from tests.store.conftest import ROOT, scalar
from tests.store.files import BAD_DATE_ROW, GOOD_LOG, roster_and_log, write


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_all_rows_exits_0_and_reimport_reports_already_imported(tmp_path, capsys, db):
    good = write(tmp_path / "good.xlsx", roster_and_log(GOOD_LOG))
    code, out, _ = _run(capsys, "import", str(good), "--db", str(db), "--user", "王主任")
    assert code == 0
    # roster 2 new; the 工號 cell "001、002" expands to 2 log rows
    assert "人員名冊：新增 2、更新 0、未變 0、退回 0、提示 0" in out
    assert "穿越記錄：新增 2、更新 0、未變 0、退回 0、提示 0" in out
    code, out, _ = _run(capsys, "import", str(good), "--db", str(db), "--json")
    assert code == 0
    assert [(r["status"], r["batch_id"]) for r in json.loads(out)] == [("already_imported", 1)]
    assert scalar(db, "select imported_by from batches") == "王主任"


def test_rejected_row_exits_1_but_valid_rows_are_committed(tmp_path, capsys, db):
    mixed = write(tmp_path / "mixed.xlsx", roster_and_log([*GOOD_LOG, BAD_DATE_ROW]))
    code, out, _ = _run(capsys, "import", str(mixed), "--db", str(db), "--json")
    assert code == 1
    [report] = json.loads(out)
    assert report["status"] == "partial" and report["counts"]["walkthroughs"]["new"] == 2
    assert report["counts"]["walkthroughs"]["rejected"] == 1
    assert scalar(db, "select count(*) from walkthroughs") == 2


def test_strict_exits_1_and_writes_nothing(tmp_path, capsys, db):
    mixed = write(tmp_path / "mixed.xlsx", roster_and_log([*GOOD_LOG, BAD_DATE_ROW]))
    code, out, _ = _run(capsys, "import", str(mixed), "--db", str(db), "--strict")
    assert code == 1 and "嚴格模式" in out
    assert scalar(db, "select count(*) from walkthroughs") + scalar(db, "select count(*) from roster") == 0


def test_missing_path_is_a_clear_message_and_exit_1(tmp_path, capsys, db):
    code, out, _ = _run(capsys, "import", str(tmp_path / "nope.xlsx"), "--db", str(db))
    assert code == 1 and "找不到檔案" in out and "Traceback" not in out


def test_batches_and_rollback(tmp_path, capsys, db):
    _run(capsys, "import", str(write(tmp_path / "g.xlsx", roster_and_log(GOOD_LOG))), "--db", str(db))
    code, out, _ = _run(capsys, "batches", "--db", str(db), "--json")
    [batch] = json.loads(out)
    assert code == 0 and batch["batch_id"] == 1 and batch["status"] == "active"
    assert batch["counts"]["walkthroughs"]["new"] == 2
    code, out, _ = _run(capsys, "rollback", "1", "--db", str(db), "--user", "admin")
    assert code == 0 and "已回滾" in out
    code, _, err = _run(capsys, "rollback", "1", "--db", str(db))
    assert code == 1 and "已回滾" in err
    code, out, _ = _run(capsys, "batches", "--db", str(db))
    assert "[已回滾]" in out


def test_batches_without_database_is_a_sentence(tmp_path, capsys):
    code, _, err = _run(capsys, "batches", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "python -m analytics demo" in err


def test_backup_restore_and_check(tmp_path, capsys, db):
    _run(capsys, "import", str(write(tmp_path / "g.xlsx", roster_and_log(GOOD_LOG))), "--db", str(db))
    backup = tmp_path / "backup.duckdb"
    assert _run(capsys, "backup", "--out", str(backup), "--db", str(db))[0] == 0
    assert _run(capsys, "check", "--db", str(db))[0] == 0
    # damage the live database: a duplicated walkthrough key
    con = duckdb.connect(str(db))
    con.execute("insert into walkthroughs select * from walkthroughs limit 1")
    con.close()
    code, out, _ = _run(capsys, "check", "--db", str(db))
    assert code == 1 and "walkthroughs 有 1 個重複的鍵" in out
    code, out, _ = _run(capsys, "restore", str(backup), "--db", str(db))
    assert code == 0 and ".bak" in out
    assert _run(capsys, "check", "--db", str(db))[0] == 0
    assert scalar(db, "select count(*) from walkthroughs") == 2
    assert (db.parent / (db.name + ".bak")).exists()


def test_restore_refuses_an_invalid_backup_and_changes_nothing(tmp_path, capsys, db):
    _run(capsys, "import", str(write(tmp_path / "g.xlsx", roster_and_log(GOOD_LOG))), "--db", str(db))
    junk = write(tmp_path / "junk.duckdb", b"not a database at all")
    code, _, err = _run(capsys, "restore", str(junk), "--db", str(db))
    assert code == 2 and "不是有效的備份" in err
    assert scalar(db, "select count(*) from walkthroughs") == 2
    assert not (db.parent / (db.name + ".bak")).exists()


def test_command_line_runs_as_a_module(tmp_path, db):
    good = write(tmp_path / "good.xlsx", roster_and_log(GOOD_LOG))
    proc = subprocess.run([sys.executable, "-m", "analytics", "import", str(good), "--db", str(db), "--json"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["status"] == "imported"


def test_check_reports_a_missing_archived_original(tmp_path, capsys, db):
    import shutil

    from analytics.config import archive_dir

    _run(capsys, "import", str(write(tmp_path / "g.xlsx", roster_and_log(GOOD_LOG))), "--db", str(db))
    shutil.rmtree(archive_dir(db))
    code, out, _ = _run(capsys, "check", "--db", str(db))
    assert code == 1 and "批次 1 的原始檔案不在封存目錄中" in out


def test_import_acting_as_a_lead_applies_the_upload_pages_scope_check(tmp_path, capsys, db, monkeypatch):
    """#13 item 3: the scope check of the upload page lives in analytics, so ``import --acting USER`` gets it too.
    The file's roster and log are 廣州市分公司's; the lead of 深圳市分公司 may not import them."""
    import analytics.auth.users as users_module
    from analytics.auth import UserStore

    monkeypatch.setenv("WALKTHROUGH_USERS", str(tmp_path / "users.yaml"))
    monkeypatch.setattr(users_module, "BCRYPT_ROUNDS", 4)
    store = UserStore.load()
    store.add("sz", role="lead", password="Lead-sz-2026", company="深圳市分公司", display_name="深圳推進辦")
    store.save()
    good = write(tmp_path / "good.xlsx", roster_and_log(GOOD_LOG))
    code, out, _ = _run(capsys, "import", str(good), "--db", str(db), "--acting", "sz")
    assert code == 1
    assert "檔案含有 深圳市分公司 範圍以外的公司：廣州市分公司。整個檔案未匯入。" in out
    assert not db.exists() or scalar(db, "select count(*) from batches") == 0  # refused before any write
    code, _, err = _run(capsys, "import", str(good), "--db", str(db), "--acting", "nobody")
    assert code == 2 and "nobody" in err
    # without --acting the command line trusts whoever can write the database file (docs/security.md)
    code, _, _ = _run(capsys, "import", str(good), "--db", str(db))
    assert code == 0
