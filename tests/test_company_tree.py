"""Issue #13 item 1: the company roll-up tree and "the latest roster snapshot of a company" are written once.

SQL: analytics/sql/metrics/company_latest.sql (the latest snapshot's rows) and company_tree.sql (one row per company:
name, level, parent of that snapshot), included by every reader; the roll-up over the tree is rollup_targets.sql.
Python: analytics/company_tree.CompanyTree. The grep-style tests fail when a copy comes back; the others check the
one definition against figures worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pandas as pd

from analytics.company_tree import CompanyTree
from analytics.metrics.sqlfiles import expand_includes, load_sql
from analytics.store.migrate import apply_migrations

ROOT = Path(__file__).resolve().parent.parent
SQL = [p for p in (ROOT / "analytics" / "sql").rglob("*.sql") if p.parent.name != "migrations"]
PY = [*(ROOT / "analytics").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]

# a company's latest snapshot date, computed per company
LATEST_DATE = re.compile(r"company_key\s*,\s*max\(\s*(?:\w+\.)?effective_date\s*\)", re.IGNORECASE)
# a company's name / level / parent as of its latest snapshot, computed from the roster
LATEST_FIELD = re.compile(
    r"arg_max\(\s*(?:\w+\.)?(?:company|level|parent_key|parent_company)\s*,\s*(?:\w+\.)?effective_date", re.IGNORECASE)
# a join on the parent: walking the tree
PARENT_JOIN = re.compile(r"=\s*(?:\w+\.)?parent_key\b|\bparent_key\s*=", re.IGNORECASE)
# Python that walks parents or picks a province's cities by hand
PY_WALK = re.compile(r"""\[\s*["']parent_key["']\s*\]\s*==|==\s*\w+\[\s*["']parent_key["']\s*\]|\bparents\.get\(|"""
                     r"""\.get\(\s*["']parent_key["']\s*\)\s*in\b""")
# The one-pass name and level for the national-scale queries (the tree's mode would cost 0.2 s there), commented there.
FAST_COPIES = {"metrics/company_named.sql"}


def _sql_hits(pattern: re.Pattern) -> set[str]:
    hits = set()
    for path in SQL:
        code = "\n".join(line.split("--", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
        if pattern.search(code):
            hits.add(str(path.relative_to(ROOT / "analytics" / "sql")))
    return hits


def test_latest_snapshot_is_defined_once_in_sql():
    assert _sql_hits(LATEST_DATE) == {"metrics/company_latest.sql"}, "include company_latest (sqlfiles.load_sql)"
    assert _sql_hits(LATEST_FIELD) == FAST_COPIES, "include company_tree for a company's name, level or parent"


def test_the_tree_is_walked_once_in_sql():
    assert _sql_hits(PARENT_JOIN) == {"metrics/rollup_targets.sql"}, "roll up through rollup_targets / company_tree"


def test_the_tree_is_walked_once_in_python():
    offenders = []
    for path in PY:
        if path.relative_to(ROOT).as_posix() == "analytics/company_tree.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("  #", 1)[0]
            if PY_WALK.search(code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == [], "use analytics.company_tree.CompanyTree (keys_within, contains, in_display_order)"


def test_the_patterns_see_the_copies_that_were_there():
    assert LATEST_DATE.search("select company_key, max(effective_date) as effective_date")
    assert LATEST_FIELD.search("arg_max(level, effective_date) as level, arg_max(parent_key, effective_date)")
    assert not LATEST_FIELD.search("arg_max(r.company_key, r.effective_date)")  # a person's company, not the tree
    assert PARENT_JOIN.search("join companies as parent on parent.company_key = c.parent_key")
    assert PY_WALK.search('companies[(companies["level"] == CITY) & (companies["parent_key"] == key)]')
    assert PY_WALK.search('parent = r.get("parent_key") if r.get("parent_key") in keys else None')
    assert PY_WALK.search("parent = self.parents.get(key)")


def _store() -> duckdb.DuckDBPyConnection:
    """總部; provinces 甲省 (cities 甲一市, 甲二市) and 乙省 (乙一市); 甲二市 moved from 乙省 to 甲省 in its July snapshot;
    甲省's July snapshot spells it twice 甲省 and once 甲省公司 (the same key)."""
    con = duckdb.connect()
    apply_migrations(con)
    jan, jul = dt.date(2025, 1, 1), dt.date(2025, 7, 1)
    rows = [  # company, key, date, employee, level, parent, parent_key
        ("總部", "hq", jan, "H1", "總部", None, None),
        ("甲省", "jia", jan, "J1", "省公司", None, None),
        ("甲省", "jia", jul, "J1", "省公司", None, None),
        ("甲省", "jia", jul, "J2", "省公司", None, None),
        ("甲省公司", "jia", jul, "J3", "省公司", None, None),
        ("乙省", "yi", jan, "Y1", "省公司", None, None),
        ("甲一市", "jia1", jan, "A1", "地市公司", "甲省", "jia"),
        ("甲二市", "jia2", jan, "B1", "地市公司", "乙省", "yi"),
        ("甲二市", "jia2", jul, "B1", "地市公司", "甲省", "jia"),
        ("甲二市", "jia2", jul, "B2", "地市公司", "甲省", "jia"),
        ("乙一市", "yi1", jan, "C1", "地市公司", "乙省", "yi"),
    ]
    con.execute("insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, "
                "strict) values (1, 'r.xlsx', 'x', 1, now()::timestamp, 't', 'active', false)")
    for i, (company, key, day, emp, level, parent, parent_key) in enumerate(rows, 1):
        con.execute("insert into roster (company, company_key, effective_date, employee_id, name, level, parent_company, "
                    "parent_key, department, department_key, department_type, rank, batch_id, source_row) "
                    "values (?, ?, ?, ?, ?, ?, ?, ?, '部', 'bu', '主要部門', '員工', 1, ?)",
                    [company, key, day, emp, emp, level, parent, parent_key, i])
    return con


def test_the_tree_and_the_rollup_from_one_definition():
    con = _store()
    tree = con.execute(load_sql("companies")).df()
    # by hand: the latest snapshot of each company; 甲省 is spelled 甲省 by two of its three July rows
    assert list(tree["company_key"]) == ["hq", "jia", "yi", "jia1", "jia2", "yi1"]
    assert dict(zip(tree["company_key"], tree["company"], strict=True))["jia"] == "甲省"
    assert dict(zip(tree["company_key"], tree["staff_latest"], strict=True)) == \
        {"hq": 1, "jia": 3, "yi": 1, "jia1": 1, "jia2": 2, "yi1": 1}
    assert dict(zip(tree["company_key"], tree["parent_key"], strict=True))["jia2"] == "jia"  # July, not January
    targets = con.execute(load_sql("rollup_targets")).fetchall()
    expected = {("hq", "hq"), ("jia", "jia"), ("jia", "hq"), ("yi", "yi"), ("yi", "hq"),
                ("jia1", "jia1"), ("jia1", "jia"), ("jia1", "hq"),
                ("jia2", "jia2"), ("jia2", "jia"), ("jia2", "hq"), ("yi1", "yi1"), ("yi1", "yi"), ("yi1", "hq")}
    assert set(targets) == expected
    # the Python tree over the same rows rolls up the same way
    py = CompanyTree.coerce(tree)
    assert {(k, root) for root in py.levels for k in py.keys_within(root)} == expected
    latest = con.execute(expand_includes("with l as (\n/*include company_latest*/\n) "
                                         "select company_key, count(*) from l group by 1 order by 1")).fetchall()
    assert latest == [("hq", 1), ("jia", 3), ("jia1", 1), ("jia2", 2), ("yi", 1), ("yi1", 1)]


def test_scope_keys_and_the_selector_order_use_the_tree():
    from analytics.metrics.scope import scope_company_keys

    con = _store()
    assert scope_company_keys(con, "jia") == ["jia", "jia1", "jia2"]
    assert scope_company_keys(con, "yi") == ["yi", "yi1"]
    assert scope_company_keys(con, "jia1") == ["jia1"]
    assert scope_company_keys(con, "hq") == ["hq", "jia", "jia1", "jia2", "yi", "yi1"]
    tree = CompanyTree.coerce(con.execute(load_sql("companies")).df())
    names = {"hq": "總部", "jia": "甲省", "yi": "乙省", "jia1": "甲一市", "jia2": "甲二市", "yi1": "乙一市"}
    # 總部 at depth 0, provinces under it by name (乙 U+4E59 sorts before 甲 U+7532), each followed by its cities
    assert tree.in_display_order(names) == [("hq", 0), ("yi", 1), ("yi1", 2), ("jia", 1), ("jia1", 2), ("jia2", 2)]


def test_the_ui_selector_keeps_what_rolls_up(monkeypatch):
    import ui.data as data

    frame = pd.DataFrame({"company_key": ["hq", "jia", "yi", "jia1", "yi1"],
                          "company": ["總部", "甲省", "乙省", "甲一市", "乙一市"],
                          "level": ["總部", "省公司", "省公司", "地市公司", "地市公司"],
                          "parent_key": [None, None, None, "jia", "yi"]})
    monkeypatch.setattr(data, "companies", lambda: frame)
    assert list(data.company_tree()["label"]) == ["總部", "\u3000乙省", "\u3000\u3000乙一市", "\u3000甲省", "\u3000\u3000甲一市"]
    assert list(data.company_tree("jia")["company_key"]) == ["jia", "jia1"]
    assert list(data.company_tree("jia1")["company_key"]) == ["jia1"]
    assert data.company_tree("nowhere").empty
