"""The checklist of what to look at for a 穿越項目, read from ``checklists.yaml`` beside this module (editable data).

zh-Hans is derived from zh-Hant (mainland vocabulary) unless the file gives it; English is in the file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from analytics.textnorm import to_simplified_ui

CHECKLIST_FILE = Path(__file__).resolve().parent / "checklists.yaml"
COMMON = "_共同"  # points every walk shares (articles 8 and 9), printed after the item's own points
GENERAL = "通用"  # a plan naming neither an item nor a category with its own list


@cache
def load_checklists(path: Path = CHECKLIST_FILE) -> dict[str, dict[str, tuple[str, ...]]]:
    """{key: {lang: points}} for every entry of the file, zh-Hans filled in."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, texts in data.items():
        hant = tuple(str(p) for p in texts["zh-Hant"])
        hans = tuple(str(p) for p in texts.get("zh-Hans") or [to_simplified_ui(p) for p in hant])
        result[str(key)] = {"zh-Hant": hant, "zh-Hans": hans, "en": tuple(str(p) for p in texts["en"])}
    return result


def checklist(item: str | None, category: str | None, lang: str = "zh-Hant") -> list[str]:
    """The points for a plan's 穿越項目 (else its 穿越類別, else the general list), then the common points."""
    lists = load_checklists()
    lang = lang if lang in ("zh-Hant", "zh-Hans", "en") else "zh-Hant"
    key = next((k for k in (item, category) if k and k in lists), GENERAL)
    return [*lists[key][lang], *lists.get(COMMON, {}).get(lang, ())]
