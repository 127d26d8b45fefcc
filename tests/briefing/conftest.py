"""A tiny operator whose briefing figures are worked out by hand (see the comments of each row).

Roster (snapshot 2026-01-01):
  總部 市場部 (主要業務部門): H1 部門領導, H2 三級經理, H3 員工
  東海省公司 (省公司) 市場部 (主要業務部門): P1 公司領導, P2 部門領導, P3 員工, P4 員工
  濱江市分公司 (地市公司, parent 東海省公司) 客戶服務部 (主要業務部門): C1 公司領導, C2 員工, C3 員工
Walkthroughs:
  2026-09-10 P1 常規穿越 門市業務受理                       (September: 1 activity, 1 person-time)
  2026-10-05 activity A1: P1 and P3, 常規穿越 門市客戶扮演  (one activity, two person-times)
  2026-10-12 P2 客戶接待日 4 h, needs support, notified 10-10 (2 days: NOTICE fails), 問題建議數 2
  2026-10-20 C1 常規穿越 網路撥測
  2026-10-08 H2 專項穿越 (HQ: outside the 東海省公司 scope)
Issues (owner company decides the scope):
  I1 2026-10-05 A1/P1 服務規範 東海省公司 待處理 due 2026-10-20 (overdue), description =HYPERLINK(...)
  I2 2026-10-06 服務規範 東海省公司 已解決 on 2026-10-16
  I3 2026-09-15 業務流程 濱江市分公司 處理中 due 2026-12-31
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from analytics.store.migrate import apply_migrations
from analytics.textnorm import match_key

D = dt.date.fromisoformat
AS_OF = D("2026-11-25")
SCOPE = "東海省公司"
HYPERLINK = '=HYPERLINK("http://x","y")'

_ROSTER = [
    # employee_id, company, level, parent, department, rank
    ("H1", "總部", "總部", None, "市場部", "部門領導"),
    ("H2", "總部", "總部", None, "市場部", "三級經理"),
    ("H3", "總部", "總部", None, "市場部", "員工"),
    ("P1", "東海省公司", "省公司", None, "市場部", "公司領導"),
    ("P2", "東海省公司", "省公司", None, "市場部", "部門領導"),
    ("P3", "東海省公司", "省公司", None, "市場部", "員工"),
    ("P4", "東海省公司", "省公司", None, "市場部", "員工"),
    ("C1", "濱江市分公司", "地市公司", "東海省公司", "客戶服務部", "公司領導"),
    ("C2", "濱江市分公司", "地市公司", "東海省公司", "客戶服務部", "員工"),
    ("C3", "濱江市分公司", "地市公司", "東海省公司", "客戶服務部", "員工"),
]


def _walk(con, n, employee_id, date, category="常規穿越", item="門市客戶扮演", *, activity_id=None, hours=None,
          needs_support=False, notified_on=None, summary_on=None, copy_sent=None, issues_raised=None, theme=None):
    key = (f"id:{activity_id}" if activity_id else
           "row:" + "|".join([employee_id, date, category, item or "", theme or "", ""]))
    con.execute(
        "insert into walkthroughs values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
        [key, employee_id, activity_id, None, D(date), category, item, theme, "個人穿越", "本地", None, hours,
         needs_support, D(notified_on) if notified_on else None, D(summary_on) if summary_on else None, copy_sent,
         issues_raised, None, n],
    )


def _issue(con, n, issue_id, raised_on, category, owner, status, *, activity_id=None, raised_by=None, due_on=None,
           resolved_on=None, description=None):
    con.execute(
        "insert into issues values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
        [issue_id, activity_id, raised_by, D(raised_on), "問題", category, True, description or f"描述{issue_id}",
         owner, match_key(owner), "市場部", status, D(due_on) if due_on else None,
         D(resolved_on) if resolved_on else None, None, f"WO-{issue_id}", n],
    )
    con.execute("insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id) values (?,?,?,?,1)",
                [issue_id, None, status, dt.datetime.fromisoformat(raised_on + "T09:00:00")])


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """Create the schema and the tiny operator described in this module's docstring."""
    apply_migrations(con)
    con.execute("insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict, counts, archive_path, rolled_back_at, rolled_back_by) values (1, 'tiny.xlsx', 'x', 1, now()::timestamp, 'test', 'active', false, "
                "null, null, null, null)")
    for n, (eid, company, level, parent, dept, rank) in enumerate(_ROSTER, start=1):
        con.execute(
            "insert into roster values (?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
            [company, match_key(company), D("2026-01-01"), eid, f"姓名{eid}", level, parent,
             match_key(parent) if parent else None, dept, match_key(dept), "主要業務部門", rank, n],
        )
    _walk(con, 1, "P1", "2026-09-10", item="門市業務受理")
    _walk(con, 2, "P1", "2026-10-05", activity_id="A1", summary_on="2026-10-07", copy_sent=True)
    _walk(con, 3, "P3", "2026-10-05", activity_id="A1", summary_on="2026-10-20")
    _walk(con, 4, "P2", "2026-10-12", "客戶接待日", None, hours=4.0, needs_support=True, notified_on="2026-10-10",
          issues_raised=2)
    _walk(con, 5, "C1", "2026-10-20", item="網路撥測")
    _walk(con, 6, "H2", "2026-10-08", "專項穿越", None, theme="專題")
    _issue(con, 1, "I1", "2026-10-05", "服務規範", "東海省公司", "待處理", activity_id="A1", raised_by="P1",
           due_on="2026-10-20", description=HYPERLINK)
    _issue(con, 2, "I2", "2026-10-06", "服務規範", "東海省公司", "已解決", resolved_on="2026-10-16")
    _issue(con, 3, "I3", "2026-09-15", "業務流程", "濱江市分公司", "處理中", due_on="2026-12-31")


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory) -> Path:
    """The tiny operator as a DuckDB file (for the command line and read-only connections)."""
    path = tmp_path_factory.mktemp("brief") / "tiny.duckdb"
    con = duckdb.connect(str(path))
    fill(con)
    con.close()
    return path


