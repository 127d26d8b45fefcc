"""The database as a chain of generation files, so that reading never waits for writing (SPEC 10, issue #17).

DuckDB lets one process open a file read-write or many open it read-only, never both: with one file, a lead's
import would make every page wait, and a page being read would make the import wait. So a writer never writes the
file that readers open. ``walkthrough.duckdb`` is a symbolic link to the current generation
(``walkthrough.duckdb.g000042``); a writer, holding the writer lock, copies that file to the next generation (a
reflink where the file system has them, else a kernel copy), writes and checkpoints the copy, then swaps the link in
one ``rename``. A reader resolves the link once and opens that generation: it sees the state before or after a
commit, never half of one, and never waits. The previous generation is unlinked at once; a reader that still has it
open keeps reading it (POSIX keeps the inode until the last close), and one that resolved it a moment before the
unlink resolves again. A writer that dies leaves its unfinished copy behind, which the next writer removes.

Each generation has its own path, so DuckDB's per-process cache of open databases (keyed by path) can never hand a
new reader the previous generation. A database written by an older release (a plain file) becomes generation 1 at
its first write. Decision and measurements: docs/ARCHITECTURE.md, "Readers and writers".
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import time
from pathlib import Path

from analytics.store.private import FILE_MODE, make_private

_GENERATION = re.compile(r"\.g(\d{6})$")
_FICLONE = 0x40049409  # linux/fs.h: share the source's blocks (btrfs, xfs, ...) instead of copying them


def current_file(db: Path) -> Path | None:
    """The file that holds the committed state of ``db`` now (the link's target, or ``db`` itself), or None."""
    try:
        target = os.readlink(db)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.EINVAL:  # a plain file: a database of an older release, or restored from a backup
            return db
        raise
    path = db.parent / target
    return path if path.exists() else None


def generation_of(path: Path | None) -> int:
    """1, 2, ... for a generation file; 0 for a plain database file or none."""
    match = _GENERATION.search(path.name) if path is not None else None
    return int(match.group(1)) if match else 0


def next_file(db: Path, current: Path | None) -> Path:
    return db.with_name(f"{db.name}.g{generation_of(current) + 1:06d}")


def discard_leftovers(db: Path, keep: Path | None) -> None:
    """Remove generation files (and their WALs) other than ``keep``: unfinished copies of writers that died."""
    for path in db.parent.glob(f"{db.name}.g[0-9]*"):
        if keep is not None and path.name in (keep.name, keep.name + ".wal"):
            continue
        if _GENERATION.search(path.name) or path.name.endswith(".wal"):
            path.unlink(missing_ok=True)
    # a preview's private copy (importer.plan_import) lives for seconds; one an hour old belongs to a process that died
    stale_before = time.time() - 3600
    for path in db.parent.glob(f".{db.name}.g*.plan-*"):
        try:
            if path.stat().st_mtime < stale_before:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            pass


def clone(source: Path, target: Path) -> None:
    """``target`` (created 0600) holds the bytes of ``source``; a reflink when possible, else a kernel-side copy."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with open(source, "rb") as src:
            try:
                fcntl.ioctl(fd, _FICLONE, src.fileno())
            except OSError:
                _copy(src.fileno(), fd)
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise
    os.close(fd)


def _copy(src: int, dst: int) -> None:
    size, offset = os.fstat(src).st_size, 0
    while offset < size:
        sent = os.sendfile(dst, src, offset, size - offset)
        if sent == 0:
            break
        offset += sent


def publish(db: Path, new: Path, previous: Path | None) -> None:
    """Make ``new`` the current generation in one rename, then drop ``previous`` (readers holding it keep it)."""
    make_private(new)
    link = db.with_name(f".{db.name}.link.{os.getpid()}")
    link.unlink(missing_ok=True)
    os.symlink(new.name, link)
    os.replace(link, db)
    _sync_dir(db.parent)
    if previous is not None and previous != db and previous != new:
        previous.unlink(missing_ok=True)
        Path(str(previous) + ".wal").unlink(missing_ok=True)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
