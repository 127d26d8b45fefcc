"""Word documents of the product (the briefing, the walker's task book): fonts and page numbers written once."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt


def use_font_everywhere(doc, family: str) -> None:
    """Every style the writers use in ``family`` for all scripts (w:eastAsia too) and theme fonts removed, so that
    Word and LibreOffice draw Chinese in the CJK font shipped with the project (no substitute, no missing glyph)."""
    names = ["Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Table Grid", "Caption",
             "List Bullet"]
    for name in names:
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.name = family
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.append(rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), family)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme_attr), None)
    doc.styles["Normal"].font.size = Pt(10.5)


def page_number_footer(doc, label: str) -> None:
    """Centered ``第 {page} 頁`` / ``Page {page}`` in the footer, ``{page}`` being a real PAGE field so Word and
    LibreOffice number every page."""
    para = doc.sections[0].footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, after = label.partition("{page}")
    if before:
        para.add_run(before)
    run = para.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, placeholder, end):
        run._r.append(element)
    if after:
        para.add_run(after)


def shade(cell, fill: str) -> None:
    """``cell``'s background in ``fill`` (hex without #), as Word and LibreOffice both read it (w:shd)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)
