"""SPEC 4.2 process discipline (articles 8-9), hand-computed."""

import pandas as pd

from analytics.metrics.discipline import compute_discipline, load_discipline_failures


def rates(store, check, **kw):
    frame = compute_discipline(store.con, 2026, period_kind="year", **kw)
    frame = frame[frame["check"] == check]
    return {(r.company if isinstance(r.company, str) else None): (r.applicable, r.passing) for r in frame.itertuples()}


def test_notice_3_and_7_days(store):
    store.staff("P", "廣東省公司")
    store.walk("P", "2026-05-10", target_unit="a", needs_support=True, notified_on="2026-05-07")  # 3 days: pass
    store.walk("P", "2026-05-10", target_unit="b", needs_support=True, notified_on="2026-05-08")  # 2 days: fail
    store.walk("P", "2026-05-10", target_unit="c", needs_support=True)  # missing: fail
    store.walk("P", "2026-05-10", target_unit="d", mode="大規模穿越", notified_on="2026-05-03")  # 7 days: pass
    store.walk("P", "2026-05-10", target_unit="e", mode="大規模穿越", notified_on="2026-05-04")  # 6 days: fail
    store.walk("P", "2026-05-10", target_unit="f")  # no support needed: not applicable
    assert rates(store, "NOTICE") == {"廣東省公司": (5, 2)}
    failing = load_discipline_failures(store.con, "NOTICE", "2026-05")
    assert len(failing) == 3 and set(failing["company"]) == {"廣東省公司"}


def test_summary_within_0_to_7_days_and_copy_sent(store):
    store.staff("P", "廣東省公司")
    for unit, summary, copy in (("a", "2026-05-10", True), ("b", "2026-05-17", False), ("c", "2026-05-18", None),
                                ("d", "2026-05-09", True), ("e", None, True)):
        store.walk("P", "2026-05-10", target_unit=unit, summary_on=summary, copy_sent=copy)
    # SUMMARY-7D: a (0 days) and b (7 days) pass; c (8), d (-1), e (missing) fail
    assert rates(store, "SUMMARY-7D") == {"廣東省公司": (5, 2)}
    # COPY-SENT: a, d, e are 是; b 否, c blank fail
    assert rates(store, "COPY-SENT") == {"廣東省公司": (5, 3)}


def test_issue_min1_linked_by_activity_and_raiser(store):
    for who in ("A", "B", "C", "D", "E"):
        store.staff(who, "廣東省公司")
    store.walk("A", "2026-03-01", activity_id="G1")
    store.walk("B", "2026-03-01", activity_id="G1")  # G1's only issue is raised by A: B fails
    store.walk("C", "2026-03-01", activity_id="G2")
    store.walk("D", "2026-03-01", activity_id="G2")  # G2 has an issue with blank raiser: both pass
    store.walk("E", "2026-03-01", issues_raised=1)  # counted on the row itself: pass
    store.walk("E", "2026-03-02", issues_raised=0)  # fail
    store.issue("I1", "2026-03-02", activity_id="G1", raised_by="A")
    store.issue("I2", "2026-03-02", activity_id="G2")
    assert rates(store, "ISSUE-MIN1") == {"廣東省公司": (6, 4)}
    failing = load_discipline_failures(store.con, "ISSUE-MIN1", "2026")
    assert sorted(failing["employee_id"]) == ["B", "E"]


def test_company_of_the_person_as_of_the_date_and_unmatched(store):
    store.staff("M", "廣州市分公司", level="地市公司", parent="廣東省公司", effective="2026-01-01")
    store.staff("M", "深圳市分公司", level="地市公司", parent="廣東省公司", effective="2026-07-01")
    store.walk("M", "2026-03-01", copy_sent=True)  # Mar: 廣州 (latest snapshot <= date)
    store.walk("M", "2026-08-01", copy_sent=False)  # Aug: 深圳
    store.walk("EARLY", "2026-01-05")  # not on any roster: unmatched
    store.staff("LATE", "深圳市分公司", level="地市公司", parent="廣東省公司", effective="2026-06-01")
    store.walk("LATE", "2026-02-01", copy_sent=True)  # before LATE's first snapshot: the earliest (深圳)
    assert rates(store, "COPY-SENT") == {"廣州市分公司": (1, 1), "深圳市分公司": (2, 1), None: (1, 0)}
    # a scope leaves out rows whose 工號 is on no roster
    assert rates(store, "COPY-SENT", scope="深圳市分公司") == {"深圳市分公司": (2, 1)}


def test_rates_by_quarter(store):
    store.staff("P", "廣東省公司")
    store.walk("P", "2026-03-31", copy_sent=True)
    store.walk("P", "2026-04-01", copy_sent=False)
    frame = compute_discipline(store.con, 2026, period_kind="quarter")
    copy = frame[frame["check"] == "COPY-SENT"].set_index("period")
    assert copy.loc["2026Q1", "rate"] == 1.0 and copy.loc["2026Q2", "rate"] == 0.0
    assert list(copy.index) == ["2026Q1", "2026Q2"]
    assert pd.isna(frame[(frame["check"] == "NOTICE")]["rate"]).all()  # nothing applicable: rate null
