"""Database access for the pages: one short read-only connection per call, never held (STYLE 5).

DuckDB lets one process write or many processes read a file; the command line may import while the dashboard
runs, so the dashboard opens ``read_only=True`` for the length of one function call and closes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from analytics.config import default_db_path

T = TypeVar("T")


def db_path() -> Path:
    """The database file: ``$WALKTHROUGH_DB`` or ``data/walkthrough.duckdb`` (SPEC 5)."""
    return default_db_path()


def db_exists() -> bool:
    """Whether the database file exists (a fresh install has none until the first import or the demo)."""
    return db_path().exists()


def read(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call ``fn(con, *args, **kwargs)`` on a read-only connection opened for this call only."""
    from analytics.store.connection import connect

    with connect(db_path(), read_only=True) as con:
        return fn(con, *args, **kwargs)


def data_version() -> tuple | None:
    """The first argument of every cached loader: the store's content version (analytics.store.version).

    Exact: it changes when an import, a rollback, an issue update, a report or a migration commits — in this process
    or in another one (the command line) — and not when someone signs in. Costs two ``os.stat`` calls while the file
    is unchanged. None without a database.
    """
    path = db_path()
    key = str(path)
    probe = _probes.get(key)
    if probe is None:
        from analytics.store.version import VersionProbe

        probe = _probes.setdefault(key, VersionProbe(path))
    content = probe.current()
    previous = _seen.get(key)
    _seen[key] = content
    if previous is not None and content != previous:
        # another process committed: the old version's frames can never be asked for again, free them at once
        # (issue #17: the server grew to 900 MB keeping every state's frames)
        st.cache_data.clear()
        _notify_commit()
    return content


_probes: dict[str, Any] = {}
_seen: dict[str, tuple | None] = {}
_commit_listeners: list[Callable[[], None]] = []


def on_commit(listener: Callable[[], None]) -> None:
    """Call ``listener()`` after each commit seen by this process (ui/warm.py re-warms then)."""
    _commit_listeners.append(listener)


def _notify_commit() -> None:
    for listener in list(_commit_listeners):
        listener()


def clear_caches() -> None:
    """The one invalidation point after a commit of this process (import, rollback, demo, issue update).

    Forgets every cached frame of every session and makes the next ``data_version`` read the store again;
    the warm-up thread (ui/warm.py) is told so it computes the common frames of the new version.
    """
    for probe in _probes.values():
        probe.forget()
    _seen.clear()
    st.cache_data.clear()
    _notify_commit()