@pytest.fixture(scope="session")
def con(tiny_db):
    """A read-only connection to the tiny operator, shared by the tests of the session."""
    connection = duckdb.connect(str(tiny_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def briefing(con):
    """The zh-Hant briefing of 2026-10 for 東海省公司 as of 2026-11-25."""
    from analytics.briefing import build_briefing

    return build_briefing(con, "2026-10", scope=SCOPE, as_of=AS_OF, lang="zh-Hant", generated_on=AS_OF)


@pytest.fixture(scope="session")
def rendered(briefing) -> dict[str, bytes]:
    """The three files of that briefing, rendered once."""
    from analytics.briefing import render

    return {fmt: render(briefing, fmt) for fmt in ("docx", "xlsx", "pptx")}


@pytest.fixture(scope="session")
def briefing_q4(con):
    """The zh-Hant briefing of 2026Q4 for 東海省公司 as of 2026-11-25: its quota, pace and owed sections hold the
    quarter's share rules, which a month briefing no longer shows (the results of a period are those inside it,
    docs/metrics.md §6a). Results inside 2026Q4 in scope, by hand (8; the year rules PROV-LEAD-Y / PROV-DEPT-Y
    are not inside a quarter):
      CITY-MGR-Q 2026Q4 濱江: C1 of C1 walked 10-20 -> met
      CITY-DEPT-Q 2026Q4 濱江·客戶服務部: C1 of C1, C2, C3 = 33 % < 50 %, quarter not over -> in progress, on track
      PROV-RECEPT-M (P1, P2): 2026-10 P2's 4 h reception day -> met; 2026-11 none, 5 days left -> in progress,
        at risk; 2026-12 not started
      CITY-RECEPT-M (C1): 2026-10 none -> missed; 2026-11 in progress, at risk; 2026-12 not started
    """
    from analytics.briefing import build_briefing

    return build_briefing(con, "2026Q4", scope=SCOPE, as_of=AS_OF, lang="zh-Hant", generated_on=AS_OF)


@pytest.fixture(scope="session")
def rendered_q4(briefing_q4) -> dict[str, bytes]:
    from analytics.briefing import render

    return {fmt: render(briefing_q4, fmt) for fmt in ("docx", "xlsx", "pptx")}
