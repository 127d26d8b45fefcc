"""The reminder's planned-walks section (issue #14 item 7 wiring): the lead department of 甲市分公司 gets its own
company's upcoming plans whose notice deadline is within 3 days or passed (figures from tests/plans/handmade.py)."""

from __future__ import annotations

import datetime as dt

from analytics.remind.content import Contact
from analytics.remind.planned import planned_walks_near_deadline
from analytics.store.connection import connect
from tests.plans.handmade import AS_OF, build


def _lead(company: str, key: str) -> Contact:
    return Contact(company, key, None, "", "牽頭", "lead@example.com", None, "繁體中文")


def test_only_near_deadlines_of_the_contacts_own_company(db):
    build(db)
    with connect(db, read_only=True) as con:
        jia = planned_walks_near_deadline(con, _lead("甲市分公司", "甲市分公司"), AS_OF)
        east = planned_walks_near_deadline(con, _lead("東省公司", "东省公司"), AS_OF)
    # 甲: I6 (notify by 10-17: due within 3 days); I7 (10-19, 4 days) is not near yet
    assert list(zip(jia["employee_id"], jia["planned_on"], jia["notice_deadline"], strict=True)) == [
        ("C01", dt.date(2026, 10, 20), dt.date(2026, 10, 17))]
    # 東省: I8 (large-scale, notify by 10-13: passed); I10 needs no notice; the cities' plans are not listed
    assert list(east["employee_id"]) == ["P02"] and list(east["name"]) == ["東二"]
