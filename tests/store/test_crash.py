"""Crash safety (issue #7 item 3): kill -9 at random points of imports; the database opens with whole files only."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from analytics.store.connection import connect
from analytics.store.maintenance import check
from tests.store.conftest import ROOT

ROWS = 10_000  # calibrated below: the kills land inside commits whatever the size
KILLS = 50


def _totals(db, *, full_check: bool = True) -> tuple[int, int]:
    with connect(db, read_only=True) as con:
        if full_check:
            assert check(con) == []  # keys unique, every row's batch active, history and undo log consistent
        return con.execute(
            "select (select count(*) from walkthroughs), (select count(*) from batches where status = 'active')"
        ).fetchall()[0]


class Importer:
    """The `serve` worker: each start() forks a fresh importing process the test then kills with SIGKILL."""

    def __init__(self, db) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.store.workers", "serve", str(db), str(ROWS)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._line() == "ready"

    def _line(self) -> str:
        return self.proc.stdout.readline().strip()

    def start(self) -> int:
        """Fork an importer and wait until it begins its first commit; returns its pid."""
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        pid = int(self._line().split()[1])
        assert self._line() == "begin"
        return pid

    def kill(self, pid: int) -> list[str]:
        """SIGKILL the importer; returns what it said after its first "begin"."""
        os.kill(pid, signal.SIGKILL)
        said = []
        while (line := self._line()) != "reaped":
            said.append(line)
        return said

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.mark.slow
def test_kill_9_during_imports_leaves_all_or_none_of_each_file(db):
    rng = random.Random(20261125)
    started = time.monotonic()
    importer = Importer(db)
    try:
        # calibrate: how long one 10,000-row commit takes on this (shared) machine right now. The second one is
        # timed: the first writes an empty store, every later one first copies the current generation file
        # (analytics/store/generations.py), so the first is the shortest and kills timed by it never let one finish.
        pid = importer.start()
        assert importer._line() == "done"
        assert importer._line() == "begin"
        begun = time.monotonic()
        assert importer._line() == "done"
        commit_s = time.monotonic() - begun
        importer.kill(pid)
        assert _totals(db) == (2 * ROWS, 2)
        inside_commit = 0
        for kill in range(1, KILLS + 1):
            pid = importer.start()
            # anywhere in the commit, and a little past it so that some commits complete between kills
            time.sleep(rng.uniform(0.0, 1.25 * commit_s))
            said = importer.kill(pid)
            inside_commit += not said or said[-1] == "begin"  # killed between "begin" and "done"
            rows, batches = _totals(db, full_check=kill % 5 == 0)  # the whole check() every 5th kill (time)
            assert rows == ROWS * batches  # all or none of every file
    finally:
        importer.close()
    print(f"{KILLS} kills in {time.monotonic() - started:.1f} s (one commit {commit_s:.2f} s); "
          f"{inside_commit} inside a commit; {batches} files committed")
    assert inside_commit >= KILLS // 2  # the kills really interrupted commits part-way
    assert batches > 2  # and some imports completed between kills (two were the calibration's)
