"""Upward report (SPEC 9.4): the data sheet against the same analytics called independently, submission rights,
and the ranking of provinces (hand-made case in tests/remind/provinces.py)."""

from __future__ import annotations

import datetime as dt
import io
import math

import docx
import openpyxl
import pandas as pd
import pytest

from analytics.auth.model import User
from analytics.cli import main
from analytics.metrics.issues import compute_issue_summary
from analytics.metrics.quotas import compute_quota_results
from analytics.metrics.volume import compute_volume_summary
from analytics.report.datasheet import SHEETS, read_datasheet_figures
from analytics.report.ranking import compute_province_ranking, rank_provinces
from analytics.report.submit import ReportDenied, build_upward_report, submit_report
from analytics.store.connection import connect
from analytics.textnorm import match_key
from tests.remind.provinces import AS_OF, build_provinces

JIA, YI = match_key("甲省公司"), match_key("乙省公司")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_provinces(tmp_path_factory.mktemp("report") / "walkthrough.duckdb")


@pytest.fixture(scope="module")
def report(store):
    return build_upward_report(store, "甲省公司", "2026Q3", as_of=AS_OF)


def test_data_sheet_equals_the_compliance_and_issue_figures_of_the_same_scope_and_date(store, report):
    sheet = read_datasheet_figures(report.datasheet_xlsx)
    assert sheet["company"].tolist() == ["甲省公司", "甲一市分公司", "甲二市分公司"]  # province first, then cities
    with connect(store, read_only=True) as con:
        for row in sheet.itertuples(index=False):
            key = match_key(row.company)
            results = compute_quota_results(con, 2026, as_of=AS_OF, scope=key)
            # the results inside Q3 (the one rule, docs/metrics.md §6a): not the year's
            q3 = results[results["period"].isin(["2026Q3", "2026-07", "2026-08", "2026-09"])
                         & (results["status"] != "n/a")]
            assert (row.quota_results, row.quota_met) == (len(q3), int(q3["met"].sum()))
            issues = compute_issue_summary(con, AS_OF, scope=key)
            assert (row.issues_total, row.issues_closed, row.issues_overdue) == (
                issues["total"], issues["closed"], issues["overdue"])
            volume = compute_volume_summary(con, 2026, scope=key)["all"]["by_quarter"].get("2026Q3", {})
            assert row.activities == volume.get("activities", 0)
    # and the hand-worked figures of the province row
    first = sheet.iloc[0]
    assert (first.quota_results, first.quota_met) == (11, 2) and first.quota_share_met == pytest.approx(2 / 11)
    assert (first.activities, first.staff, first.activities_per_100_staff) == (3, 3, 100)
    assert (first.issues_total, first.issues_overdue, first.resolution_rate) == (1, 1, 0)
    assert list(sheet.iloc[2][["quota_results", "quota_met", "activities"]]) == [4, 0, 0]
    book = openpyxl.load_workbook(io.BytesIO(report.datasheet_xlsx))
    assert book.sheetnames == list(SHEETS)
    assert len(docx.Document(io.BytesIO(report.briefing_docx)).tables) > 0  # the province-scope briefing


def test_figures_as_of_a_date_inside_the_period_count_only_what_happened_by_then(store):
    """SPEC 4.5: 2026Q3 as of 07-31 in 甲省公司's scope counts a0's 07-10 and a1's 07-15 walks (2 activities, 2
    person-times), not a0's 08-05 reception day. Quota results inside Q3: 甲省公司 RECEPT 07 missed (no reception
    day in July), 08 and 09 in progress -> 0 met of 3; 甲一市分公司 MGR-Q met by a1's 07-15 walk, RECEPT 07 missed,
    08 and 09 in progress -> 1 of 4; 甲二市分公司 0 of 4: scope 1 of 11."""
    from analytics.report.figures import compute_scope_figures

    with connect(store, read_only=True) as con:
        row = compute_scope_figures(con, "2026Q3", [JIA], as_of=dt.date(2026, 7, 31)).iloc[0]
    assert (row.activities, row.person_times, row.participants) == (2, 2, 2)
    assert (row.quota_results, row.quota_met) == (11, 1)


