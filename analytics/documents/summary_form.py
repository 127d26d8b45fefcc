"""The 穿越總結表 (summary form, article 8.3) of one or more individual plans: an .xlsx the ordinary importer reads.

The form is a template of SPEC 2.2 and 2.3 for these walks (SPEC 4.6): sheet 1 holds the 穿越記錄 header of
``analytics/schema.py`` (the template workbook's headers) with one row per plan, pre-filled from the plan; sheet 2
the 問題跟蹤 header with blank rows to fill. Title and help rows sit above each header (the reader skips rows above
the first row holding a table's required headers, SPEC 2.4), and blank rows are skipped, so unused issue lines
import as nothing.

Choices (docs/plans.md): the walk's 穿越編號 is the plan's 計畫編號, so the log row and its issues point back at the
plan; 穿越日期 is left blank (required), so a form sent back unfilled is rejected with that sentence instead of
recording a walk that did not happen. Every text cell is written as text (never a formula, even when the data
starts with "="), and 工號 keeps its leading zeros.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from analytics.documents.labels import lang_of, walker
from analytics.documents.plans import PlanDoc
from analytics.formula import FORMULA_STARTS
from analytics.i18n import t
from analytics.schema import ISSUES, WALKTHROUGHS, YESNO, ColumnType, Table
from analytics.template import allowed_values

HEADER_ROW = 4  # rows 1-3: title, help, blank (the header must be within the first 15 rows, SPEC 2.4)
ISSUE_ROWS_PER_PLAN = 5
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TO_FILL = PatternFill("solid", fgColor="FFF2CC")  # cells the walker must fill in
_DATE_FORMAT = "yyyy-mm-dd"
_TEXT_TYPES = (ColumnType.ID, ColumnType.ID_LIST, ColumnType.TEXT, ColumnType.PERIOD)


def walk_row(doc: PlanDoc) -> dict[str, object]:
    """The 穿越記錄 row pre-filled from ``doc`` (canonical values, so the importer takes them as they are)."""
    return {
        "activity_id": doc.activity_id, "employee_id": doc.employee_id, "name": doc.name, "date": None,
        "category": doc.category, "item": doc.item, "theme": doc.theme, "mode": doc.mode,
        "target_unit": doc.target_unit, "needs_support": YESNO.canonical_values[0] if doc.needs_support else None,
    }


def write_summary_form(docs: Sequence[PlanDoc], lang: str = "zh-Hant") -> bytes:
    """The .xlsx bytes of the summary form of ``docs`` (at least one plan)."""
    if not docs:
        raise ValueError("a summary form needs at least one plan")
    lang = lang_of(lang)
    book = Workbook()
    walks = book.active
    walks.title = t("docs.sf.sheet.walk", lang)
    first = docs[0]
    _title(walks, WALKTHROUGHS, t("docs.sf.title", lang) + " — " + walker(first, lang),
           t("docs.sf.walk_help", lang))
    _header(walks, WALKTHROUGHS, lang)
    for i, doc in enumerate(docs):
        row = HEADER_ROW + 1 + i
        values = walk_row(doc)
        for col, column in enumerate(WALKTHROUGHS.columns, start=1):
            cell = walks.cell(row=row, column=col)
            _set(cell, values.get(column.key), column.type)
            if column.required and values.get(column.key) in (None, ""):
                cell.fill = _TO_FILL
    _formats(walks, WALKTHROUGHS, HEADER_ROW + 1, HEADER_ROW + len(docs))
    _validations(walks, WALKTHROUGHS, HEADER_ROW + 1, HEADER_ROW + len(docs), lang)

    issues = book.create_sheet(t("docs.sf.sheet.issues", lang))
    ids = " / ".join(d.activity_id for d in docs)
    _title(issues, ISSUES, t("docs.sf.title", lang) + " — " + t("docs.sf.sheet.issues", lang),
           t("docs.sf.issue_help", lang, example=f"{first.activity_id}-01", activity_id=ids,
             employee_id=first.employee_id))
    _header(issues, ISSUES, lang)
    last = HEADER_ROW + ISSUE_ROWS_PER_PLAN * len(docs)
    _formats(issues, ISSUES, HEADER_ROW + 1, last)
    _validations(issues, ISSUES, HEADER_ROW + 1, last, lang)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _title(sheet, table: Table, title: str, help_text: str) -> None:
    sheet["A1"] = title
    sheet["A1"].data_type = "s"
    sheet["A1"].font = Font(bold=True, size=14)
    width = len(table.columns)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=min(width, 10))
    sheet["A2"] = help_text
    sheet["A2"].data_type = "s"
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[2].height = 75


def _header(sheet, table: Table, lang: str) -> None:
    for col, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True)
        note = column.note_en if lang == "en" and column.note_en else column.note
        cell.comment = Comment(f"{column.header} ({column.key})\n{note}", "walkthrough")
        sheet.column_dimensions[get_column_letter(col)].width = max(11, len(column.header) * 2 + 2)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)


def _set(cell, value: object, kind: ColumnType) -> None:
    if value is None or value == "":
        return
    cell.value = value
    if isinstance(value, str):
        # a value starting with "=" is data, not a formula: openpyxl would otherwise write it as one
        cell.data_type = "s"
        cell.quotePrefix = value.startswith(FORMULA_STARTS)  # the one list of formula starts (SPEC 6)


def _formats(sheet, table: Table, first: int, last: int) -> None:
    """Date cells show as dates, ID and text cells stay text (leading zeros of a typed 工號 survive)."""
    for col, column in enumerate(table.columns, start=1):
        number_format = (_DATE_FORMAT if column.type is ColumnType.DATE
                         else "@" if column.type in _TEXT_TYPES else None)
        if number_format is None:
            continue
        for row in range(first, last + 1):
            sheet.cell(row=row, column=col).number_format = number_format


def _validations(sheet, table: Table, first: int, last: int, lang: str) -> None:
    """Drop-downs for vocabulary and yes/no columns; a warning only (the importer also takes aliases)."""
    for col, column in enumerate(table.columns, start=1):
        choices = allowed_values(column)
        if column.key == "category" and table.key == "issues":
            from analytics.schema import VOCABULARIES

            choices = VOCABULARIES["issue_category"].canonical_values
        if not choices:
            continue
        letter = get_column_letter(col)
        check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                               errorStyle="warning", showErrorMessage=True,
                               errorTitle=t("ingest.template.bad_value_title", lang),
                               error=t("ingest.template.bad_value", lang))
        check.add(f"{letter}{first}:{letter}{last}")
        sheet.add_data_validation(check)
