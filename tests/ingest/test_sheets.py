"""Header-row search, table recognition by headers only, several tables, hidden sheets, CSV (SPEC 2, 2.4)."""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter

from tests.ingest.conftest import ISSUE_HEADERS, LOG_HEADERS, ROSTER_HEADERS, codes, make_csv, make_xlsx

LOG_ROW = ["", "001", "張三", "2026-10-05", "常規穿越", "網路撥測", "", "4"]


def test_title_rows_merged_title_and_blank_rows_above_the_header_are_skipped(parse):
    rows = [["2026 年 10 月 流程穿越記錄"], [], ["填表單位：廣州市分公司"], LOG_HEADERS, LOG_ROW]
    parsed = parse_file_with_merge(rows)
    assert parsed.sheets[0].header_row == 4
    assert parsed.tables["walkthroughs"]["_row"].tolist() == [5]
    assert parsed.problems == []


def parse_file_with_merge(rows):
    from analytics.ingest import parse_file

    return parse_file("t.xlsx", make_xlsx({"工作表1": rows}, merge={"工作表1": "A1:H1"}))


def test_header_below_row_15_is_not_found(parse):
    rows = [[f"說明 {i}"] for i in range(15)] + [LOG_HEADERS, LOG_ROW]  # header on row 16
    parsed = parse(rows)
    assert parsed.file_error is not None and parsed.file_error.code == "ingest.no_table"
    assert codes(parsed) == ["ingest.sheet_not_recognised", "ingest.no_table"]


def test_header_on_row_15_is_found(parse):
    rows = [[f"說明 {i}"] for i in range(14)] + [LOG_HEADERS, LOG_ROW]
    assert parse(rows).sheets[0].header_row == 15


def test_blank_rows_inside_and_after_the_data_are_skipped_not_rejected(parse):
    rows = [LOG_HEADERS, LOG_ROW, [], ["", "", "", ""], [None] * 8, ["", "002"] + LOG_ROW[2:], [], []]
    parsed = parse(rows)
    assert parsed.tables["walkthroughs"]["_row"].tolist() == [2, 6]
    assert parsed.sheets[0].rows_found == 2 and parsed.rejected_row_count() == 0


def test_simplified_full_width_and_spaced_headers_and_values(parse):
    headers = ["工 号", "姓名", "穿越\n日期", "穿越类别", "穿越项目", "时长（小时）", "需被穿越单位支持"]
    row = ["Ａ００１", "张三", "２０２６年１０月５日", "常规穿越", "网络拨测", "３．５ｈ", "是"]
    log = parse([headers, row]).tables["walkthroughs"]
    assert log[["employee_id", "date", "category", "item", "hours", "needs_support"]].iloc[0].tolist() == [
        "A001", dt.date(2026, 10, 5), "常規穿越", "網路撥測", 3.5, True]
    assert log["name"].iloc[0] == "张三"  # free text is kept as written


def test_english_keys_are_accepted_as_headers_and_values(parse):
    rows = [["employee_id", "date", "category", "item"], ["E1", "2026-10-05", "routine", "store_reception"]]
    log = parse(rows).tables["walkthroughs"]
    assert log[["category", "item"]].iloc[0].tolist() == ["常規穿越", "門市客戶接待"]


def test_unknown_and_duplicate_columns_get_notices(parse):
    rows = [LOG_HEADERS + ["負責人", "日期"], LOG_ROW + ["某人", "2026-01-01"]]
    parsed = parse(rows)
    assert [(p.code, p.column) for p in parsed.notices] == [
        ("ingest.unknown_column", "負責人"), ("ingest.duplicate_column", "日期")]
    assert parsed.tables["walkthroughs"]["date"].tolist() == [dt.date(2026, 10, 5)]  # the first 穿越日期 column wins


def test_three_tables_in_one_workbook_one_per_sheet_and_an_instructions_sheet(parse):
    content = make_xlsx({
        "說明": [["請依範本填寫"], ["欄位", "說明"], ["工號", "必填"]],
        "Sheet A": [ISSUE_HEADERS, ["Q1", "2026-10-05", "業務流程", "描述", "處理中", ""]],
        "Sheet B": [ROSTER_HEADERS, ["001", "張三", "總部", "總部", "", "辦公室", "", "員工", ""]],
        "Sheet C": [LOG_HEADERS, LOG_ROW],
        "空白": [],
    })
    parsed = parse(content)
    assert {k: len(v) for k, v in parsed.tables.items()} == {"roster": 1, "walkthroughs": 1, "issues": 1}
    assert [(s.sheet, s.table) for s in parsed.sheets] == [
        ("說明", None), ("Sheet A", "issues"), ("Sheet B", "roster"), ("Sheet C", "walkthroughs"), ("空白", None)]
    assert [(p.code, p.sheet) for p in parsed.problems] == [("ingest.sheet_not_recognised", "說明")]


