"""Page tests: a tiny database built by importing a hand-made workbook through the real importer.

The workbook (one file, three sheets) — every expected figure in the tests is worked out from these rows:

Roster (effective 2026-01-01):
  總部 市場部 (主要業務部門): H001 公司領導, H002 部門領導, H003 三級經理, H004 員工, H005 員工
  東海省公司 市場部 (主要業務部門): P001 公司領導, P002 部門領導, P003 員工, P004 員工
  海濱市分公司 (parent 東海省公司) 服務部 (主要業務部門): C001 公司領導, C002 部門領導, C003 員工, C004 員工
Walkthroughs (穿越編號 given, so each ID is one activity):
  A1 2026-03-10 H002 + H003 常規穿越 門市客戶扮演 4 h
  A2 2026-03-20 P001 客戶接待日 4 h
  A3 2026-04-15 C001 常規穿越 門市業務受理 2 h
  A4 2026-04-16 C003 常規穿越 網路撥測 3 h
  A5 2026-05-05 X999 (not on the roster) 常規穿越 其他
Issues:
  I1 raised 2026-03-12 by H002 (A1), 已解決 2026-04-01, due 2026-04-30
  I2 raised 2026-04-20, 處理中, due 2026-05-31
  I3 raised 2026-05-02, 待處理, due 2026-07-31
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import streamlit as st
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")

ROSTER = [
    ("工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"),
    ("H001", "王總", "總部", "總部", None, "市場部", "主要業務部門", "公司領導", dt.date(2026, 1, 1)),
    ("H002", "李經理", "總部", "總部", None, "市場部", "主要業務部門", "部門領導", dt.date(2026, 1, 1)),
    ("H003", "張三經", "總部", "總部", None, "市場部", "主要業務部門", "三級經理", dt.date(2026, 1, 1)),
    ("H004", "趙員工", "總部", "總部", None, "市場部", "主要業務部門", "員工", dt.date(2026, 1, 1)),
    ("H005", "錢員工", "總部", "總部", None, "市場部", "主要業務部門", "員工", dt.date(2026, 1, 1)),
    ("P001", "周領導", "東海省公司", "省公司", None, "市場部", "主要業務部門", "公司領導", dt.date(2026, 1, 1)),
    ("P002", "吳部長", "東海省公司", "省公司", None, "市場部", "主要業務部門", "部門領導", dt.date(2026, 1, 1)),
    ("P003", "鄭員工", "東海省公司", "省公司", None, "市場部", "主要業務部門", "員工", dt.date(2026, 1, 1)),
    ("P004", "孫員工", "東海省公司", "省公司", None, "市場部", "主要業務部門", "員工", dt.date(2026, 1, 1)),
    ("C001", "陳領導", "海濱市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "公司領導", dt.date(2026, 1, 1)),
    ("C002", "林經理", "海濱市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "部門領導", dt.date(2026, 1, 1)),
    ("C003", "黃員工", "海濱市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "員工", dt.date(2026, 1, 1)),
    ("C004", "何員工", "海濱市分公司", "地市公司", "東海省公司", "服務部", "主要業務部門", "員工", dt.date(2026, 1, 1)),
]
LOG = [
    ("穿越編號", "工號", "穿越日期", "穿越類別", "穿越項目", "組織方式", "時長(小時)"),
    ("A1", "H002", dt.date(2026, 3, 10), "常規穿越", "門市客戶扮演", "小組穿越", 4),
    ("A1", "H003", dt.date(2026, 3, 10), "常規穿越", "門市客戶扮演", "小組穿越", 4),
    ("A2", "P001", dt.date(2026, 3, 20), "客戶接待日", None, "個人穿越", 4),
    ("A3", "C001", dt.date(2026, 4, 15), "常規穿越", "門市業務受理", "個人穿越", 2),
    ("A4", "C003", dt.date(2026, 4, 16), "常規穿越", "網路撥測", "個人穿越", 3),
    ("A5", "X999", dt.date(2026, 5, 5), "常規穿越", "其他", "個人穿越", 1),
]
ISSUES = [
    ("問題編號", "穿越編號", "提出人工號", "提出日期", "問題類別", "問題描述", "責任單位", "狀態", "計畫完成日期", "解決日期"),
    ("I1", "A1", "H002", dt.date(2026, 3, 12), "服務規範", "門市排隊過久", "總部", "已解決", dt.date(2026, 4, 30),
     dt.date(2026, 4, 1)),
    ("I2", None, None, dt.date(2026, 4, 20), "業務流程", "受理流程重複填單", "海濱市分公司", "處理中",
     dt.date(2026, 5, 31), None),
    ("I3", None, None, dt.date(2026, 5, 2), "網路質量", "地下室訊號弱", "東海省公司", "待處理", dt.date(2026, 7, 31),
     None),
]


def workbook_bytes(sheets: dict[str, list[tuple]]) -> bytes:
    """An .xlsx with one sheet per entry, rows as given (header first)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sample_workbook() -> bytes:
    return workbook_bytes({"名冊": ROSTER, "穿越": LOG, "問題": ISSUES})


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database of the module docstring, built once through analytics.store.importer.import_files."""
    from analytics.store.importer import import_files

    path = tmp_path_factory.mktemp("pages") / "sample.duckdb"
    results = import_files([("sample.xlsx", sample_workbook())], db_path=path, user="tester")
    assert [r.status for r in results] == ["imported"], results[0].summary()
    return path


@pytest.fixture(autouse=True)
def _local_single_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Local mode (SPEC 8): bound to 127.0.0.1 and no users file, so ui.auth.gate() lets the tests in."""
    from streamlit import config

    monkeypatch.setenv("WALKTHROUGH_USERS", str(tmp_path / "no-users.yaml"))
    previous = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", previous)


