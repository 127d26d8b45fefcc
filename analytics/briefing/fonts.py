"""The CJK font the briefing is drawn and typeset with: found on this machine, never downloaded.

Debian's fonts-noto-cjk (scripts/system-packages.sh) provides "Noto Sans CJK TC/SC" inside one .ttc collection;
matplotlib addresses a face of a collection by ``(file, index)``. Without a CJK font the charts would show tofu
boxes, so the briefing refuses to run with a sentence saying what to install (STYLE 8).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analytics.errors import UserFacingError

# Preferred families per language: Traditional glyph shapes for zh-Hant, mainland shapes for zh-Hans.
_PREFERRED: dict[str, tuple[str, ...]] = {
    "zh-Hant": ("Noto Sans CJK TC", "Noto Sans CJK HK", "Noto Sans CJK SC", "Noto Sans CJK JP",
                "Source Han Sans TC", "WenQuanYi Zen Hei", "AR PL UMing TW"),
    "zh-Hans": ("Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Source Han Sans SC",
                "WenQuanYi Zen Hei"),
}


class NoCJKFont(UserFacingError):
    """No font able to show Chinese text is installed."""


@dataclass(frozen=True)
class CJKFont:
    """One installed face: its family name (as written into .docx/.pptx runs), file and index in a collection."""

    family: str
    path: str
    index: int


@lru_cache(maxsize=4)
def find_cjk_font(lang: str = "zh-Hant") -> CJKFont:
    """The regular-weight CJK face for ``lang`` (English briefings still show Chinese company names).

    Raises :class:`NoCJKFont` when none is installed.
    """
    from matplotlib import font_manager

    preferred = _PREFERRED.get(lang, _PREFERRED["zh-Hant"])
    entries = [e for e in font_manager.fontManager.ttflist if e.name in preferred]
    if entries:
        # Regular weight first (400), then the language's preference order.
        entries.sort(key=lambda e: (preferred.index(e.name), abs(_weight(e.weight) - 400)))
        best = entries[0]
        return CJKFont(best.name, best.fname, int(getattr(best, "index", 0) or 0))
    raise NoCJKFont(
        "找不到中文字型，無法繪製簡報圖表。請安裝 fonts-noto-cjk（scripts/system-packages.sh）後再試。"
        " / No CJK font found: install fonts-noto-cjk (scripts/system-packages.sh) and try again."
    )


def _weight(value: object) -> int:
    if isinstance(value, int):
        return value
    return {"normal": 400, "regular": 400, "bold": 700}.get(str(value).lower(), 400)