def test_same_table_on_two_sheets_is_concatenated_and_duplicates_across_sheets_named(parse):
    content = make_xlsx({
        "一月": [ISSUE_HEADERS, ["Q1", "2026-01-05", "", "描述", "處理中", ""]],
        "二月": [ISSUE_HEADERS, ["Q2", "2026-02-05", "", "描述", "處理中", ""],
                 ["Q1", "2026-02-06", "", "描述", "處理中", ""]],
    })
    parsed = parse(content)
    assert parsed.tables["issues"][["issue_id", "_sheet", "_row"]].values.tolist() == [
        ["Q1", "一月", 2], ["Q2", "二月", 2]]
    error = parsed.errors[0]
    assert (error.code, error.sheet, error.row, error.params) == (
        "ingest.duplicate_id_other_sheet", "二月", 3, {"first_row": 2, "first_sheet": "一月"})


def test_hidden_sheet_is_skipped_with_a_notice(parse):
    content = make_xlsx({"可見": [LOG_HEADERS, LOG_ROW], "隱藏": [LOG_HEADERS, LOG_ROW]}, hidden=("隱藏",))
    parsed = parse(content)
    assert len(parsed.tables["walkthroughs"]) == 1
    assert [(p.severity, p.code, p.sheet) for p in parsed.problems] == [("notice", "ingest.hidden_sheet", "隱藏")]


def test_only_sheet_hidden_is_read_with_a_warning_naming_it(parse):
    # issue #11 item 9: the table on the only hidden sheet is imported (1 row), and a warning names the sheet
    content = make_xlsx({"隱藏": [LOG_HEADERS, LOG_ROW], "空": []}, hidden=("隱藏",))
    parsed = parse(content)
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["001"]
    assert [(p.severity, p.code, p.sheet) for p in parsed.problems] == [
        ("warning", "ingest.hidden_sheet_read", "隱藏")]
    assert "Unhide" in parsed.problems[0].message("en") and "穿越記錄" in parsed.problems[0].message("en")
    assert [(s.sheet, s.table, s.hidden) for s in parsed.sheets] == [("隱藏", "walkthroughs", True), ("空", None, False)]


def test_hidden_sheets_without_a_table_give_a_notice_then_the_no_table_error(parse):
    content = make_xlsx({"說明": [["這是說明頁"]], "空": []}, hidden=("說明",))
    parsed = parse(content)
    assert [(p.severity, p.code) for p in parsed.problems] == [
        ("notice", "ingest.hidden_sheet"), ("error", "ingest.no_table")]
    assert parsed.tables == {}
    message = parsed.file_error.message()
    assert "穿越記錄：工號、穿越日期、穿越類別" in message and "人員名冊：工號、姓名、公司、層級、部門、職級" in message


def test_sheet_missing_a_required_header_says_which(parse):
    parsed = parse([["工號", "姓名", "穿越日期", "穿越項目"], ["001", "張三", "2026-10-05", "其他"]])
    notice = parsed.notices[0]
    assert (notice.code, notice.params) == ("ingest.sheet_missing_headers", {"table": "穿越記錄", "missing": "穿越類別"})


def test_header_only_sheet_gives_no_rows_notice(parse):
    parsed = parse([LOG_HEADERS])
    assert codes(parsed) == ["ingest.no_rows"]
    assert len(parsed.tables["walkthroughs"]) == 0


def test_formula_cells_are_read_as_their_cached_values():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("log")
    sheet.write_row(0, 0, ["工號", "穿越日期", "穿越類別", "問題建議數", "時長(小時)"])
    sheet.write_row(1, 0, ["001", "2026-10-05", "客戶接待日"])
    sheet.write_formula(1, 3, "=1+1", None, 2)  # cached value 2
    sheet.write_formula(1, 4, "=2*2", None, 4)  # cached value 4 (never evaluated by us)
    book.close()
    from analytics.ingest import parse_file

    log = parse_file("f.xlsx", buffer.getvalue()).tables["walkthroughs"]
    assert (log["issues_raised"].iloc[0], log["hours"].iloc[0]) == (2, 4.0)


