"""Which analytics calls a page makes and how long each takes: the server side of the page timings.

    python -m benchmarks.page_calls --db PATH [--page volume ...]

Runs every page of app.py in Streamlit's AppTest (in this process, no browser) against the database, with
``ui.db.read`` (every database access of the dashboard goes through it, STYLE 5) wrapped by a timer, and prints
one JSON object: per page, the whole script run on empty caches (``cold_s``) and again with the caches filled
(``warm_s``), each analytics call of the cold run (function, arguments, seconds), slowest first, and where the
warm run spends its time (``warm_top``: the project's functions by sampled inclusive time, see ``Sampler``). The browser
timings (benchmarks/browser.py) minus ``cold_s`` is what the front end, the network and the session start add.
Nothing under ui/ or pages/ is changed: the wrapper is installed here, in the child process only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# url path -> the page's file (app.py's SECTIONS)
PAGE_FILES = {"home": "pages/home.py", "compliance": "pages/compliance.py", "briefing": "pages/briefing.py",
              "volume": "pages/volume.py", "issues": "pages/issues.py", "discipline": "pages/discipline.py",
              "quality": "pages/quality.py", "walker": "pages/walker.py", "plans": "pages/plans.py",
              "data_import": "pages/data_import.py", "batches": "pages/batches.py",
              "admin": "pages/admin.py"}

_calls: list[dict] = []


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _install_timer() -> None:
    """Wrap ``ui.db.read`` (and the names imported from it) so each call is recorded with its duration."""
    import ui.data
    import ui.db

    original = ui.db.read

    def timed_read(fn, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(fn, *args, **kwargs)
        finally:
            arguments = [_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]
            _calls.append({"call": f"{fn.__module__}.{fn.__qualname__}({', '.join(arguments)})",
                           "seconds": time.perf_counter() - started})

    ui.db.read = timed_read
    ui.data.read = timed_read


class Sampler:
    """Samples every other thread's stack each ``interval`` s while active, counting for each function of the
    project (app.py, pages/, ui/, analytics/) the samples in which it is on the stack: its inclusive time.

    AppTest runs the script in a thread of its own, so cProfile (this thread only) would not see it; sampling
    ``sys._current_frames()`` does, at a cost of a few per cent.
    """

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.counts: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me, main = threading.get_ident(), threading.main_thread().ident
        while not self._stop.wait(self.interval):
            for ident, frame in sys._current_frames().items():
                if ident in (me, main):
                    continue
                seen = set()
                while frame is not None:
                    code = frame.f_code
                    name = _project_name(code.co_filename, code.co_name)
                    if name:
                        seen.add(name)
                    frame = frame.f_back
                for name in seen:
                    self.counts[name] = self.counts.get(name, 0) + 1

    def top(self, n: int = 6) -> list[dict]:
        """The project functions with the most inclusive time (a page's top level and app.py left out)."""
        ranked = sorted(((c, k) for k, c in self.counts.items() if not k.endswith("<module>")), reverse=True)
        return [{"function": k, "seconds": c * self.interval} for c, k in ranked[:n]]


def _project_name(filename: str, function: str) -> str | None:
    try:
        relative = Path(filename).resolve().relative_to(ROOT)
    except ValueError:
        return None
    if relative.parts[0] not in ("app.py", "pages", "ui", "analytics"):
        return None
    return f"{relative.with_suffix('').as_posix().replace('/', '.')}.{function}"


def _router_mode() -> None:
    """Run pages through app.py as a running server does after its first session (tests/pages/conftest.py)."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class RouterPagesManager(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    app_test.PagesManager = RouterPagesManager


def profile_page(name: str) -> dict:
    """One page on empty caches, then again warm: script seconds and the cold run's analytics calls."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    _calls.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.switch_page(PAGE_FILES[name])
    started = time.perf_counter()
    at.run()
    cold = time.perf_counter() - started
    calls = sorted(_calls, key=lambda c: -c["seconds"])
    with Sampler() as sampler:
        started = time.perf_counter()
        at.run()
        warm = time.perf_counter() - started
    errors = [e.value[:200] for e in at.exception] + [e.value[:200] for e in at.error]
    return {"cold_s": cold, "warm_s": warm, "calls_s": sum(c["seconds"] for c in calls), "calls": calls,
            "warm_top": sampler.top(), "problems": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the analytics calls of each dashboard page.")
    parser.add_argument("--db", required=True)
    parser.add_argument("--page", action="append", choices=sorted(PAGE_FILES))
    args = parser.parse_args(argv)
    os.environ["WALKTHROUGH_DB"] = str(Path(args.db).resolve())
    os.environ["WALKTHROUGH_USERS"] = str(Path(args.db).resolve().parent / "no-users-for-page-calls.yaml")
    sys.path.insert(0, str(ROOT))
    from streamlit import config

    config.set_option("server.address", "127.0.0.1")  # local single-user mode needs a loopback address (SPEC 8)
    _install_timer()
    _router_mode()
    result = {name: profile_page(name) for name in (args.page or list(PAGE_FILES))}
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
