"""The formula guard of SPEC 6, the one copy (issue #13 item 8): text written to a spreadsheet never starts a
formula (or DDE) that Excel or LibreOffice would run. Used by every workbook the product writes and by the UI's
downloads."""

from __future__ import annotations

# A text cell starting with one of these could be taken for a formula by Excel/LibreOffice.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` made inert for a spreadsheet: a leading apostrophe before = + - @ tab CR."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