@pytest.fixture(autouse=True)
def _router_mode(monkeypatch: pytest.MonkeyPatch):
    """Run every AppTest run through app.py, as a running server does after its first session.

    AppTest puts Streamlit back into its "pages directory" mode before each run (our folder is named pages/), which
    would run a page file without the router; ui/__init__.py handles that on a real server by one rerun, the
    browser test covers it, and here the steady state is what is under test.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class RouterPagesManager(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(app_test, "PagesManager", RouterPagesManager)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Every test starts with empty Streamlit caches (figures of another database must never leak in)."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def use_db(monkeypatch: pytest.MonkeyPatch):
    """Point the dashboard at a database file (WALKTHROUGH_DB, SPEC 5)."""
    def _use(path: Path) -> Path:
        monkeypatch.setenv("WALKTHROUGH_DB", str(path))
        return path
    return _use


@pytest.fixture
def empty_db(use_db, tmp_path: Path) -> Path:
    """A fresh install: no database file at all."""
    return use_db(tmp_path / "none" / "walkthrough.duckdb")


def open_page(page: str | None = None, **params: str) -> AppTest:
    """Run app.py with the given query parameters, then switch to ``page`` (e.g. "pages/compliance.py")."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    return at


def texts(at: AppTest) -> str:
    """Every piece of text the page shows (markdown, captions, metrics, alerts) joined for assertions."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error", "text"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    parts.extend(f"{m.label}={m.value}" for m in at.metric)
    return "\n".join(parts)


def add_users(monkeypatch: pytest.MonkeyPatch, *users: dict) -> None:
    """Write ``users`` (UserStore.add keyword sets, each with ``username`` and ``password``) to this test's users file.

    bcrypt runs at cost 4 and the sign-in pause is off, so a page test signs in in milliseconds; the users file is
    the test's own (WALKTHROUGH_USERS points into tmp_path, see ``_local_single_user``).
    """
    import analytics.auth.users as users_module
    import ui.auth
    from analytics.auth import UserStore

    monkeypatch.setattr(users_module, "BCRYPT_ROUNDS", 4)
    monkeypatch.setattr(ui.auth, "LOGIN_SLEEP_S", 0.0)
    store = UserStore.load()
    for user in users:
        fields = dict(user)
        store.add(fields.pop("username"), **fields)
    store.save()


def signed_in(username: str, password: str, page: str | None = None, **params: str) -> AppTest:
    """app.py opened with ``params`` in the URL, signed in through the form as ``username``, then on ``page``."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    if page is not None:
        at.switch_page(page)
        at.run()
    return at
