"""匯入紀錄 Batches (issue #4 item 8): who imported what and when, the original file, rollback with confirmation."""

from __future__ import annotations

from tests.pages.conftest import ISSUES, ROSTER, open_page, texts, workbook_bytes


def _two_batches(path):
    """Batch 1: the roster; batch 2: the issues (3 new)."""
    from analytics.store.importer import import_files

    import_files([("roster.xlsx", workbook_bytes({"名冊": ROSTER}))], db_path=path, user="alice")
    import_files([("issues.xlsx", workbook_bytes({"問題": ISSUES}))], db_path=path, user="bob")


def test_batches_are_listed_newest_first(use_db, tmp_path):
    path = use_db(tmp_path / "w.duckdb")
    _two_batches(path)
    at = open_page("pages/batches.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["批次"]) == [2, 1]
    assert list(table["檔案"]) == ["issues.xlsx", "roster.xlsx"]
    assert list(table["匯入人"]) == ["bob", "alice"]
    assert list(table["狀態"]) == ["有效", "有效"]
    assert list(table["人員名冊"]) == ["", "新增 13 · 更新 0"]
    assert list(table["問題跟蹤"]) == ["新增 3 · 更新 0", ""]
    # no walkthrough log, no strict import and no rollback yet: those columns are left out
    assert "穿越記錄" not in table.columns and "嚴格模式" not in table.columns and "撤銷（時間 · 人）" not in table.columns


def test_rollback_needs_the_batch_number_typed_then_undoes_it(use_db, tmp_path):
    path = use_db(tmp_path / "w.duckdb")
    _two_batches(path)
    at = open_page("pages/batches.py")
    at.session_state["batches_selected"] = 2
    at.run()
    assert [b.label for b in at.get("download_button")][0] == "下載原始檔案"
    at.button(key="rollback_2").click().run()
    confirm = at.button(key="rollback_confirm")
    assert confirm.disabled  # nothing typed yet
    at.text_input(key="rollback_typed").input("1").run()
    assert at.button(key="rollback_confirm").disabled  # the wrong number
    at.text_input(key="rollback_typed").input("2").run()
    at.button(key="rollback_confirm").click().run()
    assert not at.exception
    from analytics.i18n import t

    assert [s.value for s in at.success] == [t("store.rollback.done", "zh-Hant", batch=2)]
    table = at.dataframe[0].value
    assert list(table["狀態"]) == ["已撤銷", "有效"]
    # the issues are gone: with only the roster left the overview has no issue figures to show
    from analytics.store.connection import connect

    with connect(path, read_only=True) as con:
        assert con.execute("select count(*) from issues").fetchone()[0] == 0


def test_empty_database_says_nothing_was_imported(empty_db):
    at = open_page("pages/batches.py")
    assert not at.exception and not at.error
    assert "尚未匯入任何檔案。" in texts(at)
