"""SPEC 4.6 figures on the hand-made store of tests/plans/handmade.py (each expectation is worked out there)."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.metrics import plans as m
from analytics.metrics.scope import UnknownCompany
from analytics.store.connection import connect
from tests.plans.handmade import AS_OF, build

D = dt.date


@pytest.fixture
def con(db):
    build(db)
    with connect(db, read_only=True) as c:
        yield c


def _by(frame, column="company", value="status"):
    return dict(zip(frame[column], frame[value], strict=True))


def test_plan_filed_per_company_filed_late_missing_and_phase_plans(con):
    filed = m.plan_filed(con, 2026, as_of=AS_OF)
    # HQ first, then provinces, then cities (the company tree's order)
    assert list(filed["company"]) == ["總部", "東省公司", "西省公司", "乙市分公司", "甲市分公司"]
    assert _by(filed) == {"總部": "filed", "東省公司": "late", "甲市分公司": "filed", "乙市分公司": "missing",
                          "西省公司": "missing"}
    assert _by(filed, value="filed_on") == {"總部": D(2026, 1, 10), "東省公司": D(2026, 2, 5),
                                            "甲市分公司": D(2026, 1, 30), "乙市分公司": None, "西省公司": None}
    # 乙's H1 plan leaves July-December uncovered: 31+31+30+31+30+31 = 184 days; 西's 2025 plan does not count
    assert _by(filed, value="uncovered_days") == {"總部": 0, "東省公司": 0, "甲市分公司": 0, "乙市分公司": 184,
                                                  "西省公司": 365}
    assert _by(filed, value="lines") == {"總部": 1, "東省公司": 1, "甲市分公司": 3, "乙市分公司": 1, "西省公司": 0}
    assert set(filed["deadline"]) == {D(2026, 1, 31)}


def test_plan_filed_deadline_is_configurable_and_as_of_hides_later_filings(con):
    later = m.plan_filed(con, 2026, as_of=AS_OF, deadline="02-10")
    assert _by(later)["東省公司"] == "filed"  # 02-05 <= 02-10
    # on 01-25 the deadline is ahead: nothing covers 東省 (filed 02-05) or 甲 (A5 filed 01-30) yet -> pending
    early = m.plan_filed(con, 2026, as_of=D(2026, 1, 25))
    assert _by(early) == {"總部": "filed", "東省公司": "pending", "甲市分公司": "pending", "乙市分公司": "pending",
                          "西省公司": "pending"}
    # on 02-01 the deadline has passed and 東省's plan is not filed yet -> missing
    assert _by(m.plan_filed(con, 2026, as_of=D(2026, 2, 1)))["東省公司"] == "missing"
    with pytest.raises(m.BadDeadline, match="13-01"):
        m.plan_filed(con, 2026, as_of=AS_OF, deadline="13-01")


def test_plan_filed_is_scoped_a_province_sees_itself_and_its_cities(con):
    east = m.plan_filed(con, 2026, as_of=AS_OF, scope="東省公司")
    assert sorted(east["company"]) == ["乙市分公司", "東省公司", "甲市分公司"]
    assert list(m.plan_filed(con, 2026, as_of=AS_OF, scope="乙市分公司")["company"]) == ["乙市分公司"]
    with pytest.raises(UnknownCompany):
        m.plan_filed(con, 2026, as_of=AS_OF, scope="不存在公司")


def test_company_plan_against_actual(con):
    actual = m.company_plan_actual(con, 2026, as_of=AS_OF)
    # ordered by company key (the folded name: 东省公司, 乙市分公司, 总部, 甲市分公司), then period start
    assert list(actual["plan_id"]) == ["A2", "A6", "A1", "A3", "A4", "A5"]
    rows = {r.plan_id: (r.planned_count, r.done, r.status) for r in actual.itertuples()}
    assert rows == {
        "A1": (4, 1, "in_progress"),  # 總部: W5
        "A2": (3, 2, "in_progress"),  # 東省: W6 and the group activity G1 (two participants, one activity)
        "A3": (2, 3, "met"),          # 甲 市場部 in H1: W1, W3, W4 (W2 is 客服部)
        "A4": (1, 0, "missed"),       # 甲 in Q3: nothing, and Q3 ended before 10-15
        "A5": (1, 0, "in_progress"),  # 甲 in Q4 up to 10-15: nothing yet
        "A6": (2, 0, "missed"),       # 乙 in H1: nothing
    }
    assert actual.set_index("plan_id").loc["A1", "share"] == 0.25
    # as of 05-01 A3 counts W1 only (W3, W4 come later); Q4's A5 has not started
    early = {r.plan_id: (r.done, r.status) for r in m.company_plan_actual(con, 2026, as_of=D(2026, 5, 1)).itertuples()}
    assert early["A3"] == (1, "in_progress") and early["A5"] == (0, "not_started")
    assert set(m.company_plan_actual(con, 2026, as_of=AS_OF, scope="乙市分公司")["plan_id"]) == {"A6"}


def test_individual_plan_status_window_edges_and_item_match(con):
    plans = m.individual_plans_of_year(con, 2026, as_of=AS_OF)
    status = _by(plans, "plan_id")
    assert status == {"I1": "done", "I2": "overdue", "I3": "overdue", "I4": "done", "I12": "overdue",
                      "I5": "upcoming", "I6": "upcoming", "I7": "upcoming", "I8": "upcoming", "I9": "upcoming",
                      "I10": "upcoming"}  # I11 was filed after 10-15
    assert _by(plans, "plan_id", "walked_on")["I1"] == D(2026, 3, 17)
    assert _by(plans, "plan_id", "walked_on")["I4"] == D(2026, 6, 3)
    # a window of 8 days reaches W2 (+8) for I2
    assert _by(m.individual_plans_of_year(con, 2026, as_of=AS_OF, window_days=8), "plan_id")["I2"] == "done"
    # I5 (10-10): upcoming through 10-17, overdue from 10-18
    assert _by(m.individual_plans_of_year(con, 2026, as_of=D(2026, 10, 17)), "plan_id")["I5"] == "upcoming"
    assert _by(m.individual_plans_of_year(con, 2026, as_of=D(2026, 10, 18)), "plan_id")["I5"] == "overdue"
    # as of 03-16 W1 has not happened: I1 is still upcoming (03-10 + 7 = 03-17 is not before 03-16)
    assert _by(m.individual_plans_of_year(con, 2026, as_of=D(2026, 3, 16)), "plan_id")["I1"] == "upcoming"


def test_notice_ahead_list_with_each_deadline(con):
    coming = m.upcoming_walks(con, as_of=AS_OF, days=14)
    assert list(coming["plan_id"]) == ["I10", "I8", "I6", "I7"]  # by date; I9 (11-05) is beyond 10-29
    deadlines = _by(coming, "plan_id", "notice_deadline")
    assert deadlines == {"I10": None, "I8": D(2026, 10, 13), "I6": D(2026, 10, 17), "I7": D(2026, 10, 19)}
    assert _by(coming, "plan_id", "notice_flag") == {"I10": None, "I8": "passed", "I6": "due_soon", "I7": "ok"}
    assert list(m.upcoming_walks(con, as_of=AS_OF, days=14, scope="西省公司")["plan_id"]) == []
    # on 10-21 I11 exists (filed 10-20): notice by 10-19 -> passed
    west = m.upcoming_walks(con, as_of=D(2026, 10, 21), scope="西省公司")
    assert list(zip(west["plan_id"], west["notice_flag"], strict=True)) == [("I11", "passed")]


def test_overdue_by_person(con):
    overdue = m.overdue_by_person(m.individual_plans_of_year(con, 2026, as_of=AS_OF))
    assert [tuple(r) for r in overdue[["employee_id", "name", "overdue", "first_planned_on", "last_planned_on"]]
            .itertuples(index=False)] == [("C01", "甲一", 2, D(2026, 5, 10), D(2026, 8, 1)),
                                          ("C03", "甲三", 1, D(2026, 4, 10), D(2026, 4, 10))]


def test_unplanned_walks_and_plan_reported_share(con):
    walks = m.walks_against_plans(con, 2026, as_of=AS_OF)
    rows = {r.company: (r.walks, r.planned_walks, r.unplanned_walks, r.reported_walks)
            for r in walks.itertuples()}
    assert rows == {"甲市分公司": (4, 2, 2, 1), "總部": (1, 0, 1, 0), "東省公司": (3, 0, 3, 0)}
    assert walks.set_index("company").loc["甲市分公司", "reported_share"] == 0.25
    total = m.walks_total(walks)
    assert total == {"walks": 8, "planned_walks": 2, "unplanned_walks": 6, "reported_walks": 1,
                     "reported_share": 0.125}
    east = m.walks_total(m.walks_against_plans(con, 2026, as_of=AS_OF, scope="東省公司"))
    assert (east["walks"], east["reported_walks"]) == (7, 1)
    # as of 04-30: W1, W2 and W5 only
    assert m.walks_total(m.walks_against_plans(con, 2026, as_of=D(2026, 4, 30)))["walks"] == 3


def test_the_volume_filter_takes_a_half_year(con):
    from analytics.metrics.volume import compute_volume

    volume = compute_volume(con, 2026, by="company", period="2026H1")
    got = {r.group: r.activities for r in volume.itertuples()}
    # H1: 甲 W1-W4, 總部 W5 (W6 and G1 are in H2)
    assert got == {"甲市分公司": 4, "總部": 1}
