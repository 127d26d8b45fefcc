"""The whole flow in a real browser (issue #4 item 9): first run, upload, every page, language, period, scope,
heatmap drill-down and the owed-list download."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.browser.conftest import SAMPLE, assert_no_error, shoot, streamlit_server, wait_idle

pytestmark = pytest.mark.browser

BAD_LOG = [*SAMPLE.LOG, ("A9", "H004", "10/5/2026", "常規穿越", "其他", "個人穿越", 2)]
NAV = '[data-testid="stSidebarNav"]'
# url path (file stem), title in 繁體中文, title in English
PAGES = [
    ("home", "總覽", "Overview"), ("compliance", "配額達標", "Quota compliance"), ("briefing", "簡報", "Briefing"),
    ("volume", "穿越量", "Volume"), ("issues", "問題跟蹤", "Issues"), ("discipline", "流程規範", "Process discipline"),
    ("quality", "資料品質", "Data quality"), ("data_import", "資料匯入", "Import data"),
    ("batches", "匯入紀錄", "Import history"), ("admin", "系統管理", "Administration"),
]


def test_first_run_upload_counts_and_rejects(page, tmp_path):
    with streamlit_server(tmp_path / "w.duckdb", tmp_path / "users.yaml") as url:
        # The first session after a server start reaches the router through ui/__init__.py's rerun (Streamlit
        # starts in its pages-directory mode because the folder is named pages/); every later visit must show
        # one navigation, in Chinese, from its very first paint, never the file names of pages/.
        page.goto(url)
        page.get_by_text("歡迎使用 流程穿越 analytics").wait_for(timeout=30000)
        page.goto(f"{url}/compliance")
        page.wait_for_selector(NAV)
        first_paint = page.inner_text(NAV)
        assert "data import" not in first_paint and "compliance" not in first_paint.split()
        page.goto(url)
        wait_idle(page)
        assert "歡迎使用 流程穿越 analytics" in page.inner_text("body")
        nav = page.inner_text(NAV)
        assert "資料匯入" in nav and "data_import" not in nav and "app" not in nav.split()
        shoot(page, "welcome")

        page.goto(f"{url}/data_import")
        wait_idle(page)
        bad = SAMPLE.workbook_bytes({"名冊": SAMPLE.ROSTER, "記錄": BAD_LOG})
        page.locator('input[type="file"]').set_input_files([
            {"name": "good.xlsx", "mimeType": "application/octet-stream", "buffer": SAMPLE.sample_workbook()},
            {"name": "bad.xlsx", "mimeType": "application/octet-stream", "buffer": bad},
        ])
        page.get_by_text("可匯入 19 列 · 將被拒絕 1 列").wait_for(timeout=30000)
        wait_idle(page)
        shoot(page, "import_preview")
        page.get_by_role("button", name="確認匯入 2 個檔案").click()
        page.get_by_text("匯入結果").wait_for(timeout=60000)
        wait_idle(page)
        body = page.inner_text("body")
        assert "已匯入" in body and "部分匯入" in body
        shoot(page, "import_results")
        with page.expect_download() as info:
            page.get_by_role("button", name="下載未匯入的列（含原因，可修正後重新上傳）").click()
        book = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
        ws = book.worksheets[0]
        header = [c.value for c in ws[1]]
        row = dict(zip(header, [c.value for c in ws[2]], strict=False))
        assert row["穿越日期"] == "10/5/2026" and "錯誤原因" in header

        # the new data shows at once on the overview: Q2 of the sample = 3 activities (see tests/pages/conftest.py)
        page.goto(f"{url}/?period=2026Q2&kind=quarter&as_of=2026-06-30")
        wait_idle(page)
        card = page.locator('[data-testid="stMetric"]').filter(has_text="穿越活動")
        assert card.locator('[data-testid="stMetricValue"]').inner_text().strip() == "3"
        assert_no_error(page)


def test_every_page_languages_period_scope_and_drilldown(page, demo_db, tmp_path):
    with streamlit_server(demo_db, tmp_path / "users.yaml") as url:
        page.goto(url)  # the first session after the start goes through ui/__init__.py's rerun (see above)
        page.get_by_text("總覽").first.wait_for(timeout=30000)
        for stem, zh, _en in PAGES:
            page.goto(f"{url}/{'' if stem == 'home' else stem}?as_of=2026-11-25")
            wait_idle(page, settle=1.0)
            assert_no_error(page)
            assert zh in page.inner_text(NAV)
            if stem == "briefing":  # built on request; then the Word file downloads and opens
                page.get_by_role("button", name="產生簡報").click()
                page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60000)
                wait_idle(page, settle=1.0)
                with page.expect_download() as info:
                    page.get_by_role("button", name="下載 Word 簡報").click()
                doc = Document(io.BytesIO(open(info.value.path(), "rb").read()))
                assert "流程穿越服務分析會簡報" in "".join(p.text for p in doc.paragraphs[:10])
                assert info.value.suggested_filename.endswith(".docx") and doc.tables and doc.inline_shapes
            shoot(page, f"page_{stem}")

        # language: English everywhere in the navigation, and the URL remembers it
        page.goto(f"{url}/?as_of=2026-11-25")
        wait_idle(page)
        _choose(page, "語言", "English")
        wait_idle(page)
        nav = page.inner_text(NAV)
        assert all(en in nav for _stem, _zh, en in PAGES)
        assert "lang=en" in page.url
        # the other controls show their values in English too (not the labels of the previous language)
        values = [c.input_value() for c in page.locator('[data-testid="stSidebar"] [role="combobox"]').all()]
        assert values == ["All companies", "2026", "All levels", "English"]
        shoot(page, "overview_en")

        # period kind and scope: quarters, then one province; both land in the URL
        page.get_by_text("Quarter", exact=True).click()
        wait_idle(page)
        assert "kind=quarter" in page.url
        _choose(page, "Company scope", "省")
        wait_idle(page)
        assert "scope=" in page.url
        assert_no_error(page)

        # compliance: click a heatmap cell, see who still owes, download the list (one sheet per department)
        page.goto(f"{url}/compliance?as_of=2026-11-25&lang=zh-Hant")
        wait_idle(page, settle=1.0)
        shoot(page, "compliance")
        _click_first_heatmap_cell(page)
        wait_idle(page)
        body = page.inner_text("body")
        assert "尚未開展穿越的人員" in body or "所有人員均已完成" in body
        if "尚未開展穿越的人員" in body:
            with page.expect_download() as info:
                page.get_by_role("button", name="下載名單（每個部門一個工作表）").click()
            book = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
            assert book.sheetnames and [c.value for c in book.worksheets[0][1]] == ["工號", "姓名", "公司", "部門",
                                                                                    "職級"]
        shoot(page, "compliance_drilldown")
        assert_no_error(page)

        # a quarterly rule: company × quarter
        _choose(page, "配額規則", "CITY-DEPT-Q", where='[data-testid="stMain"]')
        wait_idle(page, settle=1.0)
        assert_no_error(page)
        shoot(page, "compliance_city_quarters")


def _choose(page, label: str, option, where: str = '[data-testid="stSidebar"]') -> None:
    """Pick the first option containing ``option`` in the selectbox (in ``where``) whose label contains ``label``."""
    box = page.locator(f'{where} [data-testid="stSelectbox"]').filter(has_text=label)
    box.scroll_into_view_if_needed()
    combo = box.get_by_role("combobox")
    options = page.get_by_role("option").filter(has_text=option)
    for _ in range(3):  # the list sometimes needs a second open while the app is still settling
        combo.click()
        try:
            options.first.wait_for(timeout=5000)
            break
        except Exception:  # noqa: BLE001 - retry opening
            page.keyboard.press("Escape")
    options.first.click()


def _click_first_heatmap_cell(page) -> None:
    """Click the centre of the first cell of the heatmap (Plotly's own axis mapping gives its pixel position)."""
    plot = page.locator(".js-plotly-plot").first
    plot.scroll_into_view_if_needed()
    x, y = plot.evaluate(
        """(gd) => {
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const r = gd.getBoundingClientRect();
            return [r.left + xa._offset + xa.l2p(0), r.top + ya._offset + ya.l2p(0)];
        }"""
    )
    page.mouse.click(x, y)
