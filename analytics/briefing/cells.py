"""Cell values as the writers show them: one rounding rule for Word, PowerPoint and the page preview.

Also the formula guard of SPEC 6: text exported to Excel never starts a formula.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.formula import FORMULA_STARTS, neutralise  # noqa: F401 - the briefing's writers import them from here
from analytics.labels import TABLE_CELL, short_label
from analytics.missing import is_missing


def as_date(value: object) -> dt.date | None:
    """A date cell as ``datetime.date`` (pandas Timestamps and datetimes included)."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def display(value: object, fmt: str) -> str:
    """The text shown for ``value`` in a Word/PowerPoint table cell: int 1,234 · pct 45.0% · num 3.5 · date ISO;
    text cut to ``analytics.labels.TABLE_CELL`` characters."""
    if is_missing(value):
        return "—"
    if fmt == "int":
        return f"{int(round(float(value))):,}"
    if fmt == "dint":
        return f"{int(round(float(value))):+,}"
    if fmt == "dpct":
        return f"{float(value) * 100:+.1f}%"
    if fmt == "pct":
        return f"{float(value) * 100:.1f}%"
    if fmt == "num":
        return f"{float(value):,.1f}"
    if fmt == "date":
        day = as_date(value)
        return day.isoformat() if day else "—"
    return short_label(value, TABLE_CELL)  # issue #12: the Excel version keeps the full text
