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


def data_version() -> tuple:
    """Part of every cache key: changes whenever the database file (or its WAL) changes or caches were cleared.

    DuckDB appends to ``<db>.wal`` before checkpointing, so both files' mtime and size are included.
    """
    path = db_path()
    parts: list[Any] = [str(path), _generation()]
    for candidate in (path, Path(str(path) + ".wal")):
        try:
            stat = candidate.stat()
        except OSError:
            parts.append(None)
        else:
            parts.append((stat.st_mtime_ns, stat.st_size))
    return tuple(parts)


_generation_counter = [0]


def _generation() -> int:
    return _generation_counter[0]


def clear_caches() -> None:
    """Forget every cached figure; called after an import, a rollback or loading the demo."""
    _generation_counter[0] += 1
    st.cache_data.clear()
