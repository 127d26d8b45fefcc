"""Files and folders of the store readable by their owner only (issue #12, finding 13).

The database names people who missed quotas; other OS users on the machine must not read it. DuckDB creates the
database and its WAL itself with the process umask (usually 0644), so the modes are set right after DuckDB has
created them; folders and files written here are created private from the start.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private(path: Path | str, mode: int = FILE_MODE) -> None:
    """Set ``mode`` on ``path`` when it exists and this process owns it (someone else's file is left alone)."""
    p = Path(path)
    try:
        st = p.stat()
        if st.st_uid == os.getuid() and (st.st_mode & 0o777) != mode:
            os.chmod(p, mode)
    except FileNotFoundError:
        return
    except PermissionError:
        return


def private_db_files(db_path: Path | str) -> None:
    """0600 on the database file and its WAL (whichever exist)."""
    make_private(db_path)
    make_private(str(db_path) + ".wal")


def make_private_dirs(path: Path | str) -> None:
    """Create ``path`` and its missing parents 0700; an existing folder this process owns is set to 0700 too."""
    p = Path(path)
    missing = []
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
        make_private(d, DIR_MODE)
