"""Issue #15 sections in the dashboard: 簡報 › 上報總部 (a province) and 各省上報 (總部 / all), 系統管理 › 提醒郵件,
in the three languages. Local single-user mode (admin rights); the hand-made provinces of tests/remind/provinces.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.remind.run import run_reminders
from tests.pages.conftest import open_page, texts
from tests.remind.provinces import AS_OF, build_provinces


@pytest.fixture(scope="module")
def provinces_db(tmp_path_factory):
    db = build_provinces(tmp_path_factory.mktemp("report_pages") / "walkthrough.duckdb")
    from analytics.store.importer import import_files

    contacts = "公司,部門,姓名,電子郵件\n甲一市分公司,,甲一聯繫人,jia1@example.com\n".encode()
    assert import_files([("contacts.csv", contacts)], db_path=db, user="t")[0].status == "imported"
    result = run_reminders(db, dt.date(2026, 9, 20), user="cron", out_dir=tmp_path_factory.mktemp("eml"))
    assert (result.messages, result.sent) == (1, 1)  # jia1@ (lead department): a1 owes CITY-RECEPT-M 2026-09
    return db


@pytest.mark.parametrize("lang, button, done", [
    ("zh-Hant", "產生並上報總部", "已上報：甲省公司 2026Q3"),
    ("zh-Hans", "生成并上报总部", "已上报：甲省公司 2026Q3"),  # mainland 生成 (analytics.textnorm.MAINLAND_WORDS)
    ("en", "Make and submit to 總部", "Submitted: 甲省公司 2026Q3"),
])
def test_a_province_submits_its_report_from_the_briefing_page(provinces_db, use_db, lang, button, done):
    use_db(provinces_db)
    at = open_page("pages/briefing.py", period="2026Q3", kind="quarter", as_of=AS_OF.isoformat(), scope="甲省公司",
                   lang=lang)
    assert not at.exception, at.exception
    submit = at.button(key="report_submit")
    assert submit.label == button
    submit.click().run()
    assert not at.exception, at.exception
    assert done in texts(at)
    assert len(at.get("download_button")) >= 2


@pytest.mark.parametrize("lang, title, first_col", [
    ("zh-Hant", "各省上報", "名次"), ("zh-Hans", "各省上报", "名次"), ("en", "Provinces' reports", "Rank")])
def test_hq_sees_the_provinces_reports_and_ranking(provinces_db, use_db, lang, title, first_col):
    use_db(provinces_db)
    at = open_page("pages/briefing.py", period="2026Q3", kind="quarter", as_of=AS_OF.isoformat(), lang=lang)
    assert not at.exception, at.exception
    assert title in texts(at), texts(at)
    [frame] = [d.value for d in at.dataframe if list(d.value.columns)[:1] == [first_col]]
    assert frame.columns[0] == first_col
    assert frame.iloc[:, 1].tolist() == ["乙省公司", "甲省公司"]  # 3/7 of quota results met before 2/11 (tests/remind/provinces.py)


def test_a_city_scope_shows_neither_button_nor_ranking(provinces_db, use_db):
    use_db(provinces_db)
    at = open_page("pages/briefing.py", period="2026Q3", kind="quarter", as_of=AS_OF.isoformat(),
                   scope="甲一市分公司")
    assert not at.exception, at.exception
    assert "report_submit" not in [b.key for b in at.button]
    assert "各省上報" not in texts(at)


@pytest.mark.parametrize("lang, tab, sent", [("zh-Hant", "提醒郵件", "已發送"), ("zh-Hans", "提醒邮件", "已发送"),
                                             ("en", "Reminders", "Sent")])
def test_admin_lists_the_last_reminder_runs(provinces_db, use_db, lang, tab, sent):
    use_db(provinces_db)
    at = open_page("pages/admin.py", lang=lang)
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs][-1] == tab
    [runs] = [d.value for d in at.dataframe if sent in d.value.columns]
    assert runs[sent].tolist()[-1] == 1 and runs.iloc[-1, 2] == "cron"
