"""An empty store gives empty results, never an error (the dashboard's first run)."""

import datetime as dt

from analytics.metrics.discipline import compute_discipline, load_discipline_failures
from analytics.metrics.issues import (
    compute_issue_breakdown,
    compute_issue_summary,
    compute_open_trend,
    load_overdue_issues,
)
from analytics.metrics.pace import compute_pace
from analytics.metrics.quality import compute_data_quality
from analytics.metrics.quotas import RESULT_COLUMNS, compute_quota_results
from analytics.metrics.scope import load_companies
from analytics.metrics.volume import compute_volume, compute_volume_summary


def test_everything_on_an_empty_store(store):
    con, as_of = store.con, dt.date(2026, 6, 30)
    results = compute_quota_results(con, 2026, as_of=as_of)
    assert results.empty and list(results.columns) == RESULT_COLUMNS
    assert compute_pace(results, as_of=as_of).empty
    assert compute_discipline(con, 2026).empty and load_discipline_failures(con, "NOTICE", "2026").empty
    assert compute_volume(con, 2026, by="company_rollup").empty
    assert compute_volume_summary(con, 2026) == {
        "unmatched_rows": 0,
        "all": {"year": {"activities": 0, "person_times": 0, "distinct_participants": 0}, "by_quarter": {},
                "by_month": {}, "by_category": {}, "by_item": {}, "by_mode": {}, "by_scope": {}},
        "by_company_rollup": {},
    }
    assert compute_issue_breakdown(con, as_of, by="category").empty and load_overdue_issues(con, as_of).empty
    assert compute_open_trend(con, start=dt.date(2026, 1, 1), end=as_of)["open"].tolist() == [0] * 6
    assert all(frame.empty for frame in compute_data_quality(con, 2026, as_of=as_of).values())
    assert load_companies(con).empty


def test_issue_summary_with_no_issue_in_scope(store):
    # DuckDB's histogram() over no rows is NULL; the summary must still be the CLI shape with zeros.
    summary = compute_issue_summary(store.con, dt.date(2026, 1, 1))
    assert (summary["total"], summary["closed"], summary["open"], summary["overdue"]) == (0, 0, 0, 0)
    assert summary["by_status"] == {} and summary["by_kind"] == {} and summary["resolution_rate"] is None
    assert summary["open_ageing"] == {"0-30": 0, "31-60": 0, "61-90": 0, ">90": 0}
