"""The import's dry run (issue #16 item 10, #13 item 3): ``plan_import`` says exactly what ``commit_plan`` does.

Figures worked out by hand from the rows below (factory defaults: company 廣州市分公司, parent 廣東省公司):
  file "mixed.xlsx": roster 001 張三, 002 李四 (廣州市分公司); log 001 (A1), 999 (A2, on no roster);
  issues I1 (責任單位 廣州市分公司, on the roster), I2 (責任單位 火星分公司, on no roster)
  → roster new 2; log new 2 with 1 warning (999 unknown); issues new 2 with 1 warning (火星分公司 unknown).
"""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.auth.model import User
from analytics.store.importer import commit_parsed, commit_plan, plan_import
from tests.store.conftest import rows, scalar, state
from tests.store.factory import issue_row, parsed, roster_row, walk_row

NOW = dt.datetime(2026, 3, 10, 9, 0)


def _mixed(content: bytes = b"mixed"):
    return parsed("mixed.xlsx", content, roster=[roster_row("001", "張三"), roster_row("002", "李四")],
                  walkthroughs=[walk_row("001", "A1"), walk_row("999", "A2")],
                  issues=[issue_row("I1"), issue_row("I2", owner_company="火星分公司")])


def _codes(result) -> list[tuple[str, str, str | None]]:
    return [(p.severity, p.code, p.value) for p in result.problems]


def test_the_plan_is_what_the_commit_does_and_changes_nothing(db):
    plan = plan_import([(_mixed(), b"mixed")], db_path=db, user="tester", now=NOW)
    assert not db.exists()  # a plan of a database that does not exist yet does not create it
    [item] = plan.files
    preview = item.preview
    assert item.writes
    assert preview.status == "imported"  # warnings do not make a file partial
    assert preview.batch_id is None  # the commit assigns the number
    assert preview.counts == {
        "roster": {"new": 2, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 0, "removed": 0},
        "walkthroughs": {"new": 2, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 1},
        "issues": {"new": 2, "updated": 0, "unchanged": 0, "rejected": 0, "warnings": 1},
    }
    assert _codes(preview) == [("warning", "store.warn.unmatched_employee", "999"),
                               ("warning", "store.warn.unknown_owner_company", "火星分公司")]
    assert preview.problems[1].describe("zh-Hant") == (
        "mixed.xlsx › 工作表1 › 第 3 行 › 責任單位 = \"火星分公司\": 責任單位「火星分公司」不在任何人員名冊中："
        "問題仍會匯入，但不會出現在任何公司的範圍內。請確認單位名稱與名冊的「公司」一致，或先匯入該單位的名冊。")
    [result] = commit_plan(plan, db_path=db, user="tester")
    assert result.batch_id == 1  # the dry run used up no batch number
    assert (result.status, result.counts, _codes(result)) == (preview.status, preview.counts, _codes(preview))
    # the warning is kept for the data-quality page, keyed by the issue's id
    assert rows(db, "select code, value, row_key from import_messages where table_name = 'issues'") == [
        ("store.warn.unknown_owner_company", "火星分公司", "I2")]


def test_a_file_already_imported_is_said_so_before_the_button(db):
    from analytics.store import generations

    commit_parsed(_mixed(), b"mixed", db_path=db, user="tester", now=NOW)
    before, generation = state(db), generations.current_file(db)
    files = sorted(p.name for p in db.parent.iterdir())
    plan = plan_import([(_mixed(), b"mixed")], db_path=db, user="tester", now=NOW)
    # the dry run wrote a private copy and removed it: no new generation, nothing left in the folder
    assert generations.current_file(db) == generation and sorted(p.name for p in db.parent.iterdir()) == files
    [item] = plan.files
    assert (item.preview.status, item.preview.batch_id, item.writes) == ("already_imported", 1, False)
    assert _codes(item.preview) == [("notice", "store.already_imported", None)]
    assert plan.to_commit() == []
    assert state(db) == before and scalar(db, "select count(*) from batches") == 1
    # the next real import still gets batch 2: planning used up no number
    other = parsed("other.xlsx", b"other", roster=[roster_row("003", "王五")])
    assert commit_parsed(other, b"other", db_path=db, user="tester", now=NOW).batch_id == 2


