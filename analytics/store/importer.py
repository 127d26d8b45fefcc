"""Import orchestration (SPEC 2.5): parse, then commit each file as one batch in one transaction.

``import_files`` is what the demo loader and ``python -m analytics import`` call (parse, then commit);
``commit_parsed`` commits a file that was already parsed. The upload page parses each file once (in its sandbox),
asks ``plan_import`` what importing them would do (a dry run through the same code, rolled back) to show it before
the button, and commits that very plan with ``commit_plan`` (issue #13 item 3, #16 item 10).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from analytics import schema
from analytics.auth.model import User
from analytics.i18n import t
from analytics.ingest.filenames import clean_file_name
from analytics.ingest.model import ParsedFile, Problem
from analytics.store import archive, generations
from analytics.store import upsert as _upsert
from analytics.store.audit import record
from analytics.store.batches import RollbackResult, rollback_refusal, undo_batch
from analytics.store.connection import MEMORY, connect
from analytics.store.migrate import apply_migrations
from analytics.store.result import FileImportResult, empty_counts
from analytics.store.scope_rows import refuse_outside_scope, upload_scope_refusal
from analytics.store.sql import load_sql
from analytics.store.tables import ORDER

Progress = Callable[[str, float], None]
_MESSAGE_COLUMNS = ("table_name", "severity", "sheet", "source_row", "column_header", "value", "code", "params",
                    "row_key")

__all__ = ["FileImportResult", "ImportPlan", "PlannedFile", "commit_parsed", "commit_plan", "import_files",
           "plan_import"]


def import_files(
    files: Sequence[Path | str | tuple[str, bytes]],
    *,
    db_path: Path | str,
    strict: bool = False,
    user: str,
    lang: str = "zh-Hant",
    on_progress: Progress | None = None,
    replaces: int | None = None,
    acting: User | None = None,
    parser: Callable[[str, bytes], ParsedFile] | None = None,
    file_scope: bool = True,
) -> list[FileImportResult]:
    """Parse and commit each file in turn; one batch (one transaction) per file.

    ``replaces`` (one file only): the file corrects batch ``replaces``; that batch is rolled back and the file
    imported in the same transaction (issue #11: a corrected log must not double count rows without 穿越編號).
    ``acting``: the signed-in user whose scope bounds the files and rows (``analytics.store.scope_rows``; see
    ``commit_parsed`` for ``file_scope``); None (local mode, the command line without ``--acting``, the demo)
    writes every valid row.

    ``parser`` reads one file (default ``parse_file``); the upload page passes its sandboxed, per-session cached
    parse (issue #12 finding 3: no upload is parsed in the server process).

    ``files`` are paths or ``(file name, bytes)`` pairs (uploads). A path that cannot be read gives a ``rejected``
    result naming it. ``on_progress(message, fraction)`` is called as files are read and committed. Raises
    ``DatabaseBusy`` if the database stays locked by another writer for longer than the connection timeout.
    """
    from analytics.ingest import parse_file

    parse = parser or parse_file
    if replaces is not None and len(files) != 1:
        raise ValueError("replaces= corrects one earlier batch with exactly one file")
    results: list[FileImportResult] = []
    total = max(len(files), 1)
    # Without a progress callback (the command line), file k+1 is read while file k commits in a worker thread:
    # the commit is mostly DuckDB work (GIL released, checkpoint included), the read is Python, and the machine has
    # two cores (issue #6: a year of files). Commits stay strictly one after the other and results keep file order.
    # With a callback (the upload page) everything stays on the caller's thread, which the callback may need.
    pool = ThreadPoolExecutor(max_workers=1) if on_progress is None and len(files) > 1 else None
    pending: Future[FileImportResult] | None = None
    try:
        for index, item in enumerate(files):
            name, content, problem = _read_input(item)
            parsed: ParsedFile | None = None
            outcome: FileImportResult | None = None
            if problem is not None:
                outcome = FileImportResult(name, "", "rejected", problems=[problem])

            def step(message: str, fraction: float, *, _i: int = index, _name: str = name) -> None:
                if on_progress is not None:
                    on_progress(f"{_name}: {message}", min(1.0, (_i + fraction) / total))

            if outcome is None:
                step(t("store.progress.reading", lang), 0.0)
                try:
                    parsed = parse(name, content)
                except Exception as exc:  # parse_file promises not to raise; a bug there must not become a traceback
                    error = Problem("error", "store.parse_failed", name, params={"error": str(exc)})
                    outcome = FileImportResult(name, archive.sha256_of(content), "rejected", problems=[error],
                                               size_bytes=len(content))
            if pending is not None:  # the previous file's result first: results keep the order of ``files``
                results.append(pending.result())
                pending = None
            if outcome is not None:
                results.append(outcome)
                continue
            assert parsed is not None
            if pool is not None:
                pending = pool.submit(commit_parsed, parsed, content, db_path=db_path, strict=strict, user=user,
                                      lang=lang, acting=acting, file_scope=file_scope)
            else:
                results.append(commit_parsed(parsed, content, db_path=db_path, strict=strict, user=user, lang=lang,
                                             on_progress=lambda m, f, _s=step: _s(m, 0.3 + 0.7 * f),
                                             replaces=replaces, acting=acting, file_scope=file_scope))
        if pending is not None:
            results.append(pending.result())
            pending = None
    finally:
        if pool is not None:
            pool.shutdown(wait=True)  # an interrupted import still finishes (or rolls back) the file it commits
    if on_progress is not None:
        on_progress(t("store.progress.done", lang), 1.0)
    return results


def _read_input(item: Path | str | tuple[str, bytes]) -> tuple[str, bytes, Problem | None]:
    if isinstance(item, tuple):
        name, content = item
        return clean_file_name(name), bytes(content), None
    path = Path(item)
    try:
        return clean_file_name(path.name), path.read_bytes(), None
    except FileNotFoundError:
        return str(path), b"", Problem("error", "store.file_not_found", str(path), value=str(path))
    except (IsADirectoryError, PermissionError, OSError) as exc:
        return str(path), b"", Problem("error", "store.file_unreadable", str(path), value=str(path),
                                       params={"error": exc.strerror or str(exc)})


def _rejection_reason(parsed: ParsedFile, strict: bool) -> Problem | None:
    """Why the whole file is refused, or None. SPEC 2.5: strict mode rejects the whole file on any error."""
    if parsed.file_error is not None:
        return parsed.file_error
    valid_rows = sum(len(df) for df in parsed.tables.values())
    if strict and (parsed.errors or parsed.rejected_row_count()):
        return Problem("error", "store.strict_rejected", parsed.file_name,
                       params={"rows": parsed.rejected_row_count(), "errors": len(parsed.errors)})
    if valid_rows == 0 and (parsed.errors or parsed.rejected_row_count()):
        return Problem("error", "store.no_valid_rows", parsed.file_name)
    return None


def commit_parsed(
    parsed: ParsedFile,
    content: bytes,
    *,
    db_path: Path | str,
    strict: bool = False,
    user: str,
    lang: str = "zh-Hant",
    now: dt.datetime | None = None,
    on_progress: Progress | None = None,
    replaces: int | None = None,
    acting: User | None = None,
    file_scope: bool = True,
) -> FileImportResult:
    """Commit one parsed file as one batch, all or nothing (SPEC 2.5).

    ``replaces``: the batch this file corrects. It must be one that ``rollback`` would accept (active, no later
    batch changed its rows), else the file is refused with that reason and nothing changes. When the file itself
    is importable, the batch is rolled back and the file written in one transaction (audited as a rollback and an
    import); when the file is refused, the earlier batch stays as it was.

    ``acting``: the signed-in user. A file naming a company outside their scope is refused whole before anything
    is written (``scope_rows.upload_scope_refusal``; ``file_scope=False`` skips this outer layer, for tests of the
    inner one); rows that would change what is stored outside their scope are refused row by row inside the
    transaction (``scope_rows.refuse_outside_scope``, issue #12); ``replaces`` must be a batch they may roll back.

    ``content`` is the uploaded file's bytes (archived and hashed; the hash decides "already imported").
    A refused file (file-level error, strict mode with any error, or no valid row) writes no data but is recorded
    as a batch with status ``rejected`` and its messages, so the batches page lists it. A failure while writing
    (a frame without a required column included) rolls the whole file back and returns a ``rejected`` result
    without a batch. Raises ``DatabaseBusy`` when the database stays locked by another writer.

    ``plan_import`` runs exactly this code in a transaction it rolls back: the preview of a file is what this
    function returns for it, short of the batch number.
    """
    now = now or dt.datetime.now()
    progress = on_progress or (lambda _m, _f: None)
    sha = archive.sha256_of(content)
    with connect(db_path) as con:
        # One DuckDB thread for the writer (issue #6, measured on the 2-core reference machine): a file's
        # statements handle at most ~100,000 rows, where a second thread saves no wall time but costs ≈10 % CPU
        # and ≈30 MB peak RSS, and stalls when the other core is busy. Per connection instance: readers keep theirs.
        con.execute("set threads = 1")
        early = _refused_before_writing(con, parsed, sha, len(content), replaces=replaces, acting=acting, lang=lang,
                                        file_scope=file_scope)
        if early is not None:
            return early
        archive_path = archive.store_original(Path(db_path), content, sha) if str(db_path) != ":memory:" else None
        con.execute("begin transaction")
        try:
            batch_id = int(con.execute("select nextval('batch_id_seq')").fetchall()[0][0])
            base = _write_file(con, parsed, sha, len(content), batch_id=batch_id, archive_path=archive_path,
                               strict=strict, user=user, lang=lang, now=now, progress=progress, replaces=replaces,
                               acting=acting)
            progress(t("store.progress.committing", lang), 0.95)
            con.execute("commit")
        except Exception as exc:  # all or nothing: the database is as before; the user gets a sentence
            _rollback_quietly(con)
            return _failed(parsed, sha, len(content), exc)
        except BaseException:  # KeyboardInterrupt and the like: undo, then let it through
            _rollback_quietly(con)
            raise
    progress(t("store.progress.done", lang), 1.0)
    return base


@dataclass
class PlannedFile:
    """One file of an ``ImportPlan``: the file as read, and what committing it would do now.

    ``parsed`` is the parse the preview showed (the upload page's sandboxed parse); ``commit_plan`` commits this
    very object, it is never read again. ``preview`` is the ``FileImportResult`` that ``commit_parsed`` gives for
    it — status, counts, every error, warning and notice (the database's own included: unknown 工號, unknown
    責任單位, already imported, refused scope) and the rejected rows — except that ``batch_id`` is None unless the
    file is already imported (then it is that batch). ``writes``: committing it records a batch (its data, or a
    rejected batch); False when it is already imported or refused before anything would be written.
    """

    parsed: ParsedFile
    content: bytes
    preview: FileImportResult
    writes: bool


@dataclass
class ImportPlan:
    """The dry run of an upload (issue #16 item 10): what importing these files, in this order, would do."""

    files: list[PlannedFile]
    strict: bool = False
    replaces: int | None = None
    acting: User | None = None

    def to_commit(self) -> list[PlannedFile]:
        """The files the commit button imports: every file that would record a batch."""
        return [f for f in self.files if f.writes]


def plan_import(
    files: Sequence[tuple[ParsedFile, bytes]],
    *,
    db_path: Path | str,
    strict: bool = False,
    user: str,
    lang: str = "zh-Hant",
    now: dt.datetime | None = None,
    replaces: int | None = None,
    acting: User | None = None,
) -> ImportPlan:
    """What ``commit_parsed`` would return for each file, one after the other, without changing anything.

    The files are written in order inside one transaction that is always rolled back, through the same code as
    the commit: a log's unknown 工號 is judged against the roster of an earlier file of the same upload, a second
    copy of a file is "already imported", counts new/updated/unchanged are exact. Nothing is archived and no batch
    number is used up. It writes a private copy of the current generation (``_scratch_copy``), so it neither waits
    for nor holds the writer lock; a database that does not exist yet is planned as an empty one (and not created).
    """
    if replaces is not None and len(files) != 1:
        raise ValueError("replaces= corrects one earlier batch with exactly one file")
    now = now or dt.datetime.now()
    quiet: Progress = lambda _m, _f: None  # noqa: E731 - a dry run reports no progress
    planned: list[PlannedFile] = []
    with _scratch_copy(db_path) as con:
        con.execute("set threads = 1")
        con.execute("begin transaction")
        try:
            # the number the next batch would get, without using one up (a sequence ignores rollback)
            batch_id = int(con.execute(load_sql("batch_next_id")).fetchall()[0][0])
            written: list[tuple[ParsedFile, str, int]] = []  # replayed if a failure aborts the transaction
            for parsed, content in files:
                sha = archive.sha256_of(content)
                early = _refused_before_writing(con, parsed, sha, len(content), replaces=replaces, acting=acting,
                                                lang=lang)
                if early is not None:
                    planned.append(PlannedFile(parsed, content, early, False))
                    continue
                try:
                    result = _write_file(con, parsed, sha, len(content), batch_id=batch_id, archive_path=None,
                                         strict=strict, user=user, lang=lang, now=now, progress=quiet,
                                         replaces=replaces, acting=acting)
                except Exception as exc:  # the commit would fail the same way: say so; plan the rest without it
                    planned.append(PlannedFile(parsed, content, _failed(parsed, sha, len(content), exc), False))
                    _rollback_quietly(con)
                    con.execute("begin transaction")
                    for earlier, earlier_sha, earlier_id in written:
                        _write_file(con, earlier, earlier_sha, 0, batch_id=earlier_id, archive_path=None,
                                    strict=strict, user=user, lang=lang, now=now, progress=quiet,
                                    replaces=replaces, acting=acting)
                    continue
                written.append((parsed, sha, batch_id))
                batch_id += 1
                result.batch_id = None  # a prediction; the commit assigns the real number
                planned.append(PlannedFile(parsed, content, result, True))
        finally:
            _rollback_quietly(con)
    return ImportPlan(planned, strict, replaces, acting)


@contextmanager
def _scratch_copy(db_path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable private copy of the current state for a dry run, removed afterwards.

    The store is a chain of generation files (analytics/store/generations.py): a writer clones the current one,
    writes the clone and publishes it. A dry run clones it too (a reflink where the file system has them) but never
    publishes: it neither takes the writer lock nor makes a new generation, so previews do not wait behind an import,
    make readers wait, or invalidate anyone's cached figures. No current file yet: an empty in-memory database.
    """
    current = generations.current_file(Path(db_path)) if str(db_path) != MEMORY else None
    if current is None:
        with connect(MEMORY) as con:
            yield con
        return
    folder = current.parent  # the same file system: the clone can share the blocks
    handle, name = tempfile.mkstemp(prefix=f".{current.name}.plan-", dir=folder)
    os.close(handle)
    scratch = Path(name)
    scratch.unlink()  # clone() creates the file itself (0600)
    try:
        generations.clone(current, scratch)
        if Path(str(current) + ".wal").exists():  # changes not yet folded into the file are part of the state
            generations.clone(Path(str(current) + ".wal"), Path(str(scratch) + ".wal"))
        con = duckdb.connect(str(scratch))
        try:
            apply_migrations(con)
            yield con
        finally:
            con.close()
    finally:
        scratch.unlink(missing_ok=True)
        Path(str(scratch) + ".wal").unlink(missing_ok=True)


def commit_plan(
    plan: ImportPlan,
    *,
    db_path: Path | str,
    user: str,
    lang: str = "zh-Hant",
    on_progress: Progress | None = None,
) -> list[FileImportResult]:
    """Commit the files of ``plan`` that would record a batch, in order, each with ``commit_parsed``.

    The parsed files are the plan's own (nothing is read again); every check is made again inside each file's
    transaction, so a change to the database since the preview (another user's import) is taken into account.
    """
    chosen = plan.to_commit()
    total = max(len(chosen), 1)
    results: list[FileImportResult] = []
    for index, item in enumerate(chosen):
        def step(message: str, fraction: float, *, _i: int = index, _name: str = item.parsed.file_name) -> None:
            if on_progress is not None:
                on_progress(f"{_name}: {message}", min(1.0, (_i + 0.3 + 0.7 * fraction) / total))

        results.append(commit_parsed(item.parsed, item.content, db_path=db_path, strict=plan.strict, user=user,
                                     lang=lang, on_progress=step, replaces=plan.replaces, acting=plan.acting))
    if on_progress is not None:
        on_progress(t("store.progress.done", lang), 1.0)
    return results


def _refused_before_writing(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, sha: str, size: int, *,
                            replaces: int | None, acting: User | None, lang: str,
                            file_scope: bool = True) -> FileImportResult | None:
    """The outcome of a file that is not written at all (no batch recorded), else None.

    The scope comes first: whether a file of another company's data was already imported is not the uploader's
    business.
    """
    outside = upload_scope_refusal(con, parsed, acting) if file_scope else None
    if outside is not None:
        return FileImportResult(parsed.file_name, sha, "rejected", None, _base_counts(parsed, parsed.problems),
                                [outside, *parsed.problems], dict(parsed.rejects), size)
    existing = con.execute(load_sql("batch_active_by_sha"), {"sha256": sha}).fetchall()[0][0]
    if existing is not None:
        notice = Problem("notice", "store.already_imported", parsed.file_name, params={"batch": existing})
        return FileImportResult(parsed.file_name, sha, "already_imported", int(existing), {}, [notice],
                                size_bytes=size)
    if replaces is not None:
        refused = rollback_refusal(con, replaces, lang, acting=acting)
        if refused is not None:
            problem = Problem("error", "store.replaces_refused", parsed.file_name,
                              params={"batch": replaces, "reason": refused.message})
            return FileImportResult(parsed.file_name, sha, "rejected", None, _base_counts(parsed, parsed.problems),
                                    [problem, *parsed.problems], dict(parsed.rejects), size)
    return None


def _write_file(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, sha: str, size: int, *, batch_id: int,
                archive_path: str | None, strict: bool, user: str, lang: str, now: dt.datetime, progress: Progress,
                replaces: int | None, acting: User | None) -> FileImportResult:
    """Everything one file writes, inside the caller's open transaction (committed or, for a plan, rolled back)."""
    # compared with the stored rows inside the transaction: what is checked is what the write sees
    parsed = refuse_outside_scope(con, parsed, acting, lang)
    base = FileImportResult(parsed.file_name, sha, "rejected", problems=list(parsed.problems),
                            rejects=dict(parsed.rejects), size_bytes=size)
    refusal = _rejection_reason(parsed, strict)
    if refusal is not None and refusal not in base.problems:
        base.problems.insert(0, refusal)
    base.batch_id = batch_id
    row_keys: dict[int, str] = {}
    if refusal is None and replaces is not None:
        undo_batch(con, replaces, RollbackResult(replaces, True, ""), user=user, now=now,
                   replaced_by_file=parsed.file_name)
        base.replaced_batch = replaces
    if refusal is None:
        row_keys = _write_rows(con, parsed, base, batch_id, now, progress, lang)
        con.execute(load_sql("batch_companies_record"), {"batch_id": batch_id})  # scopes 匯入紀錄
        has_errors = bool(parsed.errors) or parsed.rejected_row_count() > 0
        base.status = "partial" if has_errors else "imported"
    else:
        base.counts = _base_counts(parsed, base.problems)
    _write_messages(con, batch_id, base, row_keys)
    con.execute(load_sql("batch_insert"), {
        "batch_id": batch_id, "file_name": parsed.file_name, "sha256": sha, "size_bytes": size,
        "imported_at": now, "imported_by": user,
        "status": "rejected" if base.status == "rejected" else "active", "strict": strict,
        "counts": json.dumps(base.counts, ensure_ascii=False), "archive_path": archive_path,
        "replaces_batch": base.replaced_batch, "source": None,
    })
    record(con, user, "import" if base.status != "rejected" else "import_rejected", {
        "batch_id": batch_id, "file_name": parsed.file_name, "sha256": sha, "status": base.status,
        "strict": strict, "counts": base.counts, "replaces_batch": base.replaced_batch,
    }, at=now)
    return base


def _failed(parsed: ParsedFile, sha: str, size: int, exc: Exception) -> FileImportResult:
    """A file whose write failed: nothing of it is stored; the first line of the reason, or the file's own error."""
    if isinstance(exc, _upsert.MissingColumn):
        failure = exc.problem
    else:
        failure = Problem("error", "store.commit_failed", parsed.file_name,
                          params={"error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__})
    return FileImportResult(parsed.file_name, sha, "rejected", None, _base_counts(parsed, parsed.problems),
                            [failure, *parsed.problems], dict(parsed.rejects), size)


def _rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """Abort the open transaction; if DuckDB already aborted it (or lost the file), nothing was committed anyway."""
    try:
        con.execute("rollback")
    except duckdb.Error:
        pass


def _base_counts(parsed: ParsedFile, problems: list[Problem]) -> dict[str, dict[str, int]]:
    keys = [k for k in ORDER if k in parsed.tables or k in parsed.rejects]
    counts: dict[str, dict[str, int]] = {}
    for key in keys:
        c = empty_counts()
        c["rejected"] = len(parsed.rejects.get(key, ()))
        c["warnings"] = sum(1 for p in problems if p.severity == "warning" and p.table == key)
        counts[key] = c
    return counts


def _write_rows(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, result: FileImportResult, batch_id: int,
                now: dt.datetime, progress: Progress, lang: str) -> dict[int, str]:
    """Upsert each table of the file in IMPORT_ORDER and add the warnings that need the database.

    Returns the stored row key (import_messages.row_key) of each database warning, by its index in problems.
    """
    row_keys: dict[int, str] = {}
    present = [k for k in ORDER if k in parsed.tables and len(parsed.tables[k])]
    table_counts: dict[str, dict[str, int]] = {}
    for i, key in enumerate(present):
        title = schema.TABLES[key].title_en if lang == "en" else schema.TABLES[key].title
        progress(t("store.progress.table", lang, table=title), 0.1 + 0.8 * i / max(len(present), 1))
        _upsert.stage(con, key, parsed.tables[key], now.date(), parsed.file_name)
        kept = _upsert.rejected_employee_ids(parsed.rejects.get(key)) if key == "roster" else ()
        table_counts[key] = _upsert.upsert(con, key, batch_id, now, kept)
        # warnings that need the stored roster, this file's own roster (written just before) included
        warn = {"walkthroughs": _upsert.walkthrough_warnings, "issues": _upsert.issue_warnings}.get(key)
        if warn is not None:
            extra, keys = warn(con, parsed.file_name)
            for problem, row_key in zip(extra, keys, strict=True):
                row_keys[len(result.problems)] = row_key
                result.problems.append(problem)
    result.counts = _base_counts(parsed, result.problems)
    for key, c in table_counts.items():
        result.counts[key].update(c)
    return row_keys


def _write_messages(con: duckdb.DuckDBPyConnection, batch_id: int, result: FileImportResult,
                    row_keys: dict[int, str]) -> None:
    """Keep every error and warning of the file in import_messages (the data-quality page reads it)."""
    records = [
        (p.table, p.severity, p.sheet, p.row, p.column, p.value, p.code,
         json.dumps(p.params, ensure_ascii=False, default=str) if p.params else None, row_keys.get(i))
        for i, p in enumerate(result.problems) if p.severity in ("error", "warning")
    ]
    if not records:
        return
    frame = pd.DataFrame.from_records(records, columns=_MESSAGE_COLUMNS).astype(object)
    frame["source_row"] = pd.array([r[3] for r in records], dtype="Int64")
    con.register("incoming_messages", frame)
    try:
        con.execute(load_sql("messages_insert"), {"batch_id": batch_id})
    finally:
        con.unregister("incoming_messages")
