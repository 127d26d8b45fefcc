"""The 計畫 page's document box in headless Chromium (issue #14 item 4) on the hand-made store: choose a person's
month by clicking, download the task book and the summary form, in three languages (screenshots looked at)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.browser.conftest import assert_no_error, browser, page, shoot, streamlit_server, wait_idle  # noqa: F401
from tests.plans.handmade import build

pytestmark = pytest.mark.browser

TITLES = {"zh-Hant": ("穿越任務書與總結表", "某人某月的全部計畫", "工號", "1 個計畫：I6", "下載穿越總結表（.xlsx）"),
          "zh-Hans": ("穿越任务书与总结表", "某人某月的全部计划", "工号", "1 个计划：I6", "下载穿越总结表（.xlsx）"),
          "en": ("Task books and summary forms", "A person's plans of a month", "Employee ID", "1 plan(s): I6",
                 "Download the summary form (.xlsx)")}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("docs_browser")
    db = build(folder / "plans.duckdb")
    with streamlit_server(db, folder / "no-users.yaml") as url:
        yield url


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans", "en"])
def test_a_persons_month_downloads_both_documents(server, page, lang, tmp_path):  # noqa: F811
    title, person_mode, id_label, ready, form_label = TITLES[lang]
    page.goto(server)  # the first run of a fresh server settles the router (tests/browser)
    wait_idle(page)
    page.goto(f"{server}/plans?as_of=2026-10-15&lang={lang}")
    wait_idle(page)
    page.get_by_text(title, exact=True).wait_for()
    page.get_by_text(title, exact=True).scroll_into_view_if_needed()
    page.get_by_role("radio", name=person_mode).click()  # a segmented control's options are radios
    wait_idle(page)
    box = page.get_by_label(id_label, exact=True)
    box.wait_for(timeout=60_000)
    box.fill("C01")
    box.press("Enter")
    page.get_by_text(ready, exact=True).wait_for(timeout=60_000)  # the rerun may start after a busy pause
    wait_idle(page)
    assert_no_error(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=".docx").click()
    book = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == "穿越任務書_C01_2026-10.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(book)).paragraphs)
    assert "I6" in text and "2026-10-17" in text  # 10-20 − 3
    with page.expect_download() as info:
        page.get_by_role("button", name=form_label).click()
    form = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).worksheets[0]
    assert [c.value for c in form[5]][:3] == ["I6", "C01", "甲一"]
    page.get_by_text(title, exact=True).scroll_into_view_if_needed()
    shoot(page, f"plans_documents_{lang}")
