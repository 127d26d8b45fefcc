"""Hostile text from uploads is shown as text on every page, never as live Markdown, HTML or a link (issue #7).

A workbook whose names, departments, themes, descriptions, categories, a company and the file name itself are
``<script>alert(1)</script>``, ``**bold**``, ``[x](javascript:alert(1))``, ``=HYPERLINK("http://x","y")`` and
``<img src=x onerror=alert(1)>`` is imported through the real importer. Then every page runs (AppTest through
app.py, as a person navigates) and no element that renders Markdown may hold one of them unescaped; and a real
Chromium visit checks that no alert dialog fires, no injected <script>/<img>/javascript: link reaches the DOM.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from analytics.textnorm import match_key

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")

SCRIPT = "<script>alert(1)</script>"
BOLD = "**bold**"
LINK = "[x](javascript:alert(1))"
FORMULA = '=HYPERLINK("http://x","y")'
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_FILE = f"{SCRIPT}.xlsx"
EAST = "東海省公司"
D = dt.date

ROSTER = [
    ("工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"),
    ("P001", SCRIPT, EAST, "省公司", None, BOLD, "主要業務部門", "公司領導", D(2026, 1, 1)),
    ("P002", BOLD, EAST, "省公司", None, BOLD, "主要業務部門", "部門領導", D(2026, 1, 1)),
    ("C001", LINK, IMG, "地市公司", EAST, LINK, "主要業務部門", "公司領導", D(2026, 1, 1)),
    ("C002", FORMULA, IMG, "地市公司", EAST, LINK, "支撐部門", "員工", D(2026, 1, 1)),
    ("C003", IMG, IMG, "地市公司", EAST, SCRIPT, "支撐部門", "部門領導", D(2026, 1, 1)),
]
LOG = [
    ("穿越編號", "工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "被穿越單位", "時長(小時)", "備註"),
    ("A1", "P001", SCRIPT, D(2026, 3, 10), "專項穿越", None, LINK, IMG, 4, SCRIPT),
    ("A2", "C001", "someone else", D(2026, 4, 15), "常規穿越", "門市業務受理", BOLD, SCRIPT, 2, FORMULA),
    ("A3", "C002", FORMULA, D(2026, 4, 16), "客戶接待日", None, None, LINK, 4, IMG),
]
ISSUES = [
    ("問題編號", "穿越編號", "提出人工號", "提出日期", "問題類別", "問題描述", "責任單位", "責任部門", "狀態",
     "計畫完成日期", "最新進展"),
    ("I1", "A1", "P001", D(2026, 3, 12), IMG, SCRIPT, EAST, BOLD, "待處理", D(2026, 4, 30), LINK),
    ("I2", "A2", "C001", D(2026, 4, 20), BOLD, FORMULA, IMG, LINK, "處理中", D(2026, 5, 31), SCRIPT),
    ("I3", None, None, D(2026, 5, 2), LINK, IMG, IMG, SCRIPT, "待處理", D(2026, 7, 31), FORMULA),
]
# Every page of app.py's navigation (file, url path; the default page lives at "/"). A missing file is skipped.
PAGES = [
    ("pages/home.py", ""), ("pages/compliance.py", "compliance"), ("pages/briefing.py", "briefing"),
    ("pages/volume.py", "volume"), ("pages/issues.py", "issues"), ("pages/discipline.py", "discipline"),
    ("pages/quality.py", "quality"), ("pages/data_import.py", "import"), ("pages/batches.py", "batches"),
    ("pages/admin.py", "admin"),
]
_RAW_TAG = re.compile(r"(?<!\\)<\s*(script|img)\b", re.IGNORECASE)  # md_escape turns "<" into "\<"


def hostile_workbook() -> bytes:
    """The workbook above; text beginning with "=" is stored as text, as a person would type it with a quote."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in {"名冊": ROSTER, "穿越": LOG, "問題": ISSUES}.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # openpyxl would otherwise write a live formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    from analytics.store.importer import import_files

    path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    results = import_files([(HOSTILE_FILE, hostile_workbook())], db_path=path, user="tester")
    assert results[0].status in ("imported", "partial"), results[0].summary()
    return path


@pytest.fixture
def local_app(hostile_db, server_address, monkeypatch):
    """The dashboard in local mode (loopback, no users) on the hostile database, caches empty."""
    monkeypatch.setenv("WALKTHROUGH_DB", str(hostile_db))
    server_address("127.0.0.1")
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def test_hostile_text_is_stored_as_written(hostile_db):
    """The importer keeps the text (escaping is the display's job, never a silent change of the data)."""
    from analytics.store.connection import connect

    with connect(hostile_db, read_only=True) as con:
        descriptions = dict(con.execute("select issue_id, description from issues").fetchall())
        companies = {r[0] for r in con.execute("select distinct company from roster").fetchall()}
    assert descriptions == {"I1": SCRIPT, "I2": FORMULA, "I3": IMG}
    assert companies == {EAST, IMG}


def rendered_markdown(at: AppTest) -> list[tuple[str, str]]:
    """(kind, text) of everything Streamlit renders as Markdown: text elements, alerts, and widget labels."""
    found: list[tuple[str, str]] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success",
                 "toast", "latex"):
        found.extend((kind, str(e.value)) for e in getattr(at, kind))
    for m in at.metric:
        found.append(("metric", str(m.label)))
    for kind in ("expander", "tabs"):
        found.extend((kind, str(e.label)) for e in getattr(at, kind))
    for kind in ("button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "text_input", "date_input",
                 "number_input", "slider", "select_slider", "text_area"):
        found.extend((f"{kind} label", str(e.label)) for e in getattr(at, kind))
    for radio in at.radio:  # radio options render Markdown too
        found.extend(("radio option", str(o)) for o in radio.options)
    return found


