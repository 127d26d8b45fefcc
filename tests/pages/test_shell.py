"""The router and the shared sidebar (issue #4 items 1-2): controls in the URL, language, company tree."""

from __future__ import annotations

from tests.pages.conftest import open_page, texts


def _sidebar(at, label_fragment: str):
    return next(e for e in at.sidebar.selectbox if label_fragment in e.label)


def test_controls_come_from_and_go_to_the_url(sample_db, use_db):
    use_db(sample_db)
    at = open_page(period="2026-04", kind="month", as_of="2026-06-30", scope="东海省公司", lang="zh-Hant")
    assert not at.exception
    assert at.sidebar.radio[0].value == "month"
    assert _sidebar(at, "期間").value == "2026-04"
    # months with data: A1/A2/I1 in March, A3/A4/I2 in April, A5/I3 in May -> newest first
    assert _sidebar(at, "期間").options == ["2026年5月", "2026年4月", "2026年3月"]
    assert str(at.sidebar.date_input[0].value) == "2026-06-30"
    # the scope key is match_key("東海省公司") (folded to Simplified) and the URL keeps it
    assert _sidebar(at, "公司範圍").value == "东海省公司"
    assert at.query_params["scope"] == "东海省公司"
    assert at.query_params["period"] == "2026-04"


def test_company_scope_is_a_tree_with_indented_names(sample_db, use_db):
    use_db(sample_db)
    at = open_page()
    # 總部, then 東海省公司 one level in, then its city 海濱市分公司 two levels in (ideographic spaces)
    assert _sidebar(at, "公司範圍").options == ["全部公司", "總部", "\u3000東海省公司", "\u3000\u3000海濱市分公司"]


def test_an_unknown_period_in_the_url_falls_back_to_the_newest_with_data(sample_db, use_db):
    use_db(sample_db)
    at = open_page(period="1999Q9", kind="quarter", scope="nowhere")
    assert not at.exception
    assert _sidebar(at, "期間").value == "2026Q2"
    assert _sidebar(at, "公司範圍").value == "__all__"


def test_language_switch_changes_every_label(sample_db, use_db):
    use_db(sample_db)
    at = open_page(period="2026Q2", kind="quarter", as_of="2026-06-30", lang="en")
    assert not at.exception
    labels = [e.label for e in at.sidebar.selectbox]
    assert labels == ["Company scope", "Period", "Level", "Language 語言"]
    assert _sidebar(at, "Period").options == ["2026 Q2", "2026 Q1"]
    assert "Activities=3" in texts(at)
    _sidebar(at, "Language").set_value("zh-Hans").run()
    assert "穿越活动=3" in texts(at)
    # (the URL side of the switch is checked in the browser test: AppTest does not report URL writes back)
    assert _sidebar(at, "Language").value == "zh-Hans"


def test_empty_database_shows_the_welcome_and_no_error(empty_db):
    at = open_page()
    assert not at.exception
    assert not at.error
    assert "歡迎使用 流程穿越 analytics" in texts(at)
    assert [b.label for b in at.button] == ["載入示範資料"]


def _viewer_sidebar():
    import streamlit as st

    from analytics.auth.model import User
    from ui.auth import allowed_scope
    from ui.state import render_sidebar

    user = User("v", "Viewer", "viewer", "東海省公司")
    controls = render_sidebar(user, allowed_scope(user))  # as app.py calls it
    st.text(f"scope={controls.scope_key}")


def test_a_viewer_sees_only_its_scope(sample_db, use_db):
    """SPEC 8: a viewer of 東海省公司 may pick itself or its city, never 總部 or "all companies"."""
    from streamlit.testing.v1 import AppTest

    use_db(sample_db)
    at = AppTest.from_function(_viewer_sidebar, default_timeout=60)
    at.run()
    assert not at.exception
    assert _sidebar(at, "公司範圍").options == ["\u3000東海省公司", "\u3000\u3000海濱市分公司"]
    assert [t.value for t in at.text] == ["scope=东海省公司"]
    _sidebar(at, "公司範圍").set_value("海滨市分公司").run()
    assert [t.value for t in at.text] == ["scope=海滨市分公司"]
