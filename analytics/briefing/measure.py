"""How wide a text is when typeset in the briefing's CJK font: the base of the Word and PowerPoint table layouts.

The writers size columns from the longest text that must not break (ids, dates, percentages, statuses) and
PowerPoint rows from the lines their cells wrap into, so both need real glyph widths, not character counts:
``WT-NL-00124`` is 1.9 cm at 9 pt while ``待處理`` is 0.95 cm. The widths are read from the same font file the
documents name (fonts.find_cjk_font), so Word and LibreOffice typeset what was measured.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from analytics.briefing.fonts import find_cjk_font

_MEASURE_PT = 100  # measured at 100 pt and scaled: unhinted widths, linear in the size
_BOLD_FACTOR = 1.06  # bold glyphs of Noto Sans CJK are about 6 % wider (regular face measured, bold estimated)
# Word and LibreOffice put a little space between CJK and Latin text or digits (East Asian autospace): counted as
# a quarter em per change of script, an overestimate rather than a cell that wraps when it was measured not to.
_AUTOSPACE_EM = 0.25
_BREAKS = re.compile(r"(?<=[\s,;，、；：])")  # where a free text may wrap besides between CJK characters


@lru_cache(maxsize=4)
def _face(lang: str):
    from matplotlib.ft2font import FT2Font

    font = find_cjk_font(lang)
    face = FT2Font(font.path, face_index=font.index)
    face.set_size(_MEASURE_PT, 72)
    return face


@lru_cache(maxsize=20_000)
def _width_at_100(text: str, lang: str) -> float:
    face = _face(lang)
    face.set_text(text, 0.0)
    width, _height = face.get_width_height()  # 26.6 fixed point
    return width / 64.0


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, lang: str = "zh-Hant") -> float:
    """The advance width of ``text`` on one line, in points, at ``size_pt``."""
    if not text:
        return 0.0
    width = (_width_at_100(text, lang) + _AUTOSPACE_EM * _MEASURE_PT * _script_changes(text)) * size_pt / _MEASURE_PT
    return width * _BOLD_FACTOR if bold else width


def _script_changes(text: str) -> int:
    """How many times ``text`` goes from CJK to Latin/digits or back (spaces and punctuation aside)."""
    changes, previous = 0, None
    for ch in text:
        if ch.isspace() or not ch.isalnum() and not _is_wide(ch):
            continue
        wide = _is_wide(ch)
        if previous is not None and wide != previous:
            changes += 1
        previous = wide
    return changes


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def tokens(text: str) -> list[str]:
    """The pieces of ``text`` a line may not break inside: runs of Latin letters/digits/punctuation stay whole,
    each CJK character is a piece of its own (Chinese wraps between any two characters)."""
    out: list[str] = []
    for chunk in _BREAKS.split(text):
        run = ""
        for ch in chunk:
            if _is_wide(ch):
                if run:
                    out.append(run)
                    run = ""
                out.append(ch)
            else:
                run += ch
        if run:
            out.append(run)
    return [tok for tok in out if tok.strip()] or ([text] if text else [])


def longest_token_pt(text: str, size_pt: float, *, bold: bool = False, lang: str = "zh-Hant") -> float:
    """The width of the widest unbreakable piece of ``text`` (what a column must hold to break no word)."""
    return max((text_width_pt(tok.strip(), size_pt, bold=bold, lang=lang) for tok in tokens(text)), default=0.0)


def line_count(text: str, width_pt: float, size_pt: float, *, bold: bool = False, lang: str = "zh-Hant") -> int:
    """How many lines ``text`` wraps into in a column ``width_pt`` wide (greedy, as Word and PowerPoint wrap).

    A piece wider than the column on its own is cut character by character, as the renderers do.
    """
    if width_pt <= 0:
        return max(1, len(text))
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for tok in tokens(paragraph) if paragraph else []:
            w = text_width_pt(tok, size_pt, bold=bold, lang=lang)
            if used and used + w > width_pt:
                lines += 1
                used = 0.0
                tok = tok.lstrip()
                w = text_width_pt(tok, size_pt, bold=bold, lang=lang)
            if w > width_pt:  # a single piece wider than the column: it breaks inside
                extra = math.ceil(w / width_pt) - 1
                lines += extra
                used = w - extra * width_pt
            else:
                used += w
    return max(1, lines)
