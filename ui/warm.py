"""Warming: the frames every first page needs are computed before anybody asks (issue #17 item 1).

One daemon thread per server process (started from ``app.py`` through ``st.cache_resource``, so once however many
sessions start) calls the ordinary cached loaders of ``ui.data`` for the latest store version: the company tree,
the months with data, the table counts, and for "all companies" and each province the default view's figures
(headline of the latest year and of the year before, the monthly volume, the quota results behind the 配額達標
heatmap and the overview's laggards). Since ``st.cache_data`` is shared by every session, a session's first page
then only reads the cache.

It warms at start, after each commit of this process (``ui.db.clear_caches`` tells it) and when it sees another
process commit (it looks at the store's version every ``POLL_S`` seconds, two ``os.stat`` calls while nothing
changed). ``WALKTHROUGH_WARM=0`` turns it off (the tests do, so that what a test measures is its own work).
"""

from __future__ import annotations

import logging
import os
import threading
import time

import streamlit as st

from analytics import config

WARM_ENV = "WALKTHROUGH_WARM"
POLL_S = 2.0
_LOG = logging.getLogger("walkthrough.warm")


def enabled() -> bool:
    """Whether warming is on (``WALKTHROUGH_WARM`` unset or anything but 0)."""
    return os.environ.get(WARM_ENV, "1").strip() != "0"


def warm_common(as_of=None) -> list[str]:
    """Fill the shared cache for the current store version; returns what was computed, in order (for tests/logs).

    The same loaders and arguments a first page uses with the default controls (ui/state.py: the newest year with
    data, today, every company, every level), so the keys match exactly.
    """
    from analytics.metrics.periods import previous_period
    from ui import data

    if not data.db_exists():
        return []
    as_of = as_of or config.today()
    done: list[str] = []
    counts = data.table_counts()
    months = data.data_months()
    tree = data.company_tree()
    done += ["table_counts", "data_months", "companies"]
    if not any(counts.get(k, 0) for k in ("roster", "walkthroughs", "issues")):
        return done
    year = int(months[-1][:4]) if months else as_of.year
    period = str(year)
    provinces = list(tree.loc[tree["level"] == "省公司", "company_key"]) if not tree.empty else []
    for scope in [None, *provinces]:
        data.headline(period, as_of, scope=scope, level=None)
        data.headline(previous_period(period).code, as_of, scope=scope, level=None)
        data.volume(year, scope=scope, period_kind="month")
        data.quota_results(year, as_of, scope)
        done.append(f"scope:{scope or '*'}")
    return done


# What the first pages import beyond the router (a fresh server's first session would pay it: about 0.5 s here).
PRELOAD = ("plotly.graph_objects", "ui.overview", "ui.compliance_view", "ui.analysis_data", "ui.widgets")


def preload() -> None:
    """Import the first pages' modules in the background, once per process."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)


class Warmer:
    """The warm-up thread of one server process."""

    def __init__(self, poll_s: float = POLL_S) -> None:
        self.poll_s = poll_s
        self.runs = 0  # how many times it warmed (tests read it)
        self.last_version: tuple | None = None
        self.last_seconds: float | None = None
        self._wake = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="walkthrough-warm", daemon=True)

    def kick(self) -> None:
        """Look again now (called after a commit of this process)."""
        self.last_version = None
        self._wake.set()

    def warm_once(self) -> bool:
        """Warm if the store's version is not the one warmed last; True when it did."""
        from ui import data
        from ui.db import data_version

        if not data.db_exists():
            return False
        version = data_version()
        if version is None or version == self.last_version:
            return False
        started = time.perf_counter()
        if not self.runs:
            preload()
        done = warm_common()
        self.last_seconds = time.perf_counter() - started
        self.last_version = version
        self.runs += 1
        _LOG.info("warmed %s in %.2f s", ", ".join(done), self.last_seconds)
        return True

    def _loop(self) -> None:
        while True:
            self._wake.wait(self.poll_s)
            self._wake.clear()
            try:
                self.warm_once()
            except Exception:  # a busy or half-written store: the pages say so; try again at the next tick
                _LOG.warning("warming failed", exc_info=True)


@st.cache_resource(show_spinner=False)
def start_warmer() -> Warmer | None:
    """The process's warm-up thread, started on the first call (app.py calls it on every run; it runs once)."""
    if not enabled():
        return None
    from ui.db import on_commit

    warmer = Warmer()
    on_commit(warmer.kick)
    warmer.thread.start()
    warmer.kick()
    return warmer
