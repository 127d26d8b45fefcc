"""Load the demo year into a database: write the files, then import them in chronological order as user "demo".

Each file is parsed by ``analytics.ingest.parse_file`` and committed by ``analytics.store.importer.commit_parsed``
(the same path as an upload), with the batch dated when a lead department would have uploaded it (the month's
end). Dating the batches is what gives the issues' status history (SPEC 2.5) a real trend over the year.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analytics import schema
from analytics.config import archive_dir
from analytics.demo import DEMO_SEED, TODAY, DemoFile, write_demo_files
from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.metrics.sqlfiles import expand_includes

DEMO_USER = "demo"
SUMMARY_SQL = Path(__file__).resolve().parent.parent / "sql" / "demo" / "summary.sql"


class DemoRefused(UserFacingError):
    """The target database already holds data and --force was not given."""


@dataclass
class DemoResult:
    db_path: Path
    out_dir: Path
    files: list[DemoFile]
    results: list  # analytics.store.result.FileImportResult, one per file
    seconds: float
    figures: dict  # the row of analytics/sql/demo/summary.sql
    quota_status: dict[str, int]  # status -> number of 2026 rule results as of TODAY (empty if metrics unavailable)

    @property
    def rejected_rows(self) -> int:
        return sum(r.rejected_rows() for r in self.results)

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.results for p in r.problems if p.severity == "warning")


def default_out_dir(db_path: Path) -> Path:
    """Demo files go to a folder ``demo-files`` beside the database."""
    return Path(db_path).resolve().parent / "demo-files"


def database_has_data(db_path: Path) -> bool:
    """True when ``db_path`` holds any batch or row (an empty or missing file does not count)."""
    from analytics.store.connection import connect

    path = Path(db_path)
    if not path.exists() or path.stat().st_size == 0:
        return False
    with connect(path, read_only=True) as con:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        for table in ("batches", "roster", "walkthroughs", "issues"):  # allow-listed names, never user text
            if table in tables and con.execute(f"select count(*) from {table}").fetchone()[0]:
                return True
    return False


def _wipe(db_path: Path) -> None:
    """--force: remove the database, its write-ahead log and its archive of imported originals.

    Done under the store's cross-process write lock, so an import running at that moment finishes first.
    """
    from analytics.store.connection import write_lock
    from analytics.store.generations import discard_leftovers

    with write_lock(db_path):
        for path in (db_path, db_path.with_name(db_path.name + ".wal")):
            path.unlink(missing_ok=True)
        discard_leftovers(db_path, keep=None)  # the generation files the link named
        archive = archive_dir(db_path)
        if archive.is_dir():
            shutil.rmtree(archive)


def load_demo(db_path: Path, *, out_dir: Path | None = None, force: bool = False, seed: int = DEMO_SEED,
              lang: str = "zh-Hant", on_progress: Callable[[str, float], None] | None = None) -> DemoResult:
    """Write the demo files and import them into ``db_path``; refuse a database with data unless ``force``."""
    from analytics.ingest import parse_file
    from analytics.store.connection import connect
    from analytics.store.importer import commit_parsed

    started = time.perf_counter()
    db_path = Path(db_path)
    if force:
        _wipe(db_path)
    elif database_has_data(db_path):
        raise DemoRefused(t("demo.refuse_nonempty", lang, path=str(db_path)))
    out = Path(out_dir) if out_dir is not None else default_out_dir(db_path)
    files = write_demo_files(out, seed=seed)
    results = []
    for index, demo_file in enumerate(files):
        if on_progress is not None:
            on_progress(demo_file.path.name, index / len(files))
        content = demo_file.path.read_bytes()
        parsed = parse_file(demo_file.path.name, content)
        results.append(commit_parsed(parsed, content, db_path=db_path, user=DEMO_USER, lang=lang,
                                     now=demo_file.imported_at))
    from analytics.demo.followup import record_demo_issue_updates, submit_demo_reports

    submit_demo_reports(db_path)  # two provinces have submitted their Q3 report to 總部 (issue #15)
    record_demo_issue_updates(db_path, TODAY)  # owner departments report progress in the app (issue #15)
    with connect(db_path, read_only=True) as con:
        cursor = con.execute(expand_includes(SUMMARY_SQL.read_text(encoding="utf-8")),
                             {"closed_statuses": list(schema.CLOSED_STATUSES), "hq": schema.LEVEL.canonical("hq"),
                              "province": schema.LEVEL.canonical("province"), "city": schema.LEVEL.canonical("city")})
        names = [d[0] for d in cursor.description]
        figures = dict(zip(names, cursor.fetchone(), strict=True))
        quota_status = _quota_status(con)
    return DemoResult(db_path, out, files, results, time.perf_counter() - started, figures, quota_status)


def _quota_status(con) -> dict[str, int]:
    """How many 2026 rule results are met / in progress / missed / n/a as of the demo's today."""
    try:
        from analytics.metrics.quotas import compute_quota_results
    except ImportError:  # the metrics package is optional for loading the demo
        return {}
    frame = compute_quota_results(con, TODAY.year, as_of=TODAY)
    return {str(k): int(v) for k, v in frame["status"].value_counts().sort_index().items()}
