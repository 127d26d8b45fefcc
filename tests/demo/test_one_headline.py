"""One headline (issue #11 items 3 and 4): the CLI's `headline --json`, the overview (AppTest) and the briefing
(its model and the .xlsx and .docx read back) give the same figures for several periods of the demo, all from
analytics.metrics.headline.compute_headline.

Quota results follow one selection rule (docs/metrics.md): the period and the shorter periods inside it. The counts
are checked against a plain selection of compute_quota_results' rows here, and 2026 as of 11-25 against the issue's
independent recomputation: 7 results really on track (the old overview showed 20, adding not started and in
progress).
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook

from analytics.briefing import build_briefing, render
from analytics.cli import main
from analytics.metrics.pace import compute_pace
from analytics.metrics.quotas import compute_quota_results
from tests.pages.conftest import _fresh_caches, _local_single_user, _router_mode, open_page  # noqa: F401

CASES = [("2026Q3", "quarter", dt.date(2026, 9, 30)), ("2026-08", "month", dt.date(2026, 8, 15)),
         ("2026", "year", dt.date(2026, 11, 25)), ("2026Q4", "quarter", dt.date(2026, 9, 30))]
FIGURES = ("activities", "person_times", "participants", "issues_raised", "resolution_rate", "overdue")
BRIEF_ROWS = ("穿越次數", "參與人次", "參與人數", "提出問題建議數", "問題解決率", "逾期未解決問題")
PAGE_LABELS = ("穿越活動", "參與人次", "參與人數", "提出問題建議", "問題解決率", "逾期未解決")


def _cli(demo, period, as_of, capsys) -> dict:
    assert main(["headline", "--period", period, "--as-of", as_of.isoformat(), "--json", "--db",
                 str(demo.db_path)]) == 0
    return json.loads(capsys.readouterr().out)


def _plain_quota_counts(con, period_code, as_of) -> dict[str, int]:
    """Results whose period starts and ends inside the chosen period, counted by status and pace."""
    from analytics.metrics.periods import parse_period

    p = parse_period(period_code)
    r = compute_pace(compute_quota_results(con, p.start.year, as_of=as_of), as_of=as_of)
    starts = r["period_start"].map(lambda v: v if isinstance(v, dt.date) and not hasattr(v, "hour") else v.date())
    ends = r["period_end"].map(lambda v: v if isinstance(v, dt.date) and not hasattr(v, "hour") else v.date())
    sel = r[(starts >= p.start) & (ends <= p.end)]
    st, pace = sel["status"], sel["pace"]
    return {"met": int((st == "met").sum()), "missed": int((st == "missed").sum()),
            "on_track": int(((st == "in_progress") & (pace == "on_track")).sum()),
            "at_risk": int(((st == "in_progress") & (pace == "at_risk")).sum()),
            "not_started": int(((st == "in_progress") & (pace == "not_started")).sum()),
            "n/a": int((st == "n/a").sum())}


def _fmt_int(n) -> str:
    return f"{int(n):,}"


@pytest.mark.parametrize(("period", "kind", "as_of"), CASES)
def test_cli_overview_and_briefing_give_one_headline(demo, con, capsys, monkeypatch, period, kind, as_of):
    cli = _cli(demo, period, as_of, capsys)
    assert cli["quota"] == _plain_quota_counts(con, period, as_of)
    assert cli["quota_results"] == sum(cli["quota"].values())

    briefing = build_briefing(con, period, as_of=as_of)
    frame = briefing.section("headline").tables[0].frame
    model = dict(zip(frame.iloc[:, 0], frame.iloc[:, 1], strict=True))
    for f, row in zip(FIGURES, BRIEF_ROWS, strict=True):
        want = cli[f]
        got = model[row]
        assert (got is None or got != got) if want is None else got == pytest.approx(want), (period, f)

    book = load_workbook(io.BytesIO(render(briefing, "xlsx")), data_only=True)
    rows = [[c.value for c in r] for r in book["主要指標"].iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[:2] == ["指標", "本期"])
    xlsx = {r[0]: r[1] for r in rows[header + 1:header + 7]}
    doc = Document(io.BytesIO(render(briefing, "docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "指標")
    docx = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    for f, row in zip(FIGURES, BRIEF_ROWS, strict=True):
        if f == "resolution_rate":
            continue
        assert xlsx[row] == cli[f], (period, f)
        assert docx[row].replace(",", "") == str(cli[f]), (period, f)

    monkeypatch.setenv("WALKTHROUGH_DB", str(demo.db_path))
    at = open_page(period=period, kind=kind, as_of=as_of.isoformat())
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    for f, label in zip(FIGURES, PAGE_LABELS, strict=True):
        if f == "resolution_rate":
            assert shown[label] == ("—" if cli[f] is None else f"{cli[f] * 100:.1f}%")
        else:
            assert shown[label] == _fmt_int(cli[f]), (period, f)
    q = cli["quota"]
    assert (shown["配額達標"], shown["進行中有風險"], shown["未達標"], shown["進行中進度正常"], shown["未開始"]) == tuple(
        _fmt_int(q[k]) for k in ("met", "at_risk", "missed", "on_track", "not_started"))
    if cli["state"] == "future":  # item 4: said in words on the page and in the briefing, no borrowed figure
        assert any("還沒開始" in str(i.value) for i in at.info)
        assert any("還沒開始" in s for s in briefing.summary)
        assert cli["issues_raised"] == cli["activities"] == cli["issues_total"] == 0
        assert cli["resolution_rate"] is None
        assert all(m.delta in ("", None) for m in at.metric)


def test_known_figures(demo, capsys):
    q3 = _cli(demo, "2026Q3", dt.date(2026, 9, 30), capsys)
    # 2026Q3 as of 09-30: the quarter's and its three months' results (the issue counted 99 on the overview);
    # issues as of 09-30: 2999 raised by then, 1882 closed (tests/demo/test_issue_as_of.py recomputes them)
    assert q3["quota_results"] == 99
    assert (q3["issues_total"], q3["issues_closed"]) == (2999, 1882)
    year = _cli(demo, "2026", dt.date(2026, 11, 25), capsys)
    assert year["quota"]["on_track"] == 7  # the recomputation: 7 really on track, not 20
    assert year["quota_results"] == 434
    future = _cli(demo, "2026Q4", dt.date(2026, 9, 30), capsys)
    assert future["state"] == "future"
    assert future["quota"]["met"] == future["quota"]["missed"] == 0
