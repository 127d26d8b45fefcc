"""SPEC 4 periods: calendar year, quarter, month."""

import datetime as dt

import pytest

from analytics.metrics.periods import UnknownPeriod, parse_period, periods_of_year, previous_period


def test_parse_each_kind_with_first_and_last_day():
    assert (parse_period("2026").start, parse_period("2026").end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    q3 = parse_period("2026q3")  # lower case accepted, code normalised
    assert (q3.code, q3.start, q3.end, q3.days) == ("2026Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), 92)
    feb = parse_period("2028-2")  # leap year: 29 days
    assert (feb.code, feb.end, feb.days) == ("2028-02", dt.date(2028, 2, 29), 29)


@pytest.mark.parametrize("text", ["2026Q5", "2026-13", "26", "Q3", "2026/07", ""])
def test_unknown_periods_raise_a_readable_error(text):
    with pytest.raises(UnknownPeriod, match="2026Q3"):
        parse_period(text)


def test_periods_of_year_and_previous():
    codes = [p.code for p in periods_of_year(2026)]
    assert codes[:6] == ["2026", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2026-01"] and len(codes) == 17
    assert [previous_period(p).code for p in ("2026", "2026Q1", "2026Q3", "2026-01", "2026-07")] == [
        "2025", "2025Q4", "2026Q2", "2025-12", "2026-06"]
