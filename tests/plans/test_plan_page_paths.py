"""The shortcuts the 計畫 page takes for speed (docs/benchmark.md) give the figures of the plain calls, on the
hand-made store of tests/plans/handmade.py."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.metrics import plans as m
from analytics.metrics.scope import ResolvedScope
from analytics.store.connection import connect
from analytics.textnorm import match_key
from tests.plans.handmade import AS_OF, build


@pytest.fixture
def con(db):
    build(db)
    with connect(db, read_only=True) as c:
        yield c


def test_plan_filed_years_is_plan_filed_year_by_year(con):
    both = m.plan_filed_years(con, (2026, 2025), as_of=AS_OF)
    assert list(both["year"].drop_duplicates()) == [2025, 2026]
    for year in (2025, 2026):
        pd.testing.assert_frame_equal(both[both["year"] == year].reset_index(drop=True),
                                      m.plan_filed(con, year, as_of=AS_OF))
    # 2025: only 西's annual plan A7 (filed 2025-01-05) exists; the others have no 2025 line: missing
    statuses = dict(zip(both.loc[both["year"] == 2025, "company"], both.loc[both["year"] == 2025, "status"],
                        strict=True))
    assert statuses == {"總部": "missing", "東省公司": "missing", "西省公司": "filed", "乙市分公司": "missing",
                        "甲市分公司": "missing"}
    assert m.plan_filed_years(con, (), as_of=AS_OF).empty


def test_one_company_scope_gives_that_company_s_lines_as_the_national_call(con):
    key = match_key("甲市分公司")
    alone = m.company_plan_actual(con, 2026, as_of=AS_OF, scope=ResolvedScope(key, (key,)))
    everyone = m.company_plan_actual(con, 2026, as_of=AS_OF)
    pd.testing.assert_frame_equal(alone, everyone[everyone["company_key"] == key].reset_index(drop=True))
    # A3 (市場部, H1): W1, W3, W4 = 3; A4 (Q3) and A5 (Q4): no walk of 甲 after June
    assert dict(zip(alone["plan_id"], alone["done"], strict=True)) == {"A3": 3, "A4": 0, "A5": 0}
    # the province's line is met by its own walks only (W6 and the group walk G1), not by its cities'
    east = match_key("東省公司")
    line = m.company_plan_actual(con, 2026, as_of=AS_OF, scope=ResolvedScope(east, (east,)))
    assert list(line["plan_id"]) == ["A2"] and list(line["done"]) == [2]
    assert dt.date(2026, 1, 1) in set(line["period_start"])


def test_plan_counts_and_one_status_are_the_year_s_plans(con):
    year = m.individual_plans_of_year(con, 2026, as_of=AS_OF)
    # handmade.py: done I1, I4; overdue I2, I3, I12; upcoming I5-I10 (I11 filed after 10-15)
    assert m.individual_plan_counts(con, 2026, as_of=AS_OF) == {"done": 2, "overdue": 3, "upcoming": 6}
    assert year["status"].value_counts().to_dict() == {"upcoming": 6, "overdue": 3, "done": 2}
    overdue = m.individual_plans_of_year(con, 2026, as_of=AS_OF, status="overdue")
    pd.testing.assert_frame_equal(overdue, year[year["status"] == "overdue"].reset_index(drop=True))
    assert list(overdue["plan_id"]) == ["I2", "I3", "I12"]
    # a window of 8 days reaches W2 (+8) for I2: one overdue fewer, one done more
    assert m.individual_plan_counts(con, 2026, as_of=AS_OF, window_days=8) == {"done": 3, "overdue": 2,
                                                                               "upcoming": 6}
    with pytest.raises(ValueError, match="late"):
        m.individual_plans_of_year(con, 2026, as_of=AS_OF, status="late")
