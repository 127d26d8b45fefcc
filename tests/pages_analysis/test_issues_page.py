"""問題跟蹤 page on the sample database of conftest.py, as of 2026-06-30 unless said otherwise.

Issues: Q1 服務規範 處理中 raised 03-05 due 04-01 (owner 廣州) · Q2 服務規範 已解決 raised 03-10 resolved 03-20 ·
Q3 排隊<體驗> (non-standard, with characters Plotly would read as markup) 待處理 raised 04-15 due 05-01 (owner 廣東省) · Q4 業務流程 已關閉 without 解決日期.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from tests.pages_analysis.conftest import plotly_specs, run_page, table


def test_headline_pareto_and_ageing(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "issues")
    metrics = {m.label: m.value for m in at.metric}
    # total 4; closed Q2 + Q4 = 2; open 2; rate 2/4 = 50.0%; overdue Q1 (due 04-01) and Q3 (due 05-01) = 2;
    # days to close only Q2 (Q4 has no 解決日期): 03-20 − 03-10 = 10, so median = p90 = 10.
    # closed and open beside the total, overdue beside the open ones (issue #16 item 4)
    assert metrics == {"問題總數": "4", "已關閉": "2 / 4", "未關閉": "2 / 4", "解決率": "50.0%", "逾期": "2 / 2",
                       "解決天數中位數": "10 天", "解決天數 P90": "10 天"}
    pareto, ageing, *_ = plotly_specs(at)
    # Pareto: 服務規範 2 (50%), then the ties 排隊<體驗> 1 and 業務流程 1 (75%, 100%; ties by name, 排 < 業);
    # the non-standard one is its own trace marked ⚠, its text escaped for Plotly's HTML-like labels.
    bars = {trace["name"]: (trace["x"], trace["y"]) for trace in pareto["data"] if trace["type"] == "bar"}
    assert bars == {"標準類別": (["服務規範", "業務流程"], [2, 1]), "非標準類別": (["⚠ 排隊&lt;體驗&gt;"], [1])}
    line = next(trace for trace in pareto["data"] if trace["type"] == "scatter")
    assert line["x"] == ["服務規範", "⚠ 排隊&lt;體驗&gt;", "業務流程"] and line["y"] == [0.5, 0.75, 1.0]
    # The table beside it shows the category as written.
    assert table(at, "問題類別", "累計佔比")["問題類別"].tolist() == ["服務規範", "⚠ 排隊<體驗>", "業務流程"]
    # Ageing of the open ones: Q1 06-30 − 03-05 = 26+30+31+30 = 117 days (>90); Q3 06-30 − 04-15 = 15+31+30 = 76
    # days (61-90).
    assert ageing["data"][0]["y"] == [0, 0, 1, 1]


def test_overdue_list_filter_and_download(monkeypatch, sample_db, captured_downloads):
    at = run_page(monkeypatch, sample_db, "issues")
    overdue = table(at, "問題編號", "逾期天數")
    # Q1: 06-30 − 04-01 = 29+31+30 = 90 days; Q3: 06-30 − 05-01 = 30+30 = 60 days; most overdue first.
    assert overdue["問題編號"].tolist() == ["Q1", "Q3"]
    assert overdue["逾期天數"].tolist() == [90, 60]
    # Uploaded text is shown as text, never interpreted.
    assert overdue["問題描述"].tolist()[1] == "<b>加開窗口</b>"
    # A Simplified spelling finds the Traditional owner (the importer's tolerant folding).
    at.text_input(key="an_iss_filter").input("广东").run()
    assert table(at, "問題編號", "逾期天數")["問題編號"].tolist() == ["Q3"]
    at.text_input(key="an_iss_filter").input("").run()
    # The overdue workbook: a cell starting with = is neutralised (SPEC 6), never a formula.
    books = [openpyxl.load_workbook(io.BytesIO(b)) for b in captured_downloads]
    sheets = [wb.active for wb in books if wb.active.cell(1, 1).value == "問題編號"]
    rows = list(sheets[-1].iter_rows(values_only=True))
    assert rows[1][0] == "Q1" and rows[1][rows[0].index("問題描述")] == "'=HYPERLINK(\"http://x\",\"門市排隊過長\")"
    assert all(cell.data_type != "f" for row in sheets[-1].iter_rows() for cell in row)


def test_owner_table(monkeypatch, sample_db):
    at = run_page(monkeypatch, sample_db, "issues")
    owners = table(at, "責任單位", "解決率")
    # 廣州 Q1 (open, overdue) + Q2 (closed) → 2/1/1/1, rate 0.5; 廣東省 Q3 → 1/0/1/1, 0.0; 總部 Q4 → 1/1/0/0, 1.0.
    assert owners.values.tolist() == [["廣州市分公司", 2, 1, 1, 1, 0.5], ["廣東省公司", 1, 0, 1, 1, 0.0],
                                      ["總部", 1, 1, 0, 0, 1.0]]


def test_open_trend_from_status_history(monkeypatch, sample_db):
    # The status history is written at import time (conftest: the evening of 2026-06-30), so as of today and as of
    # 06-30 the last month end sees the 2 open issues Q1 and Q3 and the 2 closed ones Q2 and Q4.
    today = dt.date.today()
    for as_of in (today.isoformat(), None):
        at = run_page(monkeypatch, sample_db, "issues", **({"as_of": as_of} if as_of else {}))
        trend = plotly_specs(at)[-1]["data"]
        assert trend[0]["y"][-1] == 2 and trend[1]["y"][-1] == 2, as_of


def test_scope_and_english(monkeypatch, sample_db):
    # Scope 廣州市分公司: issues owned by it are Q1 and Q2 → total 2, closed 1, overdue 1 (Q1).
    at = run_page(monkeypatch, sample_db, "issues", scope="广州市分公司", lang="en")
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Issues"], metrics["Closed"], metrics["Overdue"], metrics["Resolution rate"]) == \
        ("2", "1 / 2", "1 / 1", "50.0%")  # overdue Q1 is the one open issue
    overdue = table(at, "Issue ID", "Days overdue")
    assert overdue["Status"].tolist() == ["In progress"] and overdue["Issue category"].tolist() == ["Service standards"]


def test_empty_database(monkeypatch, empty_db):
    at = run_page(monkeypatch, empty_db, "issues")
    assert at.info and "沒有問題記錄" in at.info[0].value
    assert not at.metric