def test_files_are_planned_one_after_the_other(db):
    """A log whose person is on the roster of the file before it has no unknown-工號 warning; a second copy of
    the roster file is already imported (as batch 1, the number the first copy will get)."""
    roster = parsed("roster.xlsx", b"R", roster=[roster_row("003", "王五")])
    log = parsed("log.xlsx", b"L", walkthroughs=[walk_row("003", "A9")])
    copy = parsed("copy.xlsx", b"R", roster=[roster_row("003", "王五")])
    plan = plan_import([(roster, b"R"), (log, b"L"), (copy, b"R")], db_path=db, user="tester", now=NOW)
    assert [(f.preview.status, f.writes) for f in plan.files] == [
        ("imported", True), ("imported", True), ("already_imported", False)]
    assert plan.files[1].preview.problems == []
    assert plan.files[2].preview.batch_id == 1
    results = commit_plan(plan, db_path=db, user="tester")
    assert [(r.file_name, r.status, r.batch_id) for r in results] == [("roster.xlsx", "imported", 1),
                                                                       ("log.xlsx", "imported", 2)]


def test_a_missing_required_column_refuses_the_file_with_a_clear_message(db):
    bad = _mixed(b"bad")
    bad.tables["walkthroughs"] = bad.tables["walkthroughs"].drop(columns=["date"])
    result = commit_parsed(bad, b"bad", db_path=db, user="tester", now=NOW)
    assert result.status == "rejected" and result.batch_id is None
    problem = result.problems[0]
    assert (problem.severity, problem.code, problem.sheet, problem.column) == (
        "error", "store.missing_column", "工作表1", "穿越日期")
    assert problem.describe("zh-Hant") == (
        "mixed.xlsx › 工作表1 › 穿越日期: 此工作表缺少必填欄「穿越日期」：整個檔案未匯入。"
        "請在該工作表加入此欄（範本中有）後重新上傳。")
    assert problem.message("en") == ("The sheet has no column \"穿越日期\", which is required: the whole "
                                     "file was refused. Add the column to the sheet (the template has it) and "
                                     "upload again.")
    assert scalar(db, "select count(*) from roster") == 0  # all or nothing: the roster before it is not kept
    # the plan says the same before anything is tried
    [item] = plan_import([(bad, b"bad")], db_path=db, user="tester", now=NOW).files
    assert (item.preview.status, item.writes, item.preview.problems[0].code) == (
        "rejected", False, "store.missing_column")


def test_an_optional_column_may_be_absent(db):
    ok = _mixed(b"ok")
    ok.tables["walkthroughs"] = ok.tables["walkthroughs"].drop(columns=["note", "theme"])
    result = commit_parsed(ok, b"ok", db_path=db, user="tester", now=NOW)
    assert result.status == "imported"
    assert rows(db, "select count(*), count(note) from walkthroughs") == [(2, 0)]


@pytest.fixture
def two_provinces(db):
    """廣東省公司 with 廣州市分公司 (staff 001) and 廣西省公司 with 南寧市分公司 (staff 501), imported by an admin."""
    roster = [roster_row("000", "省長", "廣東省公司", level="省公司", parent_company=None),
              roster_row("001", "張三"),
              roster_row("500", "桂長", "廣西省公司", level="省公司", parent_company=None),
              roster_row("501", "陸五", "南寧市分公司", parent_company="廣西省公司")]
    assert commit_parsed(parsed("r.xlsx", b"r", roster=roster), b"r", db_path=db, user="admin",
                         now=NOW).status == "imported"
    return db


def test_a_lead_uploading_another_provinces_log_is_refused_whole_in_plan_and_commit(two_provinces):
    db = two_provinces
    lead = User("gd", "廣東推進辦", "lead", "廣東省公司")
    log = parsed("log.xlsx", b"log", walkthroughs=[walk_row("001", "B1"), walk_row("501", "B2")])
    [item] = plan_import([(log, b"log")], db_path=db, user="gd", now=NOW, acting=lead).files
    assert (item.preview.status, item.writes) == ("rejected", False)
    message = item.preview.problems[0].message("zh-Hant")
    # the company by its roster name (not its folded key), and what to do
    assert message.startswith("檔案含有 廣東省公司 範圍以外的公司：南寧市分公司。整個檔案未匯入。")
    result = commit_parsed(log, b"log", db_path=db, user="gd", now=NOW, acting=lead)
    assert (result.status, result.batch_id, result.problems[0].code) == ("rejected", None, "store.scope.file_outside")
    assert scalar(db, "select count(*) from batches") == 1 and scalar(db, "select count(*) from walkthroughs") == 0
    # its own province's log goes through; the same check as the plan's
    own = parsed("own.xlsx", b"own", walkthroughs=[walk_row("001", "B1")])
    assert commit_parsed(own, b"own", db_path=db, user="gd", now=NOW, acting=lead).status == "imported"
