"""import_files(): paths and uploads, progress, and no traceback whatever the input (issue #2 item 5)."""

from __future__ import annotations

import analytics.ingest
from analytics.store.importer import import_files
from tests.store.conftest import rows
from tests.store.files import GOOD_LOG, roster_and_log, write


def test_paths_and_uploads_each_become_a_batch_with_progress(tmp_path, db):
    upload = ("上傳.xlsx", roster_and_log(GOOD_LOG))
    other = write(tmp_path / "other.xlsx", roster_and_log([["A9", "002", "李四", "2026-04-01", "專項穿越", None,
                                                            "4", None]]))
    seen: list[tuple[str, float]] = []
    results = import_files([upload, other], db_path=db, user="lead", on_progress=lambda m, f: seen.append((m, f)))
    assert [(r.file_name, r.status, r.batch_id) for r in results] == [
        ("上傳.xlsx", "imported", 1), ("other.xlsx", "imported", 2)]
    # the second roster is the same snapshot with the same two people: unchanged; one 專項穿越 row without 主題
    assert results[1].counts["roster"] == {"new": 0, "updated": 0, "unchanged": 2, "rejected": 0, "warnings": 0,
                                           "removed": 0}
    assert results[1].counts["walkthroughs"]["warnings"] == 1
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and 0.0 <= fractions[0] < 0.5
    assert rows(db, "select batch_id, file_name, imported_by from batches order by 1") == [
        (1, "上傳.xlsx", "lead"), (2, "other.xlsx", "lead")]


def test_a_reader_crash_is_a_rejected_file_not_a_traceback(db, monkeypatch):
    def broken(name, content):
        raise ValueError("boom")

    monkeypatch.setattr(analytics.ingest, "parse_file", broken)
    [result] = import_files([("x.xlsx", b"data")], db_path=db, user="u")
    assert result.status == "rejected" and "boom" in result.problems[0].message("en")
    assert not db.exists()  # nothing was opened or written


def test_not_a_spreadsheet_is_rejected_with_one_clear_error(db):
    [result] = import_files([("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)], db_path=db, user="u")
    assert result.status == "rejected" and result.batch_id == 1
    assert [p.severity for p in result.problems] == ["error"]
    assert rows(db, "select status from batches") == [("rejected",)]
