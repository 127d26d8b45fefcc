"""Issue #12 findings 11 (file-name part), 12 and 13: hostile file names and owner-only store files.

The attacks: an upload whose name carries a NUL byte (it raised a traceback), one whose name carries U+202E
(RIGHT-TO-LEFT OVERRIDE: "名冊\u202exslx.exe" shows as "名冊exe.xlsx" and reverses the text printed after it),
and another OS user reading the database, its WAL, lock, backups and the archive of originals (0644/0755).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb
import pytest

from analytics.config import archive_dir
from analytics.ingest.filenames import clean_file_name
from analytics.store.batches import load_archived_file
from analytics.store.connection import connect, lock_path
from analytics.store.importer import import_files
from analytics.store.maintenance import backup
from tests.store.files import GOOD_LOG, roster_and_log

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    """The usual server umask (0022), under which DuckDB and mkdir would create 0644 files and 0755 folders."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_clean_file_name_strips_nul_c0_and_every_bidi_control():
    assert clean_file_name("名冊\u202exslx.exe") == "名冊xslx.exe"  # the extension is no longer disguised
    assert clean_file_name("a\x00b\x01\x1f\x7f.xlsx") == "ab.xlsx"
    assert clean_file_name(f"x{BIDI}y.csv") == "xy.csv"
    assert clean_file_name("\x00\u202e  ") == "file"  # nothing printable left: a neutral name, never empty
    assert clean_file_name("三月 穿越記錄 (final).xlsx") == "三月 穿越記錄 (final).xlsx"  # ordinary names unchanged


@pytest.mark.parametrize("hostile", ["名冊\x00.xlsx", "名冊\u202exslx.exe", f"名{BIDI}冊\x07.xlsx"])
def test_hostile_upload_name_imports_and_is_stored_clean(db: Path, hostile: str):
    upload = roster_and_log(GOOD_LOG)  # openpyxl stamps the time: build the bytes once
    [result] = import_files([(hostile, upload)], db_path=db, user="t")
    assert result.status == "imported", [p.code for p in result.problems]
    expected = clean_file_name(hostile)
    assert result.file_name == expected and not any(c in expected for c in "\x00\x07" + BIDI)
    with connect(db, read_only=True) as con:
        stored = con.execute("select file_name from batches where batch_id = ?", [result.batch_id]).fetchone()[0]
    assert stored == expected
    name, content = load_archived_file(db, result.batch_id)
    assert name == expected and content == upload


def test_a_stored_name_from_before_the_fix_is_cleaned_where_shown(db: Path):
    [result] = import_files([("old.xlsx", roster_and_log(GOOD_LOG))], db_path=db, user="t")
    raw = "舊\u202exslx.exe"
    con = duckdb.connect(str(db))
    con.execute("update batches set file_name = ? where batch_id = ?", [raw, result.batch_id])
    con.close()
    from analytics.store.batches import list_batches
    from ui.batches_view import batches_table

    with connect(db, read_only=True) as con:
        table = batches_table(list_batches(con), "en")
    text = table.to_string()
    assert "舊xslx.exe" in text and "\u202e" not in text
    assert load_archived_file(db, result.batch_id)[0] == "舊xslx.exe"


def test_database_lock_wal_archive_and_backup_are_owner_only(db: Path, tmp_path: Path):
    [result] = import_files([("roster.xlsx", roster_and_log(GOOD_LOG))], db_path=db, user="t")
    assert result.status == "imported"
    assert mode(db) == 0o600
    assert mode(lock_path(db)) == 0o600
    wal = Path(str(db) + ".wal")
    if wal.exists():
        assert mode(wal) == 0o600
    base = archive_dir(db)
    assert mode(base) == 0o700
    originals = [p for p in base.rglob("*") if p.is_file()]
    assert originals, "the original was archived"
    for p in base.rglob("*"):
        assert mode(p) == (0o700 if p.is_dir() else 0o600), p
    out = tmp_path / "backups" / "copy.duckdb"
    backup(db, out)
    assert mode(out) == 0o600


def test_an_existing_database_created_0644_becomes_owner_only_on_the_next_write(db: Path):
    import_files([("roster.xlsx", roster_and_log(GOOD_LOG))], db_path=db, user="t")
    os.chmod(db, 0o644)  # as an older release left it
    os.chmod(lock_path(db), 0o644)
    with connect(db):
        pass
    assert mode(db) == 0o600 and mode(lock_path(db)) == 0o600
