"""One headline (issue #11 items 3 and 4): the CLI's `headline --json`, the overview (AppTest), the 配額達標 page's
tiles (AppTest) and the briefing (its model and the .xlsx and .docx read back; its quota and pace sections) give the
same figures for several periods of the demo, all from analytics.metrics.headline.compute_headline and its one
result selection (results_of_period).

Quota results follow one selection rule (docs/metrics.md): the period and the shorter periods inside it. The counts
are checked against a plain selection of compute_quota_results' rows here, and 2026 as of 11-25 against the issue's
independent recomputation: 7 results really on track (the old overview showed 20, adding not started and in
progress), confirmed here by a SQL query written from docs/metrics.md §2-3 without the product's code (ON_TRACK_SQL).
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
from analytics.store.connection import connect
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


# The share results in progress and on track in 2026 as of 2026-11-25, from the raw roster and walks (docs/metrics.md
# §2 and §3, written without analytics.metrics): the periods still running on 11-25 are the year (365 days, 329
# elapsed) and Q4 (92 days, 56 elapsed); the count rules are not on track then (November: 5 days left < 7;
# December: not started). Snapshot: the latest 生效日期 on or before 12-31, else the earliest; a department's type
# is its rows' most common type; participated = any walk from the period's first day up to 11-25.
ON_TRACK_SQL = """
with snap as (
  select company_key, coalesce(max(effective_date) filter (where effective_date <= date '2026-12-31'),
                               min(effective_date)) as eff
  from roster group by company_key),
people as (select r.* from roster r join snap s on r.company_key = s.company_key and r.effective_date = s.eff),
dtype as (select company_key, department_key, mode(department_type) as dept_type from people group by 1, 2),
rules(rule, level, per_dept, ranks, dept_types, target, p_start, p_end) as (values
  ('HQ-MGR-Y', '總部', true, ['公司領導', '部門領導', '三級經理'], null, 30, date '2026-01-01', date '2026-12-31'),
  ('HQ-STAFF-Y', '總部', true, ['員工'], null, 10, date '2026-01-01', date '2026-12-31'),
  ('PROV-LEAD-Y', '省公司', false, ['公司領導', '部門領導'], null, 100, date '2026-01-01', date '2026-12-31'),
  ('PROV-DEPT-Y', '省公司', true, null, ['主要業務部門', '支撐部門'], 50, date '2026-01-01', date '2026-12-31'),
  ('CITY-MGR-Q', '地市公司', false, ['公司領導', '部門領導'], null, 100, date '2026-10-01', date '2026-12-31'),
  ('CITY-DEPT-Q', '地市公司', true, null, ['主要業務部門', '支撐部門'], 50, date '2026-10-01', date '2026-12-31')),
members as (
  select ru.*, p.company_key, case when ru.per_dept then p.department_key end as unit_dept, p.employee_id
  from rules ru join people p on p.level = ru.level
  join dtype d on d.company_key = p.company_key and d.department_key = p.department_key
  where (ru.ranks is null or list_contains(ru.ranks, p.rank))
    and (ru.dept_types is null or list_contains(ru.dept_types, d.dept_type))),
units as (
  select rule, company_key, unit_dept, target, p_start, p_end, count(*) as population,
         count(*) filter (where exists (select 1 from walkthroughs w where w.employee_id = members.employee_id
                          and w.date between p_start and date '2026-11-25')) as participants
  from members group by all)
select count(*) from units
where participants * 100 < target * population
  and participants * (p_end - p_start + 1) * 100 >= target * population * (date '2026-11-25' - p_start + 1)
