"""SPEC 2.5 rollback: restores exactly what a batch replaced; refuses when a later batch built on it."""

from __future__ import annotations

import datetime as dt

from analytics.store import upsert
from analytics.store.batches import list_batches, rollback_batch
from analytics.store.connection import connect
from analytics.store.importer import commit_parsed
from tests.store.conftest import rows, scalar, state
from tests.store.factory import issue_row, parsed, roster_row, walk_row

T1, T2, T3 = dt.datetime(2026, 3, 1), dt.datetime(2026, 4, 1), dt.datetime(2026, 5, 1)


def _a():
    return parsed("a.xlsx", b"A", roster=[roster_row("001", "張三"), roster_row("002", "李四"),
                                          roster_row("003", "王五")],
                  walkthroughs=[walk_row("001", "A1"), walk_row("002", "A1")],
                  issues=[issue_row("I1", "待處理"), issue_row("I2", "處理中")])


def _b():
    # updates A's rows (rank, hours, status), adds new ones, and drops 003 from the roster snapshot
    return parsed("b.xlsx", b"B", roster=[roster_row("001", "張三", rank="部門領導"), roster_row("002", "李四"),
                                          roster_row("004", "孫七")],
                  walkthroughs=[walk_row("001", "A1", hours=4.0), walk_row("004", "A5")],
                  issues=[issue_row("I1", "已解決", resolved_on=dt.date(2026, 3, 30)), issue_row("I3", "待處理")])


def test_rollback_restores_the_state_after_the_previous_batch_exactly(db):
    commit_parsed(_a(), b"A", db_path=db, user="u", now=T1)
    after_a = state(db)
    rb = commit_parsed(_b(), b"B", db_path=db, user="u", now=T2)
    assert state(db) != after_a
    result = rollback_batch(db, rb.batch_id, user="admin", now=T3)
    assert result.ok, result.message
    assert state(db) == after_a  # roster, walkthroughs, issues and status history, row for row
    # B wrote 3 roster rows (001 updated, 002 re-tagged, 004 new), 2 log rows, 2 issues
    # tables the batch did not touch (contacts, ...) report 0
    assert {k: v for k, v in result.removed.items() if v} == {"roster": 3, "walkthroughs": 2, "issues": 2}
    # and put back what it replaced: 001, 002 and the removed 003; A1/001; I1
    assert {k: v for k, v in result.restored.items() if v} == {"roster": 3, "walkthroughs": 1, "issues": 1}
    assert rows(db, "select status, rolled_back_by, rolled_back_at from batches where batch_id = 2") == [
        ("rolled_back", "admin", T3)]
    assert scalar(db, "select count(*) from undo_roster") == 0
    assert rows(db, "select actor, action from audit_log order by \"at\"")[-1] == ("admin", "rollback")


def test_rollback_refused_while_a_later_batch_changed_its_rows(db):
    commit_parsed(_a(), b"A", db_path=db, user="u", now=T1)
    commit_parsed(_b(), b"B", db_path=db, user="u", now=T2)
    before = state(db)
    refused = rollback_batch(db, 1, user="admin", lang="en")
    assert not refused.ok and refused.blocked_by == [2]
    assert "Roll back batch 2 first" in refused.message
    assert state(db) == before
    assert rollback_batch(db, 2, user="admin").ok
    assert rollback_batch(db, 1, user="admin").ok
    assert all(not v for v in state(db).values())  # back to empty


def test_rollback_refused_when_a_later_roster_re_adds_someone_it_removed(db):
    commit_parsed(parsed("a.xlsx", b"A", roster=[roster_row("001", "張三"), roster_row("002", "李四")]), b"A",
                  db_path=db, user="u", now=T1)
    # B drops 002 from the snapshot; C re-adds 002 to it
    commit_parsed(parsed("b.xlsx", b"B", roster=[roster_row("001", "張三")]), b"B", db_path=db, user="u", now=T2)
    commit_parsed(parsed("c.xlsx", b"C", roster=[roster_row("001", "張三"), roster_row("002", "李四")]), b"C",
                  db_path=db, user="u", now=T3)
    refused = rollback_batch(db, 2, user="admin")
    assert not refused.ok and refused.blocked_by == [3] and "請先回滾批次 3" in refused.message


def test_a_later_unrelated_batch_does_not_block(db):
    commit_parsed(_a(), b"A", db_path=db, user="u", now=T1)
    after_a = state(db)
    rb = commit_parsed(_b(), b"B", db_path=db, user="u", now=T2)
    commit_parsed(parsed("c.xlsx", b"C", issues=[issue_row("I9")]), b"C", db_path=db, user="u", now=T3)
    assert rollback_batch(db, rb.batch_id, user="admin").ok
    now = state(db)
    assert now["issues"] == sorted(after_a["issues"] + [r for r in now["issues"] if r[0] == "I9"], key=repr)


def test_rollback_of_unknown_rolled_back_and_rejected_batches_is_refused(db):
    assert "找不到批次 7" in rollback_batch(db, 7, user="u").message
    rb = commit_parsed(_a(), b"A", db_path=db, user="u", now=T1)
    assert rollback_batch(db, rb.batch_id, user="u").ok
    again = rollback_batch(db, rb.batch_id, user="u")
    assert not again.ok and "已回滾" in again.message


def test_failure_part_way_leaves_the_database_as_before(db, monkeypatch):
    commit_parsed(_a(), b"A", db_path=db, user="u", now=T1)
    before = state(db, ("roster", "walkthroughs", "issues", "issue_status_history", "batches", "import_messages",
                        "audit_log", "undo_roster", "undo_walkthroughs", "undo_issues"))
    real = upsert.upsert

    def failing(con, table, batch_id, now, rejected_ids=()):
        counts = real(con, table, batch_id, now, rejected_ids)  # roster and log are written inside the transaction ...
        if table == "issues":
            raise RuntimeError("disk full")  # ... and then the issues fail
        return counts

    monkeypatch.setattr(upsert, "upsert", failing)
    failed = commit_parsed(_b(), b"B", db_path=db, user="u", now=T2)
    assert (failed.status, failed.batch_id) == ("rejected", None)
    assert failed.problems[0].code == "store.commit_failed" and "disk full" in failed.problems[0].message()
    after = state(db, ("roster", "walkthroughs", "issues", "issue_status_history", "batches", "import_messages",
                       "audit_log", "undo_roster", "undo_walkthroughs", "undo_issues"))
    assert after == before
    monkeypatch.setattr(upsert, "upsert", real)
    assert commit_parsed(_b(), b"B", db_path=db, user="u", now=T2).status == "imported"


def test_list_batches_shape(db):
    commit_parsed(_a(), b"A", db_path=db, user="lead", now=T1)
    with connect(db, read_only=True) as con:
        frame = list_batches(con)
    assert frame.loc[0, "batch_id"] == 1 and frame.loc[0, "imported_by"] == "lead"
    assert frame.loc[0, "counts"]["roster"]["new"] == 3
