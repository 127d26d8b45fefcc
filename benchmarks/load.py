"""Many users at once (issue #17 item 4, SPEC 10): K concurrent browser sessions against one dashboard process.

    python -m benchmarks.load [--scale 1] [--k 1 --k 5 --k 10 --k 20] [--cycles 2] [--no-import]
    python -m benchmarks.load --db PATH --upload FILE.xlsx ...      # an existing database and monthly file

One Chromium, K browser contexts (each its own Streamlit session, as K people on K laptops), all started at the
same moment. Each session opens the overview, then cycles ``--cycles`` times through 配額達標, 問題跟蹤, 穿越量 and
總覽 by the sidebar's navigation, changing the period kind (年 → 季 → 年) on each page. Every step is timed from
the click to "rendered" (``benchmarks.browser.DONE_JS``: the script run is over, nothing stale, charts drawn).

For every K, two rounds on a fresh copy of the national database and a fresh server:

* **idle**: only the sessions;
* **import**: the same traffic, and once every session has its first page, ``python -m analytics import`` of the
  100,000-row monthly .xlsx runs beside it (the command line, as a lead department's scheduled job would).

Printed per round: first page of a session (median, p95, max), page/filter steps (median, p95, max), errors
(exception boxes, error alerts, steps that time out), the import's time (and the same import on an idle copy with
no server, measured first), and the server's resident memory: idle after start, after the round, and the growth per
session. Results: docs/benchmark.md ("Many users at once").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, COUNT_RUNS_JS, DONE_JS, dashboard

ROOT = Path(__file__).resolve().parent.parent
CYCLE = ("compliance", "issues", "volume", "home")  # the url paths of app.py's navigation; home is the default page
STEP_TIMEOUT_S = float(os.environ.get("BENCH_STEP_TIMEOUT_S", "90"))
# "Rendered" as benchmarks.browser.DONE_JS, except that a data grid need not have drawn its canvas: after a page
# switch by the navigation, the grid of a table that is partly in view draws only once scrolled to (seen on 穿越量),
# so waiting for it would time out although the page is there for the person looking at it.
_GRID_DRAWN = """  for (const c of document.querySelectorAll('[data-testid="stDataFrame"]'))
    if (onScreen(c) && !c.querySelector('canvas')) return false;
