"""Cell parsers of SPEC 2.4: one function per column type, each taking one raw cell value.

A raw cell is what the readers return: ``str`` (CSV cells and text cells), ``float``/``int`` (numbers,
including Excel date serials without a date format), ``bool``, ``datetime.date``/``datetime.datetime``
(date cells), ``datetime.time``/``datetime.timedelta`` (time cells) or ``None``/``""`` (blank).

Every parser returns a :class:`Cell`: the typed value, whether the cell was blank, and on failure an i18n
message key with its parameters. Parsers never raise: a value they cannot read is an error, not an exception.
They are called once per *distinct* raw value of a column (see ``columns.py``), so they may be plain Python.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import NamedTuple

from analytics.schema import ID_LIST_SEPARATORS, YESNO, Vocabulary
from analytics.textnorm import clean_text, match_key, normalize_id

EXCEL_CELL_LIMIT = 32_767  # Excel's maximum characters in one cell
# Dates outside this window are typos (0026-10-05, 20261-10-5) rather than walkthroughs.
MIN_YEAR, MAX_YEAR = 1990, 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 with Excel's 1900 leap-year bug folded in
MIN_SERIAL = (dt.date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days
MAX_SERIAL = (dt.date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days
MAX_INT = 1_000_000  # the store keeps 32-bit integers; a count beyond this is a typo


class Cell(NamedTuple):
    value: object = None
    blank: bool = False
    error: str | None = None  # i18n key
    params: dict | None = None


BLANK = Cell(None, True)


def cell_text(value: object) -> str:
    """The cell as a person sees it in Excel (numbers without a spurious ``.0``, dates in ISO form)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _fold(text: str) -> str:
    """Full-width to half-width (NFKC), surrounding whitespace removed."""
    return unicodedata.normalize("NFKC", text).strip()


def check_length(value: object) -> Cell | None:
    """An error when a text cell reaches Excel's limit of 32,767 characters.

    Over the limit the file was not written by Excel; and calamine cuts longer cells of a workbook to exactly
    32,767 characters, so a cell *at* the limit is taken as cut off too (the rest of the text would be lost)."""
    if isinstance(value, str) and len(value) >= EXCEL_CELL_LIMIT:
        return Cell(error="ingest.cell_too_long", params={"length": len(value), "limit": EXCEL_CELL_LIMIT})
    return None


def check_nul(value: object) -> Cell | None:
    """An error when a text cell holds NUL (U+0000): no spreadsheet writes it, so the file is damaged there (a CSV
    cut off or overwritten during an export). The row is rejected, the other rows are read (issue #11 item 9)."""
    if isinstance(value, str) and "\x00" in value:
        return Cell(error="ingest.cell_nul", params={"count": value.count("\x00")})
    return None


# ---------------------------------------------------------------- text and identifiers

def parse_text(value: object) -> Cell:
    text = clean_text(cell_text(value))
    return Cell(text) if text else BLANK


def parse_id(value: object) -> Cell:
    text = normalize_id(cell_text(value))
    return Cell(text) if text else BLANK


# A practical address check (not all of RFC 5322): one @, a local part without spaces or brackets, a dotted
# domain of letters, digits and hyphens. Enough to refuse 「王小明」, "wang@", "wang@@x.com", "wang@x".
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$")


def parse_email(value: object) -> Cell:
    """An e-mail address (SPEC 2.7): full-width folded, trimmed, stored in lower case (one key per mailbox)."""
    text = _fold(cell_text(value))
    if not text:
        return BLANK
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    if len(text) > 254 or not _EMAIL.match(text) or ".." in text:
        return Cell(error="ingest.bad_email", params={})
    return Cell(text.lower())


# 計畫期間 (SPEC 2.6): the period codes of analytics.metrics.periods, plus the ways people write them in Chinese
# (2026年, 2026年上半年, 2026年第3季度, 2026年7月). Excel turns a typed 2026-07 into the date 2026-07-01, so a date
# cell on the first of a month is read as that month; any other date is an error (a plan period is not a day).
_PERIOD_CJK = (
    (re.compile(r"^(\d{4})年?度?$"), "{0}"),
    (re.compile(r"^(\d{4})年?度?上半年度?$"), "{0}H1"),
    (re.compile(r"^(\d{4})年?度?下半年度?$"), "{0}H2"),
    (re.compile(r"^(\d{4})年?度?第?([1-4一二三四])季度?$"), "{0}Q{1}"),
    (re.compile(r"^(\d{4})[-/.]?[Hh]([12])$"), "{0}H{1}"),
    (re.compile(r"^(\d{4})[-/.]?[Qq]([1-4])$"), "{0}Q{1}"),
    (re.compile(r"^(\d{4})(?:年|[-/.])(\d{1,2})月?$"), "{0}-{1}"),
)
_CJK_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}


