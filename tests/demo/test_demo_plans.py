"""The demo's plans (issue #14 item 7): what analytics/demo/plans.py writes is what the plan views show."""

from __future__ import annotations

from analytics.demo import TODAY
from analytics.demo.plans import LATE_COMPANY, MISSING_COMPANY, OVERDUE_PLANS, PHASE_COMPANY
from analytics.metrics import plans as m


def test_one_company_late_one_missing_phase_plans_cover_a_year(con):
    filed = m.plan_filed(con, 2026, as_of=TODAY).set_index("company")
    assert filed.loc[LATE_COMPANY, "status"] == "late" and str(filed.loc[LATE_COMPANY, "filed_on"]) == "2026-02-14"
    assert filed.loc[MISSING_COMPANY, "status"] == "missing" and filed.loc[MISSING_COMPANY, "uncovered_days"] == 365
    assert filed.loc[PHASE_COMPANY, "status"] == "filed" and filed.loc[PHASE_COMPANY, "lines"] == 2
    assert set(filed["status"]) == {"filed", "late", "missing"} and (filed["status"] == "filed").sum() == 12


def test_every_view_has_something_true_to_show(con):
    plans = m.individual_plans_of_year(con, 2026, as_of=TODAY)
    states = plans["status"].value_counts().to_dict()
    # the 60 plans nobody carried out have no walk of that person within 10 days: all overdue
    assert states["overdue"] == OVERDUE_PLANS and states["done"] > 1_500 and states["upcoming"] >= 30
    walks = m.walks_total(m.walks_against_plans(con, 2026, as_of=TODAY))
    assert 0 < walks["unplanned_walks"] < walks["walks"] and 0 < walks["reported_share"] < 1
    coming = m.upcoming_walks(con, as_of=TODAY)
    assert {"passed", "due_soon", "ok"} <= set(coming["notice_flag"].dropna())
    actual = m.company_plan_actual(con, 2026, as_of=TODAY)
    assert {"met", "in_progress"} <= set(actual["status"])
