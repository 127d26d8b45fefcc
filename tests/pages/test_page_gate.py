"""Issue #12, finding 1: every page, run on its own without the router, shows the sign-in form and nothing else.

This is what a session of a freshly started server does when it reaches ``/issues`` before ``app.py`` has routed
it (Streamlit's pages-directory mode): the page file is the script. With users configured, each page must stop at
``ui.gate.page_gate()`` — no table, no figure, no download, no "all companies" scope — until someone signs in. The
browser test tests/browser/test_signin_race.py performs the real restart race with concurrent sessions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.auth import UserStore

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
PASSWORD = "Gate-keeper-11"


@pytest.fixture
def users_configured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A users file with one lead of 東海省公司 (bcrypt cost lowered for speed, no pre-form pause)."""
    import analytics.auth.users as users_module
    import ui.auth

    monkeypatch.setattr(users_module, "BCRYPT_ROUNDS", 4)
    monkeypatch.setattr(ui.auth, "LOGIN_SLEEP_S", 0.0)
    path = tmp_path / "cfg" / "users.yaml"
    monkeypatch.setenv("WALKTHROUGH_USERS", str(path))
    store = UserStore.load()
    store.add("lead1", role="lead", password=PASSWORD, company="東海省公司")
    store.save()
    return path


def test_every_page_file_calls_the_gate_first():
    """The first statement after the module docstring and ``from __future__`` is the gate (nothing runs before)."""
    import ast

    for name in PAGES:
        body = ast.parse((ROOT / "pages" / name).read_text(encoding="utf-8")).body
        body = [n for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        body = [n for n in body if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
        first_import, first_call = body[0], body[1]
        assert isinstance(first_import, ast.ImportFrom) and first_import.module == "ui.gate", name
        assert ast.unparse(first_call) == "page_gate()", name


@pytest.mark.parametrize("page", PAGES)
def test_page_run_directly_shows_only_the_sign_in(page, users_configured, sample_db, use_db):
    use_db(sample_db)  # a database with data that must not show
    at = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    # The sign-in form: user name and password, one submit button; nothing else to click.
    assert [w.label for w in at.text_input] == ["使用者名稱", "密碼"]
    assert len(at.button) == 1
    assert not at.dataframe and not at.metric and not at.get("plotly_chart") and not at.get("download_button")
    assert not at.sidebar.selectbox  # no scope selector at all, so no "全部公司"
    shown = "\n".join(str(e.value) for kind in ("markdown", "caption", "text", "info", "warning", "error")
                      for e in getattr(at, kind))
    assert "全部公司" not in shown and "東海省公司" not in shown and "Traceback" not in shown


def test_page_run_directly_after_sign_in_is_scoped(users_configured, sample_db, use_db):
    """Signed in on the page itself, the lead of 東海省公司 gets its own scope (never "all companies")."""
    use_db(sample_db)
    at = AppTest.from_file(str(ROOT / "pages" / "issues.py"), default_timeout=60)
    at.run()
    at.text_input[0].input("lead1")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    scope = next(s for s in at.sidebar.selectbox if s.label == "公司範圍")
    # The sample roster: 東海省公司 and its city 海濱市分公司 (tests/pages/conftest.py), no "all companies".
    assert scope.options == ["\u3000東海省公司", "\u3000\u3000海濱市分公司"]
