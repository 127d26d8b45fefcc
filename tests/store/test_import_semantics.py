"""SPEC 2.5 import semantics with counts worked out by hand."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from analytics.ingest.model import Problem
from analytics.store.importer import commit_parsed
from tests.store.conftest import rows, scalar
from tests.store.factory import issue_row, parsed, roster_row, walk_row

NOW_A = dt.datetime(2026, 3, 10, 9, 0)
NOW_B = dt.datetime(2026, 4, 10, 9, 0)


def _commit(db, pf, content, now, **kw):
    return commit_parsed(pf, content, db_path=db, user="tester", now=now, **kw)


def test_walkthrough_upsert_counts_new_updated_unchanged(db):
    roster = [roster_row("001", "張三"), roster_row("002", "李四"), roster_row("003", "王五")]
    a = parsed("a.xlsx", b"A", roster=roster, walkthroughs=[
        walk_row("001", "A1"), walk_row("002", "A1"), walk_row("001", "A2"), walk_row("003", None)])
    ra = _commit(db, a, b"A", NOW_A)
    # four distinct keys (id:A1,001) (id:A1,002) (id:A2,001) (row:003|...,003): all new
    assert ra.status == "imported" and ra.batch_id == 1
    assert ra.counts["walkthroughs"] == {"new": 4, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 0}

    b = parsed("b.xlsx", b"B", walkthroughs=[
        walk_row("001", "A1"),                     # identical -> unchanged
        walk_row("002", "A1", hours=3.0),          # 2 h -> 3 h -> updated
        walk_row("001", "A2", note="補記"),          # note added -> updated
        walk_row("001", "A3")])                    # new key -> new
    rb = _commit(db, b, b"B", NOW_B)
    assert rb.counts["walkthroughs"] == {"new": 1, "updated": 2, "unchanged": 1, "rejected": 0, "warnings": 0}
    # 4 keys from A + 1 new from B = 5 rows; never double counted
    assert scalar(db, "select count(*) from walkthroughs") == 5
    assert scalar(db, "select hours from walkthroughs where activity_key = 'id:A1' and employee_id = '002'") == 3.0
    # every row B sent now belongs to batch 2 (unchanged rows too); A's row:003 stays batch 1
    assert rows(db, "select batch_id, count(*) from walkthroughs group by 1 order by 1") == [(1, 1), (2, 4)]


def test_roster_import_replaces_each_company_snapshot_and_keeps_others(db):
    a = parsed("a.xlsx", b"A", roster=[
        roster_row("001", "張三"), roster_row("002", "李四"), roster_row("003", "王五"),
        roster_row("101", "趙六", "深圳市分公司")])
    _commit(db, a, b"A", NOW_A)
    b = parsed("b.xlsx", b"B", roster=[
        roster_row("001", "張三"),                                   # unchanged
        roster_row("002", "李四", rank="三級經理"),                    # updated
        roster_row("004", "孫七"),                                   # new in the 01-01 snapshot
        roster_row("001", "張三", effective_date=dt.date(2026, 7, 1))])  # new snapshot 07-01
    rb = _commit(db, b, b"B", NOW_B)
    # 003 is no longer on 廣州's 2026-01-01 snapshot: removed; 深圳 (not in file) untouched
    assert rb.counts["roster"] == {"new": 2, "updated": 1, "unchanged": 1, "rejected": 0, "warnings": 0,
                                   "removed": 1}
    got = rows(db, "select company, effective_date, employee_id from roster order by 1, 2, 3")
    assert got == [
        ("廣州市分公司", dt.date(2026, 1, 1), "001"), ("廣州市分公司", dt.date(2026, 1, 1), "002"),
        ("廣州市分公司", dt.date(2026, 1, 1), "004"), ("廣州市分公司", dt.date(2026, 7, 1), "001"),
        ("深圳市分公司", dt.date(2026, 1, 1), "101")]


def test_roster_keys_are_tolerant_and_blank_effective_date_is_the_import_date(db):
    a = parsed("a.xlsx", b"A", roster=[roster_row("001", "張三", effective_date=None)])
    _commit(db, a, b"A", NOW_A)
    # the same company written in Simplified with spaces is the same company_key: it replaces the snapshot
    b = parsed("b.xlsx", b"B", roster=[roster_row("002", "李四", "广州市 分公司", effective_date=None)])
    rb = _commit(db, b, b"B", NOW_A)
    assert rb.counts["roster"]["removed"] == 1 and rb.counts["roster"]["new"] == 1
    assert rows(db, "select company, company_key, effective_date, employee_id, parent_key, department_key "
                    "from roster") == [("广州市 分公司", "广州市分公司", dt.date(2026, 3, 10), "002", "广东省公司", "市场部")]


def test_issue_upsert_and_status_history(db):
    # the roster names 廣州市分公司, the issues' 責任單位 (an owner on no roster would be warned about, issue #16)
    a = parsed("a.xlsx", b"A", roster=[roster_row("001", "張三")],
               issues=[issue_row("I1", "待處理"), issue_row("I2", "處理中")])
    ra = _commit(db, a, b"A", NOW_A)
    assert ra.counts["issues"] == {"new": 2, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 0}
    b = parsed("b.xlsx", b"B", issues=[
        issue_row("I1", "已解決", resolved_on=dt.date(2026, 4, 1)),  # status changed -> updated + history
        issue_row("I2", "處理中"),                                    # unchanged, no history
        issue_row("I3", "待處理")])                                   # new + history (null -> 待處理)
    rb = _commit(db, b, b"B", NOW_B)
    assert rb.counts["issues"] == {"new": 1, "updated": 1, "unchanged": 1, "rejected": 0, "warnings": 0}
    assert rows(db, "select issue_id, old_status, new_status, changed_at, batch_id from issue_status_history "
                    "order by batch_id, issue_id") == [
        ("I1", None, "待處理", NOW_A, 1), ("I2", None, "處理中", NOW_A, 1),
        ("I1", "待處理", "已解決", NOW_B, 2), ("I3", None, "待處理", NOW_B, 2)]
    assert rows(db, "select owner_company_key, category_is_standard from issues where issue_id = 'I3'") == [
        ("广州市分公司", True)]


def test_byte_identical_file_is_already_imported_until_rolled_back(db):
    from analytics.store.batches import rollback_batch

    a = parsed("a.xlsx", b"same bytes", issues=[issue_row("I1")])
    first = _commit(db, a, b"same bytes", NOW_A)
    again = _commit(db, parsed("renamed.xlsx", b"same bytes", issues=[issue_row("I1", "已關閉")]), b"same bytes",
                    NOW_B)
    assert again.status == "already_imported" and again.batch_id == first.batch_id and again.ok
    assert scalar(db, "select count(*) from batches") == 1
    assert scalar(db, "select status from issues") == "待處理"  # nothing changed
    assert rollback_batch(db, first.batch_id, user="tester").ok
    third = _commit(db, a, b"same bytes", NOW_B)
    assert third.status == "imported" and third.batch_id == 2


def _bad_log_row(row: int) -> tuple[pd.DataFrame, Problem]:
    reject = pd.DataFrame([{"工號": "009", "穿越日期": "10/5/2026", "_sheet": "工作表1", "_row": row,
                            "_reason": "穿越日期 = \"10/5/2026\"：日期格式有歧義"}])
    problem = Problem("error", "store.no_valid_rows", "c.xlsx", "工作表1", row, "穿越日期", "10/5/2026",
                      "walkthroughs")
    return reject, problem


def test_rejected_rows_partial_import_and_messages(db):
    reject, problem = _bad_log_row(4)
    warning = Problem("warning", "store.no_valid_rows", "c.xlsx", "工作表1", 2, "穿越主題", None, "walkthroughs")
    c = parsed("c.xlsx", b"C", walkthroughs=[walk_row("001", "A1"), walk_row("002", "A1")],
               rejects={"walkthroughs": reject}, problems=[warning, problem])
    result = _commit(db, c, b"C", NOW_A)
    # 2 valid rows committed, 1 rejected; no roster so both 工號 are unmatched (2 warnings) + 1 parse warning
    assert result.status == "partial" and not result.ok
    assert result.counts["walkthroughs"] == {"new": 2, "updated": 0, "unchanged": 0, "rejected": 1, "warnings": 3}
    assert scalar(db, "select count(*) from walkthroughs") == 2
    assert rows(db, "select severity, source_row, code, row_key from import_messages order by severity, source_row, code") == [
        ("error", 4, "store.no_valid_rows", None),
        ("warning", 2, "store.no_valid_rows", None),
        ("warning", 2, "store.warn.unmatched_employee", "id:A1|001"),
        ("warning", 3, "store.warn.unmatched_employee", "id:A1|002")]


def test_strict_mode_rejects_the_whole_file(db):
    reject, problem = _bad_log_row(4)
    c = parsed("c.xlsx", b"C", walkthroughs=[walk_row("001", "A1")], rejects={"walkthroughs": reject},
               problems=[problem])
    result = _commit(db, c, b"C", NOW_A, strict=True)
    assert result.status == "rejected" and result.problems[0].code == "store.strict_rejected"
    assert scalar(db, "select count(*) from walkthroughs") == 0
    # the refusal is listed on the batches page as a rejected batch with its messages
    assert rows(db, "select batch_id, status, strict from batches") == [(1, "rejected", True)]
    assert json.loads(scalar(db, "select counts from batches"))["walkthroughs"]["rejected"] == 1
    # a rejected batch does not make the same bytes "already imported"
    again = _commit(db, c, b"C", NOW_B)
    assert again.status == "partial" and scalar(db, "select count(*) from walkthroughs") == 1


def test_file_level_error_writes_no_rows(db):
    bad = Problem("error", "store.parse_failed", "x.xlsx", params={"error": "encrypted"})
    result = _commit(db, parsed("x.xlsx", b"X", problems=[bad]), b"X", NOW_A)
    assert result.status == "rejected" and result.counts == {}
    assert rows(db, "select status from batches") == [("rejected",)]
    assert scalar(db, "select count(*) from walkthroughs") + scalar(db, "select count(*) from issues") == 0


def test_roster_warnings_in_the_same_file_see_the_roster_first(db):
    # the roster of the same file commits first (schema.IMPORT_ORDER), so 001 is matched
    f = parsed("f.xlsx", b"F", roster=[roster_row("001", "張三"), roster_row("002", "李四")], walkthroughs=[
        walk_row("001", "A1", name="张三"),   # Simplified spelling of the roster name: no warning
        walk_row("002", "A1", name="李五"),   # a different name: warning
        walk_row("009", "A1", name="陳九")])  # not on any snapshot: unmatched warning
    result = _commit(db, f, b"F", NOW_A)
    codes = [(p.code, p.row, p.value, p.params.get("roster_name")) for p in result.problems]
    assert codes == [("store.warn.unmatched_employee", 4, "009", None),
                     ("store.warn.name_mismatch", 3, "李五", "李四")]
    assert "李四" in result.problems[1].message("zh-Hant")
    assert result.counts["walkthroughs"]["warnings"] == 2 and result.status == "imported"


def test_audit_log_records_the_import(db):
    result = _commit(db, parsed("a.xlsx", b"A", issues=[issue_row("I1")]), b"A", NOW_A)
    at, actor, action, detail = rows(db, 'select "at", actor, action, cast(detail as varchar) from audit_log')[0]
    assert (at, actor, action) == (NOW_A, "tester", "import")
    assert json.loads(detail)["batch_id"] == result.batch_id


def test_original_file_is_archived_by_content(db):
    from analytics.store.batches import load_archived_file

    result = _commit(db, parsed("../../etc/evil.xlsx", b"payload", issues=[issue_row("I1")]), b"payload", NOW_A)
    name, content = load_archived_file(db, result.batch_id)
    assert (name, content) == ("../../etc/evil.xlsx", b"payload")
    stored = scalar(db, "select archive_path from batches")
    assert stored == f"{result.sha256[:2]}/{result.sha256}" and "evil" not in stored


def test_a_rejected_roster_row_does_not_take_the_person_off_the_snapshot(db):
    _commit(db, parsed("a.xlsx", b"A", roster=[roster_row("001", "張三"), roster_row("003", "王五"),
                                               roster_row("004", "孫七")]), b"A", NOW_A)
    # B: 003's row was rejected by the reader (bad rank), 004 is simply absent
    rejected = pd.DataFrame([{"工　號": "003", "職級": "大老闆", "_sheet": "名冊", "_row": 3, "_reason": "職級"}])
    b = parsed("b.xlsx", b"B", roster=[roster_row("001", "張三")], rejects={"roster": rejected},
               problems=[Problem("error", "store.no_valid_rows", "b.xlsx", "名冊", 3, "職級", "大老闆", "roster")])
    rb = _commit(db, b, b"B", NOW_B)
    assert rb.status == "partial" and rb.counts["roster"]["removed"] == 1  # only 004
    assert rows(db, "select employee_id, batch_id from roster order by 1") == [("001", 2), ("003", 1)]
