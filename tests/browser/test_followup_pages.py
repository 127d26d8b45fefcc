"""Issue #15 in a real browser on the demo year: 各省上報 (all companies), 上報總部 for a province, and 系統管理 ›
提醒郵件, in the three languages. Screenshots in test-artifacts/screenshots/followup_*.png."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from tests.browser.conftest import assert_no_error, shoot, streamlit_server, wait_idle

pytestmark = pytest.mark.browser

LANGS = {"zh-Hant": ("各省上報", "上報總部", "提醒郵件"), "zh-Hans": ("各省上报", "上报总部", "提醒邮件"),
         "en": ("Provinces' reports", "Report to 總部", "Reminders")}


def test_followup_sections_in_three_languages(page, demo_db, tmp_path):
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, db)  # this test writes (a reminder run, a submission): never into the shared demo
    from analytics.remind.run import run_reminders

    assert run_reminders(db, dt.date(2026, 11, 25), user="cron", out_dir=tmp_path / "eml").sent > 0
    with streamlit_server(db, tmp_path / "no-users.yaml") as url:
        page.goto(url)
        wait_idle(page)
        for lang, (ranking, submit, reminders) in LANGS.items():
            page.goto(f"{url}/briefing?period=2026Q3&kind=quarter&as_of=2026-11-25&lang={lang}")
            wait_idle(page)
            assert_no_error(page)
            page.get_by_text(ranking, exact=True).first.wait_for()
            page.locator('[data-testid="stDataFrame"]').first.wait_for()  # a canvas grid: the values are in AppTest
            shoot(page, f"followup_ranking_{lang}")
            page.goto(f"{url}/briefing?period=2026Q3&kind=quarter&as_of=2026-11-25&scope=西川省公司&lang={lang}")
            wait_idle(page)
            assert_no_error(page)
            page.get_by_text(submit, exact=True).first.wait_for()
            if lang == "zh-Hant":
                page.get_by_role("button", name="產生並上報總部").click()
                wait_idle(page, settle=1.5)
                page.get_by_text("已上報：西川省公司 2026Q3", exact=False).first.wait_for()
                page.get_by_text("下載上報數據表 (.xlsx)").first.wait_for()
                with page.expect_download() as download:
                    page.get_by_text("下載上報數據表 (.xlsx)").first.click()
                assert download.value.suggested_filename == "upward_report_2026Q3_西川省公司_data.xlsx"
            shoot(page, f"followup_submit_{lang}")
            page.goto(f"{url}/admin?lang={lang}")
            wait_idle(page)
            page.get_by_role("tab", name=reminders).click()
            wait_idle(page)
            assert_no_error(page)
            shoot(page, f"followup_reminders_{lang}")
