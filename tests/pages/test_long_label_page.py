"""Issue #12 finding 7 on the dashboard: 問題跟蹤's Pareto draws with a 20,000-character 問題類別 cut to a label
(the database of tests/briefing/test_long_labels.py)."""

from __future__ import annotations

from analytics.labels import CHART_LABEL
from tests.briefing.test_long_labels import LONG, build_long_db


def test_the_issues_page_draws_the_pareto_with_the_cut_label(use_db, tmp_path):
    import json

    from tests.pages.conftest import open_page

    use_db(build_long_db(tmp_path / "long.duckdb"))
    at = open_page("pages/issues.py")
    assert not at.exception, at.exception
    # the page marks a non-standard category "⚠ " (2 characters): 37 of the category's, then "…" (40 in all)
    expected = "⚠ " + "超長" * 18 + "超" + "…"
    figures = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    pareto = next(f for f in figures if any(expected in (trace.get("x") or []) for trace in f["data"]))
    assert all(len(x) <= CHART_LABEL for trace in pareto["data"] for x in trace.get("x") or [])
    assert not any(LONG in json.dumps(f, ensure_ascii=False) for f in figures)
