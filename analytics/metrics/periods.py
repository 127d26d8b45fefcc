"""Calendar periods of SPEC 4: year ``2026``, half-year ``2026H1`` (SPEC 2.6), quarter ``2026Q3``, month ``2026-07``.

Half-years are accepted wherever a period is parsed (plans' 計畫期間, every ``--period``); the lists of a year's
periods (``periods_of_year`` without a kind) keep year, quarters and months only, because no quota rule of SPEC 4.1
is evaluated per half-year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analytics.errors import UserFacingError
from analytics.i18n import t

PERIOD_KINDS: tuple[str, ...] = ("year", "quarter", "month")
ALL_PERIOD_KINDS: tuple[str, ...] = ("year", "half", "quarter", "month")

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})\s*[Hh]([12])$")
_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class UnknownPeriod(UserFacingError):
    """A period text that is not ``YYYY``, ``YYYYHn``, ``YYYYQn`` or ``YYYY-MM``."""


@dataclass(frozen=True, order=True)
class Period:
    """One calendar period; ``end`` is its last day (inclusive)."""

    start: dt.date
    end: dt.date
    kind: str  # year | half | quarter | month
    code: str  # 2026 | 2026H1 | 2026Q3 | 2026-07

    @property
    def days(self) -> int:
        """Number of days in the period."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.code


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}")


def half_period(year: int, half: int) -> Period:
    first = 6 * (half - 1) + 1
    return Period(dt.date(year, first, 1), _month_end(year, first + 5), "half", f"{year:04d}H{half}")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(dt.date(year, first, 1), _month_end(year, first + 2), "quarter", f"{year:04d}Q{quarter}")


def month_period(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), _month_end(year, month), "month", f"{year:04d}-{month:02d}")


def parse_period(text: str | Period, lang: str = "zh-Hant") -> Period:
    """``"2026"`` / ``"2026H1"`` / ``"2026Q3"`` / ``"2026-07"`` -> Period; raises UnknownPeriod with a readable
    message."""
    if isinstance(text, Period):
        return text
    value = str(text).strip()
    if m := _YEAR.match(value):
        year = int(m.group(1))
        if 1900 <= year <= 2999:
            return year_period(year)
    elif m := _HALF.match(value):
        year = int(m.group(1))
        if 1900 <= year <= 2999:
            return half_period(year, int(m.group(2)))
    elif m := _QUARTER.match(value):
        year = int(m.group(1))
        if 1900 <= year <= 2999:
            return quarter_period(year, int(m.group(2)))
    elif m := _MONTH.match(value):
        year, month = int(m.group(1)), int(m.group(2))
        if 1900 <= year <= 2999 and 1 <= month <= 12:
            return month_period(year, month)
    raise UnknownPeriod(t("metrics.err.period", lang, value=value))


def periods_of_year(year: int, kind: str | None = None) -> list[Period]:
    """The year, its four quarters and its twelve months (or only those of ``kind``), in that order."""
    found: list[Period] = []
    if kind in (None, "year"):
        found.append(year_period(year))
    if kind == "half":  # only when asked for: the default list is the 17 periods of the quota rules
        found.extend(half_period(year, h) for h in (1, 2))
    if kind in (None, "quarter"):
        found.extend(quarter_period(year, q) for q in range(1, 5))
    if kind in (None, "month"):
        found.extend(month_period(year, m) for m in range(1, 13))
    if kind is not None and kind not in ALL_PERIOD_KINDS:
        raise ValueError(f"unknown period kind {kind!r}")
    return found


def previous_period(period: Period | str) -> Period:
    """The period of the same kind just before ``period`` (2026Q1 -> 2025Q4, 2026-01 -> 2025-12)."""
    p = parse_period(period)
    if p.kind == "year":
        return year_period(p.start.year - 1)
    if p.kind == "half":
        return half_period(p.start.year - 1, 2) if p.start.month == 1 else half_period(p.start.year, 1)
    if p.kind == "quarter":
        q = (p.start.month - 1) // 3 + 1
        return quarter_period(p.start.year - 1, 4) if q == 1 else quarter_period(p.start.year, q - 1)
    return month_period(p.start.year - 1, 12) if p.start.month == 1 else month_period(p.start.year, p.start.month - 1)


def period_of(day: dt.date, kind: str) -> Period:
    """The period of ``kind`` that contains ``day``."""
    if kind == "year":
        return year_period(day.year)
    if kind == "half":
        return half_period(day.year, 1 if day.month <= 6 else 2)
    if kind == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if kind == "month":
        return month_period(day.year, day.month)
    raise ValueError(f"unknown period kind {kind!r}")
