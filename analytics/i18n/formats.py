"""Dates and counts in the interface language with Babel's CLDR data (issue #13 item 5), not ``strftime``: month
names from ``strftime("%b")`` follow the server's C locale, and English counts need CLDR's plural rules."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_skeleton

# The interface languages as CLDR locales: Traditional as written in Taiwan, Simplified as on the mainland.
BABEL_LOCALES = {"zh-Hant": "zh_Hant_TW", "zh-Hans": "zh_Hans_CN", "en": "en"}


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(lang, BABEL_LOCALES["zh-Hant"]))


def month_short(month: int, lang: str) -> str:
    """A month on its own, as on a chart axis: Jul / 7月."""
    return format_skeleton("MMM", dt.date(2000, month, 1), locale=_locale(lang))


def month_label(period: str, lang: str) -> str:
    """The month of a period code ``2026-07`` for a chart axis within one year (the year is in the caption)."""
    return month_short(int(period[5:7]), lang)


def month_year(year: int, month: int, lang: str) -> str:
    """A month of a year: Jul 2026 / 2026年7月."""
    return format_skeleton("yMMM", dt.date(year, month, 1), locale=_locale(lang))


def plural_form(n: object, lang: str) -> str:
    """CLDR's plural category of ``n`` in ``lang`` (English: "one" for 1, else "other"; Chinese: always "other")."""
    try:
        return _locale(lang).plural_form(abs(n))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "other"
