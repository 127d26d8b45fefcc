"""Child processes for the concurrency and crash tests: ``python -m tests.store.workers COMMAND ...``.

    import DB ROWS OFFSET [N]  commit N (default 1) synthetic log files of ROWS rows, one after the other;
                               print each outcome as a JSON line
    serve DB ROWS              print "ready"; for each "go" line on stdin fork a child that imports files forever
                               (printing "begin" before and "done" after each commit) until the test kills it;
                               print "child PID" when forked and "reaped" once it is gone. Forking from this warm
                               process (which never opens the database itself) keeps start-up out of each kill.
    read DB STOPFILE           poll totals read-only ("polling" after the first) until STOPFILE exists (at most
                               60 s), read once more, print every observation as JSON
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.ingest.model import ParsedFile
from analytics.store.connection import connect
from analytics.store.importer import commit_parsed


def log_file(rows: int, offset: int) -> tuple[ParsedFile, bytes]:
    """A log of ``rows`` distinct participant rows (activity ids offset..offset+rows), built column-wise."""
    ids = [f"ACT{offset + i:09d}" for i in range(rows)]
    frame = pd.DataFrame({
        "activity_id": ids, "employee_id": [f"E{i % 5000:05d}" for i in range(rows)], "name": None,
        "date": dt.date(2026, 3, 5), "category": "常規穿越", "item": "門市客戶扮演", "theme": None,
        "mode": "個人穿越", "scope": "本地", "target_unit": None, "hours": 2.0, "needs_support": False,
        "notified_on": None, "summary_on": None, "copy_sent": None, "issues_raised": None, "note": None,
        "activity_key": ["id:" + a for a in ids], "_sheet": "log", "_row": np.arange(2, rows + 2)})
    content = f"synthetic log {rows} rows from {offset}".encode()
    parsed = ParsedFile("log.xlsx", hashlib.sha256(content).hexdigest(), len(content),
                        tables={"walkthroughs": frame})
    return parsed, content


def totals(db: str, timeout_s: float = 30.0) -> tuple[int, int]:
    """(walkthrough rows, active batches), read in one query so both come from one snapshot."""
    with connect(db, read_only=True, timeout_s=timeout_s) as con:
        return con.execute(
            "select (select count(*) from walkthroughs), (select count(*) from batches where status = 'active')"
        ).fetchall()[0]


def serve(db: str, rows: int) -> None:
    print("ready", flush=True)
    generation = 0
    while sys.stdin.readline().strip() == "go":
        generation += 1
        pid = os.fork()
        if pid == 0:  # the child: import until killed
            offset = generation * 10**8
            for i in range(10**6):
                parsed, content = log_file(rows, offset + i * rows)
                print("begin", flush=True)
                commit_parsed(parsed, content, db_path=db, user="worker")
                print("done", flush=True)
            os._exit(0)
        print(f"child {pid}", flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


def main(argv: list[str]) -> None:
    command, db = argv[0], argv[1]
    if command == "import":
        rows, offset = int(argv[2]), int(argv[3])
        for i in range(int(argv[4]) if len(argv) > 4 else 1):
            parsed, content = log_file(rows, offset + i * 10**6)
            result = commit_parsed(parsed, content, db_path=db, user="worker")
            print(json.dumps({"status": result.status, "batch_id": result.batch_id}), flush=True)
    elif command == "serve":
        serve(db, int(argv[2]))
    elif command == "read":
        stop, end = Path(argv[2]), time.monotonic() + 60
        seen = []
        while True:
            last = stop.exists() or time.monotonic() > end  # one more read after STOPFILE appears
            try:
                seen.append(list(totals(db, timeout_s=10.0)))
            except Exception as exc:  # reported to the test, which fails on any
                seen.append(["error", f"{type(exc).__name__}: {exc}"])
            if len(seen) == 1:
                print("polling", flush=True)
            if last:
                break
            time.sleep(0.01)
        print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
