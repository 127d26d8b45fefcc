"""資料匯入's preview tells the truth (issue #16 item 10): what the import will do, shown before the button.

The sample workbook of conftest (名冊 13 staff, 穿越 6 rows, 問題 3 issues = 22 rows) has one log row for X999, who
is on no roster: the import keeps it and warns. Before this issue the preview said "0 warnings" and only the result
had the warning; a second upload of the same file previewed "importable" and only after the button said "already
imported".
"""

from __future__ import annotations

import datetime as dt

from tests.pages.conftest import ISSUES, ROSTER, open_page, sample_workbook, texts, workbook_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _problems(at) -> list[str]:
    """The 說明 (what to do) column of every problems table on the page."""
    return [m for d in at.dataframe if "說明" in d.value.columns for m in d.value["說明"].tolist()]


def test_the_preview_shows_the_database_warnings_and_the_result_agrees(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = open_page("pages/data_import.py")
    at.file_uploader[0].set_value(("good.xlsx", sample_workbook(), XLSX)).run()
    assert not at.exception
    shown = texts(at)
    assert any(s.startswith(":material/description: **good\\.xlsx** · ") and s.endswith(" · :green-badge[將全部匯入]")
               for s in shown.splitlines())
    assert "可匯入 22 列 · 將被拒絕 0 列 · 錯誤 0 · 提示 1 · 說明 0" in shown
    assert "確認匯入後：新增 22 列 · 更新 0 列 · 未變 0 列" in shown
    unknown = "工號 X999 不在人員名冊中：仍計入穿越量，但不計入配額。請確認工號或補充名冊。"
    assert _problems(at) == [unknown]  # before the button
    assert not (tmp_path / "w.duckdb").exists()  # previewing wrote nothing (not even an empty database)
    at.button(key="commit").click().run()
    assert not at.exception
    assert "**good\\.xlsx** · :green-badge[已匯入] · 批次 #1" in texts(at)
    assert _problems(at) == [unknown]  # the result has exactly the warning the preview showed


def test_a_file_already_imported_is_previewed_as_such_and_not_offered(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = open_page("pages/data_import.py")
    good = sample_workbook()  # one set of bytes: openpyxl stamps the time into every workbook it writes
    at.file_uploader[0].set_value(("good.xlsx", good, XLSX)).run()
    at.button(key="commit").click().run()
    assert "**good\\.xlsx** · :green-badge[已匯入] · 批次 #1" in texts(at)
    # the same bytes under another name, with a new file beside it
    roster = [ROSTER[0], ("N001", "新同事", "東海省公司", "省公司", None, "市場部", "主要業務部門", "員工",
                          dt.date(2026, 2, 1))]
    at.file_uploader[0].set_value([("again.xlsx", good, XLSX),
                                   ("new.xlsx", workbook_bytes({"名冊": roster}), XLSX)]).run()
    assert not at.exception
    shown = texts(at)
    assert any(s.startswith(":material/description: **again\\.xlsx** · ") and s.endswith(" · :gray-badge[先前已匯入]")
               for s in shown.splitlines())
    assert [i.value for i in at.info] == [
        "此檔案與批次 1 完全相同，先前已匯入：確認匯入不會有任何變更，因此不列入本次匯入。如要更正該批次，請上傳修正後的檔案。"]
    # only new.xlsx is imported: one roster row, new
    assert at.button(key="commit").label == "確認匯入 1 個檔案"
    assert "確認匯入後：新增 1 列 · 更新 0 列 · 未變 0 列" in shown
    at.button(key="commit").click().run()
    assert not at.exception
    results = at.session_state["_import_results"]
    assert [(r.file_name, r.status, r.batch_id) for r in results] == [("new.xlsx", "imported", 2)]
    # the already imported file alone: nothing to import, the button says so and is disabled
    at.file_uploader[0].set_value([("again.xlsx", good, XLSX)]).run()
    assert at.button(key="commit").label == "確認匯入 0 個檔案" and at.button(key="commit").disabled


def test_an_owner_unit_on_no_roster_is_warned_in_preview_and_result(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = open_page("pages/data_import.py")
    issue = ("I9", None, None, dt.date(2026, 5, 2), "網路質量", "機房漏水", "火星分公司", "待處理",
             dt.date(2026, 7, 31), None)
    at.file_uploader[0].set_value(("issues.xlsx", workbook_bytes({"名冊": ROSTER, "問題": [*ISSUES, issue]}),
                                   XLSX)).run()
    assert not at.exception
    warning = ("責任單位「火星分公司」不在任何人員名冊中：問題仍會匯入，但不會出現在任何公司的範圍內。"
               "請確認單位名稱與名冊的「公司」一致，或先匯入該單位的名冊。")
    assert _problems(at) == [warning]
    assert "可匯入 17 列 · 將被拒絕 0 列 · 錯誤 0 · 提示 1 · 說明 0" in texts(at)  # 13 staff + 4 issues
    at.button(key="commit").click().run()
    assert _problems(at) == [warning]
    counts = next(d.value for d in at.dataframe if "未變" in d.value.columns).set_index("表格")
    assert counts.loc["問題跟蹤", "新增"] == 4 and counts.loc["問題跟蹤", "提示"] == 1
