"""Caching keyed by the store's version (issue #17 item 1, #13 item 2): exact invalidation, sharing, warming.

The sample database of conftest has, in 2026Q2 as of 2026-06-30, 3 activities (A3, A4, A5). The extra file below adds
A6 on 2026-06-01 by C004 (海濱市分公司, on the roster), so the same view then shows 4.
"""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pages.conftest import LOG, ROOT, open_page, workbook_bytes

Q2 = {"period": "2026Q2", "kind": "quarter", "as_of": "2026-06-30"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTRA_LOG = [LOG[0], ("A6", "C004", "2026-06-01", "常規穿越", "網路撥測", "個人穿越", 1)]


def _activities(at) -> str:
    return {m.label: m.value for m in at.metric}["穿越活動"]


@pytest.fixture
def db(sample_db, use_db, tmp_path) -> Path:
    """A private copy of the sample database (these tests import into it)."""
    return use_db(Path(shutil.copy(sample_db, tmp_path / "copy.duckdb")))


def _cli_import(db: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.xlsx"
    extra.write_bytes(workbook_bytes({"穿越": EXTRA_LOG}))
    proc = subprocess.run([sys.executable, "-m", "analytics", "import", "--db", str(db), str(extra)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={**os.environ})
    assert proc.returncode == 0, proc.stderr


def test_store_version_changes_with_a_commit_and_not_with_a_sign_in(db, tmp_path):
    from analytics.store.audit import record
    from analytics.store.connection import connect
    from analytics.store.version import VersionProbe, store_version

    before = store_version(db)
    # one batch (the sample workbook), none rolled back, no report, schema of this release
    assert before.content[:3] == (1, 1, 0)
    probe = VersionProbe(db)
    assert probe.current() == before.content and probe.queries == 1
    assert probe.current() == before.content and probe.queries == 1  # same stat: answered without the database
    with connect(db) as con:  # a sign-in writes the audit log: the file changes, no figure does
        record(con, "alice", "sign_in", {})
    assert probe.current() == before.content and probe.queries == 2  # looked again (stat moved), same content
    _cli_import(db, tmp_path)
    after = probe.current()
    assert after != before.content and after[:3] == (2, 2, 0)


def test_a_cli_import_in_another_process_shows_on_the_next_run(db, tmp_path):
    at = open_page(**Q2)
    assert _activities(at) == "3"
    _cli_import(db, tmp_path)  # nothing in this process is told: the version must notice
    at.run()
    assert not at.exception
    assert _activities(at) == "4"
    assert _activities(open_page(**Q2)) == "4"  # and a new session too


def test_an_import_from_the_page_shows_on_the_next_page(db):
    at = open_page(**Q2)
    assert _activities(at) == "3"
    at.switch_page("pages/data_import.py").run()
    at.file_uploader[0].set_value([("extra.xlsx", workbook_bytes({"穿越": EXTRA_LOG}), XLSX)]).run()
    at.button(key="commit").click().run()
    assert not at.exception
    at.switch_page("pages/home.py").run()
    assert _activities(at) == "4"


def test_a_rollback_from_the_cli_shows_on_the_next_run(db, tmp_path):
    _cli_import(db, tmp_path)
    at = open_page(**Q2)
    assert _activities(at) == "4"
    proc = subprocess.run([sys.executable, "-m", "analytics", "rollback", "--db", str(db), "2"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    at.run()
    assert _activities(at) == "3"


def _count_calls(monkeypatch, module, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_two_sessions_share_one_computation(db, monkeypatch):
    import analytics.metrics.quotas as quotas

    calls = _count_calls(monkeypatch, quotas, "compute_quota_results")
    first = open_page(**Q2)
    assert not first.exception
    assert len(calls) == 1  # the overview's laggards: the quota results of 2026 for all companies
    second = open_page(**Q2)  # another session (AppTest = one session each), same view
    assert len(calls) == 1
    assert first.dataframe[0].value.equals(second.dataframe[0].value)


def test_warming_fills_the_cache_for_the_default_first_page(db, monkeypatch):
    import analytics.metrics.headline as headline
    import analytics.metrics.quotas as quotas
    from analytics import config
    from ui.warm import Warmer, warm_common

    done = warm_common(config.today())
    # the tree, the months, the counts, then "all companies" and the one province 東海省公司
    assert done == ["table_counts", "data_months", "companies", "scope:*", "scope:东海省公司"]
    quota_calls = _count_calls(monkeypatch, quotas, "compute_quota_results")
    headline_calls = _count_calls(monkeypatch, headline, "compute_headline")
    at = open_page()  # a new session with the default controls: 2026, as of today, all companies
    assert not at.exception
    assert (len(quota_calls), len(headline_calls)) == (0, 0)  # everything came from the warmed cache
    warmer = Warmer()
    assert warmer.warm_once() is True and warmer.warm_once() is False  # nothing changed: nothing to do


def test_the_warmer_notices_an_import_by_another_process(db, tmp_path):
    from ui.warm import Warmer

    warmer = Warmer()
    assert warmer.warm_once() is True
    _cli_import(db, tmp_path)
    assert warmer.warm_once() is True and warmer.runs == 2


def test_warming_is_off_in_the_tests():
    from ui.warm import start_warmer

    assert os.environ["WALKTHROUGH_WARM"] == "0"
    assert start_warmer() is None


def test_every_loader_takes_the_version_first():
    """Every st.cache_data function of ui/ is made by ui.data.loader and is keyed by the version first."""
    import ui.analysis_data
    import ui.data
    import ui.plan_docs_view
    import ui.progress_view
    import ui.report_view  # noqa: F401  (registers its loaders)

    assert len(ui.data.LOADERS) >= 25
    for fn in ui.data.LOADERS:
        first = next(iter(inspect.signature(fn).parameters))
        assert first == "version", fn.__qualname__
    for path in [*(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name != "data.py":
            assert "st.cache_data(" not in text, path  # no cache outside the loaders
        assert "cached_call" not in text, path
