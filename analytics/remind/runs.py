"""Reminder runs and delivered content hashes in the store (migration 0007); the 系統管理 page reads them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd

from analytics.remind.sql import load_sql
from analytics.store.audit import record
from analytics.store.connection import connect

RUN_COLUMNS = ["run_id", "started_at", "finished_at", "run_by", "as_of", "mode", "messages", "sent", "skipped",
               "failed", "failures"]


def start_run(db_path: Path | str, *, run_by: str, as_of: dt.date, mode: str, messages: int,
              now: dt.datetime) -> int:
    """Record a run before anything goes out; returns its id (committed at once: a crash keeps the row)."""
    with connect(db_path) as con:
        run_id = int(con.execute("select nextval('reminder_run_id_seq')").fetchall()[0][0])
        con.execute(load_sql("run_start"), {"run_id": run_id, "started_at": now, "run_by": run_by, "as_of": as_of,
                                            "mode": mode, "messages": messages})
    return run_id


def finish_run(db_path: Path | str, run_id: int, *, sent: int, skipped: int, failures: list[dict],
               now: dt.datetime, run_by: str) -> None:
    with connect(db_path) as con:
        con.execute("begin transaction")
        con.execute(load_sql("run_finish"), {"run_id": run_id, "finished_at": now, "sent": sent, "skipped": skipped,
                                             "failed": len(failures),
                                             "failures": json.dumps(failures, ensure_ascii=False)})
        record(con, run_by, "remind", {"run_id": run_id, "sent": sent, "skipped": skipped, "failed": len(failures)},
               at=now)
        con.execute("commit")


def record_sent(db_path: Path | str, run_id: int, email: str, content_sha256: str, now: dt.datetime) -> None:
    """One delivery, committed as soon as the server accepted it (a later failure cannot make it go twice)."""
    with connect(db_path) as con:
        con.execute(load_sql("sent_insert"), {"email": email, "content_sha256": content_sha256, "run_id": run_id,
                                              "sent_at": now})


def load_sent_hashes(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return {(e, h) for e, h in con.execute(load_sql("sent_hashes")).fetchall()}


def load_reminder_runs(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pd.DataFrame:
    """The last ``limit`` runs, newest first; failures as a list of {email, reason}."""
    frame = con.execute(load_sql("runs_list"), {"limit": int(limit)}).df()
    frame["failures"] = [json.loads(f) if isinstance(f, str) else [] for f in frame["failures"]]
    return frame.reindex(columns=RUN_COLUMNS)
