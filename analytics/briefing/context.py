"""What every section builder needs: the connection, period, scope, language and the label helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.i18n import t
from analytics.metrics.periods import Period
from analytics.schema import VOCABULARIES
from analytics.textnorm import to_simplified_ui

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
STATUS_SEVERITY = {"missed": 0, "at_risk": 1, "in_progress": 2, "not_started": 3, "on_track": 4, "met": 5, "n/a": 6}


@dataclass
class BriefContext:
    """The inputs of one briefing, shared by the section builders."""

    con: duckdb.DuckDBPyConnection
    lang: str
    period: Period
    previous: Period
    as_of: dt.date
    scope_key: str | None
    memo: dict = field(default_factory=dict)  # results shared by several sections (same call, same answer)

    def t(self, key: str, /, **params: object) -> str:
        """A catalogue message in the briefing's language."""
        return t(key, self.lang, **params)

    def term(self, vocab: str, canonical: object) -> str:
        """A vocabulary term (stored canonical Traditional) in the briefing's language."""
        if canonical is None or (isinstance(canonical, float) and pd.isna(canonical)):
            return ""
        text = str(canonical)
        if self.lang == "en":
            return VOCABULARIES[vocab].english(text)
        if self.lang == "zh-Hans":
            return to_simplified_ui(text)
        return text

    def rule(self, code: object) -> str:
        """A quota rule's short name, the label people read (issue #16.4); the code stays in the rule table."""
        return self.t(f"rule.short.{code}") if code else ""

    def status(self, code: object) -> str:
        return self.t(f"status.{code}") if code else ""

    def period_label(self, period: Period) -> str:
        """``2026 年第 3 季`` / ``Q3 2026`` etc."""
        year = period.start.year
        if period.kind == "year":
            return self.t("brief.period.year", year=year)
        if period.kind == "quarter":
            return self.t("brief.period.quarter", year=year, quarter=(period.start.month - 1) // 3 + 1)
        if self.lang == "en":
            return f"{_MONTHS_EN[period.start.month - 1]} {year}"
        return self.t("brief.period.month", year=year, month=period.start.month)

    def overlapping(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Rows whose [period_start, period_end] overlaps the briefing period (a month also sees its quarter
        and year, a year sees its quarters and months)."""
        if frame.empty:
            return frame
        starts = pd.to_datetime(frame["period_start"]).dt.date
        ends = pd.to_datetime(frame["period_end"]).dt.date
        return frame[(starts <= self.period.end) & (ends >= self.period.start)]
