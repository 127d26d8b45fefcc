"""Originals of imported files, kept content-addressed beside the database (SPEC 2.5 "the original file is archived").

The path is derived from the SHA-256 only; the file name from the upload is never used as a path.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from analytics.config import archive_dir


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
    target = archive_dir(db_path) / rel
    if target.exists() and target.stat().st_size == len(content):
        return rel
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
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
