"""An in-memory store per test, filled row by row (no importer): batch 1, *_key = match_key(name)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from analytics.store.migrate import apply_migrations
from analytics.textnorm import match_key

D = dt.date.fromisoformat


class Store:
    """Tiny writer for tests: each helper inserts one row with sensible defaults."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._row = 0

    def staff(self, employee_id: str, company: str, *, level: str = "省公司", rank: str = "員工",
              department: str = "市場部", department_type: str = "主要業務部門", effective: str = "2026-01-01",
              parent: str | None = None, name: str | None = None) -> None:
        self._row += 1
        self.con.execute(
            "insert into roster values (?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
            [company, match_key(company), D(effective), employee_id, name or f"員工{employee_id}", level, parent,
             match_key(parent) if parent else None, department, match_key(department), department_type, rank,
             self._row],
        )

    def walk(self, employee_id: str, date: str, *, category: str = "常規穿越", item: str | None = "門市客戶扮演",
             activity_id: str | None = None, mode: str = "個人穿越", scope: str = "本地", hours: float | None = None,
             needs_support: bool = False, notified_on: str | None = None, summary_on: str | None = None,
             copy_sent: bool | None = None, issues_raised: int | None = None, theme: str | None = None,
             target_unit: str | None = None) -> None:
        self._row += 1
        key = (f"id:{activity_id}" if activity_id else
               "row:" + "|".join([employee_id, date, category, item or "", theme or "", target_unit or ""]))
        self.con.execute(
            "insert into walkthroughs values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
            [key, employee_id, activity_id, None, D(date), category, item, theme, mode, scope, target_unit, hours,
             needs_support, D(notified_on) if notified_on else None, D(summary_on) if summary_on else None,
             copy_sent, issues_raised, None, self._row],
        )

    def issue(self, issue_id: str, raised_on: str, *, status: str = "待處理", activity_id: str | None = None,
              raised_by: str | None = None, kind: str = "問題", category: str = "服務規範",
              standard: bool = True, owner_company: str | None = None, owner_department: str | None = None,
              due_on: str | None = None, resolved_on: str | None = None) -> None:
        self._row += 1
        self.con.execute(
            "insert into issues values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
            [issue_id, activity_id, raised_by, D(raised_on), kind, category, standard, f"描述{issue_id}",
             owner_company, match_key(owner_company) if owner_company else None, owner_department, status,
             D(due_on) if due_on else None, D(resolved_on) if resolved_on else None, None, None, self._row],
        )

    def history(self, issue_id: str, old: str | None, new: str, at: str) -> None:
        self.con.execute("insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id) values (?,?,?,?,1)",
                         [issue_id, old, new, dt.datetime.fromisoformat(at)])

    def message(self, table: str, row: int, code: str, *, severity: str = "warning", column: str | None = None,
                value: str | None = None, row_key: str | None = None) -> None:
        self.con.execute("insert into import_messages values (1,?,?,?,?,?,?,?,?,?)",
                         [table, severity, "工作表1", row, column, value, code, None, row_key])


@pytest.fixture
def store() -> Store:
    con = duckdb.connect()
    apply_migrations(con)
    con.execute(
        "insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict, counts, archive_path, rolled_back_at, rolled_back_by) values (1, 'test.xlsx', 'x', 1, now()::timestamp, 'test', 'active', false, null, null,"
        " null, null)"
    )
    yield Store(con)
    con.close()
