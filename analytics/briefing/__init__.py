"""The service-analysis meeting briefing (服務分析會簡報, SPEC 6): one model, three writers.

``build_briefing(con, period, *, scope, as_of, lang)`` computes the :class:`Briefing` once from
``analytics.metrics``; ``render(briefing, fmt)`` lays it out as Word (.docx), Excel (.xlsx) or PowerPoint (.pptx).
"""

from __future__ import annotations

from pathlib import Path

from analytics.briefing.build import build_briefing
from analytics.briefing.model import Briefing, ChartSpec, Section, SectionTable
from analytics.errors import UserFacingError
from analytics.i18n import t

FORMATS: tuple[str, ...] = ("docx", "xlsx", "pptx")
MIME_TYPES: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

__all__ = ["FORMATS", "MIME_TYPES", "Briefing", "ChartSpec", "Section", "SectionTable", "build_briefing",
           "format_of_path", "render"]


def format_of_path(path: str | Path, lang: str = "zh-Hant") -> str:
    """``docx`` / ``xlsx`` / ``pptx`` from the file name's extension; a UserFacingError otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UserFacingError(t("brief.err.format", lang, value=str(path)))
    return suffix


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing as the bytes of a .docx, .xlsx or .pptx file."""
    if fmt == "docx":
        from analytics.briefing.docx_writer import write_docx

        return write_docx(briefing)
    if fmt == "xlsx":
        from analytics.briefing.xlsx_writer import write_xlsx

        return write_xlsx(briefing)
    if fmt == "pptx":
        from analytics.briefing.pptx_writer import write_pptx

        return write_pptx(briefing)
    raise UserFacingError(t("brief.err.format", briefing.lang, value=fmt))