"""
LOAD_DONE_JS = DONE_JS.replace(_GRID_DRAWN, "")
assert LOAD_DONE_JS != DONE_JS, "benchmarks.browser.DONE_JS changed: update _GRID_DRAWN"
ERROR_SELECTORS = ('[data-testid="stException"]', '[data-testid="stAlertContentError"]')


@dataclass
class Round:
    """The figures of one round (K sessions, with or without an import)."""

    k: int
    with_import: bool
    first_page: list[float] = field(default_factory=list)
    steps: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timeouts: int = 0
    import_s: float | None = None
    rss_idle_mb: float = 0.0
    rss_after_mb: float = 0.0

    @property
    def per_session_mb(self) -> float:
        return max(0.0, self.rss_after_mb - self.rss_idle_mb) / max(self.k, 1)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..1) of ``values``; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-int(round(q * 1000)) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


def summary(values: list[float]) -> dict[str, float | None]:
    return {"median": statistics.median(values) if values else None, "p95": percentile(values, 0.95),
            "max": max(values) if values else None, "n": len(values)}


def rss_mb(pid: int) -> float:
    """Current resident set of a process (VmRSS) in MB; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def fresh_copy(db: Path, work: Path) -> Path:
    """A copy of the database (and no archive), so that every round starts from the same state."""
    copy = work / "load.duckdb"
    for leftover in (copy, Path(f"{copy}.wal"), Path(f"{copy}.lock")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(work / "load.archive", ignore_errors=True)
    shutil.copyfile(db, copy)
    return copy


def run_import(db: Path, upload: Path) -> float:
    """``python -m analytics import`` of ``upload`` into ``db``; its wall time in seconds."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "analytics", "import", str(upload), "--db", str(db), "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"import exited {done.returncode}: {done.stderr[-1000:]}")
    return seconds


async def _runs_so_far(page) -> int:
    return int(await page.evaluate("window.__bench ? window.__bench.done : 0"))


async def _wait(page, runs: int, out: Round, what: str = "first page") -> float | None:
    """Wait until ``runs`` script runs are over and the page is drawn; None (counted) on a time-out."""
    started = time.perf_counter()
    try:
        await page.wait_for_function(LOAD_DONE_JS, arg=runs, polling="raf", timeout=STEP_TIMEOUT_S * 1000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: a finding of the benchmark, not its end
        out.timeouts += 1
        out.errors.append(f"timeout: {what}")
        return None
    for selector in ERROR_SELECTORS:
        for element in await page.locator(selector).all():
            out.errors.append((await element.inner_text())[:200])
    return time.perf_counter() - started


async def _click_and_wait(page, locator, out: Round, what: str) -> None:
    before = await _runs_so_far(page)
    started = time.perf_counter()
    await locator.click(timeout=STEP_TIMEOUT_S * 1000)
    if await _wait(page, before + 1, out, what) is not None:
        out.steps.append(time.perf_counter() - started)


async def session(browser, url: str, cycles: int, out: Round, first_done: asyncio.Event, counter: list[int]) -> None:
    """One person: open the overview, then cycle through the pages with a filter change on each."""
    context = await browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-TW")
    await context.add_init_script(COUNT_RUNS_JS)
    page = await context.new_page()
    counted = False

    def arrived() -> None:  # this session has its first page (or failed before): the import may start
        nonlocal counted
        if not counted:
            counted = True
            counter[0] += 1
            if counter[0] >= out.k:
                first_done.set()

    try:
        started = time.perf_counter()
        await page.goto(f"{url}/", wait_until="commit", timeout=STEP_TIMEOUT_S * 1000)
        if await _wait(page, 1, out) is not None:
            out.first_page.append(time.perf_counter() - started)
        arrived()
        kinds = page.locator('[data-testid="stSidebar"] [data-testid="stRadioOption"]')
        for _ in range(cycles):
            for name in CYCLE:
                link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{name}"]') if name != "home" else \
                    page.locator('[data-testid="stSidebarNav"] a').first
                await _click_and_wait(page, link, out, name)
                await _click_and_wait(page, kinds.nth(1), out, f"{name} 年→季")
                await _click_and_wait(page, kinds.nth(0), out, f"{name} 季→年")
    except Exception as exc:  # noqa: BLE001 - a session that breaks is an error of the round
        out.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")
        arrived()
    finally:
        await context.close()


async def one_round(db: Path, upload: Path | None, k: int, cycles: int, log_dir: Path) -> Round:
    """K sessions at once on a fresh server (and an import once they all have their first page)."""
    from playwright.async_api import async_playwright

    out = Round(k, upload is not None)
    with dashboard(db, log_dir) as (url, proc):
        # A warm server: one session has been served (module imports done) before the K sessions arrive.
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                warm = Round(1, False)
                await session(browser, url, 0, warm, asyncio.Event(), [0])
                out.rss_idle_mb = rss_mb(proc.pid)
                first_done = asyncio.Event()
                counter = [0]
                tasks = [asyncio.create_task(session(browser, url, cycles, out, first_done, counter))
                         for _ in range(k)]
                if upload is not None:
                    await first_done.wait()
                    out.import_s = await asyncio.to_thread(run_import, db, upload)
                await asyncio.gather(*tasks)
                out.rss_after_mb = rss_mb(proc.pid)
            finally:
                await browser.close()
    return out


def fmt(value: float | None, spec: str = ".2f") -> str:
    return "—" if value is None else format(value, spec)


def print_round(r: Round, idle_import: float | None) -> None:
    first, steps = summary(r.first_page), summary(r.steps)
    label = "with import" if r.with_import else "idle"
    line = (f"K={r.k:>2} {label:<11} first page median {fmt(first['median'])} s, p95 {fmt(first['p95'])}, max "
            f"{fmt(first['max'])} | page/filter median {fmt(steps['median'])} s, p95 {fmt(steps['p95'])}, max "
            f"{fmt(steps['max'])} (n={steps['n']}) | errors {len(r.errors)}, timeouts {r.timeouts} | server "
            f"{r.rss_idle_mb:.0f} → {r.rss_after_mb:.0f} MB ({r.per_session_mb:.1f} MB/session)")
    if r.import_s is not None:
        ratio = f", {r.import_s / idle_import:.2f}× idle" if idle_import else ""
        line += f" | import {r.import_s:.1f} s{ratio}"
    print(line, flush=True)
    for error in sorted(set(r.errors))[:5]:
        print(f"      error: {error}", flush=True)


def national(scale: float, seed: int, work: Path) -> tuple[Path, Path]:
    """The national database of ``scale`` (built once under ``work``) and its 100k-row monthly upload."""
    from benchmarks.generate import generate

    data = generate(scale, seed)
    db = work / f"national-{scale:g}.duckdb"
    if not db.exists():
        files = [str(p) for p in data.paths()]
        subprocess.run([sys.executable, "-m", "analytics", "import", *files, "--db", str(db), "--json"], cwd=ROOT,
                       capture_output=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return db, Path(data.upload_xlsx)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Concurrent browser sessions against one dashboard (SPEC 10).")
    parser.add_argument("--db", help="an existing database (default: the national one of --scale, built once)")
    parser.add_argument("--upload", help="the monthly file imported during the import rounds")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--k", type=int, action="append", help="sessions at once (repeatable; default 1 5 10 20)")
    parser.add_argument("--cycles", type=int, default=2, help="rounds through the four pages per session")
    parser.add_argument("--no-import", action="store_true", help="skip the rounds with an import")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    work = ROOT / "benchmarks" / "out" / "load"
    work.mkdir(parents=True, exist_ok=True)
    if args.db:
        db, upload = Path(args.db).resolve(), Path(args.upload).resolve() if args.upload else None
    else:
        db, upload = national(args.scale, args.seed, work)
    if args.no_import:
        upload = None
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, load "
          f"average {load}; database {db} ({db.stat().st_size / 1e6:.0f} MB)", flush=True)
    idle_import = run_import(fresh_copy(db, work), upload) if upload is not None else None
    if idle_import is not None:
        print(f"import of {upload.name} on an idle copy, no server: {idle_import:.1f} s", flush=True)
    rounds: list[Round] = []
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        for k in args.k or [1, 5, 10, 20]:
            for with_import in ([False, True] if upload is not None else [False]):
                copy = fresh_copy(db, work)
                r = asyncio.run(one_round(copy, upload if with_import else None, k, args.cycles, Path(tmp)))
                rounds.append(r)
                print_round(r, idle_import)
    if args.json:
        Path(args.json).write_text(json.dumps({"idle_import_s": idle_import, "rounds": [
            {**asdict(r), "per_session_mb": r.per_session_mb, "first": summary(r.first_page),
             "step": summary(r.steps)} for r in rounds]}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
