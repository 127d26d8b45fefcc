"""The Word briefing renders without tofu: the CJK font covers every character, and LibreOffice turns it into a PDF.

The PDF pages were also looked at by eye (docs/briefing.md); here the machine checks what it can: every character
of the document is in the font's cmap, and the PDF embeds that font and carries the Chinese text.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from analytics.briefing.charts import render_png
from analytics.briefing.fonts import find_cjk_font
from analytics.briefing.model import ChartSpec


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    parts += [p.text for p in doc.sections[0].footer.paragraphs]
    return "".join(parts)


def test_font_covers_every_character_of_the_docx(rendered):
    font = find_cjk_font("zh-Hant")
    if not Path(font.path).exists():
        pytest.skip("font file missing")
    from fontTools.ttLib import TTCollection, TTFont

    if font.path.lower().endswith((".ttc", ".otc")):
        face = TTCollection(font.path).fonts[font.index]
    else:
        face = TTFont(font.path)
    cmap = face.getBestCmap()
    text = _docx_text(rendered["docx"])
    missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})
    assert len(text) > 500 and missing == []


@pytest.mark.parametrize("kind", ["bar", "barh", "stacked_bar", "line", "pareto"])
def test_each_chart_kind_draws(kind):
    spec = ChartSpec(kind, "標題 Title", ["門市客戶扮演", "網路撥測"], [("人次", [3.0, 1.0]), ("次數", [2.0, 1.0])])
    png = render_png(spec)
    assert png.startswith(b"\x89PNG") and len(png) > 5_000


def test_heatmap_draws():
    spec = ChartSpec("heatmap", "熱力圖", ["2026Q3", "2026Q4"], rows=["CITY-DEPT-Q｜濱江市分公司·客戶服務部"],
                     values=[[0.5, None]], statuses=[["met", "in_progress"]], annotations=[["50%", ""]],
                     legend=[("達標", "#2E7D32")])
    assert render_png(spec).startswith(b"\x89PNG")


def test_libreoffice_turns_the_docx_into_a_pdf_in_the_cjk_font(rendered, tmp_path):
    if shutil.which("libreoffice") is None or shutil.which("pdftotext") is None:
        # scripts/test.sh installs both; only a bare `pytest` on a machine without them may skip, never CI.
        if os.environ.get("CI"):
            pytest.fail("LibreOffice / poppler missing in CI: scripts/system-packages.sh test installs them")
        pytest.skip("LibreOffice / poppler not installed (bash scripts/test.sh installs them)")
    source = tmp_path / "brief.docx"
    source.write_bytes(rendered["docx"])
    subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "brief.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJK" in fonts.replace(" ", "")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "流程穿越服務分析會簡報" in text and "東海省公司" in text
    assert "\ufffd" not in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 5
