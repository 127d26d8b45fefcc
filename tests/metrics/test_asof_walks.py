"""SPEC 4.5 "as of D" for walks (issue #11 items 1 and 5): a walk dated after D has not happened on D.

Figures are worked out by hand in each test. The last test checks the rule itself: the evaluation as of D equals
an evaluation of a store from which every walk after D was deleted.
"""

import datetime as dt
import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.metrics.discipline import compute_discipline
from analytics.metrics.pace import compute_pace
from analytics.metrics.quality import compute_data_quality
from analytics.metrics.quotas import compute_quota_results, load_owed_people
from analytics.metrics.volume import compute_volume, compute_volume_summary

D = dt.date.fromisoformat
CITY = "廣州市分公司"


def city_leaders(store):
    store.staff("G0", "廣東省公司", rank="公司領導")
    for eid in ("L1", "L2"):
        store.staff(eid, CITY, level="地市公司", parent="廣東省公司", rank="公司領導")


def q(frame, period):
    rows = frame[(frame["rule"] == "CITY-MGR-Q") & (frame["period"] == period) & (frame["company"] == CITY)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_walks_after_the_as_of_date_do_not_count_at_a_quarter_end(store):
    city_leaders(store)
    store.walk("L1", "2026-08-10")
    store.walk("L2", "2026-09-30")  # the last day of Q3
    store.walk("L1", "2026-10-20")  # in Q4
    # CITY-MGR-Q: both leaders of 廣州 (population 2) must walk in the quarter (100 %).
    # As of 09-29: Q3 has L1 only (L2's walk is dated 09-30, after D) -> 1 of 2, Q3 ends 09-30 > D -> in_progress.
    # (Before issue #11 the month mask counted L2's 09-30 walk: 2 of 2 "met" one day early.)
    day_before = compute_pace(compute_quota_results(store.con, 2026, as_of=D("2026-09-29"), rules=["CITY-MGR-Q"]),
                              as_of=D("2026-09-29"))
    assert (q(day_before, "2026Q3").participants, q(day_before, "2026Q3").status) == (1, "in_progress")
    # Q4 has not started on 09-29: L1's 10-20 walk has not happened -> 0 of 2, in_progress, pace not_started.
    assert (q(day_before, "2026Q4").participants, q(day_before, "2026Q4").status) == (0, "in_progress")
    assert q(day_before, "2026Q4").pace == "not_started"
    # As of 09-30 (quarter end): L1 and L2 both walked in Q3 -> 2 of 2 met; Q4 still 0 (10-20 is after D).
    quarter_end = compute_quota_results(store.con, 2026, as_of=D("2026-09-30"), rules=["CITY-MGR-Q"])
    assert (q(quarter_end, "2026Q3").participants, q(quarter_end, "2026Q3").status) == (2, "met")
    assert q(quarter_end, "2026Q4").participants == 0
    # As of 10-20: Q4 has L1 -> 1 of 2.
    later = compute_quota_results(store.con, 2026, as_of=D("2026-10-20"), rules=["CITY-MGR-Q"])
    assert q(later, "2026Q4").participants == 1
    # The drill-down names the same people: as of 09-29 L2 still owes Q3, as of 09-30 nobody does.
    owed = load_owed_people(store.con, "CITY-MGR-Q", "2026Q3", company=CITY, as_of=D("2026-09-29"))
    assert owed["employee_id"].tolist() == ["L2"]
    assert load_owed_people(store.con, "CITY-MGR-Q", "2026Q3", company=CITY, as_of=D("2026-09-30")).empty


def test_a_year_rule_is_not_met_by_walks_of_later_months(store):
    # HQ-MGR-Y: 30 % of the managers of a 總部 department; 市場部 has 10 managers, so 3 are needed.
    for i in range(10):
        store.staff(f"A{i}", "總部", level="總部", rank="三級經理", department="市場部", department_type="其他部門")
    store.walk("A0", "2026-02-01")
    store.walk("A1", "2026-05-01")
    store.walk("A2", "2026-12-01")
    # As of 03-31 only A0 has walked: 1 of 10 -> in_progress (the year runs to 12-31); as of 12-01: 3 of 10 met.
    march = compute_quota_results(store.con, 2026, as_of=D("2026-03-31"), rules=["HQ-MGR-Y"]).iloc[0]
    assert (march.participants, march.status) == (1, "in_progress")
    december = compute_quota_results(store.con, 2026, as_of=D("2026-12-01"), rules=["HQ-MGR-Y"]).iloc[0]
    assert (december.participants, december.status) == (3, "met")


def test_volume_counts_rows_up_to_the_as_of_date(store):
    store.staff("P1", "廣東省公司")
    store.staff("P2", "廣東省公司")
    store.walk("P1", "2026-08-01")
    store.walk("P2", "2026-08-15")  # on D: counts
    store.walk("P1", "2026-08-16")  # after D
    store.walk("ZZ", "2026-08-20")  # not on the roster, after D
    # 2026-08 as of 08-15: the 08-01 and 08-15 rows -> 2 activities, 2 person-times, 2 people (P1, P2).
    month = compute_volume(store.con, 2026, period="2026-08", as_of=D("2026-08-15")).iloc[0]
    assert (month.activities, month.person_times, month.distinct_participants) == (2, 2, 2)
    # Without a date every row of the month counts: 4 activities, 4 rows, 3 people (P1, P2, ZZ).
    whole = compute_volume(store.con, 2026, period="2026-08").iloc[0]
    assert (whole.activities, whole.person_times, whole.distinct_participants) == (4, 4, 3)
    summary = compute_volume_summary(store.con, 2026, as_of=D("2026-08-15"))
    assert summary["all"]["year"] == {"activities": 2, "person_times": 2, "distinct_participants": 2}
    assert summary["unmatched_rows"] == 0  # ZZ's row is dated after D
    assert compute_volume_summary(store.con, 2026)["unmatched_rows"] == 1
    # Before the year has started nothing is counted (a period that has not started counts nobody).
    assert compute_volume(store.con, 2026, period="2026-08", as_of=D("2025-12-31")).empty


def _random_log(store, seed: int = 11) -> None:
    """A small province/city tree with walks spread over 2026 (some reception days of 4 h)."""
    rng = random.Random(seed)
    people = []
    for i in range(6):
        rank = ("公司領導", "部門領導", "員工")[i % 3]
        store.staff(f"G{i}", "廣東省公司", rank=rank, department=("市場部", "網路部")[i % 2])
        store.staff(f"C{i}", CITY, level="地市公司", parent="廣東省公司", rank=rank,
                    department=("市場部", "網路部")[i % 2])
        people += [f"G{i}", f"C{i}"]
    for hq_i in range(4):
        store.staff(f"H{hq_i}", "總部", level="總部", rank=("三級經理", "員工")[hq_i % 2], department="辦公室",
                    department_type="其他部門")
        people.append(f"H{hq_i}")
    for n in range(80):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if rng.random() < 0.3:
            store.walk(rng.choice(people), day.isoformat(), category="客戶接待日", item=None,
                       hours=rng.choice([2, 4, 8]), activity_id=f"R{n}")
        else:
            store.walk(rng.choice(people), day.isoformat(), activity_id=f"W{n}")


def _frame(con, as_of):
    frame = compute_pace(compute_quota_results(con, 2026, as_of=as_of), as_of=as_of)
    return frame.drop(columns=["projected", "elapsed_fraction"]).reset_index(drop=True)


@pytest.fixture
def logged(store):
    _random_log(store)
    return store


def _same_as_truncated(con, as_of: dt.date) -> None:
    got = _frame(con, as_of)
    volume = compute_volume_summary(con, 2026, as_of=as_of)
    discipline = compute_discipline(con, 2026, as_of=as_of)
    silent = compute_data_quality(con, 2026, as_of=as_of)["silent_companies"]
    con.execute("begin transaction")
    try:
        con.execute("delete from walkthroughs where date > ?", [as_of])
        expected = _frame(con, as_of)
        expected_volume = compute_volume_summary(con, 2026)
        expected_discipline = compute_discipline(con, 2026)
        expected_silent = compute_data_quality(con, 2026, as_of=as_of)["silent_companies"]
    finally:
        con.execute("rollback")
    pd.testing.assert_frame_equal(got, expected)
    assert volume == expected_volume
    pd.testing.assert_frame_equal(discipline, expected_discipline)
    pd.testing.assert_frame_equal(silent, expected_silent)


@pytest.mark.parametrize("as_of", ["2025-12-31", "2026-01-01", "2026-03-31", "2026-06-30", "2026-08-15",
                                   "2026-09-30", "2026-12-31"])
def test_as_of_equals_an_evaluation_of_the_walks_up_to_that_date(logged, as_of):
    """Quotas with pace, volume, discipline and silent companies as of D = those of the store without later walks."""
    _same_as_truncated(logged.con, D(as_of))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_as_of_any_day_equals_the_truncated_store(logged, as_of):
    _same_as_truncated(logged.con, as_of)
