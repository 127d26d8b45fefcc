"""The 計畫 page's document box (issue #14 item 4) on the hand-made store (tests/plans/handmade.py): the plan nearest
the as-of date is offered first, ``?plan=`` opens one plan, a person's month gives every plan of it, and a plan
outside the reader's scope is refused with a sentence, never downloaded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.downloads import capture_xlsx_downloads
from tests.pages.conftest import (  # noqa: F401  (fixtures of the page tests, autouse ones included)
    _fresh_caches,
    _local_single_user,
    _router_mode,
    open_page,
    texts,
    use_db,
)
from tests.plans.handmade import build

PAGE = "pages/plans.py"


@pytest.fixture
def plans_db(tmp_path: Path, use_db) -> Path:  # noqa: F811
    return use_db(build(tmp_path / "plans.duckdb"))


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_the_nearest_coming_plan_is_offered_and_both_files_download(plans_db, monkeypatch):
    files = capture_xlsx_downloads(monkeypatch)
    at = open_page(PAGE, as_of="2026-10-15", lang="zh-Hant")
    assert not at.exception, at.exception
    box = at.selectbox(key="plans_docs_plan")
    # the year's individual plans as of 10-15: I1-I10 and I12 (I11 is filed on 10-20); the first on or after 10-15
    # is I10 (10-16)
    assert len(box.options) == 11 and box.value == "I10"
    assert "1 個計畫：I10" in texts(at)
    docx, xlsx = files[-2], files[-1]  # the page's list workbook comes first
    text = _docx_text(docx)
    assert "穿越任務書" in text and "東一（P01）" in text and "不需告知" in text
    walks = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    assert [c.value for c in walks[5]][:2] == ["I10", "P01"]


def test_a_link_to_a_plan_and_a_persons_month_in_english(plans_db, monkeypatch):
    files = capture_xlsx_downloads(monkeypatch)
    at = open_page(PAGE, as_of="2026-10-15", lang="en", plan="I7")
    assert not at.exception, at.exception
    assert at.text_input(key="plans_docs_typed").value == "I7"
    text = _docx_text(files[-2])
    assert "Walkthrough task book" in text and "2026-10-19" in text  # 大規模: 10-26 − 7
    at = open_page(PAGE, as_of="2026-10-15", lang="en", docs="person")  # ?docs=person: a person's month
    assert at.segmented_control(key="plans_docs_by").value == "person"
    at.text_input(key="plans_docs_person").input("C01").run()
    assert not at.exception, at.exception
    assert "1 plan(s): I6" in texts(at)  # C01's October: I6 (10-20) only
    at.selectbox(key="plans_docs_month").set_value("2026-05").run()
    assert "1 plan(s): I3" in texts(at)


def test_a_plan_outside_the_scope_is_refused(plans_db, monkeypatch):
    files = capture_xlsx_downloads(monkeypatch)
    at = open_page(PAGE, as_of="2026-10-15", lang="zh-Hant", scope="乙市分公司", plan="I6")
    assert not at.exception, at.exception
    assert at.selectbox(key="plans_docs_plan").options == ["2026-10-10 · 乙一（D01） · I5"]  # 乙's only one
    assert "計畫「I6」屬於甲市分公司，不在您可查看的範圍" in texts(at)
    assert len(files) == 1  # the lists' workbook only: no task book, no form
    at.text_input(key="plans_docs_typed").input("NOPE").run()
    assert "找不到計畫編號「NOPE」" in texts(at)
