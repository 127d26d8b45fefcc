"""The 穿越任務書 (task book, article 8.1) of one or more individual plans as a Word document.

Per plan: who, when, where, category/item/theme, mode, the notice deadline and the unit to notify (article 8.2),
the checklist of the 穿越項目 (``checklists.yaml``), a record block and an issue table to fill in by hand, and space
for notes. Several plans (a person's month) follow one another, each from a new page.

Every run is set in the CJK font the briefing uses (``analytics.briefing.fonts``; also for Latin text, which the
Noto CJK faces cover), so LibreOffice and Word never fall back to a face without the glyphs. Text from the data is
inserted as plain runs: a theme such as ``=HYPERLINK(...)`` stays inert text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor

from analytics.briefing.docx_common import page_number_footer, shade, use_font_everywhere
from analytics.briefing.fonts import find_cjk_font
from analytics.documents.checklists import checklist
from analytics.documents.labels import date_text, lang_of, term, walker
from analytics.documents.plans import PlanDoc
from analytics.i18n import t

ISSUE_ROWS = 5  # blank lines of the issue table (article 9.1 asks for at least one per walk)
NOTES_LINES = 5
_TEXT_WIDTH = Cm(17.0)  # A4 less 2 cm margins
_PAIR_WIDTHS = (Cm(3.3), Cm(5.2), Cm(3.3), Cm(5.2))
_ISSUE_WIDTHS = (Cm(1.3), Cm(2.9), Cm(8.8), Cm(4.0))
_ACCENT = RGBColor(0x0B, 0x5C, 0xAD)
_LABEL_FILL = "E8EEF7"
_WARN = RGBColor(0xB0, 0x3A, 0x2E)
_BOX = "\u25a1"  # □ WHITE SQUARE: in every CJK face (☐ U+2610 is not in Noto Sans CJK)
NOTICE_DAYS = {True: 7, False: 3}  # large-scale walk or not: only for the sentence; the date comes from the metrics


def summary_form_name(docs: Sequence[PlanDoc], *, person_month: bool = False) -> str:
    """The file name the task book refers the walker to (the page uses the same for its downloads): by plan, or by
    工號 and month for a person's month (whatever the number of plans in it)."""
    first = docs[0]
    if person_month or len(docs) > 1:
        return f"穿越總結表_{first.employee_id}_{first.planned_on.strftime('%Y-%m')}.xlsx"
    return f"穿越總結表_{first.plan_id}.xlsx"


def taskbook_name(docs: Sequence[PlanDoc], *, person_month: bool = False) -> str:
    return summary_form_name(docs, person_month=person_month).replace("穿越總結表", "穿越任務書").replace(".xlsx",
                                                                                                     ".docx")


def write_taskbook(docs: Sequence[PlanDoc], lang: str = "zh-Hant", *, today: dt.date | None = None,
                   person_month: bool = False) -> bytes:
    """The .docx bytes of the task book of ``docs`` (at least one plan) in ``lang``; ``person_month``: the documents
    of a person's month (the form's name says so)."""
    if not docs:
        raise ValueError("a task book needs at least one plan")
    lang = lang_of(lang)
    today = today or dt.date.today()
    font = find_cjk_font("zh-Hans" if lang == "zh-Hans" else "zh-Hant")
    document = Document()
    _page_setup(document)
    use_font_everywhere(document, font.family)
    page_number_footer(document, t("docs.tb.page", lang))
    form = summary_form_name(docs, person_month=person_month)
    for i, doc in enumerate(docs):
        if i:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _plan(document, doc, lang, today, form)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _page_setup(document) -> None:
    sect = document.sections[0]
    sect.page_width, sect.page_height = Cm(21.0), Cm(29.7)  # A4 portrait
    sect.left_margin = sect.right_margin = Cm(2.0)
    sect.top_margin = sect.bottom_margin = Cm(1.8)


def _heading(document, text: str) -> None:
    para = document.add_paragraph()
    para.paragraph_format.space_before = Pt(10)
    para.paragraph_format.space_after = Pt(4)
    para.paragraph_format.keep_with_next = True
    run = para.add_run(text)
    run.bold = True
    run.font.size = Pt(13)
    run.font.color.rgb = _ACCENT




def _table(document, rows: int, widths: Sequence) -> object:
    """A grid table whose column widths hold in Word and LibreOffice (w:gridCol and every cell's w:tcW)."""
    table = document.add_table(rows=rows, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _keep_row_together(row) -> None:
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))


