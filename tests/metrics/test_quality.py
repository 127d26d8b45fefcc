"""Data-quality findings for the dashboard page."""

import datetime as dt

from analytics.metrics.quality import compute_data_quality


def test_quality_findings(store):
    store.staff("P1", "廣東省公司")
    store.staff("C1", "廣州市分公司", level="地市公司", parent="廣東省公司")
    store.walk("P1", "2026-01-05")
    store.walk("P1", "2026-02-05", category="客戶接待日", item=None)  # reception day without hours
    store.walk("C1", "2026-02-06")
    store.walk("X1", "2026-02-07")
    store.walk("X1", "2026-03-07")  # X1 not on the roster: 2 rows
    store.issue("I1", "2026-02-01", category="亂填", standard=False)
    store.issue("I2", "2026-02-01", status="已解決")  # closed without 解決日期
    store.issue("I3", "2026-02-01", status="已解決", resolved_on="2026-02-03")
    store.message("walkthroughs", 7, "ingest.name_mismatch", row_key="row:x|C1")
    store.message("walkthroughs", 8, "ingest.bad", severity="error")
    q = compute_data_quality(store.con, 2026, as_of=dt.date(2026, 3, 15))
    # months ended by 03-15: 01 and 02 (March is still running, so nobody is silent in it yet);
    # 廣東 (P1) has rows in Jan and Feb; 廣州 (C1) only in Feb -> silent in Jan
    assert q["silent_companies"][["company", "period"]].values.tolist() == [["廣州市分公司", "2026-01"]]
    assert q["unmatched_ids"][["employee_id", "rows"]].values.tolist() == [["X1", 2]]
    assert q["reception_without_hours"]["employee_id"].tolist() == ["P1"]
    assert q["nonstandard_categories"].values.tolist() == [["亂填", 1]]
    assert q["closed_without_resolved_on"]["issue_id"].tolist() == ["I2"]
    assert q["warnings"]["source_row"].tolist() == [7]  # errors are not warnings
    scoped = compute_data_quality(store.con, 2026, as_of=dt.date(2026, 3, 15), scope="广州市分公司")
    assert scoped["unmatched_ids"].empty and scoped["warnings"]["source_row"].tolist() == [7]
    assert scoped["silent_companies"]["period"].tolist() == ["2026-01"]
    other = compute_data_quality(store.con, 2026, as_of=dt.date(2026, 3, 15), scope="廣東省公司")
    assert other["reception_without_hours"]["employee_id"].tolist() == ["P1"]


def test_running_month_is_not_silent(store):
    """Issue #16 item 7: on 7 December no company is missing December; a month is over on its last day."""
    store.staff("P1", "廣東省公司")
    store.staff("P2", "福建省公司")
    for month in range(1, 12):  # 廣東: a row in each of January .. November
        store.walk("P1", f"2026-{month:02d}-10")
    for month in range(1, 11):  # 福建: January .. October, nothing in November or December
        store.walk("P2", f"2026-{month:02d}-10")

    def silent(as_of: str) -> list[list[str]]:
        q = compute_data_quality(store.con, 2026, as_of=dt.date.fromisoformat(as_of))
        return q["silent_companies"][["company", "period"]].values.tolist()

    # 12-07: months ended = Jan .. Nov; 廣東 sent all 11, 福建 10 of them -> only 福建 November (not December)
    assert silent("2026-12-07") == [["福建省公司", "2026-11"]]
    # 11-29: November still running -> nobody silent; 11-30 is November's last day -> 福建 November silent
    assert silent("2026-11-29") == []
    assert silent("2026-11-30") == [["福建省公司", "2026-11"]]
    # 12-31: December has ended without a row of either company -> both silent in December (and 福建 in Nov)
    assert silent("2026-12-31") == [["廣東省公司", "2026-12"], ["福建省公司", "2026-11"], ["福建省公司", "2026-12"]]
