"""Row rules of SPEC 2.1-2.3: required cells, conditional requirements, defaults, duplicates, warnings."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.ingest.conftest import ISSUE_HEADERS, LOG_HEADERS, ROSTER_HEADERS, codes


def test_roster_defaults_required_and_parent_rule(parse):
    rows = [
        ROSTER_HEADERS,
        ["00123", "王小明", "廣州市分公司", "地市公司", "廣東省公司", "市場部", "", "部門領導", ""],  # row 2 valid
        ["00124", "李四", "廣州市分公司", "地市公司", "", "市場部", "支撐部門", "員工", ""],  # row 3: city w/o parent
        ["00125", "", "廣東省公司", "省公司", "", "辦公室", "", "公司領導", "2026-01-01"],  # row 4: no name
        ["00123", "王小明", "總部", "總部", "", "辦公室", "", "員工", ""],  # row 5: duplicate 工號 of row 2
    ]
    parsed = parse(rows)
    roster = parsed.tables["roster"]
    assert roster["employee_id"].tolist() == ["00123"]
    assert roster["department_type"].tolist() == ["其他部門"]  # default (SPEC 2.1)
    assert roster["effective_date"].tolist() == [None]  # the store fills the import date
    rejects = parsed.rejects["roster"]
    assert rejects["_row"].tolist() == [3, 4, 5]
    assert rejects["_reason"].tolist() == [
        "上級公司: 層級為 地市公司 時必須填寫上級公司（所屬省公司）；請補上。",
        "姓名: 必填欄位為空；請填寫。",
        '工號 = "00123": 與第 2 行重複；同一檔案內不可重複，此列未匯入，請刪除或合併。',
    ]
    # rejects keep the file's own headers and cell texts
    assert rejects.loc[0, "工號"] == "00124" and rejects.loc[0, "職級"] == "員工"


def test_routine_walkthrough_needs_an_item_and_defaults_fill_mode_scope_support(parse):
    rows = [
        LOG_HEADERS + ["組織方式", "穿越地域", "需被穿越單位支持", "記錄已交被穿越單位"],
        ["", "001", "張三", "2026-10-05", "常規穿越", "", "", "", "", "", "", ""],  # row 2: no item
        ["", "002", "李四", "2026-10-05", "客戶接待日", "", "", "4", "", "", "", ""],  # row 3: valid, defaults
        ["", "003", "王五", "2026-10-05", "專項穿越", "", "", "", "小組", "跨省", "Y", "×"],  # row 4: warn theme
    ]
    parsed = parse(rows)
    log = parsed.tables["walkthroughs"]
    assert log["employee_id"].tolist() == ["002", "003"]
    assert log["mode"].tolist() == ["個人穿越", "小組穿越"]
    assert log["scope"].tolist() == ["本地", "跨地"]
    assert log["needs_support"].tolist() == [False, True]
    assert log["needs_support"].dtype == bool
    assert str(log["copy_sent"].dtype) == "boolean"
    assert log["copy_sent"].isna().tolist() == [True, False] and log["copy_sent"].iloc[1] == False  # noqa: E712
    assert parsed.rejects["walkthroughs"]["_row"].tolist() == [2]
    assert [(p.code, p.row) for p in parsed.warnings] == [("ingest.theme_missing", 4)]


def test_reception_day_without_hours_is_kept_with_a_warning(parse):
    parsed = parse([LOG_HEADERS, ["", "001", "張三", "2026-10-05", "客戶接待日", "", "", ""]])
    assert len(parsed.tables["walkthroughs"]) == 1
    assert codes(parsed, "warning") == ["ingest.reception_hours_missing"]


def test_several_ids_in_one_cell_become_one_row_each(parse):
    rows = [
        LOG_HEADERS,
        ["A1", "001、002，003", "張三、李四、王五", "2026-10-05", "常規穿越", "網路撥測", "", "4"],  # names pair up
        ["", "004/005", "趙六", "2026-10-06", "常規穿越", "網路撥測", "", ""],  # 2 IDs, 1 name: no names
    ]
    parsed = parse(rows)
    log = parsed.tables["walkthroughs"]
    assert log["employee_id"].tolist() == ["001", "002", "003", "004", "005"]
    assert log["name"].tolist() == ["張三", "李四", "王五", None, None]
    assert log["_row"].tolist() == [2, 2, 2, 3, 3]
    assert log["activity_key"].tolist() == [
        "id:A1", "id:A1", "id:A1",
        "row:004|2026-10-06|常規穿越|網路撥測||", "row:005|2026-10-06|常規穿越|網路撥測||",
    ]
    warning = parsed.warnings[0]
    assert (warning.code, warning.row, warning.params) == ("ingest.names_not_split", 3, {"ids": 2, "names": 1})


def test_activity_key_without_activity_id_uses_all_six_parts(parse):
    rows = [["工號", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "被穿越單位"],
            [" a01 ", "2026/10/5", "專項穿越", "", " 攜號轉網 ", "天河營業廳"]]
    log = parse(rows).tables["walkthroughs"]
    assert log["activity_key"].tolist() == ["row:A01|2026-10-05|專項穿越||攜號轉網|天河營業廳"]


def test_duplicate_participant_of_an_activity_is_rejected_naming_the_first_row(parse):
    rows = [
        LOG_HEADERS,
        ["A1", "001", "張三", "2026-10-05", "常規穿越", "網路撥測", "", ""],
        ["A1", "002、001", "李四、張三", "2026-10-05", "常規穿越", "網路撥測", "", ""],  # 001 again in A1
    ]
    parsed = parse(rows)
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["001", "002"]
    reject = parsed.rejects["walkthroughs"].iloc[0]
    # the rejected participant only, with the original row's other cells
    assert (reject["工號"], reject["姓名"], reject["_row"]) == ("001", "張三", 3)
    problem = parsed.errors[0]
    assert (problem.code, problem.row, problem.params["first_row"]) == ("ingest.duplicate_participant", 3, 2)


def test_issues_defaults_nonstandard_category_and_closed_without_date(parse):
    rows = [
        ISSUE_HEADERS + ["類型"],
        ["Q1", "2026-10-05", "网络质量", "訊號弱", "已解決", "", ""],  # row 2: standard (Simplified), warn date
        ["Q2", "2026-10-06", "排隊太久", "等候 40 分鐘", "處理中", "", "意見建議"],  # row 3: nonstandard kept
        ["Q3", "2026-10-07", "", "發票開錯", "closed", "2026-10-09", ""],  # row 4: default category
        ["Q1", "2026-10-08", "", "重複", "待處理", "", ""],  # row 5: duplicate 問題編號
    ]
    parsed = parse(rows)
    issues = parsed.tables["issues"]
    assert issues["issue_id"].tolist() == ["Q1", "Q2", "Q3"]
    assert issues["category"].tolist() == ["網路質量", "排隊太久", "其他"]
    assert issues["category_is_standard"].tolist() == [True, False, True]
    assert issues["kind"].tolist() == ["問題", "建議", "問題"]
    assert issues["status"].tolist() == ["已解決", "處理中", "已關閉"]
    assert issues["resolved_on"].tolist() == [None, None, dt.date(2026, 10, 9)]
    assert [(p.code, p.row) for p in parsed.warnings] == [
        ("ingest.resolved_missing", 2), ("ingest.category_nonstandard", 3)]
    assert [(p.code, p.row) for p in parsed.errors] == [("ingest.duplicate_id", 5)]


def test_a_row_with_several_errors_lists_all_reasons(parse):
    rows = [LOG_HEADERS, ["", "001", "", "10/5/2026", "不知道", "", "", "30"]]
    parsed = parse(rows)
    reason = parsed.rejects["walkthroughs"]["_reason"].iloc[0]
    assert reason.split("；")[0] == '穿越日期 = "10/5/2026": 日期格式有歧義（月/日或日/月），請改為 2026-10-05 或 2026-05-10（年-月-日）'
    assert sorted(p.column for p in parsed.errors) == ["時長(小時)", "穿越日期", "穿越類別"]
    assert len(parsed.tables["walkthroughs"]) == 0


def test_typed_columns_and_column_order(parse):
    rows = [LOG_HEADERS + ["問題建議數"], ["", 1234.0, "張三", 46300, "routine", "network_dial_test", "", "半天", "2"]]
    log = parse(rows).tables["walkthroughs"]
    from analytics.schema import WALKTHROUGHS

    assert list(log.columns) == [c.key for c in WALKTHROUGHS.columns] + ["activity_key", "_sheet", "_row"]
    row = log.iloc[0]
    assert (row["employee_id"], row["date"], row["category"], row["item"]) == ("1234", dt.date(2026, 10, 5),
                                                                               "常規穿越", "網路撥測")
    assert log["hours"].dtype == "float64" and row["hours"] == 4.0
    assert str(log["issues_raised"].dtype) == "Int64" and row["issues_raised"] == 2
    assert row["_sheet"] == "工作表1" and row["_row"] == 2
    assert pd.isna(log["theme"].iloc[0])


def test_too_long_cell_rejects_the_row_naming_the_column(parse):
    rows = [LOG_HEADERS + ["備註"], ["", "001", "", "2026-10-05", "常規穿越", "其他", "", "", "長" * 32_768]]
    parsed = parse(rows)
    assert [(p.code, p.column) for p in parsed.errors] == [("ingest.cell_too_long", "備註")]
    assert parsed.errors[0].params == {"length": 32_767, "limit": 32_767}  # calamine cut it to the limit


def test_too_long_cell_in_a_csv_reports_its_real_length(parse):
    from tests.ingest.conftest import make_csv

    rows = [["工號", "穿越日期", "穿越類別", "備註"], ["001", "2026-10-05", "專項穿越", "x" * 40_000],
            ["002", "2026-10-05", "專項穿越", "x" * 32_766]]
    parsed = parse(make_csv(rows), "log.csv")
    assert [(p.code, p.row, p.params["length"]) for p in parsed.errors] == [("ingest.cell_too_long", 2, 40_000)]
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["002"]


def test_activity_key_helper_matches_the_architecture_contract():
    from analytics.ingest.explode import activity_key

    day = dt.date(2026, 10, 5)
    assert activity_key("CY-1", "001", day, "常規穿越", "其他", None, None) == "id:CY-1"
    assert activity_key(None, "001", day, "客戶接待日", None, None, "天河") == "row:001|2026-10-05|客戶接待日|||天河"


def test_resolved_before_raised_rejects_the_row_naming_both_dates(parse):
    """SPEC 4.5: 解決日期 < 提出日期 is a row error. Row 2 (resolved 10-03, raised 10-05) is rejected with the
    file › sheet › row › column = value message; row 3 (same day) and row 4 (later) are imported."""
    rows = [
        ISSUE_HEADERS,
        ["Q1", "2026-10-05", "", "訊號弱", "已解決", "2026-10-03"],  # row 2: two days before → error
        ["Q2", "2026-10-05", "", "發票", "已解決", "2026-10-05"],  # row 3: same day is fine (0 days to close)
        ["Q3", "2026-10-05", "", "排隊", "已關閉", "2026-10-09"],  # row 4: fine
    ]
    parsed = parse(rows, name="issues.xlsx")
    assert parsed.tables["issues"]["issue_id"].tolist() == ["Q2", "Q3"]
    [problem] = parsed.errors
    assert (problem.code, problem.file, problem.sheet, problem.row, problem.column, problem.value) == (
        "ingest.resolved_before_raised", "issues.xlsx", "工作表1", 2, "解決日期", "2026-10-03")
    rejects = parsed.rejects["issues"]
    assert rejects["_row"].tolist() == [2]
    assert rejects["_reason"].iloc[0] == (
        '解決日期 = "2026-10-03": 解決日期早於提出日期 2026-10-05；請更正其中一個日期後重新匯入此列。')
