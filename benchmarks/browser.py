"""Page timings in a real browser (issue #6 items 2-3, issue #4 "done when"): the dashboard served by
``streamlit run app.py`` against the national database, driven by Debian's Chromium through Playwright.

    python -m benchmarks.browser --db PATH [--runs 3] [--page home --page volume ...]

Prints one JSON object: for every page (the ``st.navigation`` url paths of app.py) the runs of four timings, the
server's peak RSS and anything wrong the page showed.

What "rendered" means here (``DONE_JS``), checked on every animation frame inside the page:

* Streamlit's script state on ``[data-testid=stApp]`` is ``notRunning`` (the "running" indicator is gone) and the
  page has finished at least the expected number of script runs since it was opened (a MutationObserver counts
  the transitions to ``notRunning``, so a filter change is not "done" before its own run has even started);
* no element is stale (``data-stale="true"``: left over from the previous run) and no skeleton is showing;
* (a traceback box also ends the wait: the run is over and the page is reported with that problem;)
* the main area holds at least one element and the sidebar its controls (drawn by app.py: the router has run,
  not only the pages-directory pass of a first session that ui/__init__.py reruns);
* every ``stPlotlyChart`` on the screen (a 1440×900 window) has drawn its SVG (``.main-svg``) and every
  ``stDataFrame`` on the screen its canvas. Charts and tables below the fold only need to have arrived: the data
  grid draws its canvas only once scrolled into view, so "drawn" cannot be asked of them without scrolling.

The four timings, each from the Python side (navigation or click → the condition above holds):

* **cold**: a fresh server per page and run (empty ``st.cache_data``, nothing imported yet by a session), a new
  browser session navigates to ``/<page>`` with an empty browser cache (a first visit: Streamlit's scripts are downloaded too);
* **warm**: the same tab navigates to the same page again: a new Streamlit session on the same server, with
  ``st.cache_data`` filled and the browser's cache holding the front end (a returning user);
* **filter**: in that session, the sidebar's period kind goes from 年 to 季 (the period becomes the last quarter
  with data, figures not yet cached);
* **filter back**: 季 back to 年 (figures cached).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(8641, 8650)  # this benchmark's ports (brief r3)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
# url paths of app.py's st.navigation, in its order (local single-user mode shows all of them). The default page
# (home) is served at "/": Streamlit 1.67 answers "/home" with a "Page not found" dialog over the overview.
PAGES = ["home", "compliance", "briefing", "volume", "issues", "discipline", "quality", "walker", "plans",
         "data_import", "batches", "admin"]
MEASURES = ("cold", "warm", "filter", "filter_back")
TIMEOUT_S = 120.0
SHOTS = ROOT / "benchmarks" / "out" / "pages"

COUNT_RUNS_JS = """
(() => {
  const bench = window.__bench = {done: 0};
  let previous = null;
  const observer = new MutationObserver(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app ? app.getAttribute('data-test-script-state') : null;
    if (state !== previous) {
      if (state === 'notRunning') bench.done += 1;
      previous = state;
    }
  });
  observer.observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
                              childList: true});
})();
"""

DONE_JS = """
(runs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!window.__bench || window.__bench.done < runs) return false;
  if (document.querySelector('[data-testid="stException"]')) return true;  // finished, badly: reported as a problem
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')) return false;
  if (!document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]')) return false;
  if (!document.querySelector('[data-testid="stSidebar"] [data-testid="stRadioOption"]')) return false;
  const onScreen = (el) => { const r = el.getBoundingClientRect();
                             return r.bottom > 0 && r.top < window.innerHeight && r.width > 0; };
  for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]'))
    if (onScreen(c) && !c.querySelector('.main-svg')) return false;
  for (const c of document.querySelectorAll('[data-testid="stDataFrame"]'))
    if (onScreen(c) && !c.querySelector('canvas')) return false;
  return true;
}
"""


def free_port() -> int:
    """The first free port of 8641-8649."""
    for port in PORTS:
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8641-8649")


def vm_hwm_mb(pid: int) -> float:
    """A running process's peak resident set (VmHWM) in MB; 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextlib.contextmanager
