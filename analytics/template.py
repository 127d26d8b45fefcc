"""The downloadable template workbook, generated from ``analytics/schema.py`` (SPEC 2: one source of truth).

One sheet per table, named by its Chinese title, with the header in row 1 (so the file re-imports as it is),
each header's rule as a cell comment, drop-down lists for vocabulary and yes/no columns, one valid example
row, and an instructions sheet (說明) that the reader skips because no row of it holds a table's headers.
"""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter

from analytics.i18n import t
from analytics.palette import SHEET_HEADER, SHEET_REQUIRED
from analytics.schema import IMPORT_ORDER, TABLES, VOCABULARIES, YESNO, Column, ColumnType, Table

VALIDATION_ROWS = 5_000  # drop-downs cover this many data rows below the header

# One valid row per table (SPEC 2.1-2.3); vocabulary cells name schema terms so a renamed term fails the
# contract test instead of producing an example that no longer imports.
EXAMPLE_ROWS: dict[str, dict[str, object]] = {
    "roster": {
        "employee_id": "00123", "name": "王小明", "company": "廣州市分公司", "level": "地市公司",
        "parent_company": "廣東省公司", "department": "市場部", "department_type": "主要業務部門",
        "rank": "部門領導", "effective_date": dt.date(2026, 1, 1),
    },
    "walkthroughs": {
        "activity_id": "CY-2026-0001", "employee_id": "00123", "name": "王小明", "date": dt.date(2026, 10, 5),
        "category": "常規穿越", "item": "門市客戶扮演", "theme": "", "mode": "個人穿越", "scope": "本地",
        "target_unit": "天河營業廳", "hours": 4, "needs_support": "否", "notified_on": None,
        "summary_on": dt.date(2026, 10, 8), "copy_sent": "是", "issues_raised": 1, "note": "",
    },
    "issues": {
        "issue_id": "Q-2026-0001", "activity_id": "CY-2026-0001", "raised_by": "00123",
        "raised_on": dt.date(2026, 10, 5), "kind": "問題", "category": "業務流程",
        "description": "攜號轉網須往返兩個櫃台辦理", "owner_company": "廣州市分公司", "owner_department": "市場部",
        "status": "處理中", "due_on": dt.date(2026, 11, 30), "resolved_on": None,
        "progress": "已提交流程優化方案", "work_order_id": "WO-20261005-001",
    },
    "contacts": {
        "company": "廣州市分公司", "department": "市場部", "name": "王小明", "email": "wang.xm@example.com",
        "employee_id": "00123", "language": "繁體中文",
    },
    # A company's annual plan (SPEC 2.6); an individual plan fills 工號 and 計畫日期 instead of 期間 and 次數.
    "plans": {
        "plan_id": "JH-2026-0001", "plan_kind": "年度計畫", "company": "廣州市分公司", "department": "市場部",
        "period": "2026", "planned_count": 24, "employee_id": "", "planned_on": None, "category": "常規穿越",
        "item": "", "theme": "", "mode": "", "target_unit": "", "needs_support": "否",
        "filed_on": dt.date(2026, 1, 15),
    },
}


def allowed_values(column: Column) -> tuple[str, ...]:
    """The drop-down list of a vocabulary or yes/no column (canonical terms)."""
    if column.type is ColumnType.YESNO:
        return YESNO.canonical_values
    if column.type is ColumnType.VOCAB and column.vocab:
        return VOCABULARIES[column.vocab].canonical_values
    return ()


def _note(column: Column, lang: str) -> str:
    return column.note_en if lang == "en" and column.note_en else column.note


def _write_table(book: xlsxwriter.Workbook, table: Table, lang: str, formats: dict) -> None:
    sheet = book.add_worksheet(table.title)
    sheet.freeze_panes(1, 0)
    example = EXAMPLE_ROWS[table.key]
    for col, column in enumerate(table.columns):
        header_format = formats["required"] if column.required else formats["header"]
        sheet.write_string(0, col, column.header, header_format)
        sheet.write_comment(0, col, f"{column.header} ({column.key})\n{_note(column, lang)}",
                            {"x_scale": 2, "y_scale": 1.2})
        cell_format = {ColumnType.DATE: formats["date"], ColumnType.ID: formats["text"],
                       ColumnType.ID_LIST: formats["text"], ColumnType.PERIOD: formats["text"]}.get(column.type)
        sheet.set_column(col, col, max(10, len(column.header) * 2 + 2), cell_format)
        value = example.get(column.key)
        if isinstance(value, dt.date):
            sheet.write_datetime(1, col, dt.datetime.combine(value, dt.time()), formats["date"])
        elif isinstance(value, (int, float)):
            sheet.write_number(1, col, value)
        elif value:
            sheet.write_string(1, col, str(value), cell_format)  # text: keeps the leading zeros of 工號
        choices = allowed_values(column)
        if choices:
            # A warning, not a stop: the importer also accepts aliases and English keys (SPEC 3).
            sheet.data_validation(1, col, VALIDATION_ROWS, col, {
                "validate": "list", "source": list(choices), "error_type": "warning",
                "error_title": t("ingest.template.bad_value_title", lang),
                "error_message": t("ingest.template.bad_value", lang),
            })


def _write_instructions(book: xlsxwriter.Workbook, lang: str, formats: dict) -> None:
    sheet = book.add_worksheet(t("ingest.template.sheet_instructions", "zh-Hant"))
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 22)
    sheet.set_column(2, 2, 8)
    sheet.set_column(3, 4, 60)
    sheet.write_string(0, 0, t("ingest.template.instructions_title", lang), formats["title"])
    tables = "、".join(TABLES[k].title for k in IMPORT_ORDER)
    sheet.merge_range(1, 0, 1, 4, t("ingest.template.instructions", lang, tables=tables), formats["wrap"])
    sheet.set_row(1, 90)
    # Start the column list at row 4: never a row holding all required headers of a table (the reader skips it).
    labels = ("col_table", "col_header", "col_required", "col_rule", "col_allowed")
    for col, label in enumerate(labels):
        sheet.write_string(3, col, t(f"ingest.template.{label}", lang), formats["header"])
    row = 4
    yes, no = t("ingest.template.yes", lang), t("ingest.template.no", lang)
    for key in IMPORT_ORDER:
        table = TABLES[key]
        for column in table.columns:
            title = table.title_en if lang == "en" else table.title
            sheet.write_row(row, 0, [title, column.header, yes if column.required else no, _note(column, lang),
                                     " / ".join(allowed_values(column))], formats["wrap"])
            row += 1


def build_template_xlsx(lang: str = "zh-Hant") -> bytes:
    """The template workbook as .xlsx bytes; ``lang`` sets the language of notes and instructions."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    formats = {
        "header": book.add_format({"bold": True, "bg_color": SHEET_HEADER, "border": 1, "text_wrap": True}),
        "required": book.add_format({"bold": True, "bg_color": SHEET_REQUIRED, "border": 1, "text_wrap": True}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "text": book.add_format({"num_format": "@"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }
    _write_instructions(book, lang, formats)
    for key in IMPORT_ORDER:
        _write_table(book, TABLES[key], lang, formats)
    book.close()
    return buffer.getvalue()