def parse_period_code(value: object) -> Cell:
    """A plan period: the canonical code ``2026`` / ``2026H1`` / ``2026Q3`` / ``2026-07`` (SPEC 2.6)."""
    from analytics.metrics.periods import UnknownPeriod, parse_period  # metrics.periods holds the one definition

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value.day == 1:
            return Cell(f"{value.year:04d}-{value.month:02d}")
        return Cell(error="ingest.bad_period", params={})
    text = re.sub(r"\s+", "", _fold(cell_text(value)))
    if not text:
        return BLANK
    for pattern, template in _PERIOD_CJK:
        if m := pattern.match(text):
            parts = [_CJK_DIGITS.get(g, g) for g in m.groups()]
            if template == "{0}-{1}":
                parts[1] = f"{int(parts[1]):02d}"
            try:
                return Cell(parse_period(template.format(*parts)).code)
            except UnknownPeriod:
                break
    return Cell(error="ingest.bad_period", params={})


_ID_SPLIT = re.compile("[" + re.escape(ID_LIST_SEPARATORS) + "]+")


def split_list(text: str) -> list[str]:
    """Split a cell listing several 工號 (or names) on the separators of SPEC 2.2."""
    return [part for part in _ID_SPLIT.split(text) if part.strip()]


def parse_id_list(value: object) -> Cell:
    """A 工號 cell of the log: a tuple of one or more normalised IDs (SPEC 2.2)."""
    text = unicodedata.normalize("NFKC", cell_text(value))
    ids = tuple(dict.fromkeys(normalize_id(p) for p in split_list(text)))  # a repeated ID in one cell is one person
    return Cell(ids) if ids else BLANK


# ---------------------------------------------------------------- dates

_TIME = r"(?:(?:\s+|T)(?:(?:上午|下午|am|pm)\s*)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:am|pm))?)?"
_YMD = re.compile(r"^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})" + _TIME + "$", re.IGNORECASE)
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]?" + _TIME + "$", re.IGNORECASE)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_DMY_OR_MDY = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})" + _TIME + "$", re.IGNORECASE)


def _make_date(year: int, month: int, day: int) -> Cell:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return Cell(error="ingest.date_out_of_range", params={"min": MIN_YEAR, "max": MAX_YEAR})
    try:
        return Cell(dt.date(year, month, day))
    except ValueError:
        return Cell(error="ingest.date_impossible", params={})


def _from_serial(number: float) -> Cell:
    if MIN_SERIAL <= number < MAX_SERIAL + 1:  # a time of day on the last day (73415.5) is still that day
        return Cell(_EXCEL_EPOCH + dt.timedelta(days=int(number)))
    return Cell(error="ingest.bad_date", params={})


def _ambiguous(first: int, second: int, year: int) -> Cell:
    """10/5/2026 may be 5 October or 10 May: name the possible readings so the person picks (SPEC 2.4)."""
    readings: list[str] = []
    for month, day in ((first, second), (second, first)):  # month-first (as in 10/5/2026 → 2026-10-05) first
        try:
            reading = dt.date(year, month, day).isoformat()
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if len(readings) == 2:
        return Cell(error="ingest.date_ambiguous_either", params={"first": readings[0], "second": readings[1]})
    if not readings:  # 31/31/2026: no reading is a real date
        return Cell(error="ingest.date_impossible", params={})
    return Cell(error="ingest.date_ambiguous", params={"suggestion": readings[0]})


