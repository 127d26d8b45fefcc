"""The store's version: "did the data change?" answered exactly, and in microseconds when it did not (issue #17).

A version has two parts:

* ``stat``: the database file's and its WAL's (dev, inode, mtime_ns, size). Any commit, from this process or another
  (the command line), changes it; so do things that change no figure (a sign-in writes the audit log, a checkpoint
  moves the WAL into the file). Reading it is two ``os.stat`` calls.
* ``content``: one query (``analytics/sql/store/store_version.sql``: batch count, last batch id, rollback count,
  report submissions, schema version, with their latest timestamps). It changes exactly when a figure a page shows
  can change.

:class:`VersionProbe` remembers the last (stat, content) pair: while the stat is the same it returns the content
without opening the database; when the stat moved it runs the query once. Caches key on ``content`` only, so a
sign-in or a checkpoint does not throw away every session's frames, and an import from any process does.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

StatKey = tuple
ContentKey = tuple


def stat_key(path: Path | str) -> StatKey:
    """(dev, inode, mtime_ns, size) of the database's current file and of its WAL; None for a file that is absent.

    ``path`` is a link to the current generation (analytics/store/generations.py): every commit publishes a new file,
    so the inode moves; a plain file of an older release or a restore changes its mtime and size.
    """
    current = os.path.realpath(path)
    parts: list[tuple[int, int, int, int] | None] = []
    for candidate in (current, f"{current}.wal"):
        try:
            s = os.stat(candidate)
        except OSError:
            parts.append(None)
        else:
            parts.append((s.st_dev, s.st_ino, s.st_mtime_ns, s.st_size))
    return tuple(parts)


def content_key(con, path: Path | str) -> ContentKey:
    """The content version read on an open connection of ``path`` (see the module docstring)."""
    from analytics.store.sql import load_sql

    row = con.execute(load_sql("store_version")).fetchone()
    # Not the file's inode: every write, a sign-in's audit row included, publishes a new generation file. The
    # timestamps in the query tell a restored state from a later one that reuses its batch ids.
    return tuple(str(v) if v is not None and not isinstance(v, int) else v for v in row)


def store_version(path: Path | str) -> StoreVersion:
    """Both parts of the version of the database at ``path``; ``content`` is None when there is no database."""
    path = Path(path)
    stat = stat_key(path)
    if stat[0] is None:  # no database yet (or a dangling link)
        return StoreVersion(stat, None)
    from analytics.store.connection import connect

    with connect(path, read_only=True) as con:
        content = content_key(con, path)
    # the stat taken before the query: a commit between the two makes the next probe look again, never too little
    return StoreVersion(stat, content)


@dataclass(frozen=True)
class StoreVersion:
    stat: StatKey
    content: ContentKey | None


class VersionProbe:
    """The current content version of one database path, re-read only when its stat changed (thread-safe)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._last: StoreVersion | None = None
        self._lock = threading.Lock()
        self.queries = 0  # how often the SQL ran (tests and the benchmark read it)

    def current(self) -> ContentKey | None:
        stat = stat_key(self.path)
        last = self._last
        if last is not None and last.stat == stat:
            return last.content
        with self._lock:
            last = self._last
            if last is not None and last.stat == stat:
                return last.content
            version = store_version(self.path)
            self.queries += 1
            self._last = version
            return version.content

    def forget(self) -> None:
        """Read the content again on the next call (after a commit of this process)."""
        self._last = None
