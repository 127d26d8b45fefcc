"""SPEC 4.4 issues and resolution as of a date, hand-computed."""

import datetime as dt

import pandas as pd

from analytics.metrics.issues import compute_issue_summary, compute_open_trend, load_overdue_issues

AS_OF = dt.date(2026, 6, 30)


def fill(store):
    store.staff("R1", "廣州市分公司", level="地市公司", parent="廣東省公司")
    store.staff("R2", "廣東省公司")
    # open issues and their age on 06-30: 0, 30, 31, 60, 61, 90, 91 days
    opened = [("I1", "2026-06-30", "待處理", "服務規範", "广州市分公司", None),
              ("I2", "2026-05-31", "待處理", "奇怪類別", "廣州市分公司", None),
              ("I3", "2026-05-30", "待處理", "業務流程", "不知名單位", "2026-06-29"),  # overdue (06-29 < 06-30)
              ("I4", "2026-05-01", "處理中", "業務流程", None, "2026-06-30"),  # due on the as-of date: not overdue
              ("I5", "2026-04-30", "處理中", "奇怪類別", None, None),
              ("I6", "2026-04-01", "處理中", "服務規範", None, "2026-05-01"),  # overdue
              ("I7", "2026-03-31", "處理中", "服務規範", None, None)]
    for issue_id, raised, status, category, owner, due in opened:
        store.issue(issue_id, raised, status=status, category=category, standard=category != "奇怪類別",
                    owner_company=owner, due_on=due)
    # ten closed issues raised 01-01, closed after 2, 4, ..., 20 days
    for i in range(10):
        store.issue(f"C{i}", "2026-01-01", status="已解決", category="業務流程", due_on="2026-01-02",
                    resolved_on=(dt.date(2026, 1, 1) + dt.timedelta(days=2 * (i + 1))).isoformat(),
                    raised_by="R1" if i == 0 else None)
    store.issue("CX", "2026-02-01", status="已關閉", category="其他", raised_by="R2")  # closed, no 解決日期
    store.issue("I8", "2026-07-01", category="服務規範")  # raised after the as-of date: not considered


def test_summary_figures(store):
    fill(store)
    s = compute_issue_summary(store.con, AS_OF)
    # 7 open + 10 resolved + 1 closed = 18; closed 11; rate 11/18
    assert (s["total"], s["closed"], s["open"], s["overdue"]) == (18, 11, 7, 2)
    assert s["resolution_rate"] == 11 / 18
    assert s["by_status"] == {"已解決": 10, "處理中": 4, "待處理": 3, "已關閉": 1}
    assert s["by_kind"] == {"問題": 18}
    # days to close 2..20 (10 values): median (10 + 12) / 2 = 11; p90 nearest rank = ceil(0.9 x 10) = 9th = 18
    assert s["days_to_close"] == {"n": 10, "median": 11.0, "p90": 18.0}
    assert s["open_ageing"] == {"0-30": 2, "31-60": 2, "61-90": 2, ">90": 1}
    # 業務流程 2 + 10 = 12; 服務規範 3; 奇怪類別 2; 其他 1
    assert s["pareto_category"] == [["業務流程", 12], ["服務規範", 3], ["奇怪類別", 2], ["其他", 1]]
    assert s["nonstandard_categories"] == ["奇怪類別"]
    # 广州市分公司 (Simplified) and 廣州市分公司 are one owner, shown as the roster writes it
    assert s["by_owner_company"]["廣州市分公司"] == {"total": 2, "closed": 0, "open": 2, "overdue": 0}
    assert s["by_owner_company"]["不知名單位"] == {"total": 1, "closed": 0, "open": 1, "overdue": 1}
    assert s["by_owner_company"]["（未填）"]["total"] == 15
    assert s["overdue_ids"] == ["I6", "I3"]  # most overdue first (due 05-01, then 06-29)


def test_p90_nearest_rank_with_eleven_values(store):
    for i, days in enumerate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]):
        store.issue(f"C{i}", "2026-01-01", status="已解決",
                    resolved_on=(dt.date(2026, 1, 1) + dt.timedelta(days=days)).isoformat())
    s = compute_issue_summary(store.con, AS_OF)
    # n = 11: median = 6th value = 6; p90 rank ceil(9.9) = 10 -> 10 (linear interpolation would give 19)
    assert s["days_to_close"] == {"n": 11, "median": 6.0, "p90": 10.0}