def parse_date(value: object) -> Cell:
    """A date cell, an Excel serial, or text in one of the forms of SPEC 2.4; the time part is dropped."""
    if is_blank(value):
        return BLANK
    if isinstance(value, dt.date):  # also datetime: the time part is dropped
        return _make_date(value.year, value.month, value.day)
    if isinstance(value, bool) or isinstance(value, (dt.time, dt.timedelta)):
        return Cell(error="ingest.bad_date", params={})
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            return Cell(error="ingest.bad_date", params={})
        if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
            number = int(value)
            return _make_date(number // 10_000, number // 100 % 100, number % 100)
        return _from_serial(float(value))
    text = _fold(str(value))
    for pattern, groups in ((_YMD, (1, 3, 4)), (_CJK, (1, 2, 3)), (_COMPACT, (1, 2, 3))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match.group(g)) for g in groups)
            return _make_date(year, month, day)
    match = _DMY_OR_MDY.match(text)
    if match:
        return _ambiguous(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    if _SERIAL.match(text):
        return _from_serial(float(text))
    return Cell(error="ingest.bad_date", params={})


# ---------------------------------------------------------------- numbers

_HOURS_WORDS = {"半天": 4.0, "半日": 4.0, "全天": 8.0, "一天": 8.0, "全日": 8.0, "1天": 8.0}
_HOURS_TEXT = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)(?:小時|小时|時|时|h|hr|hrs|hour|hours)?$")


def parse_hours(value: object) -> Cell:
    """時長(小時): 0 < h ≤ 24; 半天 = 4, 全天/一天 = 8, "4小時", "3.5h" (SPEC 2.2)."""
    if is_blank(value):
        return BLANK
    if isinstance(value, bool) or isinstance(value, dt.date):
        return Cell(error="ingest.bad_hours", params={})
    if isinstance(value, dt.timedelta):  # a duration cell such as 4:00
        hours = value.total_seconds() / 3600
    elif isinstance(value, dt.time):
        hours = value.hour + value.minute / 60 + value.second / 3600
    elif isinstance(value, (int, float)):
        hours = float(value)
    else:
        text = _fold(str(value)).casefold().replace(" ", "")
        if text in _HOURS_WORDS:
            return Cell(_HOURS_WORDS[text])
        match = _HOURS_TEXT.match(text)
        if not match:
            return Cell(error="ingest.bad_hours", params={})
        hours = float(match.group(1))
    if not (math.isfinite(hours) and 0 < hours <= 24):
        return Cell(error="ingest.hours_range", params={})
    return Cell(hours)


_INT_TEXT = re.compile(r"^[+-]?\d+(?:\.\d*)?$")


def parse_int(value: object) -> Cell:
    """An integer ≥ 0: "3" and 3.0 are 3; 3.5, -1 and text are errors."""
    if is_blank(value):
        return BLANK
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return Cell(error="ingest.bad_int", params={})
    if isinstance(value, str):
        text = _fold(value).replace(",", "")
        if not _INT_TEXT.match(text):
            return Cell(error="ingest.bad_int", params={})
        number = float(text)
    else:
        number = float(value)
    if not math.isfinite(number):
        return Cell(error="ingest.bad_int", params={})
    if not number.is_integer():
        return Cell(error="ingest.int_not_whole", params={})
    if number < 0:
        return Cell(error="ingest.int_negative", params={})
    if number > MAX_INT:
        return Cell(error="ingest.int_too_large", params={"max": MAX_INT})
    return Cell(int(number))


# ---------------------------------------------------------------- vocabularies

_YESNO_TABLE = YESNO.lookup_table()  # one-character terms: no phrase variants to add


def parse_yesno(value: object) -> Cell:
    """SPEC 3.10: 是 Y yes true 1 √ ✓ / 否 N no false 0 × ✗ (and Excel TRUE/FALSE cells)."""
    if is_blank(value):
        return BLANK
    if isinstance(value, bool):
        return Cell(value)
    term = _YESNO_TABLE.get(match_key(cell_text(value)))
    if term is None:
        return Cell(error="ingest.bad_yesno", params={"allowed": "是 / 否"})
    return Cell(term == "是")


def parse_vocab(value: object, vocabulary: Vocabulary, table: dict[str, str]) -> Cell:
    """One term of ``vocabulary`` via its folded lookup ``table``; the canonical Traditional term."""
    if is_blank(value):
        return BLANK
    term = table.get(match_key(cell_text(value)))
    if term is None:
        return Cell(error="ingest.bad_vocab", params={"allowed": " / ".join(vocabulary.canonical_values)})
    return Cell(term)
