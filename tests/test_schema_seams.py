"""Issue #13 item 4: analytics/schema.py is the single source of the closed statuses and of the tables' columns.

A closed status (已解決, 已關閉) written as a literal, in Python or in SQL (there also any issue status, plan kind
or 客戶接待日), or a Python literal that lists most of a
table's columns, outside analytics/schema.py, fails here: import them (schema.CLOSED_STATUSES, STATUS.canonical,
schema.TABLES, analytics.store.tables.STORED), bind them ($closed_statuses) or use the /*schema.closed_statuses*/
marker of analytics/metrics/sqlfiles.load_sql.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from analytics import schema
from analytics.store.tables import STORED

ROOT = Path(__file__).resolve().parent.parent
PY_SOURCES = [*(ROOT / "analytics").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py"),
              ROOT / "app.py"]
SQL_SOURCES = [p for p in (ROOT / "analytics" / "sql").rglob("*.sql") if p.parent.name != "migrations"]
# Display texts that happen to read like a status: the i18n catalogues' labels ("已關閉" as a column heading) and the
# report datasheet's heading of the closed-issues count. They are words shown to people, not the stored term.
LABELS = {ROOT / "analytics" / "schema.py", ROOT / "analytics" / "report" / "datasheet.py",
          *(ROOT / "analytics" / "i18n").glob("catalog*.py")}
# SQL spells none of these stored terms: the issue statuses, the plan kinds and 客戶接待日 (markers or parameters)
SQL_TERMS = (*schema.STATUS.canonical_values, *schema.PLAN_KIND.canonical_values, schema.CATEGORY.canonical("reception_day"))
TERMS_SQL = re.compile("'(?:" + "|".join(map(re.escape, SQL_TERMS)) + ")'")


def _closed_literals_py(text: str) -> list[int]:
    return [node.lineno for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Constant) and node.value in schema.CLOSED_STATUSES]


def _terms_in_sql(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if TERMS_SQL.search(line.split("--", 1)[0])]


def _column_lists(text: str) -> list[tuple[int, str]]:
    """Literal tuples/lists/sets of column names that hold at least half the stored columns of one table."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Tuple | ast.List | ast.Set) or len(node.elts) < 5:
            continue
        if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            continue
        names = {e.value for e in node.elts}  # type: ignore[attr-defined]
        found += [(node.lineno, table) for table, spec in STORED.items()
                  if names <= set(spec.columns) and 2 * len(names) >= len(spec.columns)]
    return found


def test_closed_statuses_are_written_only_in_the_schema():
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in PY_SOURCES if p not in LABELS
                 for n in _closed_literals_py(p.read_text(encoding="utf-8"))]
    offenders += [f"{p.relative_to(ROOT)}:{n}" for p in SQL_SOURCES
                  for n in _terms_in_sql(p.read_text(encoding="utf-8"))]
    assert offenders == [], "use schema.CLOSED_STATUSES ($closed_statuses or /*schema.closed_statuses*/ in SQL)"


def test_column_lists_are_written_only_in_the_schema():
    offenders = [f"{p.relative_to(ROOT)}:{n} ({table})" for p in PY_SOURCES if p.name != "schema.py"
                 for n, table in _column_lists(p.read_text(encoding="utf-8"))]
    assert offenders == [], "read the columns from analytics.schema.TABLES / analytics.store.tables.STORED"


def test_the_detectors_see_the_shapes_that_were_there():
    # the literals this issue removed (analytics/store/issue_updates.py, issue_state.sql, store/tables.py before)
    assert _closed_literals_py('CLOSED = ("已解決", "已關閉")\n') == [1, 1]
    assert _closed_literals_py('x = "已解決並回訪"\n"""已解決 or 已關閉"""\n') == []
    assert _terms_in_sql("select 1\nwhere status in ('已解決', '已關閉')\n") == [2]
    assert _terms_in_sql("-- 已解決 / '已關閉' in a comment\n") == []
    assert _terms_in_sql("where plan_kind = '個人計畫' or status = '處理中'\n") == [1]
    roster = ('("company", "company_key", "effective_date", "employee_id", "name", "level", "parent_company",\n'
              ' "parent_key", "department", "department_key", "department_type", "rank", "batch_id", "source_row")')
    assert _column_lists(roster) == [(1, "roster")]
    assert _column_lists('["employee_id", "name", "company", "department", "rank"]') == []  # a selection


def test_the_sql_marker_writes_the_schema_terms():
    from analytics.metrics.sqlfiles import load_sql, sql_literals

    state = load_sql("issue_state")
    assert "/*schema." not in state and state.count("in ('已解決', '已關閉')") == 5 and "else '待處理'" in state
    assert sql_literals(("a'b", "c")) == "'a''b', 'c'"
    assert "plan_kind in ('年度計畫', '階段計畫')" in load_sql("plans_company_lines")
    assert "where category = '客戶接待日' and hours is null" in load_sql("quality_reception_hours")