"""
BRIEF_STATUS = {"達標": "met", "未達標": "missed", "不適用": "n/a"}
BRIEF_PACE = {"進度正常": "on_track", "有風險": "at_risk", "未開始": "not_started"}  # one status.* key per verdict (#13 item 5)
COMPLIANCE_TILES = {"達標": "met", "進度正常": "on_track", "有風險": "at_risk", "未開始": "not_started",
                    "未達標": "missed", "不適用": "n/a"}


def _briefing_quota_counts(briefing) -> dict[str, int]:
    """The briefing's quota counts read from its own tables: statuses from the quota detail, paces from the pace
    section (the in-progress results)."""
    counts = dict.fromkeys(("met", "missed", "on_track", "at_risk", "not_started", "n/a"), 0)
    quotas = briefing.section("quotas")
    if quotas.tables:
        detail = next(t for t in quotas.tables if "明細" in t.title).frame
        for label in detail["狀態"]:
            if label in BRIEF_STATUS:
                counts[BRIEF_STATUS[label]] += 1
    pace = briefing.section("pace")
    if pace.tables:
        for label in pace.tables[0].frame["進度判斷"]:
            counts[BRIEF_PACE[label]] += 1
    return counts


def _fmt_int(n) -> str:
    return f"{int(n):,}"


@pytest.mark.parametrize(("period", "kind", "as_of"), CASES)
def test_cli_overview_and_briefing_give_one_headline(demo, con, capsys, monkeypatch, period, kind, as_of):
    cli = _cli(demo, period, as_of, capsys)
    assert cli["quota"] == _plain_quota_counts(con, period, as_of)
    assert cli["quota_results"] == sum(cli["quota"].values())

    briefing = build_briefing(con, period, as_of=as_of)
    assert _briefing_quota_counts(briefing) == cli["quota"], period  # the quota and pace sections: one selection
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
    # each quota card is "count / results that could be evaluated" (issue #16 item 4; n/a left out)
    evaluated = sum(q[k] for k in ("met", "at_risk", "missed", "on_track", "not_started"))
    assert (shown["配額達標"], shown["進行中有風險"], shown["未達標"], shown["進行中進度正常"], shown["未開始"]) == tuple(
        f"{_fmt_int(q[k])} / {_fmt_int(evaluated)}" for k in ("met", "at_risk", "missed", "on_track", "not_started"))
    if cli["state"] == "future":  # item 4: said in words on the page and in the briefing, no borrowed figure
        assert any("還沒開始" in str(i.value) for i in at.info)
        assert any("還沒開始" in s for s in briefing.summary)
        assert cli["issues_raised"] == cli["activities"] == cli["issues_total"] == 0
        assert cli["resolution_rate"] is None
        # no change against another period; the quota cards' grey share of the results is not a change
        assert all(m.delta in ("", None) or str(m.delta).startswith("佔") for m in at.metric)

    # the 配額達標 page, company × rule view (every rule of the period): its tiles are the same counts by name
    page = open_page("pages/compliance.py", period=period, kind=kind, as_of=as_of.isoformat(), view="company")
    assert not page.exception
    tiles = {m.label: m.value for m in page.metric}
    counted = {label: value.split(" / ")[0] for label, value in tiles.items()}
    assert counted == {label: _fmt_int(q[key]) for label, key in COMPLIANCE_TILES.items()}, period
    # out of the results that could be evaluated; 不適用 out of all results of the period
    assert {v.split(" / ")[1] for k, v in tiles.items() if k != "不適用"} == {_fmt_int(evaluated)}, period


def test_known_figures(demo, capsys):
    q3 = _cli(demo, "2026Q3", dt.date(2026, 9, 30), capsys)
    # 2026Q3 as of 09-30: the quarter's and its three months' results (the issue counted 99 on the overview);
    # issues as of 09-30: 2999 raised by then, 1882 closed (tests/demo/test_issue_as_of.py recomputes them)
    assert q3["quota_results"] == 99
    assert (q3["issues_total"], q3["issues_closed"]) == (2999, 1882)
    year = _cli(demo, "2026", dt.date(2026, 11, 25), capsys)
    assert year["quota"]["on_track"] == 7  # the recomputation: 7 really on track, not 20
    with connect(demo.db_path, read_only=True) as con:
        assert con.execute(ON_TRACK_SQL).fetchone()[0] == 7  # and this file's own SQL from the raw rows
    assert year["quota"]["on_track"] + year["quota"]["not_started"] == 20  # what the old tile showed
    # 2026-08 as of 08-15: the month's 13 reception-day results, none at risk (the overlapping selection had 111
    # results of which 19 at risk: the August briefing and the overview disagreed)
    august = _cli(demo, "2026-08", dt.date(2026, 8, 15), capsys)
    assert august["quota_results"] == 13 and august["quota"]["at_risk"] == 0
    assert year["quota_results"] == 434
    future = _cli(demo, "2026Q4", dt.date(2026, 9, 30), capsys)
    assert future["state"] == "future"
    assert future["quota"]["met"] == future["quota"]["missed"] == 0
