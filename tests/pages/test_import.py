"""資料匯入 Import (issue #4 item 3): preview per file, strict mode, commit, results, rejects download, size limit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests.pages.conftest import LOG, ROSTER, open_page, sample_workbook, texts, workbook_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The log of conftest plus one row with an ambiguous date (SPEC 2.4: reject with a clear message).
BAD_LOG = [*LOG, ("A9", "H004", "10/5/2026", "常規穿越", "其他", "個人穿越", 2)]


def _import_page(db):
    at = open_page("pages/data_import.py")
    assert not at.exception
    return at


def test_preview_then_commit_shows_counts_and_rejects(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = _import_page(tmp_path)
    bad = workbook_bytes({"名冊": ROSTER, "記錄": BAD_LOG})
    at.file_uploader[0].set_value([("good.xlsx", sample_workbook(), XLSX), ("bad.xlsx", bad, XLSX)]).run()
    assert not at.exception
    # each file's sheets (the problems of a file are a frame too: good.xlsx's unknown 工號 X999 is in its preview)
    sheets_good, sheets_bad = [d.value for d in at.dataframe if "有效列" in d.value.columns]
    # good.xlsx: 名冊 13 staff, 穿越 6 rows, 問題 3 issues, each header on row 1
    assert sheets_good.to_dict("list") == {
        "工作表": ["名冊", "穿越", "問題"], "辨識為": ["人員名冊", "穿越記錄", "問題跟蹤"], "表頭列": [1, 1, 1],
        "資料列": [13, 6, 3], "有效列": [13, 6, 3], "拒絕列": [0, 0, 0],
    }
    # bad.xlsx: the 7th log row has 10/5/2026 (month/day or day/month?) and is rejected
    assert list(sheets_bad["有效列"]) == [13, 6] and list(sheets_bad["拒絕列"]) == [0, 1]
    assert "可匯入 19 列 · 將被拒絕 1 列" in texts(at)
    at.button(key="commit").click().run()
    assert not at.exception
    shown = texts(at)
    assert "**good\\.xlsx** · :green-badge[已匯入] · 批次 #1" in shown
    # bad.xlsx repeats the roster (13 unchanged) and the 6 log rows (unchanged); its 10/5/2026 row is rejected
    assert "**bad\\.xlsx** · :orange-badge[部分匯入] · 批次 #2" in shown
    counts = [d.value for d in at.dataframe if "未變" in d.value.columns]
    assert len(counts) == 2
    # good.xlsx into an empty database: everything new
    assert counts[0].to_dict("list") == {"表格": ["人員名冊", "穿越記錄", "問題跟蹤"], "新增": [13, 6, 3],
                                         "更新": [0, 0, 0], "未變": [0, 0, 0], "拒絕": [0, 0, 0], "提示": [0, 1, 0]}
    counts_bad = counts[1].set_index("表格")
    assert counts_bad.loc["人員名冊", "未變"] == 13
    assert counts_bad.loc["穿越記錄", "未變"] == 6
    assert counts_bad.loc["穿越記錄", "拒絕"] == 1
    # the rejected row itself, with its reason, is listed on the page
    assert "未匯入的列：穿越記錄（1）" in [e.label for e in at.expander]
    rejected = [d.value for d in at.dataframe if "10/5/2026" in d.value.astype(str).to_numpy().ravel().tolist()]
    assert len(rejected) == 1
    download = [b for b in at.get("download_button") if b.proto.label.startswith("下載未匯入的列")]
    assert len(download) == 1


def test_rejects_workbook_has_the_reason_and_original_cells(use_db, tmp_path):
    from analytics.store.importer import import_files

    results = import_files([("bad.xlsx", workbook_bytes({"記錄": BAD_LOG}))], db_path=tmp_path / "w.duckdb",
                           user="t")
    book = load_workbook(io.BytesIO(results[0].rejects_xlsx()))
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    row = dict(zip(header, [c.value for c in ws[2]], strict=False))
    assert row["穿越日期"] == "10/5/2026"
    assert "錯誤原因" in header


def test_strict_mode_rejects_the_whole_file(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = _import_page(tmp_path)
    at.toggle(key="import_strict").set_value(True).run()
    at.file_uploader[0].set_value(("bad.xlsx", workbook_bytes({"名冊": ROSTER, "記錄": BAD_LOG}), XLSX)).run()
    assert at.button(key="commit").label == "確認匯入 1 個檔案（嚴格模式）"
    at.button(key="commit").click().run()
    assert ":red-badge[未匯入]" in texts(at)
    # nothing written: the overview still shows the first-run welcome
    at.switch_page("pages/home.py").run()
    assert "歡迎使用 流程穿越 analytics" in texts(at)


def test_new_import_shows_at_once_on_the_overview(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = open_page(None, period="2026Q2", kind="quarter", as_of="2026-06-30")
    assert "歡迎使用 流程穿越 analytics" in texts(at)
    at.switch_page("pages/data_import.py").run()
    at.file_uploader[0].set_value(("good.xlsx", sample_workbook(), XLSX)).run()
    at.button(key="commit").click().run()
    at.switch_page("pages/home.py").run()
    # the cache was cleared by the import: Q2 figures of conftest's data (3 activities) appear at once
    assert {m.label: m.value for m in at.metric}["穿越活動"] == "3"


@pytest.fixture
def small_upload_limit():
    from streamlit import config

    previous = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    yield
    config.set_option("server.maxUploadSize", previous)


def test_a_file_over_the_upload_limit_gets_a_clear_message(use_db, tmp_path, small_upload_limit):
    use_db(tmp_path / "w.duckdb")
    at = _import_page(tmp_path)
    big = b"x" * (1024 * 1024 + 1)
    at.file_uploader[0].set_value(("huge.csv", big, "text/csv")).run()
    assert not at.exception
    # the file name is Markdown-escaped (issue #7): "huge\.csv" in the source is shown as huge.csv
    assert [e.value for e in at.error] == [
        "「huge\\.csv」超過 1 MB 的上傳上限，未讀取。請分月或分公司拆成較小的檔案再上傳。"
    ]
    assert at.button(key="commit").disabled


def test_uploaded_names_are_shown_escaped(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = _import_page(tmp_path)
    at.file_uploader[0].set_value(("**<b>x</b>**.csv", "工號,姓名\n1,2\n".encode(), "text/csv")).run()
    headings = [m.value for m in at.markdown if "x" in m.value]
    assert any("\\*\\*\\<b\\>x\\</b\\>\\*\\*\\.csv" in h for h in headings)


def test_empty_database_shows_the_page_without_error(empty_db):
    at = open_page("pages/data_import.py")
    assert not at.exception and not at.error
    assert at.file_uploader[0].label == "拖放或選擇檔案（可多選）"



def test_a_corrected_file_replaces_the_import_it_corrects(use_db, tmp_path):
    """Issue #11 item 7 on the page: "this file corrects an earlier import" → the chosen batch is rolled back and
    the file imported in one step. Two log rows without 穿越編號; the corrected file moves H002's walk from 03-10 to
    03-11. Imported as a new batch it would leave 3 rows (the old one stays: rows without an id are keyed by content);
    as a correction of batch 1 the log holds exactly 2 rows."""
    import duckdb

    db = use_db(tmp_path / "w.duckdb")
    header = LOG[0]
    wrong = [header, (None, "H002", dt.date(2026, 3, 10), "常規穿越", "門市客戶扮演", "個人穿越", 4),
             (None, "P001", dt.date(2026, 3, 20), "客戶接待日", None, "個人穿越", 4)]
    fixed = [header, (None, "H002", dt.date(2026, 3, 11), "常規穿越", "門市客戶扮演", "個人穿越", 4), wrong[2]]
    at = _import_page(tmp_path)
    at.file_uploader[0].set_value([("march.xlsx", workbook_bytes({"名冊": ROSTER, "記錄": wrong}), XLSX)]).run()
    at.button(key="commit").click().run()
    assert not at.exception
    at.file_uploader[0].set_value([("march_fixed.xlsx", workbook_bytes({"名冊": ROSTER, "記錄": fixed}), XLSX)]).run()
    at.toggle(key="import_replaces").set_value(True).run()
    assert not at.exception
    choice = at.selectbox(key="import_replaces_batch")
    assert choice.value == 1 and choice.options[0].startswith("批次 1 · march.xlsx · ")
    at.button(key="commit").click().run()
    assert not at.exception
    assert "更正批次 1：該批次已回滾，本檔案取代其資料（同一交易完成）。" in texts(at)
    with duckdb.connect(str(db), read_only=True) as con:
        dates = con.execute("select employee_id, date from walkthroughs order by 1, 2").fetchall()
        batches = con.execute("select batch_id, status, replaces_batch from batches order by 1").fetchall()
    assert dates == [("H002", dt.date(2026, 3, 11)), ("P001", dt.date(2026, 3, 20))]
    assert batches == [(1, "rolled_back", None), (2, "active", 1)]


def test_correcting_needs_exactly_one_file(use_db, tmp_path):
    use_db(tmp_path / "w.duckdb")
    at = _import_page(tmp_path)
    at.file_uploader[0].set_value([("a.xlsx", sample_workbook(), XLSX),
                                   ("b.xlsx", workbook_bytes({"名冊": ROSTER}), XLSX)]).run()
    at.toggle(key="import_replaces").set_value(True).run()
    assert not at.exception
    assert "更正先前的匯入時，一次只能上傳一個檔案。" in texts(at)
    assert at.button(key="commit").disabled


def test_at_most_twelve_files_are_read_per_session(use_db, tmp_path):
    # issue #12 finding 3: 13 small CSVs at once → the first 12 are read (12 previews), the 13th is named and not
    # read; the session's cache of parsed files never holds more than 12
    use_db(tmp_path / "w.duckdb")
    at = _import_page(tmp_path)
    files = [(f"f{i:02d}.csv", f"工號,穿越日期,穿越類別\n{i:03d},2026-10-05,常規穿越\n".encode(), "text/csv")
             for i in range(13)]
    at.file_uploader[0].set_value(files).run(timeout=120)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "**f12\\.csv**: 一次最多讀取 12 個檔案；這個檔案未讀取。請先匯入前 12 個，再上傳其餘的檔案。"]
    assert len(at.session_state["_import_parsed"]) == 12
    assert at.button(key="commit").label == "確認匯入 12 個檔案"
