"""Where things live. The environment variable ``WALKTHROUGH_DB`` overrides the default database (SPEC 5)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "walkthrough.duckdb"


def default_db_path() -> Path:
    return Path(os.environ.get("WALKTHROUGH_DB") or DEFAULT_DB)


def archive_dir(db_path: Path) -> Path:
    """Archived originals of imported files live beside the database, addressed by SHA-256."""
    return Path(db_path).parent / (Path(db_path).stem + ".archive")
