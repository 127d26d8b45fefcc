"""資料品質 page on the sample database of conftest.py, year 2026 as of 2026-06-30.

Own-staff rows per company: 總部 March (r1), 廣東省公司 April (r4), 廣州市分公司 March (r2, r3). Months that have
started by 06-30: January to June.
"""

from __future__ import annotations

from tests.pages_analysis.conftest import plotly_specs, run_page, table


def test_counts_per_finding(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "quality")
    # silent company-months: 3 companies × 6 started months − 3 months with a log = 15; unmatched 工號 E999 = 1;
    # warnings kept by the import: 排隊<體驗> non-standard, Q4 closed without 解決日期, r4 reception without 時長,
    # E999 not on the roster = 4; non-standard categories 排隊體驗 = 1; closed without 解決日期 Q4 = 1;
    # reception days without 時長 r4 = 1.
    assert [tab.label for tab in at.tabs] == [
        "未報送穿越記錄的公司 (15)", "不在名冊的工號 (1)", "匯入提示 (4)", "非標準問題類別 (1)",
        "已關閉但未填解決日期 (1)", "客戶接待日未填時長 (1)"]
    assert table(at, "問題類別", "問題數").values.tolist() == [["排隊<體驗>", 1]]  # as written, not interpreted
    closed = table(at, "問題編號", "狀態")
    assert closed.drop(columns="提出日期").values.tolist() == [["Q4", "業務流程", "已關閉", "總部", "市場部"]]
    assert str(closed["提出日期"].iloc[0])[:10] == "2026-02-01"
    reception = table(at, "工號", "穿越編號")
    assert reception[["公司", "工號", "穿越編號"]].values.tolist() == [["廣東省公司", "E002", "A3"]]
    messages = table(at, "檔案", "說明")["說明"].tolist()
    assert any("E999" in m for m in messages) and any("已關閉" in m for m in messages)


def test_company_month_grid(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "quality")
    grid = plotly_specs(at)[0]["data"][0]
    assert [y.strip("\u3000") for y in grid["y"]] == ["總部", "廣東省公司", "廣州市分公司"]
    # 0 = no log, 1 = log received, 3 = month not started by 06-30 (July to December); June ends on 06-30, so
    # it is over (no month is running, state 2).
    future = [3] * 6
    assert grid["z"] == [[0, 0, 1, 0, 0, 0, *future], [0, 0, 0, 1, 0, 0, *future], [0, 0, 1, 0, 0, 0, *future]]
    silent = table(at, "公司", "月份")
    assert silent["月份"].tolist()[:5] == ["2026年1月", "2026年2月", "2026年4月", "2026年5月", "2026年6月"]


def test_running_month_is_shown_running_not_missing(monkeypatch, sample_db):
    """Issue #16 item 7: as of 04-20 April is still running, so nobody is silent in April yet."""
    at = run_page(monkeypatch, sample_db, "quality", as_of="2026-04-20")
    # months ended: Jan, Feb, Mar. 總部 sent March (r1), 廣州 March (r2, r3), 廣東 nothing before April:
    # 3 companies × 3 months − 2 = 7 silent company-months; April is not among them.
    assert at.tabs[0].label == "未報送穿越記錄的公司 (7)"
    silent = table(at, "公司", "月份")
    assert "2026年4月" not in silent["月份"].tolist()
    grid = plotly_specs(at)[0]["data"][0]
    # April: 廣東 has r4 (04-15) -> received (1); 總部 and 廣州 have no April row yet -> running (2), not 0
    assert [row[3] for row in grid["z"]] == [2, 1, 2]
    assert [row[:3] for row in grid["z"]] == [[0, 0, 1], [0, 0, 0], [0, 0, 1]]
    assert all(row[4:] == [3] * 8 for row in grid["z"])
    assert grid["customdata"][0][3] == "本月進行中，尚無記錄"


def test_level_and_scope(monkeypatch, sample_db):
    # 層級 省公司: only 廣東省公司's 5 silent months; the unmatched 工號 list does not depend on a company.
    at = run_page(monkeypatch, sample_db, "quality", level="省公司")
    assert at.tabs[0].label == "未報送穿越記錄的公司 (5)"
    # Scope 廣州市分公司: its 5 silent months; 工號 off the roster belong to no company (0); Q4 is 總部's (0).
    at = run_page(monkeypatch, sample_db, "quality", scope="广州市分公司")
    labels = [tab.label for tab in at.tabs]
    assert labels[0] == "未報送穿越記錄的公司 (5)" and labels[1] == "不在名冊的工號 (0)"
    assert labels[4] == "已關閉但未填解決日期 (0)"


def test_english(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "quality", lang="en")
    assert at.tabs[0].label == "Companies without a log (15)"
    silent = table(at, "Company", "Month")
    assert silent["Level"].tolist()[0] == "HQ" and silent["Month"].tolist()[0] == "Jan 2026"


def test_empty_database(monkeypatch, empty_db):
    at = run_page(monkeypatch, empty_db, "quality")
    assert at.info and "沒有資料" in at.info[0].value
    assert not at.tabs
