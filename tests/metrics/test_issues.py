"""SPEC 4.4 issues and resolution as of a date, hand-computed."""

import datetime as dt

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
    for issue_id in ("T1", "T2", "T3"):
        store.issue(issue_id, "2026-01-10")
    store.history("T1", None, "待處理", "2026-01-15 09:00")
    store.history("T1", "待處理", "處理中", "2026-02-10 09:00")
    store.history("T1", "處理中", "已解決", "2026-03-05 09:00")
    store.history("T2", None, "待處理", "2026-02-20 09:00")
    store.history("T2", "待處理", "已關閉", "2026-03-31 23:00")  # closed on the last day of March
    store.history("T3", None, "待處理", "2026-03-31 12:00")
    trend = compute_open_trend(store.con, start=dt.date(2026, 1, 1), end=dt.date(2026, 4, 30))
    # Jan: T1 open; Feb: T1, T2 open; Mar: T1, T2 closed, T3 open; Apr: unchanged
    assert trend[["period", "open", "closed"]].values.tolist() == [
        ["2026-01", 1, 0], ["2026-02", 2, 0], ["2026-03", 1, 2], ["2026-04", 1, 2]]
    weeks = compute_open_trend(store.con, start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 25), freq="week")
    # weeks ending Sunday 01-18 (W03) and 01-25 (W04): T1 open from 01-15
    assert weeks[["period", "open"]].values.tolist() == [["2026-W03", 1], ["2026-W04", 1]]
