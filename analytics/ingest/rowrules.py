"""Row rules of SPEC 2.1-2.3 that look at several cells: defaults, conditional requirements, warnings."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.i18n import t
from analytics.ingest.columns import ParsedColumn
from analytics.ingest.lookups import vocabulary_lookup
from analytics.ingest.model import Problem
from analytics.schema import CLOSED_STATUSES, COMPANY_PLAN_KINDS, ISSUE_CATEGORY, Column, ColumnType, Table
from analytics.textnorm import match_key


@dataclass(frozen=True)
class Finding:
    column: str  # header as written
    value: str | None  # cell text, None when blank
    code: str
    params: dict

    def reason(self, lang: str = "zh-Hant") -> str:
        """``穿越日期 = "10/5/2026": 日期格式有歧義…`` — the text of the rejects file's reason column."""
        message = t(self.code, lang, value=self.value or "", column=self.column, **self.params)
        return f'{self.column} = "{self.value}": {message}' if self.value else f"{self.column}: {message}"


class RowIssues:
    """Errors and warnings per row index of one sheet."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.errors: dict[int, list[Finding]] = {}
        self.warnings: dict[int, list[Finding]] = {}

    def error(self, i: int, column: str, value: str | None, code: str, params: dict) -> None:
        self.errors.setdefault(i, []).append(Finding(column, value, code, params))

    def warning(self, i: int, column: str, value: str | None, code: str, params: dict) -> None:
        self.warnings.setdefault(i, []).append(Finding(column, value, code, params))

    def rows_with_errors(self) -> list[int]:
        return sorted(self.errors)

    def problems(self, file_name: str, sheet: str, numbers: np.ndarray, table: str) -> list[Problem]:
        """Errors of rejected rows, then warnings of kept rows, in row order."""
        out: list[Problem] = []
        for severity, found in (("error", self.errors), ("warning", self.warnings)):
            for i in sorted(found):
                if severity == "warning" and i in self.errors:
                    continue  # a rejected row needs fixing first; its warnings would be noise
                for f in found[i]:
                    out.append(Problem(severity, f.code, file_name, sheet, int(numbers[i]), f.column, f.value,
                                       table, dict(f.params)))
        return out


def _typed(column: Column, values: np.ndarray) -> pd.Series:
    """The output dtype of SPEC/ARCHITECTURE: float64 hours, Int64 counts, bool yes/no, str/date objects."""
    if column.type is ColumnType.HOURS:
        return pd.Series(values, dtype="float64")
    if column.type is ColumnType.INT:
        return pd.Series(pd.array(values, dtype="Int64"))
    if column.type is ColumnType.YESNO:
        if column.default is not None:  # needs_support: always filled by its default
            return pd.Series(values.astype(bool), dtype=bool)
        return pd.Series(pd.array(values, dtype="boolean"))
    return pd.Series(values, dtype=object)


def apply_row_rules(table: Table, parsed: dict[str, ParsedColumn], issues: RowIssues,
                    header_of: dict[str, str]) -> pd.DataFrame:
    """Fill defaults, check the cross-column rules, and return every row typed (rejected rows included)."""
    values = {key: p.values.copy() for key, p in parsed.items()}
    # "clean" blank: empty and not wrong (a wrong cell is already an error; it must not also get the default)
    clean = {key: p.blank & ~p.error_mask() if p.any_error else p.blank for key, p in parsed.items()}
    for column in table.columns:
        if column.default is not None:
            default = (column.default == "是") if column.type is ColumnType.YESNO else column.default
            values[column.key][clean[column.key]] = default
    extra: dict[str, object] = {}
    if table.key == "roster":
        # SPEC 2.1: a city company names its province company.
        for i in np.flatnonzero((values["level"] == "地市公司") & clean["parent_company"]):
            issues.error(int(i), header_of["parent_company"], None, "ingest.parent_required", {})
    elif table.key == "walkthroughs":
        category = values["category"]
        for i in np.flatnonzero((category == "常規穿越") & clean["item"]):
            issues.error(int(i), header_of["item"], None, "ingest.item_required", {})
        for i in np.flatnonzero((category == "專項穿越") & clean["theme"]):
            issues.warning(int(i), header_of["theme"], None, "ingest.theme_missing", {})
        # SPEC 4.1: a reception day without 時長 cannot show half a day, so it cannot count for a quota.
        for i in np.flatnonzero((category == "客戶接待日") & clean["hours"]):
            issues.warning(int(i), header_of["hours"], None, "ingest.reception_hours_missing", {})
    elif table.key == "issues":
        standard = _standardise_categories(values["category"])
        extra["category_is_standard"] = standard
        allowed = " / ".join(ISSUE_CATEGORY.canonical_values)
        for i in np.flatnonzero(~standard):
            issues.warning(int(i), header_of["category"], str(values["category"][i]), "ingest.category_nonstandard",
                           {"allowed": allowed})
        closed = np.fromiter((s in CLOSED_STATUSES for s in values["status"].tolist()), dtype=bool,
                             count=issues.n)
        for i in np.flatnonzero(closed & clean["resolved_on"]):
            issues.warning(int(i), header_of["resolved_on"], None, "ingest.resolved_missing",
                           {"status": str(values["status"][i])})
        _check_resolved_not_before_raised(values, issues, header_of)
    elif table.key == "plans":
        extra.update(_plan_rules(values, clean, issues, header_of))
    frame = pd.DataFrame({c.key: _typed(c, values[c.key]) for c in table.columns})
    for key, column in extra.items():
        frame[key] = column
    return frame


def _plan_rules(values: dict[str, np.ndarray], clean: dict[str, np.ndarray], issues: RowIssues,
                header_of: dict[str, str]) -> dict[str, np.ndarray]:
    """SPEC 2.6: a company plan (年度/階段) needs 計畫期間 and 計畫次數 ≥ 1, an annual plan a whole year; an
    individual plan needs 工號 and 計畫日期. Returns period_start/period_end of each row's period (None if none)."""
    from analytics.metrics.periods import parse_period

    kind = values["plan_kind"]
    company_plan = np.isin(kind, COMPANY_PLAN_KINDS)
    individual = kind == "個人計畫"
    for i in np.flatnonzero(company_plan & clean["period"]):
        issues.error(int(i), header_of["period"], None, "ingest.plan_period_required", {"kind": str(kind[i])})
    for i in np.flatnonzero(company_plan & clean["planned_count"]):
        issues.error(int(i), header_of["planned_count"], None, "ingest.plan_count_required", {"kind": str(kind[i])})
    counts = values["planned_count"]
    for i in np.flatnonzero(company_plan):
        if counts[i] is not None and counts[i] < 1:
            issues.error(int(i), header_of["planned_count"], str(counts[i]), "ingest.plan_count_min", {})
    for i in np.flatnonzero(individual & clean["employee_id"]):
        issues.error(int(i), header_of["employee_id"], None, "ingest.plan_employee_required", {})
    for i in np.flatnonzero(individual & clean["planned_on"]):
        issues.error(int(i), header_of["planned_on"], None, "ingest.plan_date_required", {})
    starts = np.full(issues.n, None, dtype=object)
    ends = np.full(issues.n, None, dtype=object)
    periods = {code: parse_period(code) for code in dict.fromkeys(values["period"].tolist()) if code is not None}
    for i, code in enumerate(values["period"].tolist()):
        if code is None:
            continue
        period = periods[code]
        starts[i], ends[i] = period.start, period.end
        if kind[i] == "年度計畫" and period.kind != "year":
            issues.error(i, header_of["period"], code, "ingest.plan_annual_year", {"year": period.start.year})
    return {"period_start": starts, "period_end": ends}