def dashboard(db: Path, log_dir: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """``streamlit run app.py`` on 127.0.0.1 for ``db`` in local mode (an empty users file); yields (url, process)
    and always stops the server."""
    port = free_port()
    env = {**os.environ, "WALKTHROUGH_DB": str(db), "WALKTHROUGH_USERS": str(log_dir / "no-users.yaml"),
           "PYTHONPATH": str(ROOT)}
    log = open(log_dir / f"streamlit-{port}.log", "a")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_done(page, runs: int) -> None:
    page.wait_for_function(DONE_JS, arg=runs, polling="raf", timeout=TIMEOUT_S * 1000)


def _problems(page) -> list[str]:
    """Error boxes or tracebacks the page shows (it must show none: STYLE, quality bar)."""
    found = []
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        for element in page.locator(selector).all():
            found.append(element.inner_text()[:200])
    return found


def _runs_so_far(page) -> int:
    return int(page.evaluate("window.__bench ? window.__bench.done : 0"))


def _new_session(browser) -> tuple[object, object]:
    """A new browser context (empty HTTP cache, no cookies) with the script-run counter installed."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-TW")
    context.add_init_script(COUNT_RUNS_JS)
    return context, context.new_page()


def _navigate(page, address: str) -> float:
    """Navigate ``page`` to ``address`` (a new Streamlit session each time); seconds until rendered."""
    started = time.perf_counter()
    page.goto(address, wait_until="commit", timeout=TIMEOUT_S * 1000)
    _wait_done(page, 1)
    return time.perf_counter() - started


def _switch_kind(page, index: int) -> float:
    """Click the sidebar's period-kind radio option ``index`` (0 年, 1 季, 2 月); seconds to re-rendered."""
    option = page.locator('[data-testid="stSidebar"] [data-testid="stRadioOption"]').nth(index)
    before = _runs_so_far(page)
    started = time.perf_counter()
    option.click()
    _wait_done(page, before + 1)
    return time.perf_counter() - started


def time_page(browser, db: Path, name: str, log_dir: Path) -> dict:
    """One run of the four timings of page ``name`` on a fresh server."""
    with dashboard(db, log_dir) as (url, proc):
        result: dict = {"problems": []}
        address = f"{url}/" if name == PAGES[0] else f"{url}/{name}"  # the default page lives at "/" (see PAGES)
        context, page = _new_session(browser)
        try:
            result["cold"] = _navigate(page, address)
            result["problems"] += _problems(page)
            result["warm"] = _navigate(page, address)
            result["filter"] = _switch_kind(page, 1)
            result["problems"] += _problems(page)
            result["filter_back"] = _switch_kind(page, 0)
            result["charts"] = page.locator('[data-testid="stPlotlyChart"]').count()
            result["tables"] = page.locator('[data-testid="stDataFrame"]').count()
        except Exception:
            SHOTS.mkdir(parents=True, exist_ok=True)  # what the page showed when it got stuck, for the report
            page.screenshot(path=str(SHOTS / f"stuck-{name}.png"))
            raise
        finally:
            context.close()
        result["server_peak_mb"] = vm_hwm_mb(proc.pid)
    return result


def measure(db: Path, runs: int, pages: list[str]) -> dict:
    """Every page, ``runs`` times: {page: {measure: [seconds...], server_peak_mb: [...], problems, charts, tables}}."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict] = {name: {**{m: [] for m in MEASURES}, "server_peak_mb": [], "problems": [], "error": ""}
                            for name in pages}
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                for name in pages:
                    try:
                        one = time_page(browser, db, name, Path(tmp))
                    except Exception as exc:  # a page that never renders is a finding, not the end of the run
                        out[name]["error"] = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
                        continue
                    for m in MEASURES:
                        out[name][m].append(one[m])
                    out[name]["server_peak_mb"].append(one["server_peak_mb"])
                    out[name]["problems"] = sorted(set(out[name]["problems"]) | set(one["problems"]))
                    out[name]["charts"], out[name]["tables"] = one["charts"], one["tables"]
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Page timings in headless Chromium.")
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", choices=PAGES, help="a page (repeatable); default every page")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped: still run the finally blocks (servers)
    result = measure(Path(args.db).resolve(), max(1, args.runs), args.page or PAGES)
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    if sys.stderr.isatty():
        for name, r in result.items():
            medians = {m: round(statistics.median(r[m]), 2) for m in MEASURES if r[m]}
            print(name, medians, r["error"] or "", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