def test_only_the_provinces_lead_or_an_admin_may_submit(store, report):
    other_lead = User("yi_lead", "乙牽頭", "lead", "乙省公司")
    viewer = User("jia_viewer", "甲主管", "viewer", "甲省公司")
    city_lead = User("jia1_lead", "甲一牽頭", "lead", "甲一市分公司")
    for user in (other_lead, viewer, city_lead):
        with pytest.raises(ReportDenied):
            submit_report(store, report, user=user, actor=user.username)
    with connect(store, read_only=True) as con:
        assert con.execute("select count(*) from report_submissions").fetchone()[0] == 0


def test_ranking_order_changes_and_who_may_see_it(store, tmp_path):
    # 甲 submits through the command line (admin rights), 乙 through its lead
    out = tmp_path / "out"
    assert main(["report", "--province", "甲省公司", "--period", "2026Q3", "--as-of", AS_OF.isoformat(),
                 "--out", str(out), "--submit", "--db", str(store), "--user", "jia_lead"]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".xlsx"]
    yi = build_upward_report(store, "乙省公司", "2026Q3", as_of=AS_OF)
    submit_report(store, yi, user=User("yi_lead", "乙牽頭", "lead", "乙省公司"), actor="yi_lead")
    with connect(store, read_only=True) as con:
        with pytest.raises(ReportDenied):
            compute_province_ranking(con, "2026Q3", user=User("jia_lead", "甲牽頭", "lead", "甲省公司"), as_of=AS_OF)
        ranking = compute_province_ranking(con, "2026Q3", user=User("hq", "總部主管", "viewer", "總部"), as_of=AS_OF)
        batch = con.execute("select max(batch_id) from batches where status = 'active'").fetchone()[0]
        # the previous period's ranking as of its own end (2026-06-30): the change is against these figures
        q2 = compute_province_ranking(con, "2026Q2", user=None, as_of=dt.date(2026, 6, 30)).set_index("company")
    assert ranking["company"].tolist() == ["乙省公司", "甲省公司"]
    assert ranking["rank"].tolist() == [1, 2]
    assert ranking["quota_share_met"].tolist() == pytest.approx([3 / 7, 2 / 11])
    # nobody had gone by 06-30 (0.0 once as-of figures count only rows up to the date, SPEC 4.5)
    assert q2["quota_share_met"].tolist() == [0.0, 0.0]
    assert ranking["quota_share_met_change"].tolist() == pytest.approx(
        [3 / 7 - q2.at["乙省公司", "quota_share_met"], 2 / 11 - q2.at["甲省公司", "quota_share_met"]])
    assert ranking["activities_per_100_staff_change"].tolist() == [150.0, 100.0]  # no activity in Q2
    assert ranking["resolution_rate"].tolist() == [1.0, 0.0]
    assert ranking["issues_overdue"].tolist() == [0, 1]
    assert ranking["activities_per_100_staff"].tolist() == [150.0, 100.0]
    assert all(v is None or math.isnan(v) for v in ranking["resolution_rate_change"])  # no issue in Q2
    assert ranking["submitted"].tolist() == [True, True]
    assert ranking["submitted_by"].tolist() == ["yi_lead", "jia_lead"]
    assert ranking["batch_id"].tolist() == [batch, batch]


def test_rank_rule_on_a_handmade_frame():
    # P2 and P4 tie on share and resolution; P2 has fewer overdue. P1 has a lower resolution rate. P3 has no
    # quota result (missing share): last whatever else. → P2, P4, P1, P3
    frame = pd.DataFrame({
        "company": ["P1", "P2", "P3", "P4"],
        "quota_share_met": [0.5, 0.5, None, 0.5],
        "resolution_rate": [0.8, 0.9, 1.0, 0.9],
        "issues_overdue": [0, 1, 0, 2],
        "activities_per_100_staff": [10.0, 1.0, 99.0, 50.0],
    })
    assert rank_provinces(frame)["company"].tolist() == ["P2", "P4", "P1", "P3"]


def test_data_sheet_text_never_becomes_a_formula():
    import datetime as dt

    from analytics.report.datasheet import build_datasheet
    from analytics.report.figures import FIGURE_COLUMNS

    figures = pd.DataFrame([{c: None for c in FIGURE_COLUMNS} | {"company": '=HYPERLINK("http://x","y")',
                                                                  "level": "省公司", "quota_results": 0}])
    content = build_datasheet(figures, pd.DataFrame(), province="=1+1", period="2026Q3", as_of=dt.date(2026, 9, 30),
                              batch_id=None)
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book["各單位指標"]["A3"].value == "'=HYPERLINK(\"http://x\",\"y\")"
    assert book["上報資訊"]["B1"].value == "'=1+1"
