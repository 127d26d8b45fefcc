"""ParsedFile objects built by hand with the column keys of analytics/schema.py (no reader involved)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

from analytics import schema
from analytics.ingest.model import ParsedFile, Problem


def roster_row(employee_id: str, name: str, company: str = "廣州市分公司", *, level: str = "地市公司",
               parent_company: str | None = "廣東省公司", department: str = "市場部",
               department_type: str = "主要業務部門", rank: str = "員工",
               effective_date: dt.date | None = dt.date(2026, 1, 1)) -> dict:
    return {"employee_id": employee_id, "name": name, "company": company, "level": level,
            "parent_company": parent_company, "department": department, "department_type": department_type,
            "rank": rank, "effective_date": effective_date}


def walk_row(employee_id: str, activity_id: str | None = "A1", *, name: str | None = None,
             date: dt.date = dt.date(2026, 3, 5), category: str = "常規穿越", item: str | None = "門市客戶扮演",
             theme: str | None = None, hours: float | None = 2.0, note: str | None = None) -> dict:
    if activity_id:
        activity_key = "id:" + activity_id
    else:
        activity_key = "row:" + "|".join([employee_id, date.isoformat(), category, item or "", theme or "", ""])
    return {"activity_id": activity_id, "employee_id": employee_id, "name": name, "date": date,
            "category": category, "item": item, "theme": theme, "mode": "個人穿越", "scope": "本地",
            "target_unit": None, "hours": hours, "needs_support": False, "notified_on": None,
            "summary_on": None, "copy_sent": None, "issues_raised": None, "note": note,
            "activity_key": activity_key}


def issue_row(issue_id: str, status: str = "待處理", *, description: str = "門市排隊過長",
              category: str = "服務規範", raised_on: dt.date = dt.date(2026, 3, 6),
              owner_company: str | None = "廣州市分公司", resolved_on: dt.date | None = None) -> dict:
    return {"issue_id": issue_id, "activity_id": "A1", "raised_by": None, "raised_on": raised_on, "kind": "問題",
            "category": category, "description": description, "owner_company": owner_company,
            "owner_department": None, "status": status, "due_on": None, "resolved_on": resolved_on,
            "progress": None, "work_order_id": None,
            "category_is_standard": category in schema.ISSUE_CATEGORY.canonical_values}


def frame(table: str, rows: list[dict], *, sheet: str = "工作表1", first_row: int = 2) -> pd.DataFrame:
    """Rows as the reader hands them over: schema column keys + _sheet/_row (spreadsheet numbering)."""
    columns = [c.key for c in schema.TABLES[table].columns]
    extra = {"walkthroughs": ["activity_key"], "issues": ["category_is_standard"]}.get(table, [])
    df = pd.DataFrame(rows, columns=columns + extra).astype(object)
    df["_sheet"] = sheet
    df["_row"] = range(first_row, first_row + len(rows))
    return df


def parsed(file_name: str, content: bytes, *, roster: list[dict] | None = None, walkthroughs: list[dict] | None = None,
           issues: list[dict] | None = None, rejects: dict[str, pd.DataFrame] | None = None,
           problems: list[Problem] | None = None) -> ParsedFile:
    tables = {}
    for key, rows in (("roster", roster), ("walkthroughs", walkthroughs), ("issues", issues)):
        if rows is not None:
            tables[key] = frame(key, rows)
    return ParsedFile(file_name, hashlib.sha256(content).hexdigest(), len(content), tables=tables,
                      rejects=rejects or {}, problems=problems or [])
