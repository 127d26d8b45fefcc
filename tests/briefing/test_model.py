"""The briefing model: hand-worked figures for the tiny operator (conftest docstring) and one answer with metrics."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.briefing import build_briefing
from analytics.errors import UserFacingError
from analytics.metrics.discipline import compute_discipline
from analytics.metrics.issues import compute_issue_summary, load_overdue_issues
from analytics.metrics.quotas import compute_quota_results
from analytics.metrics.volume import compute_volume
from tests.briefing.conftest import AS_OF, SCOPE


def _table(section, title_part: str):
    return next(t for t in section.tables if title_part in t.title).frame


def test_sections_in_spec_order(briefing):
    assert [s.key for s in briefing.sections] == [
        "headline", "quotas", "pace", "volume", "pareto", "resolution", "owed", "discipline", "quality", "plans"]
    assert briefing.company == "東海省公司" and briefing.period == "2026-10" and briefing.previous_period == "2026-09"


def test_headline_figures_by_hand(briefing):
    frame = briefing.section("headline").tables[0].frame
    current = dict(zip(frame["指標"], frame["本期"], strict=True))
    previous = dict(zip(frame["指標"], frame["上期"], strict=True))
    # October in 東海省公司 + 濱江市分公司: activities A1, P2's reception, C1's row = 3; person-times P1, P3, P2, C1 = 4
    assert current["穿越次數"] == 3 and current["參與人次"] == 4 and current["參與人數"] == 4
    # September: P1 alone
    assert previous["穿越次數"] == 1 and previous["參與人次"] == 1 and previous["參與人數"] == 1
    # Issues raised in October: I1, I2 (I3 is September's). As of 10-31: 3 issues, 1 closed -> 1/3; I1 overdue.
    assert current["提出問題建議數"] == 2 and previous["提出問題建議數"] == 1
    assert current["問題解決率"] == pytest.approx(1 / 3)
    assert current["逾期未解決問題"] == 1
    # As of 09-30 only I3 exists (open, due 12-31): rate 0/1 = 0, nothing overdue.
    assert previous["問題解決率"] == 0.0 and previous["逾期未解決問題"] == 0
    assert list(frame["變化"])[:4] == [2, 3, 3, 1]


def test_headline_equals_volume_function(con, briefing):
    frame = briefing.section("headline").tables[0].frame
    volume = compute_volume(con, 2026, scope=SCOPE, period_kind="month")
    october = volume[volume["period"] == "2026-10"].iloc[0]
    assert list(frame["本期"])[:3] == [october["activities"], october["person_times"],
                                      october["distinct_participants"]]


def test_summary_sentences_are_built_from_the_numbers(briefing, briefing_q4):
    assert briefing.summary[0] == "本月共開展穿越 3 次，參與 4 人次（4 人），穿越次數較上期增加 2。"
    assert "本月提出問題建議 2 條" in briefing.summary[1] and "33.3%" in briefing.summary[1]
    # October's results are its two reception-day results (see test_month_briefing_counts_only_month_results):
    # PROV-RECEPT-M met, CITY-RECEPT-M missed; no department rule is inside a month, so no department sentence.
    assert "配額評估 2 項中達標 1 項、進行中 0 項、未達標 1 項。" in briefing.summary
    assert not any("個部門的參與比例未達" in s for s in briefing.summary)
    # 2026Q4 (conftest briefing_q4): 8 results, 2 met, 5 in progress, 1 missed; CITY-DEPT-Q 濱江市分公司·客戶服務部
    # is 1 of 3 < 50 % (in progress) -> one department below 50 %
    assert "配額評估 8 項中達標 2 項、進行中 5 項、未達標 1 項。" in briefing_q4.summary
    assert "1 個部門的參與比例未達 50%。" in briefing_q4.summary


def _inside(results, start: dt.date, end: dt.date):
    """The results whose own period lies inside [start, end], selected here without the product's helper."""
    starts = results["period_start"].astype("datetime64[ns]").dt.date
    ends = results["period_end"].astype("datetime64[ns]").dt.date
    return results[(starts >= start) & (ends <= end)]


def test_month_briefing_counts_only_month_results(con, briefing):
    """SPEC 4.5 / docs/metrics.md §6a: the results of 2026-10 are those whose period lies inside October, as on the
    overview: PROV-RECEPT-M 2026-10 (P2's 4 h reception day on 10-12 -> met) and CITY-RECEPT-M 2026-10 (C1 has
    none; October is over on 11-25 -> missed). The quarter's and year's results are not the month's: no pace
    and nobody owes (reception days are count rules)."""
    detail = _table(briefing.section("quotas"), "明細")
    assert sorted(zip(detail["規則"], detail["期間"], detail["狀態"], strict=True)) == [
        ("地市每月接待日", "2026-10", "未達標"), ("省公司每月接待日", "2026-10", "達標")]
    results = compute_quota_results(con, 2026, as_of=AS_OF, scope=SCOPE)
    assert len(_inside(results, dt.date(2026, 10, 1), dt.date(2026, 10, 31))) == 2
    assert [c.kind for c in briefing.section("quotas").charts] == ["heatmap"]  # months only
    assert briefing.section("pace").empty_message and briefing.section("owed").empty_message


