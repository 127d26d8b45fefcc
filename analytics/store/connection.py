"""Opening the DuckDB file: one writer at a time, many readers, never a traceback for "busy" (STYLE 5).

DuckDB allows either one read-write process or many read-only processes per file. Writers first queue on an
advisory ``flock`` of ``<db>.lock`` (so two imports run one after the other instead of failing), then open the
file; both kinds of opener retry for ``timeout_s`` while DuckDB reports the file locked by another process (a
reader holding it briefly, or the writer) and then raise :class:`analytics.errors.DatabaseBusy`.
"""

from __future__ import annotations

import fcntl
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

from analytics.errors import DatabaseBusy, UserFacingError
from analytics.i18n import t
from analytics.store import generations
from analytics.store.migrate import apply_migrations, current_version, migration_files, pending_versions
from analytics.store.private import make_private, private_db_files

MEMORY = ":memory:"
# Fragments of DuckDB's messages that mean "another connection holds the file" (checked on duckdb 2.0):
# another process: 'IO Error: Could not set lock on file ...: Conflicting lock is held'; this process with the other
# mode: "Can't open a connection to same database file with a different configuration"; this process, another
# thread opening or closing it at that moment: "Unique file handle conflict: ... is already attached".
_BUSY_FRAGMENTS = ("could not set lock", "conflicting lock", "different configuration", "unique file handle conflict",
                   "already attached")


@lru_cache(maxsize=1)
def _latest_version() -> int:
    return max(v for v, _ in migration_files())


def lock_path(db_path: Path) -> Path:
    """The advisory lock file that serialises writers of ``db_path``."""
    return Path(str(db_path) + ".lock")


def is_busy_error(exc: BaseException) -> bool:
    """True when DuckDB refused to open because another connection holds the file."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(f in text for f in _BUSY_FRAGMENTS)


@contextmanager
def write_lock(db_path: Path, *, timeout_s: float = 30.0) -> Iterator[None]:
    """Hold the cross-process writer lock of ``db_path`` (queues behind other writers, up to ``timeout_s``)."""
    path = lock_path(Path(db_path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    make_private(path)  # a lock file created 0644 by an older release
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(t("common.db_busy")) from None
                time.sleep(0.02 + random.random() * 0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def open_duckdb(path: Path, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` retried until ``deadline`` (time.monotonic) while another connection holds the file."""
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not is_busy_error(exc):
                raise UserFacingError(t("store.db_unreadable", path=str(path), error=str(exc).splitlines()[0])) from exc
            if time.monotonic() >= deadline:
                raise DatabaseBusy(t("common.db_busy")) from exc
            time.sleep(delay + random.random() * delay)
            delay = min(delay * 1.5, 0.25)


@contextmanager
def connect(
    db_path: Path | str, *, read_only: bool = False, timeout_s: float = 30.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the database for one operation and close it afterwards.

    Read-write opens hold the writer lock for the whole ``with`` block and bring the schema up to date; a read-only
    open of a database whose schema is older than this release migrates it first.
    ``":memory:"`` gives a fresh migrated in-memory database (tests). Raises ``DatabaseBusy`` after ``timeout_s``
    of waiting, and ``UserFacingError`` for a read-only open of a database that does not exist yet.
    """
    if str(db_path) == MEMORY:
        con = duckdb.connect(MEMORY)
        try:
            apply_migrations(con)
            yield con
        finally:
            con.close()
        return
    path = Path(db_path)
    deadline = time.monotonic() + timeout_s
    if read_only:
        con = _open_current(path, deadline)
        try:
            outdated = current_version(con) < _latest_version() or bool(pending_versions(con))
        except BaseException:
            con.close()
            raise
        if outdated:
            # a newer release added migrations: apply them once (as the writer, into the next generation), then read
            con.close()
            with connect(path, timeout_s=max(deadline - time.monotonic(), 0.1)):
                pass
            con = _open_current(path, deadline)
        try:
            yield con
        finally:
            con.close()
        return
    with write_lock(path, timeout_s=timeout_s):
        path.parent.mkdir(parents=True, exist_ok=True)
        current = generations.current_file(path)
        if current is not None and Path(str(current) + ".wal").exists():
            fold_wal(current, deadline)  # an older release or a crash left changes in the WAL: into the file first
        generations.discard_leftovers(path, keep=current)
        new = generations.next_file(path, current)
        try:
            if current is not None:
                generations.clone(current, new)
        except OSError as exc:
            new.unlink(missing_ok=True)
            raise UserFacingError(t("store.db_unwritable", path=str(path.parent), error=str(exc))) from exc
        con = open_duckdb(new, False, deadline)  # nobody else knows this file: never busy
        make_private(new)  # DuckDB created a new database with the umask (issue #12: readable by other OS users)
        try:
            apply_migrations(con)
            yield con
        finally:
            # What the block committed is kept even when it raised afterwards (as with one file); what it had not
            # committed is rolled back by DuckDB when the connection closes.
            try:
                con.execute("CHECKPOINT")
                con.close()
            except duckdb.Error:
                con.close()
                new.unlink(missing_ok=True)
                Path(str(new) + ".wal").unlink(missing_ok=True)
                raise
        generations.publish(path, new, current)


def _open_current(path: Path, deadline: float) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current generation; resolved again when a writer swapped it meanwhile."""
    while True:
        current = generations.current_file(path)
        if current is None:
            raise UserFacingError(t("store.no_database"))
        try:
            return open_duckdb(current, True, deadline)
        except UserFacingError:
            if generations.current_file(path) == current:
                raise
            # the generation was replaced and unlinked between resolving and opening it: read the new one


def fold_wal(current: Path, deadline: float) -> None:
    """Checkpoint ``current`` in place so that a copy of the file holds every committed change (its WAL folded in)."""
    con = open_duckdb(current, False, deadline)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    private_db_files(current)
