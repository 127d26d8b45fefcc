"""How a plan's values read in a document's language (vocabulary terms in English, Simplified for zh-Hans)."""

from __future__ import annotations

import datetime as dt

from analytics.i18n import t
from analytics.schema import VOCABULARIES
from analytics.textnorm import to_simplified_ui

LANGS = ("zh-Hant", "zh-Hans", "en")


def lang_of(lang: str | None) -> str:
    return lang if lang in LANGS else "zh-Hant"


def term(vocab: str, canonical: str | None, lang: str) -> str | None:
    """A stored (canonical, Traditional) vocabulary term in ``lang``; None stays None."""
    if not canonical:
        return None
    if lang == "en" and vocab in VOCABULARIES:
        return VOCABULARIES[vocab].english(canonical)
    return to_simplified_ui(canonical) if lang == "zh-Hans" else canonical


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def walker(doc, lang: str) -> str:
    """``王小明（00123）``; a 工號 missing from the roster says so."""
    name = doc.name or t("docs.v.not_on_roster", lang)
    return f"{name}（{doc.employee_id}）" if lang != "en" else f"{name} ({doc.employee_id})"