def _check_resolved_not_before_raised(values: dict[str, np.ndarray], issues: RowIssues,
                                      header_of: dict[str, str]) -> None:
    """SPEC 4.5: a 解決日期 before the 提出日期 is a row error (it would make days-to-close negative).
    Wrong or blank dates are None here and already reported, so only two readable dates are compared."""
    raised, resolved = values["raised_on"], values["resolved_on"]
    for i in range(issues.n):
        if raised[i] is not None and resolved[i] is not None and resolved[i] < raised[i]:
            issues.error(i, header_of["resolved_on"], resolved[i].isoformat(), "ingest.resolved_before_raised",
                         {"raised": raised[i].isoformat(), "raised_column": header_of["raised_on"]})


def _standardise_categories(categories: np.ndarray) -> np.ndarray:
    """問題類別 (SPEC 2.3, 3.9): a standard category in any spelling → its canonical term, flagged standard;
    other values are kept as written. Modifies ``categories`` in place; returns the is-standard flags."""
    lookup = vocabulary_lookup(ISSUE_CATEGORY.key)
    canonical: dict[object, str | None] = {u: lookup.get(match_key(u)) for u in dict.fromkeys(categories.tolist())}
    standard = np.fromiter((canonical[c] is not None for c in categories), dtype=bool, count=len(categories))
    for i in np.flatnonzero(standard):
        categories[i] = canonical[categories[i]]
    return standard
