"""Real-browser tests: `streamlit run app.py` on 127.0.0.1 against a temporary database, driven by Debian's Chromium.

Ports 8601-8609 are this suite's default; ``WALKTHROUGH_TEST_PORTS=8651-8659`` picks another range when
several people test on one machine. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def _page_fixtures():
    """The tiny workbooks of tests/pages/conftest.py (one definition of the sample data)."""
    spec = importlib.util.spec_from_file_location("pages_fixtures", ROOT / "tests" / "pages" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = _page_fixtures()


def port_range(default: str = "8601-8609") -> range:
    """The ports this run may bind: ``WALKTHROUGH_TEST_PORTS`` ("first-last") or ``default``."""
    first, _, last = (os.environ.get("WALKTHROUGH_TEST_PORTS") or default).partition("-")
    return range(int(first), int(last or first) + 1)


def free_port(default: str = "8601-8609") -> int:
    ports = port_range(default)
    for port in ports:
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


@contextlib.contextmanager
def streamlit_server(db_path: Path, users_file: Path) -> Iterator[str]:
    """Start the dashboard on 127.0.0.1 for ``db_path``; yield its URL; stop it."""
    port = free_port()
    env = {**os.environ, "WALKTHROUGH_DB": str(db_path), "WALKTHROUGH_USERS": str(users_file)}
    log = open(db_path.parent / f"streamlit-{port}.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module. Module scope: a sync Playwright session left open for the rest of a
    ``pytest tests/`` run would make every later ``sync_playwright()`` in this thread fail (tests/trust)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True, locale="zh-TW")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo operator's year, built by `python -m analytics demo` (the real importer)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(path)], cwd=ROOT, check=True,
                   capture_output=True, timeout=300)
    return path


def wait_idle(pg, settle: float = 0.8, timeout: float = 60) -> None:
    """Wait until Streamlit has finished running the script (no status widget) and the page has settled."""
    pg.wait_for_selector('[data-testid="stSidebarNav"]', timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        running = pg.locator('[data-testid="stStatusWidget"]').count() > 0
        if running:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= settle:
            return
        time.sleep(0.15)
    raise TimeoutError("the app kept running")


def shoot(pg, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def assert_no_error(pg) -> None:
    """No exception box and no traceback text anywhere on the page."""
    assert pg.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in pg.inner_text("body")
