"""The briefing as one in-memory model (SPEC 6): computed once, rendered by three writers.

Every figure in a :class:`Briefing` comes from ``analytics.metrics`` (one answer everywhere); the writers only lay it
out. Tables carry display headers already in the briefing's language plus a per-column format, so Word, Excel and
PowerPoint show the same numbers with the same rounding, and Excel keeps them typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

import pandas as pd

from analytics.labels import CHART_LABEL, TITLE_LABEL, distinct_short_labels, short_label

# How a column is shown: int 1,234 · pct 45.0% · num 3.5 · date 2026-10-05 · text as is · signed changes dint +3
# and dpct +4.2% (percentage points) · "row": the format of each row is in SectionTable.row_formats.
ColumnFormat = Literal["int", "pct", "num", "date", "text", "dint", "dpct", "row", "drow"]
ChartKind = Literal["bar", "barh", "stacked_bar", "line", "pareto", "heatmap"]


@dataclass
class SectionTable:
    """A table of a section: ``frame`` columns are display headers; ``formats`` maps header → format."""

    title: str
    frame: pd.DataFrame
    formats: dict[str, ColumnFormat] = field(default_factory=dict)
    # Colour of one column by quota status (as ui.theme STATUS_COLORS): the header of that column and the status
    # of each row.
    status_column: str | None = None
    row_status: list[str] | None = None
    truncated_from: int | None = None  # the full row count when the table was cut for the slide/page
    row_formats: list[str] | None = None  # per-row formats for columns whose format is "row"; "d"-prefixed
    # variants of them ("dint"/"dpct") for columns whose format is "drow" (signed changes)

    def format_of(self, column: str) -> ColumnFormat:
        return self.formats.get(column, "text")

    def cell_format(self, column: str, row: int) -> str:
        """The format of one cell, resolving per-row formats."""
        fmt = self.formats.get(column, "text")
        if fmt == "row" and self.row_formats:
            return self.row_formats[row]
        if fmt == "drow" and self.row_formats:
            return "d" + self.row_formats[row]
        return fmt


@dataclass
class ChartSpec:
    """A chart as data. ``series`` are (name, values) aligned with ``categories``.

    ``heatmap``: ``categories`` are the columns (periods), ``rows`` the row labels (units), ``values`` the matrix of
    values 0..1 or None, ``statuses`` the matrix of quota statuses (colour), ``annotations`` the cell texts.
    ``pareto``: one bar series plus the cumulative share drawn as a line on a second axis.
    """

    kind: ChartKind
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]] = field(default_factory=list)
    value_format: ColumnFormat = "int"
    rows: list[str] = field(default_factory=list)
    values: list[list[float | None]] = field(default_factory=list)
    statuses: list[list[str | None]] = field(default_factory=list)
    annotations: list[list[str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (label, colour) for heatmap statuses
    period_kind: str | None = None  # heatmaps: the kind of the rules' periods (year | quarter | month)

    def with_short_labels(self, limit: int = CHART_LABEL) -> ChartSpec:
        """This chart with its category, row and series labels cut to ``limit`` characters (issue #12: a
        20,000-character 問題類別 must not reach the drawing)."""
        return replace(self, title=short_label(self.title, TITLE_LABEL),
                       categories=distinct_short_labels(self.categories, limit),
                       rows=distinct_short_labels(self.rows, limit),
                       series=[(short_label(name, limit), values) for name, values in self.series],
                       legend=[(short_label(name, limit), colour) for name, colour in self.legend])

    @property
    def is_empty(self) -> bool:
        if self.kind == "heatmap":
            return not self.rows or not self.categories
        return not self.categories or not any(any(v for v in values) for _, values in self.series)


@dataclass
class Section:
    """One chapter of the briefing: one Word heading, one Excel sheet, one PowerPoint slide."""

    key: str  # stable id: headline, quotas, pace, volume, pareto, resolution, owed, discipline, quality
    title: str
    sheet_name: str  # ≤ 31 characters, no []:*?/\ (Excel)
    sentences: list[str] = field(default_factory=list)
    tables: list[SectionTable] = field(default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)
    empty_message: str | None = None  # shown when the section has nothing for the period and scope
    slide_table: int = 0  # which table the one PowerPoint slide shows (all of them are in Word and Excel)


@dataclass
class Briefing:
    """The whole 服務分析會簡報 for one period and scope."""

    lang: str
    title: str
    company: str  # the scope's display name (the roster's own), or the all-companies label
    scope_key: str | None
    period: str
    period_label: str
    period_kind: str
    previous_period: str
    as_of: dt.date
    generated_on: dt.date
    summary: list[str]
    sections: list[Section]
    labels: dict[str, str] = field(default_factory=dict)  # writer captions: as_of, generated, page, ...

    def section(self, key: str) -> Section:
        """The section with ``key`` (KeyError when absent)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)
