"""Issue #16 item 10 in a real browser: a second upload of an imported file is previewed as already imported,
before the button, and is not offered for import; its unknown 工號 (X999 of the sample) shows in the preview."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SAMPLE, assert_no_error, shoot, streamlit_server, wait_idle

pytestmark = pytest.mark.browser


def test_the_preview_of_an_already_imported_file(page, tmp_path):
    good = SAMPLE.sample_workbook()  # one set of bytes, uploaded twice
    with streamlit_server(tmp_path / "w.duckdb", tmp_path / "users.yaml") as url:
        page.goto(f"{url}/data_import")
        wait_idle(page)
        page.locator('input[type="file"]').set_input_files([
            {"name": "good.xlsx", "mimeType": "application/octet-stream", "buffer": good}])
        # the database's own warning (X999 is on no roster) is in the preview, before the button
        page.get_by_text("可匯入 22 列 · 將被拒絕 0 列 · 錯誤 0 · 提示 1 · 說明 0").wait_for(timeout=30000)
        wait_idle(page)
        assert "將全部匯入" in page.inner_text("body")
        page.get_by_role("button", name="確認匯入 1 個檔案").click()
        page.get_by_text("匯入結果").wait_for(timeout=60000)
        wait_idle(page)

        page.locator('input[type="file"]').set_input_files([
            {"name": "good.xlsx", "mimeType": "application/octet-stream", "buffer": good}])
        page.get_by_text("此檔案與批次 1 完全相同，先前已匯入").wait_for(timeout=30000)
        wait_idle(page)
        body = page.inner_text("body")
        assert "先前已匯入" in body and "將全部匯入" not in body
        button = page.get_by_role("button", name="確認匯入 0 個檔案")
        assert button.is_disabled()
        assert_no_error(page)
        shoot(page, "import_preview_already_imported")
