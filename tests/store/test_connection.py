"""connect(): read-only vs read-write, the writer queue, DatabaseBusy as a sentence (STYLE 5, issue #7)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from analytics.errors import DatabaseBusy, UserFacingError
from analytics.store.connection import connect, write_lock
from analytics.store.maintenance import latest_version
from tests.store.conftest import ROOT

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print('held', flush=True)
time.sleep(float(sys.argv[2]))
"""


def _holder(db, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_read_only_open_of_a_missing_database_says_what_to_do(db):
    with pytest.raises(UserFacingError, match="python -m analytics demo"):
        with connect(db, read_only=True):
            pass
    assert not db.exists()


def test_memory_and_file_databases_are_migrated(db):
    with connect(":memory:") as con:
        assert con.execute("select max(version) from schema_version").fetchall() == [(latest_version(),)]
    with connect(db) as con:
        con.execute("select count(*) from audit_log, undo_roster").fetchall()
    with connect(db, read_only=True) as con:
        from analytics.store.migrate import migration_files  # one row per file; numbers need not be contiguous

        assert con.execute("select count(*) from schema_version").fetchall() == [(len(migration_files()),)]


def test_database_held_read_write_outside_the_product_gives_readers_database_busy(db):
    """Someone's own DuckDB shell holding the current file read-write: a page gets the busy sentence, not a trace."""
    from analytics.store.generations import current_file

    with connect(db):
        pass
    proc = _holder(current_file(db), 5)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusy, match="請稍候幾秒再試"):
            with connect(db, read_only=True, timeout_s=0.5):
                pass
        assert time.monotonic() - started < 3
    finally:
        proc.kill()
        proc.wait()
    with connect(db, read_only=True) as con:  # usable again once the holder is gone
        assert con.execute("select 1").fetchall() == [(1,)]


READ_AND_HOLD = """
import sys, time
from analytics.store.connection import connect
with connect(sys.argv[1], read_only=True) as con:
    print(con.execute("select count(*) from schema_version").fetchall()[0][0], flush=True)
    time.sleep(float(sys.argv[2]))
"""

WRITE_AND_HOLD = """
import sys, time
from analytics.store.connection import connect
with connect(sys.argv[1]) as con:
    con.execute("create table written_meanwhile as select 1 as x")
    print('held', flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _child(code: str, db, seconds: float) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    return proc, proc.stdout.readline().strip()


def test_a_writer_does_not_wait_for_a_reader_of_another_process(db):
    """SPEC 10: an import runs while a page in another process is reading (issue #17 item 2)."""
    with connect(db):
        pass
    reader, first = _child(READ_AND_HOLD, db, 5)
    try:
        assert first.isdigit()
        started = time.monotonic()
        with connect(db, timeout_s=0.5) as con:
            con.execute("create table imported as select 42 as x")
        assert time.monotonic() - started < 3
        with connect(db, read_only=True, timeout_s=0.5) as con:  # the next reader sees the commit at once
            assert con.execute("select x from imported").fetchall() == [(42,)]
        assert reader.poll() is None  # and the old reader is still reading its own state
    finally:
        reader.kill()
        reader.wait()


def test_a_reader_does_not_wait_for_a_writer_and_sees_the_state_before_it(db):
    with connect(db) as con:
        con.execute("create table before as select 1 as x")
    writer, first = _child(WRITE_AND_HOLD, db, 5)
    try:
        assert first == "held"  # the writer has written and holds its connection open
        started = time.monotonic()
        with connect(db, read_only=True, timeout_s=0.5) as con:
            tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        assert time.monotonic() - started < 3
        assert "before" in tables and "written_meanwhile" not in tables
        writer.wait(30)
        assert writer.returncode == 0
        with connect(db, read_only=True) as con:
            tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        assert "written_meanwhile" in tables
    finally:
        writer.kill()
        writer.wait()


def test_writer_waits_for_the_lock_then_proceeds(db):
    with write_lock(db, timeout_s=1):
        with pytest.raises(DatabaseBusy):
            with connect(db, timeout_s=0.3):
                pass
    with connect(db, timeout_s=1) as con:
        assert con.execute("select 1").fetchall() == [(1,)]


def test_a_file_that_is_not_a_database_is_a_sentence(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not duckdb" * 100)
    with pytest.raises(UserFacingError) as info:
        with connect(db, read_only=True):
            pass
    assert not isinstance(info.value, DatabaseBusy) and "restore" in str(info.value)


def test_threads_of_one_process_queue_and_readers_retry(db):
    """The dashboard serves sessions in threads: a reader and two writers at once all succeed."""
    import threading

    from analytics.store.importer import commit_parsed
    from tests.store.workers import log_file, totals

    with connect(db):
        pass
    outcomes: list[object] = []

    def write(offset: int) -> None:
        parsed, content = log_file(2000, offset)
        outcomes.append(commit_parsed(parsed, content, db_path=db, user="t").status)

    def read() -> None:
        for _ in range(20):
            rows, batches = totals(str(db))
            outcomes.append(rows == 2000 * batches)

    threads = [threading.Thread(target=write, args=(o,)) for o in (0, 10**6)] + [threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(map(str, outcomes)) == sorted(["imported", "imported"] + ["True"] * 20)


def test_a_writer_removes_what_dead_writers_and_previews_left_behind(db):
    """An unfinished next generation (a writer killed mid-way) and a preview copy an hour old are removed; a
    fresh preview copy (a preview running now in another session) is kept."""
    import os

    from analytics.store.generations import current_file

    with connect(db):
        pass
    current = current_file(db)
    dead_writer = db.with_name(f"{db.name}.g999999")
    dead_writer.write_bytes(b"half")
    old_preview = db.with_name(f".{current.name}.plan-old")
    old_preview.write_bytes(b"x")
    os.utime(old_preview, (time.time() - 7200, time.time() - 7200))
    live_preview = db.with_name(f".{current.name}.plan-live")
    live_preview.write_bytes(b"x")
    with connect(db):
        pass
    assert not dead_writer.exists() and not old_preview.exists() and live_preview.exists()
    assert not current.exists() and current_file(db).exists()  # the previous generation went with the swap
