"""Issue #12 finding 7: a 20,000-character 問題類別 is cut to a readable label in charts and Word/PowerPoint tables,
the briefing builds in every format, and the Excel version and the database keep the full text.

The database is tests/pages/conftest's sample (issues I1 服務規範, I2 業務流程, I3 網路質量) plus one issue I9 of
東海省公司 raised 2026-05-03 whose 問題類別 is "超長" × 10,000 (20,000 characters, under Excel's 32,767 limit, so the
importer keeps it as a non-standard category). The Pareto of 2026 therefore has 4 categories, one of them I9's.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from analytics.labels import CHART_LABEL, TABLE_CELL, distinct_short_labels, short_label
from tests.pages.conftest import ISSUES, LOG, ROSTER, workbook_bytes

LONG = "超長" * 10_000
# Worked out by hand: the first 39 characters ("超長超長…超", an odd count ends on 超) and the ellipsis.
CUT_40 = "超長" * 19 + "超" + "…"
CUT_200 = "超長" * 99 + "超" + "…"


def test_short_label_cuts_at_the_limit_and_keeps_labels_distinct():
    assert short_label("abc", 3) == "abc" and short_label("abcd", 3) == "ab…" and short_label(None) == ""
    assert short_label(LONG) == CUT_40 and len(CUT_40) == CHART_LABEL
    assert short_label(LONG, TABLE_CELL) == CUT_200 and len(CUT_200) == TABLE_CELL
    # two labels equal in their first 9 characters stay two labels within 10 characters
    # (the second: 6 characters "abcde…" then " (2)", 10 in all)
    assert distinct_short_labels(["abcdefghiXYZ", "abcdefghiQRS", "short"], 10) == [
        "abcdefghi…", "abcde… (2)", "short"]


def build_long_db(path: Path) -> Path:
    """The module docstring's database, imported through the real importer."""
    from analytics.store.importer import import_files

    issues = [*ISSUES, ("I9", None, None, dt.date(2026, 5, 3), LONG, "描述", "東海省公司", "待處理",
                        dt.date(2026, 7, 31), None)]
    (result,) = import_files([("long.xlsx", workbook_bytes({"名冊": ROSTER, "穿越": LOG, "問題": issues}))],
                             db_path=path, user="tester")
    assert result.status == "imported", result.summary()
    return path


@pytest.fixture(scope="module")
def long_db(tmp_path_factory) -> Path:
    return build_long_db(tmp_path_factory.mktemp("long") / "long.duckdb")


@pytest.fixture(scope="module")
def briefing(long_db):
    from analytics.briefing import build_briefing
    from analytics.store.connection import connect

    with connect(long_db, read_only=True) as con:
        assert con.execute("select max(length(category)) from issues").fetchone()[0] == 20_000  # stored whole
        return build_briefing(con, "2026", as_of=dt.date(2026, 6, 30), generated_on=dt.date(2026, 6, 30))


def _pareto(briefing):
    section = next(s for s in briefing.sections if s.key == "pareto")
    return next(c for c in section.charts if c.kind == "pareto")


def test_the_chart_draws_with_the_label_cut(briefing):
    from analytics.briefing.charts import render_png

    spec = _pareto(briefing)
    assert LONG in spec.categories and len(spec.categories) == 4  # the model keeps the data as it is
    short = spec.with_short_labels()
    assert CUT_40 in short.categories and max(len(c) for c in short.categories) <= CHART_LABEL
    png = render_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def _xml(content: bytes, member_prefix: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith(member_prefix)
                       and n.endswith(".xml"))


def test_the_word_briefing_builds_and_shows_the_cut_label(briefing):
    from analytics.briefing import render

    docx = _xml(render(briefing, "docx"), "word/document")
    assert CUT_200 in docx  # the Pareto table's cell
    assert "超長" * 101 not in docx  # nothing longer than the 200-character cell reaches the page


def test_powerpoint_cuts_and_excel_keeps_the_full_text(briefing):
    from analytics.briefing import render

    slides = _xml(render(briefing, "pptx"), "ppt/")
    assert "超長" * 101 not in slides and CUT_40 in slides  # chart category (native chart part)
    workbook = render(briefing, "xlsx")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook), read_only=True)
    cells = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert LONG in cells  # the Excel version is the complete record