def test_numeric_id_cells_lose_the_float_part_and_text_ids_keep_leading_zeros(parse):
    rows = [ROSTER_HEADERS, [3664.0, "甲", "總部", "總部", "", "辦公室", "", "員工", ""],
            ["003665", "乙", "總部", "總部", "", "辦公室", "", "員工", ""]]
    assert parse(rows).tables["roster"]["employee_id"].tolist() == ["3664", "003665"]


# ---------------------------------------------------------------- CSV


GB_ROWS = [["工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "穿越主題"],
           ["001", "張三", "2026-10-05", "专项穿越", "", "攜號轉網體驗"],
           ["002", "李四", "2026/10/6", "常規穿越", "网络拨测", "网络质量专项"]]


def test_csv_gb18030_with_traditional_and_simplified_text_is_not_garbled(parse):
    parsed = parse(make_csv(GB_ROWS, encoding="gb18030"), "log.csv")
    log = parsed.tables["walkthroughs"]
    assert log["name"].tolist() == ["張三", "李四"]
    assert log["theme"].tolist() == ["攜號轉網體驗", "网络质量专项"]
    assert log["category"].tolist() == ["專項穿越", "常規穿越"]
    assert parsed.sheets[0].sheet == "" and log["_row"].tolist() == [2, 3]


def test_csv_gbk_big5_utf8_bom_utf16_and_delimiters(parse):
    simple = [["工號", "穿越日期", "穿越類別", "穿越項目"], ["001", "2026-10-05", "常規穿越", "其他"]]
    for encoding in ("utf-8", "utf-8-sig", "gbk", "big5", "utf-16"):  # Python's utf-16 codec writes a BOM
        for delimiter in (",", "\t", ";"):
            parsed = parse(make_csv(simple, encoding=encoding, delimiter=delimiter), "x.csv")
            assert parsed.tables["walkthroughs"]["category"].tolist() == ["常規穿越"], (encoding, delimiter)


def test_csv_named_xls_is_read_by_content(parse):
    parsed = parse(make_csv(GB_ROWS), "log.xls")
    assert len(parsed.tables["walkthroughs"]) == 2


def test_vertically_merged_cells_give_each_row_their_value():
    import openpyxl

    from analytics.ingest import parse_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"], sheet["C2"], sheet["D2"], sheet["E2"] = "穿越編號", "工號", "穿越日期", "穿越類別"  # table from B2
    for row, employee in zip((3, 4, 5), ("001", "002", "003"), strict=True):
        sheet.cell(row, 3, employee)
    sheet["B3"], sheet["D3"], sheet["E3"] = "G-1", "2026-10-05", "客戶接待日"
    for column in "BDE":
        sheet.merge_cells(f"{column}3:{column}5")  # one group activity over three rows
    sheet["B6"], sheet["C6"], sheet["D6"] = "G-2", "004", "2026-10-06"  # E6 blank: not part of a merge
    buffer = io.BytesIO()
    book.save(buffer)
    parsed = parse_file("merged.xlsx", buffer.getvalue())
    log = parsed.tables["walkthroughs"]
    assert log["activity_key"].tolist() == ["id:G-1"] * 3
    assert log["date"].tolist() == [dt.date(2026, 10, 5)] * 3
    assert [(p.code, p.row, p.column) for p in parsed.errors] == [("ingest.required", 6, "穿越類別")]


def test_required_and_optional_markers_on_headers_are_ignored(parse):
    rows = [["*工號", "穿越日期（必填）", "穿越類別*", "時長(小時)(選填)", "備註（optional）"],
            ["001", "2026-10-05", "客戶接待日", "半天", "好"]]
    parsed = parse(rows)
    log = parsed.tables["walkthroughs"]
    assert (log["hours"].iloc[0], log["note"].iloc[0]) == (4.0, "好")
    assert parsed.problems == []


def test_column_key_maps_a_written_header_back_to_its_column():
    from analytics.ingest.headers import column_key

    assert column_key("roster", "*工号") == "employee_id"
    assert column_key("walkthroughs", "时长（小时）(必填)") == "hours"
    assert column_key("issues", "負責人") is None
