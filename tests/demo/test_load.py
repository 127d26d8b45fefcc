"""After ``demo`` into a temporary database, facts that can be checked by hand from the plan hold."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.config import archive_dir
from analytics.demo import TODAY
from analytics.demo.issues import HYPERLINK_TEXT
from analytics.demo.load import DemoRefused, load_demo
from tests.demo.conftest import PRIOR

ROOT = Path(__file__).resolve().parents[2]


def test_summary_counts_companies_by_level(demo):
    f = demo.figures
    assert (f["hq"], f["provinces"], f["cities"]) == (1, 3, 10)
    assert f["issues"] > f["open_issues"] > 0


def test_every_file_imported_and_only_planned_rows_rejected(demo):
    statuses = {r.file_name: r.status for r in demo.results}
    assert set(statuses.values()) <= {"imported", "partial"}
    partial = sorted(name for name, s in statuses.items() if s == "partial")
    assert partial == sorted(["東海省公司2026年10月流程穿越記錄.xlsx", "西川省公司_2026年3月穿越記錄.csv",
                              "南嶺省公司_2026-05_穿越記錄.xlsx"])
    assert demo.rejected_rows == 3  # the three planned faults, one row each
    assert all(r.rejects_xlsx() for r in demo.results if r.status == "partial")


def test_rejects_have_the_planned_reasons(con):
    rows = con.execute("select column_header, coalesce(value, '') from import_messages where severity = 'error'")
    # The headers as written in each file: 東海's date, 南嶺's missing item, 西川's (Simplified) missing category.
    assert sorted(rows.fetchall()) == sorted([("穿越日期", "10/5/2026"), ("穿越項目", ""), ("穿越类别", "")])


def test_unmatched_staff_are_imported_and_flagged(con):
    stored = con.execute("select employee_id from walkthroughs where employee_id like '0009990_' "
                         "order by 1").fetchall()
    assert stored == [("00099901",), ("00099902",), ("00099903",)]
    flagged = con.execute("select count(*) from import_messages where code = 'store.warn.unmatched_employee'")
    assert flagged.fetchone()[0] == 3


def test_hyperlink_description_stored_verbatim(con):
    got = con.execute("select description from issues where description like '%HYPERLINK%'").fetchall()
    assert got == [(HYPERLINK_TEXT,)]


def test_batches_are_dated_through_the_year(con):
    first, last, users = con.execute(
        "select min(imported_at), max(imported_at), list(distinct imported_by) from batches"
        " where coalesce(source, 'import') = 'import'").fetchone()
    assert first == dt.datetime(2026, 1, 1, 9, 0)
    # November's tracking file describes yesterday; the contacts list (issue #15) follows it 5 minutes later and
    # the plans workbook (issue #14) 5 minutes after that
    assert last == dt.datetime(2026, 11, 24, 18, 10)
    assert users == ["demo"]


def test_owner_departments_recorded_progress_in_the_app(con):
    # analytics/demo/followup.py APP_UPDATES: 3 + 2 + 2 + 1 open 東海省公司 issues not yet due on 2026-11-25.
    rows = con.execute(
        "select b.imported_by, i.owner_department, i.status, h.old_status, h.new_status, h.note, h.due_on,"
        "  i.due_on, h.changed_at"
        " from issue_status_history h join batches b using (batch_id) join issues i using (issue_id)"
        " where b.source = 'app' order by h.changed_at").fetchall()
    by_user = {}
    for user, department, *_ in rows:
        by_user.setdefault(user, set()).add(department)
    assert by_user == {"dh.market": {"市場部"}, "dh.service": {"客戶服務部"}, "dh.network": {"網路部"},
                       "dh.lead": {"業務支撐部"}}
    assert [sum(1 for r in rows if r[0] == u) for u in ("dh.market", "dh.service", "dh.network", "dh.lead")] == [
        3, 2, 2, 1]
    for _user, _dept, status, _old, new, note, entry_due, stored_due, changed_at in rows:
        assert status == new == "處理中" and note  # nothing closed; each entry carries the department's note
        assert entry_due == stored_due > dt.date(2026, 11, 25) + dt.timedelta(days=14)  # revised, still not overdue
        assert changed_at.date() == dt.date(2026, 11, 25)
    # Each updated issue's timeline starts with imports and ends with the app entry.
    sources = con.execute(
        "select issue_id, list(coalesce(b.source, 'import') order by h.batch_id) from issue_status_history h"
        " join batches b using (batch_id) where issue_id in (select issue_id from issue_status_history"
        " join batches using (batch_id) where source = 'app') group by issue_id").fetchall()
    assert len(sources) == 8
    assert all(s[0] == "import" and s[-1] == "app" for _id, s in sources)


def test_status_history_has_a_monthly_trend(con):
    months = con.execute("select count(distinct date_trunc('month', changed_at)) from issue_status_history")
    assert months.fetchone()[0] == 11
    # Some issue was seen open, then in progress, then closed, in three different monthly files.
    longest = con.execute("select max(n) from (select count(*) n from issue_status_history group by issue_id)")
    assert longest.fetchone()[0] >= 3


def _result(frame, rule: str, company: str, period: str, department: str | None = None):
    rows = frame[(frame["rule"] == rule) & (frame["company"] == company) & (frame["period"] == period)]
    if department is not None:
        rows = rows[rows["department"] == department]
    assert len(rows) == 1, (rule, company, period, department)
    return rows.iloc[0]


def test_planned_quota_outcomes(con):
    from analytics.metrics.quotas import compute_quota_results

    frame = compute_quota_results(con, 2026, as_of=TODAY)
    assert {"met", "missed", "in_progress"} <= set(frame["status"])
    # 南嶺 in August: reception rows of 3.5 h and blank only -> nobody qualifies.
    r = _result(frame, "PROV-RECEPT-M", "南嶺省公司", "2026-08")
    assert (r["participants"], r["status"]) == (0, "missed")
    # 雲溪 has no reception day in June; 鶴灣's in September has no 時長.
    assert _result(frame, "CITY-RECEPT-M", "雲溪市分公司", "2026-06")["status"] == "missed"
    assert _result(frame, "CITY-RECEPT-M", "鶴灣市分公司", "2026-09")["participants"] == 0
    # 濱江 Q3: population = 3 company leaders + department leaders 1 (辦公室) + 2 (市場部) + 2 (客戶服務部)
    # + 1 (集團客戶部) + 2 (網路部) + 1 (賬務中心) + 1 (財務部) = 13; no department leader walks in Q3,
    # so at most the 3 company leaders participated: 3/13 < 1.
    r = _result(frame, "CITY-MGR-Q", "濱江市分公司", "2026Q3")
    assert r["population"] == 13 and r["participants"] <= 3 and r["status"] == "missed"
    # 總部 財務部 (40 people): 3 department leaders (1 + size>=20 + size>=38) + 3 level-3 managers (40 // 12)
    # = 6 managers, of whom only one walks: 1/6 = 0.167 < 0.30, year still running -> in_progress.
    r = _result(frame, "HQ-MGR-Y", "總部", "2026", "財務部")
    assert (r["population"], r["participants"], r["status"]) == (6, 1, "in_progress")


def test_refuses_a_database_with_data_without_force(demo):
    before = demo.figures["walkthrough_rows"]
    with pytest.raises(DemoRefused, match="--force"):
        load_demo(demo.db_path, out_dir=demo.out_dir)
    out = subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(demo.db_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "--force" in out.stderr and "Traceback" not in out.stderr
    from analytics.store.connection import connect

    with connect(demo.db_path, read_only=True) as con:
        assert con.execute("select count(*) from walkthroughs").fetchone()[0] == before


def test_force_rebuilt_from_scratch(con, demo):
    # conftest imported an unrelated roster by "someone" first; --force removed it with its archive.
    batches, users = con.execute("select count(*), list(distinct imported_by) from batches"
                                 " where coalesce(source, 'import') = 'import'").fetchone()
    assert (batches, users) == (64, ["demo"])  # 62 monthly files + the contacts list (issue #15) + the plans (#14)
    # ... and the demo's 8 app updates (issue #15), each its own batch
    assert con.execute("select count(*) from batches where source = 'app'").fetchone()[0] == 8
    assert con.execute("select count(*) from roster where company = '無關公司'").fetchone()[0] == 0
    archived = {p.name for p in archive_dir(demo.db_path).rglob("*") if p.is_file()}
    assert hashlib.sha256(PRIOR).hexdigest() not in archived
    assert len(archived) == 64  # the demo's own originals, one per file


def test_quota_results_agree_with_the_independent_baselines(con):
    """The demo year (two roster snapshots, movers, leavers, joiners) through the product and both benchmark
    baselines (pandas, plain SQL): the same population, participants and status for every result."""
    from analytics.metrics.quotas import compute_quota_results
    from benchmarks.baseline_quotas import compare, compute_quota_baseline

    product = compute_quota_results(con, 2026, as_of=TODAY)
    by_pandas = compare(product, compute_quota_baseline(con, 2026, TODAY))
    sql = (ROOT / "benchmarks" / "baseline_compliance.sql").read_text(encoding="utf-8")
    by_sql = compare(product, con.execute(sql, {"year": 2026, "as_of": TODAY}).df())
    assert by_pandas == by_sql and by_pandas["met"] > 0 and by_pandas["missed"] > 0
