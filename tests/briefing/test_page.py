"""簡報 page: preview from the same model as the files, downloads generated on click, no traceback when empty."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics.textnorm import match_key
from tests.briefing.conftest import fill

ROOT = Path(__file__).resolve().parents[2]
PARAMS = {"period": "2026-10", "kind": "month", "as_of": "2026-11-25"}


@pytest.fixture(autouse=True)
def _local_mode(monkeypatch, tmp_path):
    """Local single-user run (SPEC 8): 127.0.0.1 and no users file; clean caches around each test."""
    from streamlit import config

    monkeypatch.setenv("WALKTHROUGH_USERS", str(tmp_path / "no-users.yaml"))
    previous = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    st.cache_data.clear()
    yield
    st.cache_data.clear()
    config.set_option("server.address", previous)


@pytest.fixture(scope="module")
def page_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "tiny.duckdb"
    con = duckdb.connect(str(path))
    fill(con)
    con.close()
    return path


def _open(db: Path, monkeypatch, **params: str) -> AppTest:
    monkeypatch.setenv("WALKTHROUGH_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in {**PARAMS, **params}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/briefing.py")
    at.run()
    if not at.exception and at.button:  # the page opens with what it will cover and a button
        at.button(key="brief_build").click().run()
    return at


def test_preview_shows_the_hand_worked_figures(page_db, monkeypatch):
    at = _open(page_db, monkeypatch, scope=match_key("東海省公司"))
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    # conftest: October in 東海省公司 with its city: 3 activities (+2 on September), 4 person-times, 1/3 resolved
    assert metrics["穿越次數"] == "3" and metrics["參與人次"] == "4" and metrics["問題解決率"] == "33.3%"
    deltas = {m.label: m.delta for m in at.metric}
    assert deltas["穿越次數"] == "+2"
    summary = "\n".join(str(m.value) for m in at.markdown)
    assert "本月共開展穿越 3 次" in summary
    tables = [df.value for df in at.dataframe]
    # October's results are its two reception-day results (count rules): nobody is listed as owing, and the page
    # says why instead of "everyone has gone" (tests/briefing/test_model.py test_month_briefing_counts_only_...)
    assert not any("工號" in t.columns for t in tables)
    assert any("沒有按參與比例考核的配額結果" in str(i.value) for i in at.info)
    overdue = next(t for t in tables if "問題描述" in t.columns)
    assert list(overdue["問題描述"]) == ['=HYPERLINK("http://x","y")']  # shown as text in a grid
    buttons = [b for b in at.get("download_button")]
    assert len(buttons) == 3


def test_quarter_preview_lists_the_people_owed(page_db, monkeypatch):
    """2026Q4 (conftest briefing_q4): CITY-DEPT-Q 濱江市分公司·客戶服務部 is 1 of 3, in progress; C2 and C3 owe."""
    at = _open(page_db, monkeypatch, scope=match_key("東海省公司"), period="2026Q4", kind="quarter")
    assert not at.exception
    owed = next(df.value for df in at.dataframe if "工號" in df.value.columns)
    assert list(owed["工號"]) == ["C2", "C3"]


def test_first_month_with_data_shows_no_change(page_db, monkeypatch):
    """September 2026 is the first month with data (conftest): no arrow on the cards, a note instead (as the
    overview); before the fix every card showed the whole figure as a rise (+1 activities, ...)."""
    at = _open(page_db, monkeypatch, scope=match_key("東海省公司"), period="2026-09")
    assert not at.exception
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    # September in 東海省公司 with its city: P1's one walkthrough -> 1 activity; I3 raised on 09-15 -> 1 issue
    assert metrics["穿越次數"] == ("1", "") and metrics["提出問題建議數"] == ("1", "")  # AppTest: no delta = ""
    assert all(not delta for _, delta in metrics.values())
    assert "上一期間（2026 年 8 月）沒有資料，不顯示變化。" in [str(c.value) for c in at.caption]


def test_english_preview(page_db, monkeypatch):
    at = _open(page_db, monkeypatch, lang="en")
    # the values behind the sidebar's controls (ui.state._PARAMS), as after a user switched them
    at.session_state["ctl_lang"] = "en"
    at.session_state["ctl_scope"] = "__all__"
    at.run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert labels[:3] == ["Activities", "Person-times", "Participants"]
    # all companies: H2's special walkthrough adds one activity -> 4
    assert at.metric[0].value == "4"


def test_empty_database_shows_what_to_do(tmp_path, monkeypatch):
    at = _open(tmp_path / "none" / "walkthrough.duckdb", monkeypatch)
    assert not at.exception
    assert any("還沒有資料" in str(i.value) for i in at.info)


def test_page_opens_without_building_until_asked(page_db, monkeypatch):
    """Opening the page only says what the briefing will cover; the button builds it, and from then on a change
    of the controls in the session rebuilds it without another click."""
    monkeypatch.setenv("WALKTHROUGH_DB", str(page_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in {**PARAMS, "scope": match_key("東海省公司")}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/briefing.py")
    at.run()
    assert not at.exception
    assert len(at.metric) == 0 and len(at.get("download_button")) == 0
    assert any(str(c.value).startswith("簡報範圍：東海省公司 · 2026年10月 · 資料截至 2026-11-25。")
               for c in at.caption)
    at.button(key="brief_build").click().run()
    assert {m.label: m.value for m in at.metric}["穿越次數"] == "3"  # October, as in the first test
    at.query_params["period"] = "2026-09"
    at.session_state["ctl_period"] = "2026-09"
    at.run()
    assert {m.label: m.value for m in at.metric}["穿越次數"] == "1"  # September: rebuilt, no second click
