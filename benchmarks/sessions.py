"""The first page of a new session, on a cold and on a warm server (issue #17 item 1).

    python -m benchmarks.sessions --db PATH [--page home --page compliance] [--repeat 3] [--root CHECKOUT]

Each measurement runs in a fresh child process (a server that has just started: nothing imported, nothing cached)
that renders ``app.py`` with Streamlit's AppTest (one AppTest = one session; in process, no browser, so what is
measured is the server's work for the session) with the default controls (the newest year, today, all companies):

* ``cold``: the first session of the fresh server, warming off (``WALKTHROUGH_WARM=0``): it pays the imports and
  every frame of its page;
* ``next``: a second session right after the cold one (the frames of the first are in the shared cache);
* ``after_sign_in``: one more session after somebody signed in (an audit-log row: the file changed, no figure did);
* ``warm``: the first session after the warm-up of ui/warm.py has finished (what a session meets once the server has
  run for a moment, or a few seconds after an import). Only with this release; ``--root`` an older checkout measures
  ``cold`` and ``next`` there for comparison (its pages, its loaders, the same database).

Prints one JSON object (medians over ``--repeat`` child processes, and every run). Results: docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = {"home": "pages/home.py", "compliance": "pages/compliance.py", "issues": "pages/issues.py",
              "volume": "pages/volume.py"}


def _session(root: Path, page: str) -> float:
    """Seconds for one new session's first run of ``page`` through the router."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(root / "app.py"), default_timeout=300)
    if page != "home":
        at.switch_page(PAGE_FILES[page])
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    problems = [e.value[:200] for e in at.exception] + [e.value[:200] for e in at.error]
    if problems:
        raise RuntimeError(f"{page}: {problems}")
    return seconds


def child(root: Path, page: str, warm: bool) -> dict:
    """In a fresh process: the first session (after warming when ``warm``), then a second session."""
    sys.path.insert(0, str(root))
    os.chdir(root)
    from streamlit import config

    config.set_option("server.address", "127.0.0.1")  # local single-user mode (SPEC 8)
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class RouterPagesManager(PagesManager):  # run through app.py as a server does after its first session
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    app_test.PagesManager = RouterPagesManager
    out: dict = {}
    if warm:
        started = time.perf_counter()
        from ui.warm import Warmer  # what the thread started by app.py does, here in the foreground

        Warmer().warm_once()
        out["warming_s"] = time.perf_counter() - started
    out["first_s"] = _session(root, page)
    out["next_s"] = _session(root, page)
    # Somebody signs in (a deployment with users): the audit log gets a row, the file's mtime and size move.
    from analytics.store.audit import record
    from analytics.store.connection import connect

    with connect(os.environ["WALKTHROUGH_DB"]) as con:
        record(con, "bench", "sign_in", {})
    out["after_sign_in_s"] = _session(root, page)
    return out


def run_child(root: Path, db: Path, page: str, warm: bool) -> dict:
    env = {**os.environ, "WALKTHROUGH_DB": str(db), "WALKTHROUGH_WARM": "0", "PYTHONPATH": str(root),
           "WALKTHROUGH_USERS": str(db.parent / "no-users-for-sessions.yaml")}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--root", str(root), "--page", page]
    if warm:
        cmd.append("--warm")
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="First page of a new session, cold and warm server.")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--page", action="append", choices=sorted(PAGE_FILES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose app.py is measured")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.child:
        print(json.dumps(child(root, args.page[0], args.warm)))
        return 0
    if args.db is None:
        parser.error("--db is required")
    db = args.db.resolve()
    has_warm = (root / "ui" / "warm.py").exists()
    result: dict = {"root": str(root), "db": str(db), "pages": {}}
    for page in args.page or ["home", "compliance"]:
        cold = [run_child(root, db, page, False) for _ in range(args.repeat)]
        warm = [run_child(root, db, page, True) for _ in range(args.repeat)] if has_warm else []
        entry = {"cold_first_s": statistics.median(r["first_s"] for r in cold),
                 "cold_next_s": statistics.median(r["next_s"] for r in cold),
                 "after_sign_in_s": statistics.median(r["after_sign_in_s"] for r in cold), "runs": {"cold": cold}}
        if warm:
            entry["warm_first_s"] = statistics.median(r["first_s"] for r in warm)
            entry["warming_s"] = statistics.median(r["warming_s"] for r in warm)
            entry["runs"]["warm"] = warm
        result["pages"][page] = entry
        print(page, {k: round(v, 3) for k, v in entry.items() if k.endswith("_s")}, file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
