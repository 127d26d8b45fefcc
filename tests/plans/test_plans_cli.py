"""``python -m analytics plans`` (issue #14 item 5) on the hand-made store (figures from tests/plans/handmade.py)."""

from __future__ import annotations

import json

from analytics.cli import main
from tests.plans.handmade import build


def test_plans_json_summary(db, capsys):
    build(db)
    assert main(["plans", "--year", "2026", "--as-of", "2026-10-15", "--json", "--db", str(db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {r["company"]: r["status"] for r in out["plan_filed"]} == {
        "總部": "filed", "東省公司": "late", "西省公司": "missing", "乙市分公司": "missing", "甲市分公司": "filed"}
    assert {r["plan_id"]: (r["done"], r["status"]) for r in out["plan_vs_actual"]}["A3"] == (3, "met")
    assert out["individual_plans"] == {"done": 2, "overdue": 3, "upcoming": 6}
    assert out["walks"]["unplanned_walks"] == 6 and out["walks"]["reported_share"] == 0.125
    assert [(r["plan_id"], r["notice_deadline"], r["notice_flag"]) for r in out["upcoming"]] == [
        ("I10", None, None), ("I8", "2026-10-13", "passed"), ("I6", "2026-10-17", "due_soon"),
        ("I7", "2026-10-19", "ok")]


def test_plans_scope_deadline_and_upcoming(db, capsys):
    build(db)
    assert main(["plans", "--year", "2026", "--as-of", "2026-10-15", "--json", "--scope", "乙市分公司",
                 "--deadline", "02-10", "--db", str(db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["company"] for r in out["plan_filed"]] == ["乙市分公司"]  # nobody else's plans
    assert out["individual_plans"] == {"done": 0, "overdue": 0, "upcoming": 1}  # I5 (10-10 + 7 ≥ 10-15)
    assert main(["plans", "upcoming", "--as-of", "2026-10-15", "--days", "5", "--db", str(db), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Planned walks in the 5 days from 2026-10-15: 3" in text  # I10 (10-16), I8 and I6 (10-20)
    assert "notice deadline passed" in text and "I7" not in text


def test_plans_bad_input_is_a_sentence(db, capsys):
    build(db)
    assert main(["plans", "--year", "2026", "--deadline", "2-30", "--db", str(db)]) == 2
    assert "2-30" in capsys.readouterr().err
    assert main(["plans", "--scope", "無此公司", "--db", str(db)]) == 2
