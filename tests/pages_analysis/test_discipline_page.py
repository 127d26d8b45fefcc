"""流程規範 page on the sample database of conftest.py (year 2026).

r1 總部 E001: no support needed (NOTICE does not apply), summary 3 days after (pass), copy 是, 1 issue raised.
r2/r3 廣州 E003/E004: support needed, notified 1 day before (NOTICE fails: 3 needed), summary 10 days after
(fails), copy 是 / 否, Q2 raised by E003 on A2 (ISSUE-MIN1 passes for E003 only).
r4 廣東省 E002: no notice needed, summary 1 day after, copy 是, 問題建議數 0 and no linked issue (fails).
r5 E999 not on the roster: no summary, no copy, no issue (fails all three that apply).
"""

from __future__ import annotations

from tests.pages_analysis.conftest import plotly_specs, run_page, table


def test_rates_per_unit(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "discipline")
    heatmap = plotly_specs(at)[0]["data"][0]
    assert heatmap["x"] == ["提前告知", "7 天內交總結", "記錄交被穿越單位", "至少一條問題建議"]
    assert heatmap["y"] == ["總部", "廣東省公司", "廣州市分公司", "不在名冊"]
    # NOTICE applies only to 廣州's two rows (0/2); COPY 廣州 1/2; ISSUE 廣州 1/2; 廣東省 ISSUE 0/1.
    assert heatmap["z"] == [[None, 1.0, 1.0, 1.0], [None, 1.0, 1.0, 0.0], [0.0, 0.0, 0.5, 0.5],
                            [None, 0.0, 0.0, 0.0]]
    rates = table(at, "公司", "提前告知")
    assert rates["記錄交被穿越單位 (合格行數/適用行數)"].tolist() == ["1/1", "1/1", "1/2", "0/1"]
    assert rates["提前告知 (合格行數/適用行數)"].tolist() == ["0/0", "0/0", "0/2", "0/0"]


def test_failing_rows_per_check(monkeypatch, sample_db, captured_downloads):
    at = run_page(monkeypatch, sample_db, "discipline")
    # NOTICE (the default check) fails for E003 and E004 of 廣州 (notified 03-09 for 03-10: 1 day < 3).
    failing = table(at, "工號", "告知日期")
    assert failing[["公司", "工號"]].values.tolist() == [["廣州市分公司", "E003"], ["廣州市分公司", "E004"]]
    at.button_group(key="an_dis_check").set_value("COPY-SENT").run()
    assert not at.exception
    # COPY-SENT fails for E004 (否) and E999 (blank), the latter on no roster.
    failing = table(at, "工號", "記錄已交被穿越單位")
    assert failing[["公司", "工號", "記錄已交被穿越單位"]].values.tolist() == [
        ["廣州市分公司", "E004", "否"], ["不在名冊", "E999", ""]]
    assert captured_downloads  # the failing rows are offered as .xlsx


def test_level_filter_and_month(monkeypatch, sample_db):
    # 層級 地市公司 keeps 廣州 only.
    at = run_page(monkeypatch, sample_db, "discipline", level="地市公司")
    assert plotly_specs(at)[0]["data"][0]["y"] == ["廣州市分公司"]
    # April holds r4 (廣東省) and r5 (unmatched) only.
    at = run_page(monkeypatch, sample_db, "discipline", kind="month", period="2026-04")
    assert plotly_specs(at)[0]["data"][0]["y"] == ["廣東省公司", "不在名冊"]


def test_english(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "discipline", lang="en")
    assert plotly_specs(at)[0]["data"][0]["y"][-1] == "Not on the roster"
    failing = table(at, "Employee ID", "Needs target support")
    assert failing["Needs target support"].tolist() == ["Yes", "Yes"]


def test_empty_database(monkeypatch, empty_db):
    at = run_page(monkeypatch, empty_db, "discipline")
    assert at.info and "沒有資料" in at.info[0].value
    assert not at.get("plotly_chart")
