"""Presentation of import previews and results (SPEC 2.5): what each file was recognised as and what happened.

Everything taken from an upload (file, sheet and header names, cell values) is shown through st.dataframe or
escaped with :func:`md_escape`, never as live Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from analytics.i18n import t
from analytics.schema import TABLES

COUNT_KEYS: tuple[str, ...] = ("new", "updated", "unchanged", "rejected", "warnings")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text: object) -> str:
    """``text`` safe inside st.markdown / labels: Markdown and HTML characters backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def table_title(key: str | None, lang: str) -> str:
    """A table's name in the interface language (人員名冊 / Staff roster), or "not recognised"."""
    if key is None or key not in TABLES:
        return t("ui.import.not_recognised", lang)
    table = TABLES[key]
    return table.title_en if lang == "en" else t(f"ui.table.{key}", lang)


def sheets_frame(parsed: Any, lang: str) -> pd.DataFrame:
    """One row per sheet of a parsed file: sheet → table, header row, rows found, valid, rejected."""
    rows = []
    for s in parsed.sheets:
        valid = rejected = 0
        if s.table:
            valid = _rows_of_sheet(parsed.tables.get(s.table), s.sheet)
            rejected = _rows_of_sheet(parsed.rejects.get(s.table), s.sheet)
        rows.append({
            t("ui.import.col.sheet", lang): s.sheet,
            t("ui.import.col.table", lang): t("ui.import.hidden", lang) if s.hidden else table_title(s.table, lang),
            t("ui.import.col.header_row", lang): s.header_row,
            t("ui.import.col.rows_found", lang): s.rows_found,
            t("ui.import.col.valid", lang): valid,
            t("ui.import.col.rejected", lang): rejected,
        })
    return pd.DataFrame(rows)


def _rows_of_sheet(df: pd.DataFrame | None, sheet: str) -> int:
    if df is None or df.empty or "_sheet" not in df.columns:
        return 0
    return int((df["_sheet"] == sheet).sum())


def problems_frame(problems: Iterable[Any], lang: str) -> pd.DataFrame:
    """Errors, warnings and notices with where they are (file › sheet › row › column = value) and what to do."""
    order = {"error": 0, "warning": 1, "notice": 2}
    rows = [
        {
            t("ui.import.col.severity", lang): t(f"ui.import.severity.{p.severity}", lang),
            t("ui.import.col.location", lang): p.location(lang),
            t("ui.import.col.message", lang): p.message(lang),
            "_order": (order.get(p.severity, 3), p.sheet or "", p.row or 0),
        }
        for p in problems
    ]
    if not rows:
        return pd.DataFrame()
    return pd.DataFrame(rows).sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def counts_frame(counts: dict[str, dict[str, int]], lang: str) -> pd.DataFrame:
    """Per table: new, updated, unchanged, rejected, warnings (FileImportResult.counts)."""
    rows = []
    for key in TABLES:
        if key not in counts:
            continue
        row: dict[str, str | int] = {t("ui.import.col.table_name", lang): table_title(key, lang)}
        for c in COUNT_KEYS:
            row[t(f"ui.import.count.{c}", lang)] = int(counts[key].get(c, 0) or 0)
        rows.append(row)
    return pd.DataFrame(rows)


def problem_counts(problems: Iterable[Any]) -> dict[str, int]:
    """How many errors, warnings and notices."""
    found = {"error": 0, "warning": 0, "notice": 0}
    for p in problems:
        found[p.severity] = found.get(p.severity, 0) + 1
    return found

