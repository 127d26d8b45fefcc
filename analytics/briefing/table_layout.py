"""Column widths of a briefing table from its content, shared by the Word and PowerPoint writers (issue #16.1/.2).

Each column gets at least the width of the widest text that must stay on one line: a whole short cell (an id
``WT-NL-00124``, a date, a percentage, a status, a company name) or, in long free text, the longest word. Columns
with long text (descriptions) take what is left, up to the width that shows them on one line. A table whose
unbreakable texts do not fit the page width — or would leave its free text too narrow to read — does not fit
there, and the writer takes a wider page (Word: a landscape section; PowerPoint: the full slide width).
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.briefing.cells import display
from analytics.briefing.measure import longest_token_pt, text_width_pt
from analytics.briefing.model import SectionTable

# A text cell this short (in half-width units: a CJK character counts two) is one unit that never wraps: ids,
# dates, statuses, company and department names, short rule names. Longer texts are sentences and may wrap
# between words (and between CJK characters).
ATOMIC_UNITS = 16
_NUMERIC = ("int", "pct", "num", "dint", "dpct", "date")


@dataclass(frozen=True)
class ColumnPlan:
    need: float  # points: the widest text of the column that may not break, padding included
    want: float  # points: what shows every cell on one line (capped for free text), padding included
    free: bool = False  # holds free text that wraps (a description), not only short units


def _units(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def is_atomic(text: str, fmt: str) -> bool:
    """Whether a cell must be shown on one line (figures, dates and short texts)."""
    return fmt in _NUMERIC or _units(text) <= ATOMIC_UNITS


def cell_texts(table: SectionTable, frame) -> list[list[str]]:
    """The display text of every cell of ``frame`` (rows of the table), as the writers show it."""
    columns = list(table.frame.columns)
    return [[display(v, table.cell_format(columns[c], r)) for c, v in enumerate(values)]
            for r, values in enumerate(frame.itertuples(index=False, name=None))]


def plan_columns(headers: list[str], rows: list[list[str]], formats: list[list[str]], *, size_pt: float,
                 pad_pt: float, lang: str, max_free_pt: float) -> list[ColumnPlan]:
    """One plan per column: ``rows`` are display texts, ``formats`` the format of each cell (same shape)."""
    plans = []
    for c, header in enumerate(headers):
        need = longest_token_pt(header, size_pt, bold=True, lang=lang)
        # a header wraps into at most three lines rather than making a column of figures wide
        need = max(need, text_width_pt(header, size_pt, bold=True, lang=lang) / 3)
        want = max(need, text_width_pt(header, size_pt, bold=True, lang=lang) / 2)
        free = False
        for r, row in enumerate(rows):
            text = row[c]
            full = text_width_pt(text, size_pt, lang=lang)
            if is_atomic(text, formats[r][c]):
                need = max(need, full)
            else:
                free = True
                need = max(need, longest_token_pt(text, size_pt, lang=lang), 4 * size_pt)
            want = max(want, min(full, max_free_pt))
        want = max(want, need)
        plans.append(ColumnPlan(need + pad_pt, want + pad_pt, free))
    return plans


def fit_columns(plans: list[ColumnPlan], width_pt: float, *, free_min_pt: float) -> list[float] | None:
    """Column widths within ``width_pt``, or None when the table does not fit that width.

    Every column gets its need; the rest goes to the columns that want more, in proportion, up to what they want.
    Not fitting: the needs exceed the width, or a free-text column would get less than ``free_min_pt`` (or its
    want, if smaller) — a description three characters wide is not readable.
    """
    need = sum(p.need for p in plans)
    if need > width_pt:
        return None
    grow = [p.want - p.need for p in plans]
    slack = width_pt - need
    total_grow = sum(grow)
    share = 1.0 if total_grow <= slack else slack / total_grow
    widths = [p.need + g * share for p, g in zip(plans, grow, strict=True)]
    for p, w in zip(plans, widths, strict=True):
        if p.free and w + 0.5 < min(p.want, free_min_pt):
            return None
    return widths
