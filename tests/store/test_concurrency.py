"""One writer at a time, with real processes (issue #7 item 2): imports queue, readers never see half a file."""

from __future__ import annotations

import json
import subprocess
import sys

from analytics.store.connection import connect
from tests.store.conftest import ROOT, scalar

ROWS = 5000


def _worker(*args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.store.workers", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen, timeout: float = 60) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    return out


def test_two_imports_at_once_both_succeed_one_after_the_other(db):
    first, second = _worker("import", db, ROWS, 0), _worker("import", db, ROWS, 10**6)
    outcomes = [json.loads(_finish(p)) for p in (first, second)]
    assert sorted(o["status"] for o in outcomes) == ["imported", "imported"]
    assert sorted(o["batch_id"] for o in outcomes) == [1, 2]
    # 5,000 + 5,000 distinct keys
    assert scalar(db, "select count(*) from walkthroughs") == 2 * ROWS


def test_readers_see_whole_imports_only_and_never_crash(db, tmp_path):
    with connect(db):  # the database exists before the readers start
        pass
    stop = tmp_path / "stop"
    readers = [_worker("read", db, stop) for _ in range(2)]
    for reader in readers:  # both have read the empty state before the first file starts
        assert reader.stdout.readline().strip() == "polling"
    # three files, one after the other, while the readers poll
    writers_out = [json.loads(line) for line in _finish(_worker("import", db, ROWS, 0, 3)).splitlines()]
    stop.touch()
    assert [w["status"] for w in writers_out] == ["imported"] * 3
    for reader in readers:
        seen = json.loads(_finish(reader))
        errors = [s for s in seen if s[0] == "error"]
        assert errors == []
        # every observation is a whole number of files: rows = 5,000 x active batches
        assert all(rows == ROWS * batches for rows, batches in seen), {tuple(s) for s in seen}
        # they read before the first file and after the last one
        assert (seen[0], seen[-1]) == ([0, 0], [3 * ROWS, 3])
