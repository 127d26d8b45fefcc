"""What reading a file produces: typed rows per table, rejected rows with reasons, warnings, notices.

Reading never touches the database; ``analytics.store`` commits a ``ParsedFile``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analytics.i18n import t


@dataclass(frozen=True)
class Problem:
    """One finding about a file, sheet, row or cell.

    ``code`` is an i18n message key; ``params`` fill its placeholders. ``severity`` is ``error`` (the row, or with
    ``row is None`` the whole file/sheet, is rejected), ``warning`` (kept and shown, not fatal) or ``notice``
    (information such as "hidden sheet skipped").
    """

    severity: str
    code: str
    file: str
    sheet: str | None = None
    row: int | None = None  # as numbered in the spreadsheet (1-based, header row included)
    column: str | None = None  # the header as written in the file
    value: str | None = None
    table: str | None = None
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "zh-Hant") -> str:
        """The sentence for the user: what is wrong and what to do (without the location)."""
        return t(self.code, lang, **{"value": self.value or "", "column": self.column or "", **self.params})

    def location(self, lang: str = "zh-Hant") -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(t("ingest.loc.row", lang, row=self.row))
        if self.column:
            parts.append(self.column if self.value is None else f'{self.column} = "{_shorten(self.value)}"')
        return " › ".join(parts)

    def describe(self, lang: str = "zh-Hant") -> str:
        return f"{self.location(lang)}: {self.message(lang)}"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class SheetReport:
    """How one sheet was recognised (for the preview before committing)."""

    sheet: str
    table: str | None  # table key, or None when not recognised / skipped
    header_row: int | None  # 1-based row of the header in the spreadsheet
    rows_found: int  # data rows found below the header (after dropping blank rows)
    hidden: bool = False


@dataclass
class ParsedFile:
    """Everything read from one uploaded file.

    ``tables[key]`` is a DataFrame with one column per ``schema`` column key, in schema order, then the extras
    (walkthroughs: ``activity_key``; issues: ``category_is_standard``), then ``_sheet`` (str; ``""`` for CSV) and
    ``_row`` (int64, the spreadsheet row number; rows expanded from one 工號 cell share it). Column dtypes:

    - text, IDs and vocabulary terms: ``object`` holding ``str`` (canonical Traditional term for vocabularies),
      ``None`` when blank;
    - dates: ``object`` holding ``datetime.date`` (never datetime64), ``None`` when blank — the roster's
      ``effective_date`` may be ``None`` (the store fills the import date);
    - hours: ``float64`` (NaN when blank); integers: ``Int64``; ``needs_support``: ``bool`` (default applied);
      ``copy_sent``: nullable ``boolean``; ``category_is_standard``: ``bool``.

    Only valid rows are in ``tables``; rows with an error are in ``rejects[key]`` with the original cell texts
    under the file's own headers plus ``_sheet``, ``_row`` and ``_reason`` (every reason of the row, zh-Hant,
    joined with "；"). A sheet recognised as a table always has its key in ``tables`` and ``rejects`` (possibly
    empty frames); a refused file has neither.
    """

    file_name: str
    sha256: str
    size_bytes: int
    sheets: list[SheetReport] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    rejects: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def file_error(self) -> Problem | None:
        """The problem that refuses the whole file, if any."""
        return next((p for p in self.problems if p.severity == "error" and p.row is None and p.sheet is None), None)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "notice"]

    def rejected_row_count(self) -> int:
        return sum(len(df) for df in self.rejects.values())
