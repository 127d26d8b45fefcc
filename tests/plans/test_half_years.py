"""Half-year periods (SPEC 2.6): accepted wherever a period is parsed."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.metrics.periods import UnknownPeriod, parse_period, period_of, periods_of_year, previous_period


def test_half_years_span_january_to_june_and_july_to_december():
    h1, h2 = parse_period("2026H1"), parse_period("2026 h2")
    assert (h1.start, h1.end, h1.kind, h1.code) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30), "half", "2026H1")
    assert (h2.start, h2.end, h2.days) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31), 184)  # 31+31+30+31+30+31
    assert previous_period("2026H1").code == "2025H2" and previous_period("2026H2").code == "2026H1"
    assert period_of(dt.date(2026, 6, 30), "half").code == "2026H1"
    assert [p.code for p in periods_of_year(2026, "half")] == ["2026H1", "2026H2"]
    assert len(periods_of_year(2026)) == 17  # the quota rules' periods: year, 4 quarters, 12 months
    with pytest.raises(UnknownPeriod, match="2026H1"):
        parse_period("2026H3")
