"""Originals of imported files, kept content-addressed beside the database (SPEC 2.5 "the original file is archived").

The path is derived from the SHA-256 only; the file name from the upload is never used as a path.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from analytics.config import archive_dir
from analytics.store.private import DIR_MODE, FILE_MODE, make_private, make_private_dirs


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def relative_path(sha256: str) -> str:
    """Where a file with this digest is kept, relative to the archive directory."""
    if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
        raise ValueError("not a SHA-256 hex digest")
    return f"{sha256[:2]}/{sha256}"


def store_original(db_path: Path, content: bytes, sha256: str) -> str:
    """Write ``content`` under the archive (atomically, once) and return its relative path.

    Written before the import's transaction commits: a crash leaves at most an unreferenced file, never a batch
    without its original.
    """
    rel = relative_path(sha256)
    base = archive_dir(db_path)
    target = base / rel
    # the archive holds every original upload (names and 工號): owner-only folders and files (issue #12)
    make_private_dirs(target.parent)
    make_private(base, DIR_MODE)
    make_private(target.parent, DIR_MODE)
    if target.exists() and target.stat().st_size == len(content):
        make_private(target, FILE_MODE)
        return rel
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE), "wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return rel


def read_original(db_path: Path, rel: str) -> bytes:
    """The archived bytes at ``rel`` (as recorded in batches.archive_path)."""
    base = archive_dir(db_path).resolve()
    target = (base / rel).resolve()
    if base not in target.parents:
        raise ValueError("archive path outside the archive directory")
    return target.read_bytes()
