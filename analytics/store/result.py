"""What importing one file produced: status, batch, counts per table, problems, and the rejected rows (SPEC 2.5)."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field

import pandas as pd

from analytics import schema
from analytics.formula import neutralise
from analytics.i18n import t
from analytics.ingest.model import Problem

STATUSES = ("imported", "partial", "rejected", "already_imported")
COUNT_KINDS = ("new", "updated", "unchanged", "rejected", "warnings")
_META = ("_sheet", "_row", "_reason")
SUMMARY_PROBLEM_LIMIT = 20


def empty_counts() -> dict[str, int]:
    return dict.fromkeys(COUNT_KINDS, 0)


@dataclass
class FileImportResult:
    """The outcome of importing one file.

    ``status``: ``imported`` (every row), ``partial`` (valid rows committed, some rows or sheets rejected),
    ``rejected`` (nothing written) or ``already_imported`` (byte-identical to an active batch; nothing changed,
    ``batch_id`` is that batch). ``counts[table]`` has new / updated / unchanged / rejected / warnings (the roster
    also ``removed``: staff of a replaced snapshot who are not in the file).
    """

    file_name: str
    sha256: str
    status: str
    batch_id: int | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rejects: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    size_bytes: int = 0
    replaced_batch: int | None = None  # the earlier batch this file corrected (``import --replaces``), rolled back

    @property
    def ok(self) -> bool:
        """True when every row of the file is in the database (SPEC 5: exit code 0)."""
        return self.status in ("imported", "already_imported")

    def rejected_rows(self) -> int:
        return sum(len(df) for df in self.rejects.values())

    def rejects_xlsx(self) -> bytes | None:
        """The rejected rows as a workbook ready to fix and re-upload, or ``None`` when no row was rejected.

        One sheet per table (named by its Chinese title) whose first row holds the file's own headers, then
        錯誤原因, 工作表 and 行號; every text is neutralised so no cell starts a formula (SPEC 6).
        """
        frames = {k: df for k, df in self.rejects.items() if df is not None and len(df)}
        if not frames:
            return None
        import xlsxwriter

        buffer = io.BytesIO()
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                   "strings_to_numbers": False}
        with xlsxwriter.Workbook(buffer, options) as book:
            bold = book.add_format({"bold": True})
            for key in schema.IMPORT_ORDER:
                if key in frames:
                    _write_rejects_sheet(book, bold, schema.TABLES[key].title, frames[key])
            for key, df in frames.items():  # tables the schema does not know, should the reader ever produce one
                if key not in schema.TABLES:
                    _write_rejects_sheet(book, bold, str(key)[:31], df)
        return buffer.getvalue()

    def summary(self, lang: str = "zh-Hant") -> str:
        """A few lines for the command line and the import page: status, counts per table, the first problems."""
        head = t(f"store.status.{self.status}", lang, file=self.file_name, batch=self.batch_id or "")
        lines = [head]
        if self.replaced_batch is not None:
            lines.append("  " + t("store.summary.replaced", lang, batch=self.replaced_batch))
        for key in schema.IMPORT_ORDER:
            if key not in self.counts:
                continue
            c = self.counts[key]
            title = schema.TABLES[key].title if lang != "en" else schema.TABLES[key].title_en
            lines.append("  " + t("store.summary.counts", lang, table=title, **{**empty_counts(), **c}))
            if c.get("removed"):
                lines.append("  " + t("store.summary.removed", lang, n=c["removed"]))
        shown = [p for p in self.problems if p.severity in ("error", "warning")]
        for problem in shown[:SUMMARY_PROBLEM_LIMIT]:
            lines.append(f"  - [{t('store.severity.' + problem.severity, lang)}] {problem.describe(lang)}")
        if len(shown) > SUMMARY_PROBLEM_LIMIT:
            lines.append("  " + t("store.summary.more", lang, n=len(shown) - SUMMARY_PROBLEM_LIMIT))
        return "\n".join(lines)

    def to_dict(self, lang: str = "zh-Hant") -> dict:
        """A JSON-ready description (``python -m analytics import --json``)."""
        return {
            "file": self.file_name,
            "sha256": self.sha256,
            "status": self.status,
            "batch_id": self.batch_id,
            "replaced_batch": self.replaced_batch,
            "counts": self.counts,
            "rejected_rows": self.rejected_rows(),
            "problems": [
                {"severity": p.severity, "code": p.code, "table": p.table, "sheet": p.sheet, "row": p.row,
                 "column": p.column, "value": p.value, "message": p.message(lang)}
                for p in self.problems
            ],
        }


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    return neutralise(str(value))


def _write_rejects_sheet(book, bold, name: str, df: pd.DataFrame) -> None:
    sheet = book.add_worksheet(name)
    own = [c for c in df.columns if c not in _META]
    headers = [*own, "錯誤原因", "工作表", "行號"]
    sources = [*own, "_reason", "_sheet", "_row"]
    for col, header in enumerate(headers):
        sheet.write_string(0, col, neutralise(str(header)), bold)
    for r, record in enumerate(df.reindex(columns=sources).itertuples(index=False), start=1):
        for col, value in enumerate(record):
            cell = _cell(value)
            if cell is None:
                continue
            if isinstance(cell, str):
                sheet.write_string(r, col, cell)
            else:
                sheet.write_number(r, col, cell)
    sheet.freeze_panes(1, 0)
