"""The commands print the same figures the functions compute (SPEC 5, issue #3 item 7)."""

import datetime as dt
import json

import duckdb
import pytest

from analytics.cli import main
from analytics.metrics.discipline import compute_discipline
from analytics.metrics.export import quota_records
from analytics.metrics.issues import compute_issue_summary
from analytics.metrics.pace import compute_pace
from analytics.metrics.quotas import compute_quota_results
from analytics.metrics.volume import compute_volume_summary
from analytics.store.migrate import apply_migrations

from .conftest import Store

AS_OF = dt.date(2026, 8, 15)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    apply_migrations(con)
    con.execute("insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict, counts, archive_path, rolled_back_at, rolled_back_by) values (1, 't', 'x', 1, now()::timestamp, 't', 'active', false, null, null,"
                " null, null)")
    s = Store(con)
    s.staff("H1", "總部", level="總部", rank="三級經理")
    s.staff("G1", "廣東省公司", rank="公司領導")
    s.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導")
    s.staff("C2", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="部門領導")
    s.walk("C1", "2026-07-03", category="客戶接待日", item=None, hours=4, copy_sent=True)
    s.walk("G1", "2026-02-03", summary_on="2026-02-05")
    s.walk("ZZ", "2026-02-03")
    s.issue("I1", "2026-03-01", owner_company="广州市分公司", due_on="2026-04-01")
    s.issue("I2", "2026-03-01", status="已解決", resolved_on="2026-03-11")
    con.close()
    return path


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def test_compliance_json_equals_the_functions(db, capsys):
    printed = run_json(capsys, "compliance", "--year", "2026", "--as-of", AS_OF.isoformat(), "--db", str(db))
    con = duckdb.connect(str(db), read_only=True)
    expected = quota_records(compute_pace(compute_quota_results(con, 2026, as_of=AS_OF), as_of=AS_OF))
    con.close()
    assert printed == json.loads(json.dumps(expected, ensure_ascii=False))
    q3 = next(r for r in printed if r["rule"] == "CITY-MGR-Q" and r["period"] == "2026Q3")
    # C1 went in Q3, C2 not: 1 of 2 = 0.5 against 1.0, in progress on 08-15
    assert {k: q3[k] for k in ("company", "department", "population", "participants", "value", "target", "unit",
                               "status")} == {"company": "廣州市分公司", "department": None, "population": 2,
                                              "participants": 1, "value": 0.5, "target": 1.0, "unit": "share",
                                              "status": "in_progress"}
    july = next(r for r in printed if r["rule"] == "CITY-RECEPT-M" and r["period"] == "2026-07")
    assert (july["value"], july["participants"], july["target"], july["status"]) == (1, 1, 1, "met")


def test_issues_volume_discipline_json(db, capsys):
    issues = run_json(capsys, "issues", "--as-of", "2026-06-30", "--db", str(db))
    volume = run_json(capsys, "volume", "--year", "2026", "--db", str(db))
    discipline = run_json(capsys, "discipline", "--year", "2026", "--db", str(db))
    con = duckdb.connect(str(db), read_only=True)
    assert issues == compute_issue_summary(con, dt.date(2026, 6, 30))
    assert volume == compute_volume_summary(con, 2026)
    frame = compute_discipline(con, 2026, period_kind="year")
    con.close()
    assert issues["by_owner_company"]["廣州市分公司"] == {"total": 1, "closed": 0, "open": 1, "overdue": 1}
    assert volume["unmatched_rows"] == 1 and volume["all"]["year"]["person_times"] == 3
    assert len(discipline) == len(frame)
    copy = {(r["company"], r["check"]): r["rate"] for r in discipline}
    assert copy[("廣州市分公司", "COPY-SENT")] == 1.0 and copy[("（名冊外工號）", "SUMMARY-7D")] == 0.0


def test_owed_and_errors_exit_2(db, capsys):
    owed = run_json(capsys, "owed", "--rule", "CITY-MGR-Q", "--period", "2026Q3", "--company", "广州市分公司",
                    "--db", str(db))
    assert owed == [{"employee_id": "C2", "name": "員工C2", "company": "廣州市分公司", "department": "市場部",
                     "rank": "部門領導"}]
    for argv in (["owed", "--rule", "NOPE", "--period", "2026"], ["owed", "--rule", "CITY-MGR-Q", "--period", "2026Q7"],
                 ["owed", "--rule", "CITY-MGR-Q", "--period", "2026Q3", "--company", "火星公司"],
                 ["compliance", "--year", "2026", "--scope", "火星公司"]):
        assert main([*argv, "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert "錯誤" in err and "Traceback" not in err


def test_text_tables_have_chinese_headers(db, capsys):
    for argv in (["compliance", "--year", "2026", "--as-of", "2026-08-15"], ["issues", "--as-of", "2026-08-15"],
                 ["volume", "--year", "2026"], ["discipline", "--year", "2026", "--by", "quarter"],
                 ["owed", "--rule", "CITY-MGR-Q", "--period", "2026Q3"]):
        assert main([*argv, "--db", str(db)]) == 0
        out = capsys.readouterr().out
        assert any(h in out for h in ("規則", "總數", "活動數", "檢查項", "工號")), argv
