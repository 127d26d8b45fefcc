"""Pace of in-progress quota results (issue #3 item 2), hand-computed."""

import datetime as dt

from analytics.metrics.pace import compute_pace
from analytics.metrics.quotas import compute_quota_results


def city_with_leaders(store, n, went):
    for i in range(n):
        store.staff(f"C{i}", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="部門領導")
    for i in range(went):
        store.walk(f"C{i}", "2026-07-10")


def q3(store, as_of):
    frame = compute_pace(compute_quota_results(store.con, 2026, as_of=as_of, rules=["CITY-MGR-Q"]), as_of=as_of)
    return frame[frame.period == "2026Q3"].iloc[0]


def test_on_track_by_linear_extrapolation(store):
    city_with_leaders(store, 10, 5)
    # Q3 = 92 days; as of 08-15: elapsed 31 + 15 = 46 days, f = 46/92 = 0.5; projected 5 / 0.5 = 10 >= 100 % x 10
    row = q3(store, dt.date(2026, 8, 15))
    assert (row.status, row.pace, row.elapsed_fraction, row.projected) == ("in_progress", "on_track", 0.5, 10.0)
    # needed = 10 - 5 = 5; days left = 08-16..09-30 = 16 + 30 = 46; weeks left = ceil(46/7) = 7; per week ceil(5/7)=1
    assert (row.needed, row.days_left, row.weeks_left, row.needed_per_week) == (5, 46, 7, 1)


def test_at_risk_one_short_of_the_pace(store):
    city_with_leaders(store, 10, 4)
    row = q3(store, dt.date(2026, 8, 15))  # projected 4 / 0.5 = 8 < 10
    assert (row.pace, row.projected, row.needed) == ("at_risk", 8.0, 6)


def test_not_started_before_the_period_and_no_pace_once_decided(store):
    city_with_leaders(store, 10, 4)
    row = q3(store, dt.date(2026, 6, 1))
    # whole quarter left: 92 days -> ceil(92/7) = 14 weeks. The 07-10 walks have not happened on 06-01 (SPEC 4.5,
    # issue #11; this test used to count them and expect 6): needed 10 - 0 = 10 -> ceil(10/14) = 1 per week
    assert (row.pace, row.elapsed_fraction, row.needed, row.days_left, row.weeks_left) == (
        "not_started", 0.0, 10, 92, 14)
    assert (row.participants, row.needed_per_week) == (0, 1)
    after = q3(store, dt.date(2026, 10, 1))
    assert after.status == "missed" and after.pace is None


def test_last_week_needs_everything_at_once(store):
    city_with_leaders(store, 10, 4)
    row = q3(store, dt.date(2026, 9, 28))  # days left 2 -> weeks_left = max(1, ceil(2/7)) = 1; needed 6 per week
    assert (row.days_left, row.weeks_left, row.needed_per_week, row.pace) == (2, 1, 6, "at_risk")


def test_count_rule_on_track_while_a_week_remains(store):
    store.staff("L", "廣州市分公司", level="地市公司", parent="廣東省公司", rank="公司領導")
    as_of_early, as_of_late = dt.date(2026, 7, 24), dt.date(2026, 7, 25)
    for as_of, expected, days_left in ((as_of_early, "on_track", 7), (as_of_late, "at_risk", 6)):
        frame = compute_pace(compute_quota_results(store.con, 2026, as_of=as_of, rules=["CITY-RECEPT-M"]),
                             as_of=as_of)
        row = frame[frame.period == "2026-07"].iloc[0]
        assert (row.pace, row.days_left, row.needed) == (expected, days_left, 1)  # 07-31 minus the as-of date
