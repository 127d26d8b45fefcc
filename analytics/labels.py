"""Uploaded text shown as a label: cut to a readable length (issue #12 finding 7).

A 問題類別, company or department is free text up to Excel's 32,767 characters. Drawn in full, a 20,000-character
category made matplotlib run out of memory and the Word briefing fail for every view containing it. Charts show
at most ``CHART_LABEL`` characters, Word/PowerPoint table cells ``TABLE_CELL``; the Excel version and the
dashboard's tables keep the full text (nothing is lost, only shortened where it is drawn).
"""

from __future__ import annotations

from collections.abc import Iterable

CHART_LABEL = 40  # an axis label or legend entry: a readable phrase, about two lines of a narrow bar
TITLE_LABEL = 160  # a chart title: it may name a company and a category
TABLE_CELL = 200  # a Word/PowerPoint table cell: a few lines of the page's width
ELLIPSIS = "…"


def short_label(text: object, limit: int = CHART_LABEL) -> str:
    """``text`` as a string of at most ``limit`` characters, ending in "…" when it was cut."""
    value = "" if text is None else str(text)
    return value if len(value) <= limit else value[: max(limit - 1, 0)] + ELLIPSIS


def distinct_short_labels(texts: Iterable[object], limit: int = CHART_LABEL) -> list[str]:
    """``short_label`` of each text, kept distinct: two long labels sharing their first characters would
    otherwise merge into one bar of a category axis. A repeat gets " (2)", " (3)" … within the limit."""
    out: list[str] = []
    seen: set[str] = set()
    for text in texts:
        label = short_label(text, limit)
        n = 1
        while label in seen:
            n += 1
            suffix = f" ({n})"
            label = short_label(text, limit - len(suffix)) + suffix
        seen.add(label)
        out.append(label)
    return out
