"""Turn file bytes into raw sheets (lists of rows of cell values) with python-calamine or the csv module.

Formula cells come back as the value Excel cached when the file was saved; nothing is evaluated.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import python_calamine as calamine

from analytics.ingest.detect import MAX_FILE_BYTES

HEADER_SCAN_ROWS = 15  # SPEC 2.4: the header row is within the first 15 rows
# Python's csv module refuses a field longer than 131,072 characters and so the whole file (issue #11 item 9).
# A file is at most MAX_FILE_BYTES, so no field can be longer than that: a long cell is read and its row rejected
# by the cell-length rule (values.check_length) instead. The limit is process-wide; nothing else here parses CSV.
csv.field_size_limit(MAX_FILE_BYTES)


@dataclass
class RawSheet:
    name: str
    rows: list[list] = field(default_factory=list)
    first_row: int = 1  # spreadsheet row number of rows[0]
    hidden: bool = False


class ReadError(Exception):
    """The file cannot be read; ``code`` is the i18n key of the reason."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def read_workbook(content: bytes, *, hidden: bool = False) -> list[RawSheet]:
    """Every worksheet of an Excel workbook; hidden sheets are listed with no rows (they are skipped).

    ``hidden=True`` reads the hidden sheets only, with their rows (issue #11 item 9: a workbook whose only table
    is on a hidden sheet is read from it, with a warning, instead of being refused)."""
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
    except calamine.PasswordError as exc:
        raise ReadError("ingest.encrypted") from exc
    except Exception as exc:  # calamine raises assorted errors (zip, xml, BIFF) for damaged files
        raise ReadError("ingest.file_corrupt") from exc
    sheets: list[RawSheet] = []
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue  # chart and macro sheets hold no rows
            is_hidden = meta.visible != calamine.SheetVisibleEnum.Visible
            if is_hidden != hidden:
                if is_hidden:
                    sheets.append(RawSheet(meta.name, hidden=True))
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                rows = list(sheet.iter_rows())
                end, start = sheet.end, sheet.start
                merged = sheet.merged_cell_ranges or []
            except calamine.PasswordError as exc:
                raise ReadError("ingest.encrypted") from exc
            except Exception as exc:
                raise ReadError("ingest.file_corrupt") from exc
            # iter_rows starts at row 1 in calamine 0.9, but derive the offset from the used range to be safe.
            first = max((end[0] + 2 - len(rows)) if (end and rows) else 1, 1)
            if merged and start:
                _fill_merged_down(rows, merged, first - 1, start[1])
            sheets.append(RawSheet(meta.name, rows, first, hidden=is_hidden))
    return sheets


def _fill_merged_down(rows: list[list], merged: list, row_offset: int, column_offset: int) -> None:
    """Give every row of a vertically merged cell its value (Excel shows it beside each of those rows).

    Lead departments merge 穿越編號, 日期 or 類別 over the rows of one group activity; calamine returns the value
    in the top cell only. Horizontal merges are left alone: copying a value sideways would put it under another
    header. ``merged`` holds ((first_row, first_col), (last_row, last_col)), 0-based sheet coordinates."""
    for (top, left), (bottom, _right) in merged:
        if bottom <= top:
            continue
        col = left - column_offset
        first, last = top - row_offset, min(bottom - row_offset, len(rows) - 1)
        if first < 0 or col < 0 or first >= len(rows) or col >= len(rows[first]):
            continue
        value = rows[first][col]
        for r in range(first + 1, last + 1):
            if col < len(rows[r]) and rows[r][col] in ("", None):
                rows[r][col] = value


# ---------------------------------------------------------------- CSV / TSV

# NUL is left out: a CSV damaged in a few rows keeps its other rows (the cells holding NUL are rejected by the
# cell rules, columns._guarded); other control characters in the first 64 KB mean a binary file.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"^\s*<(?:!doctype\s+html|html|\?xml|table|meta)", re.IGNORECASE)
DELIMITERS = (",", "\t", ";", "|")


def decode_candidates(content: bytes) -> list[str]:
    """The texts ``content`` may be, most likely first; raises ReadError when it is not text at all."""
    if content.startswith(codecs.BOM_UTF8):
        try:
            return [content[len(codecs.BOM_UTF8):].decode("utf-8")]
        except UnicodeDecodeError as exc:  # a BOM before non-UTF-8 bytes: refuse rather than garble
            raise ReadError("ingest.bad_encoding") from exc
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return [content.decode("utf-16")]
        except UnicodeDecodeError as exc:
            raise ReadError("ingest.bad_encoding") from exc
    texts = _utf16_without_bom(content) if b"\x00" in content else []
    # GBK/GB18030 (Chinese Excel's "CSV") and Big5 bytes also decode as each other: try all, let headers decide.
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            texts.append(content.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not texts:
        raise ReadError("ingest.bad_encoding")
    return texts


def _utf16_without_bom(content: bytes) -> list[str]:
    """UTF-16 decodings worth trying when ``content`` has NUL bytes: a UTF-16 file written without a BOM has a
    NUL in every other byte for each ASCII character (digits, commas, line breaks), on the odd bytes when
    little-endian. The header search of ``read_text`` then decides between it and the 8-bit decodings."""
    half = max(len(content) // 2, 1)
    odd, even = content[1::2].count(0) / half, content[0::2].count(0) / half
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    # A few NULs, or a block of them (equally on odd and even bytes), is damage in an 8-bit file, not UTF-16.
    if max(odd, even) < 0.1 or min(odd, even) > 0.5 * max(odd, even):
        return []
    texts = []
    for encoding in order:
        try:
            texts.append(content.decode(encoding))
        except UnicodeDecodeError:
            continue
    return texts


def _split(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        raise ReadError("ingest.csv_malformed", line=reader.line_num) from exc
    return rows


def _header_found(text: str, delimiter: str, recognises: Callable[[list[list]], bool]) -> bool:
    head = text[:65_536]  # the first rows only; a quote cut off at the end of the sample is not an error here
    if delimiter not in head:
        return False
    try:
        return recognises(_split(head, delimiter, HEADER_SCAN_ROWS))
    except ReadError:
        return False


def read_text(content: bytes, recognises: Callable[[list[list]], bool]) -> list[RawSheet]:
    """A CSV/TSV file as one sheet. Encoding and delimiter are the pair under which ``recognises`` finds a
    table header in the first rows; otherwise the first decodable encoding and the most frequent delimiter."""
    texts = decode_candidates(content)
    for text in texts:
        if _MARKUP.match(text[:1024]):
            raise ReadError("ingest.markup_not_spreadsheet")
    # A decoding that shows control characters is the wrong one (UTF-16 read byte by byte) or the file is binary.
    texts = [text for text in texts if not _CONTROL.search(text[:65_536])]
    if not texts:
        raise ReadError("ingest.not_spreadsheet")
    chosen = next(((text, d) for text in texts for d in DELIMITERS if _header_found(text, d, recognises)), None)
    if chosen is None:
        text = texts[0]
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max(DELIMITERS, key=first_line.count)
        chosen = (text, delimiter)
    rows = _split(*chosen)
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) if len(r) < width else r for r in rows]
    return [RawSheet("", rows, 1)]