def unescaped(text: str) -> list[str]:
    """Which hostile payloads appear live in ``text`` (escaped forms such as ``\\*\\*bold\\*\\*`` are fine)."""
    hits = []
    if _RAW_TAG.search(text):
        hits.append("html tag")
    if BOLD in text:
        hits.append("markdown emphasis")
    if "](javascript:" in text:
        hits.append("markdown link")
    return hits


def test_unescaped_detector_tells_raw_from_escaped():
    from ui.import_view import md_escape

    for payload in (SCRIPT, BOLD, LINK, IMG):
        assert unescaped(f"x {payload} y"), payload
        assert unescaped(f"x {md_escape(payload)} y") == [], payload


@pytest.mark.parametrize(("page", "url_path"), PAGES, ids=[p or "overview" for _, p in PAGES])
def test_every_page_shows_hostile_text_escaped(local_app, page, url_path):
    if not (ROOT / page).exists():
        pytest.skip(f"{page} does not exist yet")
    at = AppTest.from_file(APP, default_timeout=90)
    # the hostile city as the scope: its name then appears in titles and captions of every page
    for k, v in {"scope": match_key(IMG), "period": "2026", "kind": "year", "as_of": "2026-06-30"}.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page)
    at.run()
    if any(b.key == "brief_build" for b in at.button):  # the briefing is built on request: build it
        at.button(key="brief_build").click().run()
        assert at.metric, "the briefing was not built"
    assert not at.exception, at.exception
    offenders = [(kind, text[:120], unescaped(text)) for kind, text in rendered_markdown(at) if unescaped(text)]
    assert offenders == []


# ----------------------------------------------------------------------------------------------------------------
# The real browser: no alert, no injected element, whatever the page does with the text.

def free_port() -> int:
    """A free port of ``WALKTHROUGH_TEST_PORTS`` ("first-last"; this suite's own 8631-8639 by default)."""
    import os
    import socket

    first, _, last = (os.environ.get("WALKTHROUGH_TEST_PORTS") or "8631-8639").partition("-")
    for port in range(int(first), int(last or first) + 1):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.fail(f"no free port in {first}-{last}")


@pytest.fixture(scope="module")
def served_app(hostile_db, tmp_path_factory):
    import os
    import socket
    import subprocess
    import sys
    import time

    port = free_port()
    env = {**os.environ, "WALKTHROUGH_DB": str(hostile_db),
           "WALKTHROUGH_USERS": str(tmp_path_factory.mktemp("nousers") / "users.yaml")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.3)
        else:
            pytest.fail("streamlit did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def in_fresh_thread(fn: Callable[[], None]) -> None:
    """Run ``fn`` in a new thread and re-raise what it raised there.

    Playwright's sync API refuses to start in a thread where another sync session is open ("using Playwright
    Sync API inside the asyncio loop"): tests/browser keeps one open in the main thread while its module runs,
    and ``pytest tests/`` runs everything in one process. A fresh thread has no event loop, whatever ran before.
    """
    import threading

    failure: list[BaseException] = []

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test's thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="playwright-injection")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def test_fresh_thread_reraises():
    """The helper passes a failure in its thread on to the test (no browser needed)."""

    def boom() -> None:
        raise AssertionError("from the thread")

    with pytest.raises(AssertionError, match="from the thread"):
        in_fresh_thread(boom)


@pytest.mark.browser
def test_fresh_thread_runs_beside_an_open_playwright_session():
    """A second sync Playwright session works in the helper's thread beside one open in this thread."""
    from playwright.sync_api import sync_playwright

    started: list[bool] = []
    with sync_playwright():  # as tests/browser's browser fixture is while its module runs
        in_fresh_thread(lambda: started.append(_start_and_stop_playwright()))
    assert started == [True]


def _start_and_stop_playwright() -> bool:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        return pw.chromium is not None


@pytest.mark.browser
def test_browser_no_alert_and_no_injected_elements(served_app):
    in_fresh_thread(lambda: _visit_every_page(served_app))


def _visit_every_page(served_app: str) -> None:
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            query = f"?scope={match_key(IMG)}&period=2026&kind=year&as_of=2026-06-30"
            for file, url_path in PAGES:
                if not (ROOT / file).exists():
                    continue
                page.goto(f"{served_app}/{url_path}{query}")
                page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)  # the page's title is drawn
                page.wait_for_timeout(700)  # and the rest of the run settles
                if url_path == "briefing":  # built on request
                    page.get_by_role("button", name="產生簡報").click()
                    page.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
                    page.wait_for_timeout(700)
                if url_path == "":
                    # not vacuous: the hostile company is the chosen scope and its name is on the page, as text
                    assert IMG in page.locator('[data-testid="stMain"]').inner_text()
                injected = page.evaluate("""() => ({
                    scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(1)')).length,
                    imgs: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length,
                    links: document.querySelectorAll('a[href^="javascript:"]').length,
                    bold: [...document.querySelectorAll('strong, b')].filter(b => b.textContent === 'bold').length,
                })""")
                assert injected == {"scripts": 0, "imgs": 0, "links": 0, "bold": 0}, url_path
            # the same loopback-bound server reached through a reverse proxy must not run in local mode
            proxied = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.9"}).new_page()
            proxied.goto(f"{served_app}/{query}")
            proxied.wait_for_selector("text=python -m analytics users add admin --role admin", timeout=60_000)
            main = proxied.locator('[data-testid="stMain"]').inner_text()
            assert "反向代理" in main and IMG not in main
        finally:
            browser.close()
    assert dialogs == []
