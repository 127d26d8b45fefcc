"""Backup, restore and integrity check of the database (issue #7: crash safety and recovery)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import duckdb

from analytics.config import archive_dir
from analytics.errors import DatabaseBusy, UserFacingError
from analytics.i18n import t
from analytics.store.connection import fold_wal, open_duckdb, write_lock
from analytics.store.generations import current_file
from analytics.store.migrate import current_version, migration_files
from analytics.store.private import make_private
from analytics.store.sql import load_sql, render_sql
from analytics.store.tables import STORED


def latest_version() -> int:
    return max(v for v, _ in migration_files())


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def check(con: duckdb.DuckDBPyConnection, *, lang: str = "zh-Hant", require_latest: bool = True,
          db_path: Path | str | None = None) -> list[str]:
    """Integrity problems of an open database as sentences; an empty list means OK.

    Checks: schema version, no duplicate SPEC 2.5 keys, every row's batch exists and is active, each issue's
    status equals the last entry of its status history, history and undo rows belong to active batches, and
    (given ``db_path``) every active batch's original is in the archive.
    """
    version = current_version(con)
    expected = latest_version()
    if version == 0 or (require_latest and version != expected) or version > expected:
        return [t("store.check.version", lang, found=version, expected=expected)]
    if version != expected:
        return []  # an older backup: migrations bring it up to date on the next read-write open
    problems: list[str] = []
    for spec in STORED.values():
        ids = spec.identifiers()
        if n := _count(con, render_sql("check_duplicates", **ids)):
            problems.append(t("store.check.duplicates", lang, table=spec.name, n=n))
        if n := _count(con, render_sql("check_orphans", **ids)):
            problems.append(t("store.check.orphans", lang, table=spec.name, n=n))
        if n := _count(con, render_sql("check_undo", **ids)):
            problems.append(t("store.check.undo", lang, table=spec.undo, n=n))
    if n := _count(con, load_sql("check_history")):
        problems.append(t("store.check.history", lang, n=n))
    if n := _count(con, load_sql("check_history_orphans")):
        problems.append(t("store.check.history_orphans", lang, n=n))
    if db_path is not None:
        missing = [batch for batch, rel in con.execute(load_sql("check_archive")).fetchall()
                   if not rel or not (archive_dir(Path(db_path)) / rel).is_file()]
        if missing:
            problems.append(t("store.check.archive", lang, batches="、".join(map(str, missing))))
    return problems


def backup(db_path: Path | str, out: Path | str, *, timeout_s: float = 60.0, lang: str = "zh-Hant") -> int:
    """Write a consistent copy of the database to ``out``; returns its size in bytes.

    Holds the writer lock (no import can run), checkpoints so the file holds every committed change, then copies
    the file and renames it into place (a half-written backup never carries the final name).
    """
    db, target = Path(db_path), Path(out)
    if not db.exists():
        raise UserFacingError(t("store.no_database", lang))
    if target.resolve() == db.resolve():
        raise UserFacingError(t("store.backup.same_file", lang))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with write_lock(db, timeout_s=timeout_s):
        current = current_file(db) or db
        if Path(str(current) + ".wal").exists():  # a committed generation has none; an older release's file may
            fold_wal(current, time.monotonic() + timeout_s)
        shutil.copyfile(current, tmp)
        make_private(tmp)  # a backup is the whole database: owner-only like the database (issue #12)
    os.replace(tmp, target)
    return target.stat().st_size


def validate_backup(path: Path, *, lang: str = "zh-Hant") -> None:
    """Raise UserFacingError unless ``path`` opens as a database of this product that passes :func:`check`."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise UserFacingError(t("store.restore.invalid", lang, path=path, reason=str(exc).splitlines()[0])) from exc
    try:
        problems = check(con, lang=lang, require_latest=False)
    except duckdb.Error as exc:
        problems = [str(exc).splitlines()[0]]
    finally:
        con.close()
    if problems:
        raise UserFacingError(t("store.restore.invalid", lang, path=path, reason="；".join(problems)))


def _checkpoint_if_readable(db: Path, timeout_s: float) -> None:
    """Fold the WAL into the file before it moves aside; a damaged database (the reason to restore) is moved as is."""
    try:
        con = open_duckdb(db, False, time.monotonic() + timeout_s)
    except DatabaseBusy:
        raise
    except UserFacingError:
        return
    try:
        con.execute("checkpoint")
    except duckdb.Error:
        pass
    finally:
        con.close()


def restore(db_path: Path | str, backup_file: Path | str, *, timeout_s: float = 60.0, lang: str = "zh-Hant") -> Path:
    """Replace the database by a validated backup; the current database is kept as ``<db>.bak``. Returns that path.

    The backup is copied beside the database and validated first, so an invalid backup changes nothing.
    """
    db, source = Path(db_path), Path(backup_file)
    if not source.is_file():
        raise UserFacingError(t("store.restore.missing", lang, path=source))
    db.parent.mkdir(parents=True, exist_ok=True)
    staged = db.with_name(f".{db.name}.restore.{os.getpid()}")
    shutil.copyfile(source, staged)
    make_private(staged)
    try:
        validate_backup(staged, lang=lang)
        bak = db.with_name(db.name + ".bak")
        with write_lock(db, timeout_s=timeout_s):
            current = current_file(db)
            if current is not None:
                # no writer is mid-way (we hold the lock); everything committed goes into the file before it moves
                _checkpoint_if_readable(current, timeout_s)
                os.replace(current, bak)  # the generation file itself, not the link that names it
                wal = Path(str(current) + ".wal")
                if wal.exists():
                    os.replace(wal, Path(str(bak) + ".wal"))
            os.replace(staged, db)  # a plain file again (replacing the link); its first write makes it a generation
            make_private(bak)
            make_private(str(bak) + ".wal")
    finally:
        if staged.exists():
            staged.unlink()
    return bak
