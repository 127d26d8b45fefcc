"""SPEC 10 / issue #17 item 2: the command line imports while the dashboard is being read, and neither waits.

A real `streamlit run` server and a real `python -m analytics import` process share one database file. The page is
reloaded again and again while the import commits: every load renders without an error (the state before the
commit or after it), the import succeeds, and the next load after it shows the new batch.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time

import pytest

from analytics.store.importer import import_files
from tests.browser.conftest import ROOT, SAMPLE, assert_no_error, streamlit_server, wait_idle

pytestmark = pytest.mark.browser

ROWS = 30_000
HEADER = ["穿越編號", "工號", "穿越日期", "穿越類別", "穿越項目", "組織方式", "時長(小時)"]


def _big_log(path) -> None:
    staff = ["H002", "H003", "P001", "C001", "C003"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i in range(ROWS):
            writer.writerow([f"BIG{i:06d}", staff[i % len(staff)], f"2026-06-{1 + i % 28:02d}", "常規穿越",
                             "門市客戶扮演", "個人穿越", 2])


def _activities_shown(page) -> str:
    """The overview's 穿越活動 card, read once the page has drawn it."""
    page.get_by_text("穿越活動", exact=True).first.wait_for(timeout=60000)
    wait_idle(page, settle=0.3)
    assert_no_error(page)
    lines = [line.strip() for line in page.inner_text("body").splitlines() if line.strip()]
    return lines[lines.index("穿越活動") + 1]


def test_the_cli_imports_while_pages_are_read_and_nobody_waits_or_fails(page, tmp_path):
    db = tmp_path / "w.duckdb"
    results = import_files([("sample.xlsx", SAMPLE.sample_workbook())], db_path=db, user="admin")
    assert [r.status for r in results] == ["imported"]
    log = tmp_path / "june-big.csv"
    _big_log(log)
    with streamlit_server(db, tmp_path / "users.yaml") as url:
        page.goto(url)
        # A1..A5 of the sample (tests/pages/conftest.py)
        assert _activities_shown(page) == "5"
        started = time.monotonic()
        importer = subprocess.Popen([sys.executable, "-m", "analytics", "import", str(log), "--db", str(db)],
                                    cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = []
        while importer.poll() is None and time.monotonic() - started < 120:
            page.reload()
            seen.append(_activities_shown(page))  # the state before the commit or after it, never half of it
        out, err = importer.communicate(timeout=60)
        assert importer.returncode == 0, err
        assert "june-big.csv" in out and "已全部匯入" in out
        assert seen and set(seen) <= {"5", "30,005"}, seen  # pages kept answering while the import ran
        page.reload()
        # 30,000 new activities BIG000000..BIG029999, all by staff of the sample's roster, in June 2026
        assert _activities_shown(page) == "30,005"