def test_scope_by_owner_else_raiser(store):
    fill(store)
    s = compute_issue_summary(store.con, AS_OF, scope="广东省公司")
    # I1, I2 (owner 廣州), C0 (no owner, raised by R1 of 廣州), CX (raised by R2 of 廣東) = 4
    assert (s["total"], s["closed"]) == (4, 2)
    city = compute_issue_summary(store.con, AS_OF, scope="廣州市分公司")
    assert city["total"] == 3
    overdue = load_overdue_issues(store.con, AS_OF)
    assert overdue[["issue_id", "days_overdue"]].values.tolist() == [["I6", 60], ["I3", 1]]  # 06-30 - 05-01 = 60


def test_empty_store_has_no_rate(store):
    s = compute_issue_summary(store.con, AS_OF)
    assert (s["total"], s["resolution_rate"], s["days_to_close"]) == (0, None, {"n": 0, "median": None, "p90": None})
    assert s["pareto_category"] == [] and s["overdue_ids"] == []


def test_open_trend_from_status_history(store):
    # T1 and T2 end closed without 解決日期 (so the history dates the closure), T3 stays open; all raised 01-10
    store.issue("T1", "2026-01-10", status="已解決")
    store.issue("T2", "2026-01-10", status="已關閉")
    store.issue("T3", "2026-01-10")
    store.history("T1", None, "待處理", "2026-01-15 09:00")
    store.history("T1", "待處理", "處理中", "2026-02-10 09:00")
    store.history("T1", "處理中", "已解決", "2026-03-05 09:00")
    store.history("T2", None, "待處理", "2026-02-20 09:00")
    store.history("T2", "待處理", "已關閉", "2026-03-31 23:00")  # closed on the last day of March
    store.history("T3", None, "待處理", "2026-03-31 12:00")
    trend = compute_open_trend(store.con, start=dt.date(2026, 1, 1), end=dt.date(2026, 4, 30))
    # SPEC 4.5: an issue counts from its 提出日期 (01-10), whenever it was first imported. Jan, Feb: all three
    # open (T2 and T3 raised but not recorded yet count as open); Mar: T1 closed 03-05, T2 closed 03-31 23:00 (the
    # last day counts), T3 open; Apr: unchanged
    assert trend[["period", "open", "closed", "known"]].values.tolist() == [
        ["2026-01", 3, 0, 3], ["2026-02", 3, 0, 3], ["2026-03", 1, 2, 3], ["2026-04", 1, 2, 3]]
    weeks = compute_open_trend(store.con, start=dt.date(2026, 1, 5), end=dt.date(2026, 1, 18), freq="week")
    # weeks ending Sunday 01-11 (W02) and 01-18 (W03): raised 01-10, so all three are open in both
    assert weeks[["period", "open"]].values.tolist() == [["2026-W02", 3], ["2026-W03", 3]]
    # the trend's points are the open figure of the summary as of each period end (one rule)
    for end, open_ in [(dt.date(2026, 2, 28), 3), (dt.date(2026, 3, 31), 1)]:
        assert compute_issue_summary(store.con, end)["open"] == open_
    assert compute_issue_summary(store.con, dt.date(2026, 3, 30))["open"] == 2  # T2 not yet closed on 03-30


def _as_of_store(store):
    """Issues whose state changes around the as-of date 2026-09-30 (SPEC 4.5), each imported monthly.

    A: raised 07-01, 解決日期 09-20, but the closure reached the store only in the October import (10-31): closed
       as of 09-30 (its 解決日期 decides), days to close 81.
    B: raised 08-01, 解決日期 10-10 (reported 10-31): open as of 09-30; closed as of 10-31 (70 days).
    C: raised 08-15, closed without 解決日期, the closed status first recorded 10-31: open as of 09-30.
    D: raised 09-05, closed without 解決日期 recorded 09-30 18:00 (the day counts): closed as of 09-30.
    E: raised 07-10, 處理中 throughout, due 09-15 as recorded in July, postponed to 12-31 in the October import:
       overdue as of 09-30 (the due date of that day), not overdue as of 10-31.
    F: raised 10-02: does not exist as of 09-30.
    G: raised 09-28, first imported 10-31 already 處理中: open as of 09-30, status 待處理 then (nothing recorded).
    """
    store.issue("A", "2026-07-01", status="已解決", resolved_on="2026-09-20")
    store.history("A", None, "處理中", "2026-07-31 18:00")
    store.history("A", "處理中", "已解決", "2026-10-31 18:00")
    store.issue("B", "2026-08-01", status="已解決", resolved_on="2026-10-10")
    store.history("B", None, "待處理", "2026-08-31 18:00")
    store.history("B", "待處理", "已解決", "2026-10-31 18:00")
    store.issue("C", "2026-08-15", status="已關閉")
    store.history("C", None, "處理中", "2026-08-31 18:00")
    store.history("C", "處理中", "已關閉", "2026-10-31 18:00")
    store.issue("D", "2026-09-05", status="已關閉")
    store.history("D", None, "已關閉", "2026-09-30 18:00")
    store.issue("E", "2026-07-10", status="處理中", due_on="2026-12-31")
    store.con.execute("insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id, "
                      "due_on) values ('E', null, '處理中', '2026-07-31 18:00', 1, '2026-09-15'), "
                      "('E', '處理中', '處理中', '2026-10-31 18:00', 1, '2026-12-31')")
    store.issue("F", "2026-10-02")
    store.history("F", None, "待處理", "2026-10-31 18:00")
    store.issue("G", "2026-09-28", status="處理中")
    store.history("G", None, "處理中", "2026-10-31 18:00")


