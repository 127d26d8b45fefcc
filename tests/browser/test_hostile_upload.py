"""Issue #12 finding 3 against the running server: the 1.7 KB sparse workbook and a file that exhausts the parse's
memory are uploaded in one session while another session keeps working; the server survives and the uploader
reads a message naming each file and what to do."""

from __future__ import annotations

import os
import urllib.request
from contextlib import contextmanager

import pytest

from tests.browser.conftest import streamlit_server, wait_idle
from tests.ingest.test_bombs import HEADER_ROW, far_cell_xls, workbook

pytestmark = pytest.mark.browser


@contextmanager
def parse_memory(mb: int):
    """The server's parse cap (WALKTHROUGH_PARSE_MEMORY_MB, read when the server imports the sandbox)."""
    before = os.environ.get("WALKTHROUGH_PARSE_MEMORY_MB")
    os.environ["WALKTHROUGH_PARSE_MEMORY_MB"] = str(mb)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("WALKTHROUGH_PARSE_MEMORY_MB")
        else:
            os.environ["WALKTHROUGH_PARSE_MEMORY_MB"] = before


def test_bombs_uploaded_to_the_running_server_end_only_their_parse(browser, tmp_path):
    sparse = workbook(HEADER_ROW + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    # 800 MB: the far-cell .xls (16,777,216 cells, not measurable before reading) exceeds it, so its child dies
    with parse_memory(800), streamlit_server(tmp_path / "w.duckdb", tmp_path / "users.yaml") as url:
        other = browser.new_context(locale="zh-TW").new_page()
        other.goto(url)
        other.get_by_text("歡迎使用 流程穿越 analytics").wait_for(timeout=30000)

        uploader = browser.new_context(locale="zh-TW").new_page()
        uploader.goto(f"{url}/data_import")
        wait_idle(uploader)
        uploader.locator('input[type="file"]').set_input_files([
            {"name": "sparse.xlsx", "mimeType": "application/octet-stream", "buffer": sparse},
            {"name": "far.xls", "mimeType": "application/octet-stream", "buffer": far_cell_xls()},
        ])
        uploader.get_by_text("讀取這個檔案所需的記憶體超出上限").wait_for(timeout=60000)
        wait_idle(uploader)
        body = uploader.inner_text("body")
        assert "sparse.xlsx" in body and "工作表的資料範圍過大（約 17,179,869,184 個儲存格，上限 10,000,000）" in body
        assert "far.xls" in body and "Ctrl+End" in body

        # the server still answers, and the other session still works
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
            assert response.status == 200
        other.goto(f"{url}/data_import")
        wait_idle(other)
        assert "資料匯入" in other.inner_text("body")
        other.context.close()
        uploader.context.close()
