"""One answer to "is this cell empty?" for every layer (writers, the issue-update path, the page formatters)."""

from __future__ import annotations

import math

import pandas as pd


def is_missing(value: object) -> bool:
    """None, NaN, NaT and pandas NA are all 'no value'; anything else (0, "", False) is a value."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
