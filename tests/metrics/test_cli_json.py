"""All five metric commands print, with --json, exactly what the functions return (SPEC 5, issue #3 item 7),
on the seeded random store of test_fast_oracle.py (so the figures are not trivial) and with a scope."""

import datetime as dt
import json

import duckdb
import pytest

from analytics.cli import main
from analytics.metrics.discipline import compute_discipline
from analytics.metrics.export import frame_records, quota_records
from analytics.metrics.issues import compute_issue_summary
from analytics.metrics.pace import compute_pace
from analytics.metrics.quotas import compute_quota_results, load_owed_people
from analytics.metrics.volume import compute_volume_summary
from analytics.store.migrate import apply_migrations

from .conftest import Store
from .test_fast_oracle import build

AS_OF = dt.date(2026, 8, 15)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    con = duckdb.connect(str(path))
    apply_migrations(con)
    con.execute("insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict, counts, archive_path, rolled_back_at, rolled_back_by) values (1, 't', 'x', 1, now()::timestamp, 't', 'active', false, null, null,"
                " null, null)")
    build(Store(con))
    con.close()
    return path


def printed(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def same(value):
    """What print_json writes for ``value`` (tuples become lists, dates ISO strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@pytest.mark.parametrize("scope", [None, "广东省公司"])
def test_all_five_commands_print_the_functions_results(db, capsys, scope):
    extra = [] if scope is None else ["--scope", scope]
    out = {
        "compliance": printed(capsys, "compliance", "--year", "2026", "--as-of", AS_OF.isoformat(), *extra,
                              "--db", str(db)),
        "issues": printed(capsys, "issues", "--as-of", AS_OF.isoformat(), *extra, "--db", str(db)),
        "volume": printed(capsys, "volume", "--year", "2026", *extra, "--db", str(db)),
        "discipline": printed(capsys, "discipline", "--year", "2026", "--by", "quarter", *extra, "--db", str(db)),
        "owed": printed(capsys, "owed", "--rule", "CITY-DEPT-Q", "--period", "2026Q3", *extra, "--db", str(db)),
    }
    con = duckdb.connect(str(db), read_only=True)
    try:
        quota = quota_records(compute_pace(compute_quota_results(con, 2026, as_of=AS_OF, scope=scope), as_of=AS_OF))
        issues = compute_issue_summary(con, AS_OF, scope=scope)
        volume = compute_volume_summary(con, 2026, scope=scope)
        discipline = compute_discipline(con, 2026, scope=scope, period_kind="quarter")
        owed = load_owed_people(con, "CITY-DEPT-Q", "2026Q3", scope=scope)
    finally:
        con.close()
    discipline = discipline.assign(company=discipline["company"].where(discipline["company_key"].notna(),
                                                                       "（名冊外工號）"))
    assert out["compliance"] == same(quota)
    assert out["issues"] == same(issues)
    assert out["volume"] == same(volume)
    assert out["discipline"] == same(frame_records(
        discipline, ["check", "company_key", "company", "period", "applicable", "passing", "rate"]))
    assert out["owed"] == same(frame_records(owed, ["employee_id", "name", "company", "department", "rank"]))
    # not vacuous: every command printed figures
    assert len(out["compliance"]) > 20 and len(out["discipline"]) > 10 and len(out["owed"]) > 0
    assert out["issues"]["total"] > 20 and out["volume"]["all"]["year"]["person_times"] > 20