def test_quota_results_equal_the_metric(con, briefing_q4):
    results = compute_quota_results(con, 2026, as_of=AS_OF, scope=SCOPE)
    inside = _inside(results, dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    detail = _table(briefing_q4.section("quotas"), "明細")
    assert len(detail) == len(inside) == 8  # conftest briefing_q4: 2 quarter results + 2 rules x 3 months
    by_key = {(r, p): (pop, part) for r, p, pop, part in zip(detail["規則"], detail["期間"], detail["應參與人數"],
                                                              detail["已參與人數"], strict=True)}
    from analytics.i18n import t

    for rec in inside.to_dict("records"):  # rows are labelled by the rule's short name (issue #16.4)
        assert by_key[(t(f"rule.short.{rec['rule']}", "zh-Hant"), rec["period"])] == (rec["population"], rec["participants"])
    # By hand (conftest briefing_q4): CITY-RECEPT-M October missed; CITY-DEPT-Q 2026Q4 1 of 3 in progress;
    # CITY-MGR-Q and PROV-RECEPT-M October met; November and December in progress.
    status = {(r, p): st for r, p, st in zip(detail["規則"], detail["期間"], detail["狀態"], strict=True)}
    assert status == {
        ("地市經理每季一次", "2026Q4"): "達標", ("地市部門每季 ≥50%", "2026Q4"): "進行中",
        ("省公司每月接待日", "2026-10"): "達標", ("省公司每月接待日", "2026-11"): "進行中",
        ("省公司每月接待日", "2026-12"): "進行中", ("地市每月接待日", "2026-10"): "未達標",
        ("地市每月接待日", "2026-11"): "進行中", ("地市每月接待日", "2026-12"): "進行中"}
    assert not any(r.startswith("省公司領導") or "PROV-LEAD" in r for r in detail["規則"])  # year rules: not inside
    assert [c.kind for c in briefing_q4.section("quotas").charts] == ["heatmap"] * 2  # quarter, month


def test_pace_by_hand(briefing_q4):
    frame = briefing_q4.section("pace").tables[0].frame
    # at risk first: the November reception days (5 days left after 11-25 < 7), then December (not started),
    # then CITY-DEPT-Q on track
    assert list(zip(frame["規則"], frame["期間"], frame["進度判斷"], strict=True))[:2] == [
        ("省公司每月接待日", "2026-11", "有風險"), ("地市每月接待日", "2026-11", "有風險")]
    assert sorted(zip(frame["期間"], frame["進度判斷"], strict=True))[2:] == [
        ("2026-12", "未開始"), ("2026-12", "未開始"), ("2026Q4", "進度正常")]
    pace = frame[frame["規則"] == "地市部門每季 ≥50%"].iloc[0]
    # Q4 = 92 days, 56 elapsed by 11-25: projected 1 x 92 / 56 = 1.642857; needed ceil(0.5 x 3) - 1 = 1;
    # 36 days left -> 6 weeks -> 1 a week; on track because 1 x 92 x 100 = 9200 >= 50 x 3 x 56 = 8400.
    assert pace["預計期末參與人數"] == pytest.approx(92 / 56)
    assert (pace["尚需人數"], pace["剩餘週數"], pace["每週需新增"]) == (1, 6, 1)
    assert pace["進度判斷"] == "進度正常"


def test_owed_people_by_hand(briefing_q4):
    names = briefing_q4.section("owed").tables[1].frame
    # 濱江市分公司·客戶服務部 is behind on CITY-DEPT-Q: C2 and C3 have not gone. P4 (東海省公司·市場部) is under
    # PROV-DEPT-Y, a year rule: not a result of the quarter, so it is not listed here.
    assert list(names["工號"]) == ["C2", "C3"]


def test_issue_sections_equal_the_metric(con, briefing):
    summary = compute_issue_summary(con, AS_OF, scope=SCOPE)
    figures = briefing.section("resolution").tables[0].frame.iloc[0]
    assert (figures["問題總數"], figures["已結案"], figures["未結案"], figures["逾期"]) == (
        summary["total"], summary["closed"], summary["open"], summary["overdue"]) == (3, 1, 2, 1)
    overdue = briefing.section("resolution").tables[1].frame
    assert list(overdue["問題編號"]) == list(load_overdue_issues(con, AS_OF, scope=SCOPE)["issue_id"]) == ["I1"]
    # days overdue: 2026-11-25 - 2026-10-20 = 36
    assert list(overdue["逾期天數"]) == [36]
    pareto = briefing.section("pareto").tables[0].frame
    assert [[c, n] for c, n in zip(pareto["問題類別"], pareto["問題數"], strict=True)] == summary["pareto_category"]
    assert list(pareto["2026-10 新增"]) == [2, 0]  # I1, I2 are 服務規範 raised in October; I3 in September


def test_discipline_by_hand_and_from_the_metric(con, briefing):
    frame = briefing.section("discipline").tables[0].frame
    rates = dict(zip(frame["規範"], zip(frame["適用筆數"], frame["符合筆數"], strict=True), strict=True))
    # October rows in scope: P1, P3 (A1), P2, C1. NOTICE applies to P2 only (notified 2 days before: fails);
    # SUMMARY-7D: P1 (2 days) passes, P3 (15 days) fails; COPY-SENT: P1; ISSUE-MIN1: P1 (raised I1), P2 (2 raised).
    assert rates == {"提前告知": (1, 0), "7 天內交總結": (4, 1), "記錄交被穿越單位": (4, 1),
                     "至少一條問題建議": (4, 2)}  # the checks' names as on the 流程規範 page (one key each)
    metric = compute_discipline(con, 2026, scope=SCOPE, period_kind="month")
    october = metric[metric["period"] == "2026-10"].groupby("check")[["applicable", "passing"]].sum()
    assert october.loc["SUMMARY-7D"].tolist() == [4, 1]


def test_scope_none_includes_hq(con):
    b = build_briefing(con, "2026-10", as_of=AS_OF, lang="en", generated_on=AS_OF)
    frame = b.section("headline").tables[0].frame
    # H2's special walkthrough joins: 4 activities, 5 person-times
    assert list(frame["This period"])[:2] == [4, 5]
    assert b.company == "All companies"
    assert b.summary[0].startswith("In October 2026 there were 4 walkthroughs")


def test_simplified_scope_spelling_and_language(con):
    b = build_briefing(con, "2026Q4", scope="东海省公司", as_of=AS_OF, lang="zh-Hans")
    assert b.company == "東海省公司"  # the roster's own spelling
    assert b.section("headline").title == "一、主要指标"


@pytest.mark.parametrize(("period", "scope"), [("2026-13", None), ("2026", "不存在公司")])
def test_unknown_period_or_scope_is_a_sentence(con, period, scope):
    with pytest.raises(UserFacingError):
        build_briefing(con, period, scope=scope, as_of=AS_OF)


def test_empty_period_has_no_traceback(con):
    b = build_briefing(con, "2025-03", scope=SCOPE, as_of=AS_OF)
    assert b.summary[0] == "本月沒有穿越記錄。"
    assert b.section("volume").empty_message


def test_first_month_with_data_shows_no_change(con):
    """2026-09 is the first month with data (P1's 09-10 walkthrough, I3 raised 09-15): 2026-08 has nothing to
    compare with, so the change is empty ("—") with a note, as on the overview, instead of "+1" for every figure."""
    b = build_briefing(con, "2026-09", scope=SCOPE, as_of=AS_OF)
    headline = b.section("headline")
    frame = headline.tables[0].frame
    # September in 東海省公司 scope: P1's one walkthrough (1 activity, 1 person-time, 1 person); I3 raised
    assert list(frame["本期"])[:4] == [1, 1, 1, 1]
    assert frame["上期"].isna().all() and frame["變化"].isna().all()
    assert headline.sentences == ["上一期間（2026 年 8 月）沒有資料，不顯示變化。"]
    assert [name for name, _ in headline.charts[0].series] == ["2026-09"]  # no empty "previous" bars
    assert b.summary[0] == "本月共開展穿越 1 次，參與 1 人次（1 人），穿越次數無從與上期比較（上一期間沒有資料）。"


def test_a_previous_period_with_data_is_still_compared(con):
    """2026Q4 against 2026Q3 (September has data): the change is shown. Q4 in scope: 3 activities (October's A1,
    P2's reception, C1); Q3: P1's September row = 1 -> change +2."""
    b = build_briefing(con, "2026Q4", scope=SCOPE, as_of=AS_OF)
    frame = b.section("headline").tables[0].frame
    assert list(frame["變化"])[0] == 2 and b.section("headline").sentences == []


def test_english_overdue_list_names_the_category_in_english(con):
    """The overdue list of the English briefing names the issue category as the English pages do (#16 item 9):
    the tiny operator's one overdue issue as of 11-25 is I1 (服務規範, due 10-20, 待處理) -> Service standards."""
    b = build_briefing(con, "2026-10", as_of=AS_OF, lang="en", generated_on=AS_OF)
    table = next(t for s in b.sections for t in s.tables if t.title == "Overdue issues by owner")
    assert table.frame["Issue category"].tolist() == ["Service standards"]
    assert table.frame["Issue ID"].tolist() == ["I1"]
