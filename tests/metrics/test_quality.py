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
    # months 01..03 start on or before 03-15; 廣東 silent in Mar; 廣州 silent in Jan and Mar
    assert q["silent_companies"][["company", "period"]].values.tolist() == [
        ["廣東省公司", "2026-03"], ["廣州市分公司", "2026-01"], ["廣州市分公司", "2026-03"]]
    assert q["unmatched_ids"][["employee_id", "rows"]].values.tolist() == [["X1", 2]]
    assert q["reception_without_hours"]["employee_id"].tolist() == ["P1"]
    assert q["nonstandard_categories"].values.tolist() == [["亂填", 1]]
    assert q["closed_without_resolved_on"]["issue_id"].tolist() == ["I2"]
    assert q["warnings"]["source_row"].tolist() == [7]  # errors are not warnings
    scoped = compute_data_quality(store.con, 2026, as_of=dt.date(2026, 3, 15), scope="广州市分公司")
    assert scoped["unmatched_ids"].empty and scoped["warnings"]["source_row"].tolist() == [7]
    assert scoped["silent_companies"]["period"].tolist() == ["2026-01", "2026-03"]
    other = compute_data_quality(store.con, 2026, as_of=dt.date(2026, 3, 15), scope="廣東省公司")
    assert other["reception_without_hours"]["employee_id"].tolist() == ["P1"]
