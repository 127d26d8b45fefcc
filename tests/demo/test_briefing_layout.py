"""Issue #16 items 1, 2 and 4 on the real demo briefing: what can be checked in the files themselves.

Word: column widths hold every id, date, figure and status on one line — checked against glyph widths read with
fontTools straight from the font file (not with the product's measuring code) — wide tables sit in a landscape
section, header rows repeat. PowerPoint: no text below 12 pt anywhere (slides and charts), every shape inside the
slide and no two shapes overlapping. And LibreOffice's PDF of the Word file shows the ids and dates unbroken.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from pptx import Presentation

from analytics.briefing import build_briefing, render
from analytics.briefing.fonts import find_cjk_font

CASES = {"q3": ("2026Q3", None, "zh-Hant", dt.date(2026, 9, 30)),
         "month_en": ("2026-10", "東海省公司", "en", dt.date(2026, 11, 25))}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, demo):
    from analytics.store.connection import connect

    period, scope, lang, as_of = CASES[request.param]
    with connect(demo.db_path, read_only=True) as con:
        briefing = build_briefing(con, period, scope=scope, as_of=as_of, lang=lang, generated_on=as_of)
    return briefing, {fmt: render(briefing, fmt) for fmt in ("docx", "pptx")}


# ---------------------------------------------------------------- independent glyph widths (fontTools)
@pytest.fixture(scope="module")
def advance():
    from fontTools.ttLib import TTCollection, TTFont

    font = find_cjk_font("zh-Hant")
    face = TTCollection(font.path).fonts[font.index] if font.path.endswith((".ttc", ".otc")) else TTFont(font.path)
    cmap, hmtx, upem = face.getBestCmap(), face["hmtx"], face["head"].unitsPerEm

    def width_pt(text: str, size: float) -> float:
        return sum(hmtx[cmap[ord(ch)]][0] for ch in text if ord(ch) in cmap) * size / upem

    return width_pt


def _section_of_tables(doc):
    """For each table of the body, the docx section it is in (a paragraph's sectPr ends a section)."""
    index, found = 0, []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            found.append(index)
        elif child.tag == qn("w:p") and child.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            index += 1
    return [doc.sections[i] for i in found]


def test_word_columns_hold_ids_dates_and_statuses_unbroken(case, advance):
    briefing, files = case
    doc = Document(io.BytesIO(files["docx"]))
    margins = 2 * Cm(0.19).pt  # Word's default cell margins, left and right
    checked = 0
    for table, section in zip(doc.tables, _section_of_tables(doc), strict=True):
        widths = [col.width.pt for col in table.columns]
        text_width = Emu(section.page_width - section.left_margin - section.right_margin).pt
        assert sum(widths) <= text_width + 1, table.rows[0].cells[0].text
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            for cell, width in zip(row.cells, widths, strict=True):
                text = cell.text
                # ids (WT-NL-00124), dates, percentages, figures: one unbreakable piece each
                if re.fullmatch(r"[A-Z]{2}-[A-Z]{2}-\d{5}|\d{4}-\d{2}-\d{2}|[+-]?[\d,.]+%?|GD\d+", text):
                    assert advance(text, 9) <= width - margins, (text, width)
                    checked += 1
    assert checked > 300


def test_word_overdue_list_is_on_a_landscape_page(case):
    briefing, files = case
    doc = Document(io.BytesIO(files["docx"]))
    overdue = briefing.section("resolution").tables[briefing.section("resolution").slide_table]
    first = str(overdue.frame.columns[0])
    issue_col = list(overdue.frame.columns).index(next(c for c in overdue.frame.columns if "ID" in str(c)
                                                       or "編號" in str(c)))
    sections = _section_of_tables(doc)
    hits = [sections[i] for i, t in enumerate(doc.tables)
            if t.rows[0].cells[0].text == first and t.rows[1].cells[issue_col].text
            == str(overdue.frame.iloc[0, issue_col])]
    assert len(hits) == 1
    assert hits[0].orientation == WD_ORIENT.LANDSCAPE and hits[0].page_width > hits[0].page_height
    # the chapters themselves stay portrait: the first section (title page, summary) is
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT


def _emu_boxes(slide):
    return [(s.left, s.top, s.left + s.width, s.top + s.height, s.shape_type) for s in slide.shapes]


def test_powerpoint_shapes_inside_the_slide_and_apart(case):
    _briefing, files = case
    deck = Presentation(io.BytesIO(files["pptx"]))
    w, h = deck.slide_width, deck.slide_height
    for number, slide in enumerate(deck.slides, start=1):
        boxes = _emu_boxes(slide)
        for left, top, right, bottom, _ in boxes:
            assert 0 <= left < right <= w and 0 <= top < bottom <= h, number
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (number, a, b)


def test_powerpoint_table_rows_sum_to_the_shape(case):
    """The table shape is as tall as its rows: what lies below it (the Excel note) is placed below its last row."""
    _briefing, files = case
    deck = Presentation(io.BytesIO(files["pptx"]))
    tables = [s for slide in deck.slides for s in slide.shapes if s.has_table]
    assert tables
    for shape in tables:
        assert sum(r.height for r in shape.table.rows) == shape.height


def test_powerpoint_no_text_below_12_points(case):
    _briefing, files = case
    archive = zipfile.ZipFile(io.BytesIO(files["pptx"]))
    parts = [n for n in archive.namelist() if re.fullmatch(r"ppt/(slides/slide|charts/chart)\d+\.xml", n)]
    assert any("charts/" in n for n in parts) and any("slides/" in n for n in parts)
    for name in parts:
        xml = archive.read(name).decode("utf-8")
        sizes = [int(v) for v in re.findall(r'<a:(?:rPr|defRPr|endParaRPr)[^>]*\ssz="(\d+)"', xml)]
        assert sizes and min(sizes) >= 1200, name  # hundredths of a point
    deck = Presentation(io.BytesIO(files["pptx"]))
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = ([c.text_frame for r in shape.table.rows for c in r.cells] if shape.has_table
                      else [shape.text_frame] if shape.has_text_frame else [])
            for frame in frames:
                for para in frame.paragraphs:
                    for run in para.runs:
                        assert run.font.size is not None and run.font.size.pt >= 12, run.text


def test_briefing_labels_rules_by_name(case):
    """Issue #16.4: heatmap rows and table cells read the rule's name; the code is only in the rule table."""
    briefing, files = case
    codes = re.compile(r"\b(HQ-MGR-Y|HQ-STAFF-Y|PROV-LEAD-Y|PROV-DEPT-Y|PROV-RECEPT-M|CITY-MGR-Q|CITY-DEPT-Q|"
                       r"CITY-RECEPT-M)\b")
    heat = [r for s in briefing.sections for c in s.charts if c.kind == "heatmap" for r in c.rows]
    assert heat and not any(codes.search(r) for r in heat)
    deck = Presentation(io.BytesIO(files["pptx"]))
    texts = [c.text for slide in deck.slides for s in slide.shapes if s.has_table
             for r in s.table.rows for c in r.cells]
    assert texts and not any(codes.search(t) for t in texts)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice / poppler not installed (bash scripts/test.sh installs them)")
def test_pdf_of_the_word_briefing_shows_ids_and_dates_unbroken(case, tmp_path):
    """As a person sees it: in LibreOffice's PDF every issue id and due date of the overdue list is whole
    (the issue saw ``WT-NL-`` / ``00124`` and ``2026-`` / ``03-22`` on two lines)."""
    briefing, files = case
    source = tmp_path / "brief.docx"
    source.write_bytes(files["docx"])
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-raw", str(tmp_path / "brief.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = set(text.split())
    overdue = briefing.section("resolution").tables[briefing.section("resolution").slide_table].frame.head(60)
    ids = [str(v) for v in overdue.iloc[:, 2]]
    dates = [str(v)[:10] for v in overdue.iloc[:, 5]]  # date or Timestamp: its ISO day
    assert ids and all(i in words for i in ids)
    assert all(d in words for d in dates)
