"""Interface text in three languages.

Each part of the product keeps its own catalogue module (``catalog_*.py`` in this package) holding a dict
``MESSAGES = {key: {"zh-Hant": "...", "en": "..."}}``. Simplified Chinese is derived from the Traditional
text by phrase-level conversion unless a catalogue gives ``"zh-Hans"`` explicitly. Placeholders use
``str.format`` fields: ``t("ingest.bad_date", lang, value="10/5/2026")``. A count ``n`` picks the plural form of
the language (CLDR rules, ``analytics.i18n.formats``): an entry may give ``"en.one"`` beside ``"en"`` (``"1 file"``
and ``"3 files"``); Chinese has one form.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from analytics.textnorm import to_simplified_ui

LANGUAGES: tuple[str, ...] = ("zh-Hant", "zh-Hans", "en")
DEFAULT_LANGUAGE = "zh-Hant"
LANGUAGE_NAMES = {"zh-Hant": "繁體中文", "zh-Hans": "简体中文", "en": "English"}


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if not module_info.name.startswith("catalog_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} defined twice (second time in {module_info.name})")
            merged[key] = texts
    return merged


@lru_cache(maxsize=20_000)
def _template(key: str, lang: str) -> str:
    texts = _catalogue().get(key)
    if texts is None:
        raise KeyError(f"no message {key!r}")
    if lang == "zh-Hans" and "zh-Hans" not in texts:
        return to_simplified_ui(texts["zh-Hant"])
    return texts.get(lang) or texts["zh-Hant"]


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    if "n" in params and lang == "en":
        from analytics.i18n.formats import plural_form

        form = plural_form(params["n"], lang)
        if form != "other" and f"{lang}.{form}" in _catalogue()[key]:
            return _catalogue()[key][f"{lang}.{form}"].format(**params)
    template = _template(key, lang)
    return template.format(**params) if params else template


def has_message(key: str) -> bool:
    return key in _catalogue()


def all_keys() -> list[str]:
    return sorted(_catalogue())
