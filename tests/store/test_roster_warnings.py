"""SPEC 2.2 warnings that need the roster, read in one set-based query (issue #6): which rows, in which order,
with which roster names, and the row keys kept in import_messages."""

from __future__ import annotations

import datetime as dt

from analytics.store.importer import commit_parsed
from tests.store.conftest import rows
from tests.store.factory import parsed, roster_row, walk_row

NOW = dt.datetime(2026, 3, 10, 9, 0)


def _commit(db, pf, content):
    return commit_parsed(pf, content, db_path=db, user="tester", now=NOW)


def test_unmatched_then_name_mismatches_against_every_snapshot(db):
    # 001 is on two snapshots of the roster, written 張三 (January) and 張叄 (February); 002 and 009 are on none.
    _commit(db, parsed("r1.xlsx", b"R1", roster=[roster_row("001", "張三")]), b"R1")
    _commit(db, parsed("r2.xlsx", b"R2", roster=[roster_row("001", "張叄", effective_date=dt.date(2026, 2, 1))]),
            b"R2")
    log = parsed("log.xlsx", b"L", walkthroughs=[
        walk_row("001", "A2", name="張叄"),  # row 2: exactly the February spelling -> no warning
        walk_row("001", "A3", name="张三"),  # row 3: Simplified form of the January spelling -> tolerant match, none
        walk_row("001", "A4", name="王五"),  # row 4: neither snapshot's name -> name mismatch
        walk_row("009", "A5"),               # row 5: on no snapshot -> unmatched (no name needed)
        walk_row("002", "A6", name="李四"),  # row 6: on no snapshot -> unmatched, never a name mismatch
        walk_row("001", "A7")])              # row 7: no name written -> nothing to compare
    result = _commit(db, log, b"L")
    found = [(p.code, p.row, p.value, p.params.get("roster_name")) for p in result.problems]
    # unmatched rows first (rows 5, 6), then the one name mismatch (row 4); roster names sorted by code point:
    # 三 U+4E09 < 叄 U+53C4, so "張三、張叄"
    assert found == [("store.warn.unmatched_employee", 5, "009", None),
                     ("store.warn.unmatched_employee", 6, "002", None),
                     ("store.warn.name_mismatch", 4, "王五", "張三、張叄")]
    assert result.counts["walkthroughs"]["warnings"] == 3 and result.status == "imported"
    # import_messages keeps each warning's stored row key: activity_key|employee_id
    assert rows(db, "select source_row, code, row_key from import_messages where batch_id = 3 order by source_row") == [
        (4, "store.warn.name_mismatch", "id:A4|001"),
        (5, "store.warn.unmatched_employee", "id:A5|009"),
        (6, "store.warn.unmatched_employee", "id:A6|002")]


def test_no_warnings_when_every_participant_is_on_the_roster_as_written(db):
    roster = [roster_row("001", "張三"), roster_row("002", "李四")]
    f = parsed("f.xlsx", b"F", roster=roster, walkthroughs=[walk_row("001", "A1", name="張三"),
                                                             walk_row("002", "A1", name="李四")])
    result = _commit(db, f, b"F")
    assert result.problems == [] and result.counts["walkthroughs"]["warnings"] == 0
