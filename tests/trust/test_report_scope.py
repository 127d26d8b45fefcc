"""Upward report rights on the 簡報 page for signed-in users (SPEC 8, 9.4), on a server that requires sign-in.

Data and company tree of tests/trust/test_sidebar_scope.py (總部; 東海省公司 with 海濱市分公司; 南嶺省公司).
- 南嶺's lead asking for 東海省公司 in the URL is narrowed to its own province: the button submits 南嶺 only.
- 東海's lead sees its button but not 各省上報 (even though the ranking would be one query away).
- A 總部 viewer sees 各省上報 and no submit button.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.auth import UserStore
from analytics.store.connection import connect
from tests.trust.conftest import EAST, HQ, SOUTH, import_workbook, workbook_bytes
from tests.trust.test_sidebar_scope import LOG, ROSTER

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PASSWORD = "Report-scope-26"


@pytest.fixture
def users_and_data(private_paths, server_address) -> Path:
    server_address("0.0.0.0")  # a team server: sign-in required
    import_workbook(private_paths["db"], "year.xlsx", workbook_bytes({"名冊": ROSTER, "穿越": LOG}))
    store = UserStore.load()
    store.add("hq", role="viewer", password=PASSWORD, company=HQ)
    store.add("east", role="lead", password=PASSWORD, company=EAST)
    store.add("south", role="lead", password=PASSWORD, company=SOUTH)
    store.save()
    return private_paths["db"]


def briefing_as(username: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in {"period": "2026Q2", "kind": "quarter", "as_of": "2026-06-30", **params}.items():
        at.query_params[k] = v
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    at.switch_page("pages/briefing.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _submissions(db: Path) -> list[tuple]:
    with connect(db, read_only=True) as con:
        return con.execute("select province, submitted_by from report_submissions").fetchall()


def _texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("subheader", "caption", "success", "warning") for e in getattr(at, kind))


def test_another_provinces_lead_cannot_submit_for_it(users_and_data):
    at = briefing_as("south", scope=EAST)
    at.button(key="report_submit").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert _submissions(users_and_data) == [(SOUTH, "south")]  # never 東海省公司


def test_a_provinces_lead_does_not_see_the_ranking(users_and_data):
    at = briefing_as("east")
    assert "report_submit" in [b.key for b in at.button]
    assert "各省上報" not in _texts(at)


def test_hq_viewer_sees_the_ranking_and_no_submit_button(users_and_data):
    at = briefing_as("hq")
    assert "各省上報" in _texts(at)
    assert "report_submit" not in [b.key for b in at.button]
