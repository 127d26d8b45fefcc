"""Open each produced file with its own library and check what SPEC 6 and the brief promise."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation

from tests.briefing.conftest import HYPERLINK

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---------------------------------------------------------------- Word
@pytest.fixture(scope="module")
def doc(rendered):
    return Document(io.BytesIO(rendered["docx"]))


@pytest.fixture(scope="module")
def doc_q4(rendered_q4):
    """The 2026Q4 briefing (conftest briefing_q4): the quarter's share rules, their pace and the people owed."""
    return Document(io.BytesIO(rendered_q4["docx"]))


def _word_table(doc, first_header: str, must_contain: str):
    for table in doc.tables:
        if table.rows[0].cells[0].text == first_header and must_contain in "".join(
                c.text for r in table.rows for c in r.cells):
            return [[c.text for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table starting {first_header!r} with {must_contain!r}")


def test_docx_headline_table_equals_the_model(doc):
    rows = _word_table(doc, "指標", "穿越次數")
    # header + six figures; current / previous / change worked out in test_model (3 vs 1, rate 1/3 vs 0)
    assert rows[1] == ["穿越次數", "3", "1", "+2"]
    assert rows[2] == ["參與人次", "4", "1", "+3"]
    assert rows[5] == ["問題解決率", "33.3%", "0.0%", "+33.3%"]
    assert rows[6] == ["逾期未解決問題", "1", "0", "+1"]


def test_docx_tables_repeat_their_header_row(doc):
    assert len(doc.tables) >= 10
    for table in doc.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def test_docx_footer_has_a_page_field(doc):
    footer = doc.sections[0].footer._element
    instructions = [e.text for e in footer.iter(W_NS + "instrText")]
    assert any(text.strip() == "PAGE" for text in instructions)


def test_docx_charts_are_images(doc_q4, briefing_q4):
    charts = sum(1 for s in briefing_q4.sections for c in s.charts if not c.is_empty)
    assert charts >= 8
    assert len(doc_q4.inline_shapes) == charts
    blobs = [rel.target_part.blob for rel in doc_q4.part.rels.values() if "image" in rel.reltype]
    assert blobs and all(b.startswith(b"\x89PNG") for b in blobs)


def test_docx_formula_text_is_plain_text(doc, rendered):
    rows = _word_table(doc, "責任單位", "I1")
    assert rows[1][4] == HYPERLINK  # shown exactly as written, as a plain run
    body = doc.element.body
    assert not list(body.iter(W_NS + "hyperlink")) and not list(body.iter(W_NS + "fldSimple"))
    assert not list(body.iter(W_NS + "instrText"))  # the only field is the footer's PAGE


def test_docx_title_page(doc):
    texts = [p.text for p in doc.paragraphs[:14]]
    assert "流程穿越服務分析會簡報" in texts
    assert "公司：東海省公司" in texts and "期間：2026 年 10 月" in texts and "資料截至：2026-11-25" in texts


# ---------------------------------------------------------------- Excel
@pytest.fixture(scope="module")
def book(rendered):
    return openpyxl.load_workbook(io.BytesIO(rendered["xlsx"]))


@pytest.fixture(scope="module")
def book_q4(rendered_q4):
    return openpyxl.load_workbook(io.BytesIO(rendered_q4["xlsx"]))


def test_xlsx_one_sheet_per_section(book, briefing):
    assert book.sheetnames == ["封面"] + [s.sheet_name for s in briefing.sections]


def _rows(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_xlsx_headline_numbers_are_typed(book):
    ws = book["主要指標"]
    rows = _rows(ws)
    header = next(i for i, r in enumerate(rows) if r[:4] == ["指標", "本期", "上期", "變化"])
    data = {r[0]: r[1:4] for r in rows[header + 1:header + 7]}
    assert data["穿越次數"] == [3, 1, 2]
    assert data["參與人次"] == [4, 1, 3]
    assert data["問題解決率"][0] == pytest.approx(1 / 3) and data["問題解決率"][1] == 0
    cell = ws.cell(row=header + 2, column=2)
    assert cell.data_type == "n" and cell.number_format == "#,##0"
    assert ws.cell(row=header + 6, column=2).number_format == "0.0%"
    # frozen below the header row, with a filter over the table
    assert ws.freeze_panes == f"A{header + 2}"
    assert ws.auto_filter.ref.startswith(f"A{header + 1}:")


def test_xlsx_figures_equal_the_model_tables(book, briefing):
    for section in briefing.sections:
        if not section.tables:
            continue
        frame = section.tables[0].frame
        rows = _rows(book[section.sheet_name])
        header = next(i for i, r in enumerate(rows) if r[:len(frame.columns)] == list(frame.columns))
        for offset, record in enumerate(frame.itertuples(index=False, name=None), start=1):
            for got, want in zip(rows[header + offset], record, strict=False):
                if isinstance(want, (int, float)) and not isinstance(want, bool) and want == want:
                    assert got == pytest.approx(float(want)), section.key


def test_xlsx_formula_text_is_inert(book):
    ws = book["解決進度"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert len(cells) == 1
    cell = cells[0]
    assert cell.data_type == "s"
    assert cell.value == "'" + HYPERLINK and not cell.value.startswith(("=", "+", "-", "@"))
    # no cell anywhere in the workbook is a formula
    for sheet in book.worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_xlsx_dates_are_dates(book):
    ws = book["解決進度"]
    due = [c for row in ws.iter_rows() for c in row if isinstance(c.value, dt.datetime)]
    assert [c.value.date() for c in due] == [dt.date(2026, 10, 20)]  # I1's 計畫完成日期
    assert due[0].number_format == "yyyy-mm-dd"


def test_xlsx_columns_fitted(book):
    ws = book["解決進度"]
    widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
    assert widths and all(8 <= w <= 62 for w in widths.values())


# ---------------------------------------------------------------- PowerPoint
@pytest.fixture(scope="module")
def deck(rendered):
    return Presentation(io.BytesIO(rendered["pptx"]))


@pytest.fixture(scope="module")
def deck_q4(rendered_q4):
    return Presentation(io.BytesIO(rendered_q4["pptx"]))


def test_pptx_one_slide_per_section(deck, briefing):
    # title, summary, then each section's first slide under its own title; continuation slides say so
    titles = [next(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in deck.slides]
    assert titles[2:] and [t for t in titles[2:] if not t.endswith("（續）")] == [s.title for s in briefing.sections]


def test_pptx_native_charts(deck, rendered, deck_q4):
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    # the quarter also has its pace and owed-people charts (a month has neither: no share rule is inside a month)
    assert len([1 for slide in deck_q4.slides for shape in slide.shapes if shape.has_chart]) >= 6
    headline = next(c for c in charts if c.chart_title.text_frame.text.startswith("主要指標"))
    series = {s.name: list(s.values) for s in headline.plots[0].series}
    # previous period then this period: activities, person-times, participants, issues raised
    assert series == {"2026-09": [1.0, 1.0, 1.0, 1.0], "2026-10": [3.0, 4.0, 4.0, 2.0]}
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(rendered["pptx"])).namelist()
    assert sum(n.startswith("ppt/charts/chart") for n in names) == len(charts)


def _slide_tables(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                yield [[cell.text for cell in row.cells] for row in shape.table.rows]


def test_pptx_tables_and_inert_text(deck, deck_q4):
    tables = list(_slide_tables(deck))
    overdue = next(t for t in tables if t[0][0] == "責任單位")
    assert overdue[1][2] == "I1" and overdue[1][4] == HYPERLINK
    owed = next(t for t in _slide_tables(deck_q4) if t[0][:2] == ["公司", "部門"] and "待穿越人數" in t[0])
    assert owed[1] == ["濱江市分公司", "客戶服務部", "地市部門每季 ≥50%", "2026Q4", "2"]  # CITY-DEPT-Q


def test_pptx_has_no_links_or_fields(rendered):
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(rendered["pptx"]))
    slides = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("ppt/slides/slide")]
    assert slides and not any("hlinkClick" in x or "<a:fld " in x for x in slides)


# ---------------------------------------------------------------- straight from the metrics functions
def test_docx_quota_table_equals_compute_quota_results(doc_q4, con):
    from analytics.metrics.quotas import compute_quota_results
    from tests.briefing.conftest import AS_OF, SCOPE

    results = compute_quota_results(con, 2026, as_of=AS_OF, scope=SCOPE)
    from analytics.i18n import t

    want = {(t(f"rule.short.{r['rule']}", "zh-Hant"), r["period"]): (str(r["population"]), str(r["participants"]))
            for r in results.to_dict("records")}
    rows = _word_table(doc_q4, "規則", "應參與人數")
    header = rows[0]
    got = {(r[0], r[header.index("期間")]): (r[header.index("應參與人數")], r[header.index("已參與人數")])
           for r in rows[1:]}
    assert got and all(want[key] == value for key, value in got.items())
    assert got[("地市部門每季 ≥50%", "2026Q4")] == ("3", "1")  # by hand: C1 of C1, C2, C3


def test_pptx_owed_list_equals_load_owed_people(con, rendered_q4):
    from analytics.metrics.quotas import load_owed_people
    from tests.briefing.conftest import SCOPE

    owed = load_owed_people(con, "CITY-DEPT-Q", "2026Q4", scope=SCOPE)
    deck = Presentation(io.BytesIO(rendered_q4["pptx"]))
    table = next(t for t in _slide_tables(deck) if "待穿越人數" in t[0])
    assert int(table[1][-1]) == len(owed) == 2


def test_xlsx_heatmap_cells_coloured_by_status(book_q4):
    from analytics.briefing.charts import STATUS_COLORS

    ws = book_q4["配額達標"]
    label = next(c for row in ws.iter_rows() for c in row
                 if c.value == "地市部門每季 ≥50%｜濱江市分公司·客戶服務部")  # CITY-DEPT-Q, by name (#16.4)
    # columns: the quarters of 2026 up to the briefing period, 2026Q1 .. 2026Q4
    header_row = next(r for r in range(label.row - 1, 0, -1)
                      if ws.cell(row=r, column=label.column + 1).value == "2026Q1")
    assert [ws.cell(row=header_row, column=label.column + j).value for j in range(1, 5)] == [
        "2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    q1, q4 = (ws.cell(row=label.row, column=label.column + j) for j in (1, 4))
    # Q1: none of C1, C2, C3 walked -> 0 %, missed; Q4: C1 on 10-20 -> 1/3, in progress (quarter not over)
    assert q1.value == 0 and q1.fill.fgColor.rgb.endswith(STATUS_COLORS["missed"].lstrip("#"))
    assert q4.value == pytest.approx(1 / 3) and q4.data_type == "n"
    assert q4.fill.fgColor.rgb.endswith(STATUS_COLORS["in_progress"].lstrip("#"))


def test_xlsx_every_sheet_prints_one_page_wide(book):
    """Issue #16.3: printed, every sheet is one A4 page wide; the cover (title, four facts, the summary) fits one
    portrait page, its summary sentences wrapping inside A:B instead of running off to the right."""
    for ws in book.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # OOXML's default for fitToWidth/fitToHeight is 1: xlsxwriter leaves a 1 out of the file (None here)
        assert ws.page_setup.fitToWidth in (None, 1), ws.title
        assert ws.page_setup.paperSize in (9, "9"), ws.title
    cover = book.worksheets[0]
    assert cover.page_setup.fitToHeight in (None, 1) and cover.page_setup.orientation == "portrait"
    summary_cells = [r for r in cover.merged_cells.ranges if r.min_row >= 9]
    assert summary_cells and all((r.min_col, r.max_col) == (1, 2) for r in summary_cells)
    assert all(cover.cell(r.min_row, 1).alignment.wrap_text for r in summary_cells)
    for ws in book.worksheets[1:]:
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToHeight == 0, ws.title
