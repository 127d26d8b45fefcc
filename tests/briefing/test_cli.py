"""``python -m analytics briefing``: the format follows the extension; mistakes are a sentence and exit 2."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from pptx import Presentation

from analytics.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _run(tiny_db, *args: str) -> int:
    return main(["briefing", "--db", str(tiny_db), "--as-of", "2026-11-25", *args])


@pytest.mark.parametrize("ext", ["docx", "xlsx", "pptx"])
def test_writes_each_format(tiny_db, tmp_path, capsys, ext):
    out = tmp_path / f"brief.{ext}"
    assert _run(tiny_db, "--period", "2026-10", "--scope", "东海省公司", "--out", str(out)) == 0
    data = out.read_bytes()
    assert "已寫入" in capsys.readouterr().out
    if ext == "docx":
        assert any(t.rows[0].cells[0].text == "指標" for t in Document(io.BytesIO(data)).tables)
    elif ext == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[1] == "主要指標"
    else:
        # title, summary, nine sections; a table that does not fit beside its chart continues on a slide of its
        # own (issue #16.2), so there may be more
        assert len(Presentation(io.BytesIO(data)).slides) >= 11


@pytest.mark.parametrize(("args", "needle"), [
    (["--period", "2026-10", "--out", "x.pdf"], ".docx"),
    (["--period", "2026Q5", "--out", "x.docx"], "2026Q5"),
    (["--period", "2026-10", "--scope", "不存在公司", "--out", "x.xlsx"], "不存在公司"),
])
def test_mistakes_exit_2_with_a_sentence(tiny_db, tmp_path, capsys, args, needle):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    assert _run(tiny_db, *args) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_english_briefing_in_a_subprocess(tiny_db, tmp_path):
    out = tmp_path / "brief.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "briefing", "--period", "2026Q4", "--lang", "en", "--out", str(out),
         "--db", str(tiny_db), "--as-of", "2026-11-25"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["Cover", "Headline"]


def test_database_without_a_roster_is_a_sentence(tmp_path, capsys):
    import duckdb

    from analytics.store.migrate import apply_migrations

    db = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(db))
    apply_migrations(con)
    con.close()
    assert main(["briefing", "--db", str(db), "--period", "2026-10", "--out", str(tmp_path / "b.docx")]) == 2
    assert "名冊" in capsys.readouterr().err
    assert not (tmp_path / "b.docx").exists()