def _repeat_header(row) -> None:
    """Repeat ``row`` at the top of the next page when the table breaks (w:tblHeader)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _cell(cell, text: str, *, bold: bool = False) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold


def _notice_unit(doc: PlanDoc, lang: str) -> str:
    return doc.target_unit or t("docs.tb.unit_unknown", lang)


def _fields(doc: PlanDoc, lang: str) -> list[tuple[str, str]]:
    yes, no, none = t("docs.v.yes", lang), t("docs.v.no", lang), t("docs.v.unnamed", lang)
    company = doc.company + (f" / {doc.person_department}" if doc.person_department else "")
    rows = [
        ("docs.f.plan_id", doc.plan_id),
        ("docs.f.walker", walker(doc, lang)),
        ("docs.f.company", company),
        ("docs.f.planned_on", doc.planned_on.isoformat()),
        ("docs.f.target_unit", doc.target_unit or none),
        ("docs.f.category", term("category", doc.category, lang) or none),
        ("docs.f.item", term("item", doc.item, lang) or none),
        ("docs.f.theme", doc.theme or none),
        ("docs.f.mode", term("mode", doc.mode or "個人穿越", lang)),
        ("docs.f.needs_support", yes if doc.needs_support else no),
        ("docs.f.notice_deadline", date_text(doc.notice_deadline) if doc.notice_needed else t("docs.v.no_notice",
                                                                                               lang)),
        ("docs.f.notify", _notice_unit(doc, lang) if doc.notice_needed else "—"),
        ("docs.f.filed_on", doc.filed_on.isoformat()),
    ]
    return [(t(key, lang), value) for key, value in rows]


def _plan(document, doc: PlanDoc, lang: str, today: dt.date, form: str) -> None:
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(t("docs.tb.title", lang))
    run.bold = True
    run.font.size = Pt(22)
    run.font.color.rgb = _ACCENT
    sub = document.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.add_run(t("docs.tb.subtitle", lang, plan_id=doc.plan_id, date=today.isoformat())).font.size = Pt(9)

    _heading(document, t("docs.tb.plan", lang))
    fields = _fields(doc, lang)
    # label | value | label | value: two pairs a row keep the plan on a third of the page
    pairs = [fields[i:i + 2] for i in range(0, len(fields), 2)]
    table = _table(document, len(pairs), _PAIR_WIDTHS)
    for row, pair in zip(table.rows, pairs, strict=True):
        _keep_row_together(row)
        for n, (label, value) in enumerate(pair):
            _cell(row.cells[2 * n], label, bold=True)
            shade(row.cells[2 * n], _LABEL_FILL)
            _cell(row.cells[2 * n + 1], value)

    _heading(document, t("docs.tb.notice", lang))
    if doc.notice_needed:
        days = NOTICE_DAYS[doc.mode == "大規模穿越"]
        document.add_paragraph(t("docs.tb.notice_needed", lang, deadline=date_text(doc.notice_deadline), days=days,
                                 unit=_notice_unit(doc, lang)))
        if doc.notice_deadline is not None and doc.notice_deadline < today:
            late = document.add_paragraph().add_run(t("docs.tb.notice_late", lang,
                                                      deadline=doc.notice_deadline.isoformat()))
            late.bold = True
            late.font.color.rgb = _WARN
    else:
        document.add_paragraph(t("docs.tb.notice_none", lang))

    _heading(document, t("docs.tb.checklist", lang))
    item = term("item", doc.item, lang) or term("category", doc.category, lang)
    caption = document.add_paragraph()
    caption.add_run(t("docs.tb.checklist_caption", lang, item=item) if item
                    else t("docs.tb.checklist_general", lang)).italic = True
    for point in checklist(doc.item, doc.category, lang):
        para = document.add_paragraph()
        para.paragraph_format.left_indent = Cm(0.5)
        para.paragraph_format.space_after = Pt(2)
        para.add_run(f"{_BOX} {point}")

    _heading(document, t("docs.tb.record", lang))
    keys = ("docs.tb.record.date", "docs.tb.record.hours", "docs.tb.record.notified", "docs.tb.record.people")
    record = _table(document, 2, _PAIR_WIDTHS)
    for r, row in enumerate(record.rows):
        _keep_row_together(row)
        row.height = Cm(1.0)
        for n in range(2):
            _cell(row.cells[2 * n], t(keys[2 * r + n], lang), bold=True)
            shade(row.cells[2 * n], _LABEL_FILL)

    _heading(document, t("docs.tb.issues", lang))
    issues = _table(document, ISSUE_ROWS + 1, _ISSUE_WIDTHS)
    _repeat_header(issues.rows[0])
    for col, key in enumerate(("docs.tb.issues.no", "docs.tb.issues.kind", "docs.tb.issues.text",
                               "docs.tb.issues.owner")):
        cell = issues.rows[0].cells[col]
        _cell(cell, t(key, lang), bold=True)
        shade(cell, _LABEL_FILL)
    for n, row in enumerate(issues.rows):
        _keep_row_together(row)
        if n:
            _cell(row.cells[0], str(n))
            row.height = Cm(1.1)

    _heading(document, t("docs.tb.notes", lang))
    notes = _table(document, 1, (_TEXT_WIDTH,))
    _keep_row_together(notes.rows[0])
    notes.rows[0].height = Cm(0.7 * NOTES_LINES)

    after = document.add_paragraph()
    after.paragraph_format.space_before = Pt(8)
    after.add_run(t("docs.tb.after", lang, form=form)).font.size = Pt(9.5)