def test_status_as_of_a_date_is_the_status_on_that_date(store):
    _as_of_store(store)
    sep = compute_issue_summary(store.con, dt.date(2026, 9, 30))
    # raised by 09-30: A B C D E G = 6; closed A, D = 2; open B C E G = 4; overdue E (due 09-15 then)
    assert (sep["total"], sep["closed"], sep["open"], sep["overdue"]) == (6, 2, 4, 1)
    assert sep["resolution_rate"] == 2 / 6
    assert sep["by_status"] == {"處理中": 2, "已解決": 1, "已關閉": 1, "待處理": 2}  # A 已解決, D 已關閉; B, G 待處理
    assert sep["days_to_close"] == {"n": 1, "median": 81.0, "p90": 81.0}  # A: 07-01 -> 09-20; D has no date
    assert sep["overdue_ids"] == ["E"]
    overdue = load_overdue_issues(store.con, dt.date(2026, 9, 30))
    assert overdue[["issue_id", "due_on", "days_overdue"]].values.tolist() == [["E", pd.Timestamp("2026-09-15"), 15]]
    # open ages on 09-30: B 60, C 46, E 82, G 2
    assert sep["open_ageing"] == {"0-30": 1, "31-60": 2, "61-90": 1, ">90": 0}
    octo = compute_issue_summary(store.con, dt.date(2026, 10, 31))
    # by 10-31 all seven; closed A B C D; open E F G; E's due date is now 12-31
    assert (octo["total"], octo["closed"], octo["open"], octo["overdue"]) == (7, 4, 3, 0)
    # days to close: A 81, B 70 (08-01 -> 10-10): median 75.5, p90 rank ceil(1.8) = 2nd = 81
    assert octo["days_to_close"] == {"n": 2, "median": 75.5, "p90": 81.0}
    trend = compute_open_trend(store.con, start=dt.date(2026, 7, 1), end=dt.date(2026, 10, 31))
    # Jul: A E open (2); Aug: A B C E open (4); Sep: as the summary (4 open, 2 closed); Oct: 3 open, 4 closed
    assert trend[["period", "open", "closed"]].values.tolist() == [
        ["2026-07", 2, 0], ["2026-08", 4, 0], ["2026-09", 4, 2], ["2026-10", 3, 4]]


def test_quarter_on_quarter_resolution_uses_the_state_at_both_ends(store):
    _as_of_store(store)
    # as of 06-30 nothing was raised yet: no rate; the rate as of 09-30 is 2 / 6, never today's 4 / 7
    assert compute_issue_summary(store.con, dt.date(2026, 6, 30))["resolution_rate"] is None
    assert compute_issue_summary(store.con, dt.date(2026, 9, 30))["resolution_rate"] == 2 / 6


def test_an_issue_without_history_is_judged_by_its_row(store):
    # a store without status history (filled by other means): closed iff closed and resolved by the date
    store.issue("H1", "2026-01-05", status="已解決", resolved_on="2026-03-01")
    store.issue("H2", "2026-01-05", status="已關閉")
    store.issue("H3", "2026-01-05", status="處理中")
    feb = compute_issue_summary(store.con, dt.date(2026, 2, 28))
    assert (feb["closed"], feb["open"]) == (1, 2)  # H2 only: H1 was resolved on 03-01
    assert compute_issue_summary(store.con, dt.date(2026, 3, 1))["closed"] == 2
