"""Measure an .xlsx by streaming its XML before any reader allocates (issue #12 finding 3).

calamine allocates the whole rectangle between a sheet's first and last cell holding a value. A cell's position
comes from its ``r`` attribute or, without one, from the cells and rows before it (the next column of the row; the
row after the previous ``</row>``). So a 1.7 KB sheet whose header cells carry no position and one value at
XFD1048576 asks for 16,384 × 1,048,576 cells (512 GiB). The declared ``<dimension>`` is not trusted, nor the sizes
in the zip directory: each member is inflated here, in chunks, and must not grow beyond the size it declares.

Two scanners give the same rectangle:

- a fast one (numpy over each chunk) for the usual files, where every cell tag starts ``<c r="A1"`` and the XML has
  no comment, CDATA, declaration or namespace prefix on ``c``/``row``: the positions are then all explicit;
- an exact one (a tokenizer that follows calamine's position rules, ``xlsx/cells_reader.rs``) for anything else.
  It refuses what it cannot follow the way calamine does (a cell or row inside a cell, a DOCTYPE, a repeated ``r``).

Both count cells that may hold no value (the fast one every ``<c>``, the exact one every ``<c>`` with content), so
the rectangle may be larger than calamine's, never smaller.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

# 10 million cells is 100 times a 100,000-row × 17-column log (SPEC 7) and 3.7 times a 300,000-person roster
# × 9 columns. The limit holds per sheet and for all sheets of a workbook together (calamine's rows of every sheet
# are held at once by the reader).
MAX_SHEET_CELLS = 10_000_000
MAX_WORKBOOK_CELLS = 10_000_000
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's own limits: a position beyond them is not an Excel file
MAX_SHARED_STRINGS = 10_000_000  # distinct strings: never more than the cells that could use them
MAX_SHARED_STRINGS_BYTES = 128 * 1024 * 1024  # a 100,000-row log has ≈ 3 MB; 128 MB is text nobody reads
CHUNK = 8 * 1024 * 1024
_OVERLAP = 64  # bytes kept between chunks: longer than any tag head the fast scanner looks at


class Refused(Exception):
    """The workbook is refused before reading; ``code`` is the i18n key, ``params`` its fields."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class Extent:
    """The cells of one sheet that calamine would place: how many, and their bounding rectangle (0-based)."""

    cells: int = 0
    top: int = MAX_ROWS
    bottom: int = -1
    left: int = MAX_COLUMNS
    right: int = -1

    @property
    def area(self) -> int:
        return 0 if self.cells == 0 else (self.bottom - self.top + 1) * (self.right - self.left + 1)

    def add(self, row: int, col: int) -> None:
        self.cells += 1
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, col), max(self.right, col)


# ---------------------------------------------------------------- members, inflated with their declared size checked

def member_chunks(content: bytes, info) -> Iterator[bytes]:
    """The member's bytes in chunks; ``Refused("ingest.zip_bomb")`` if it inflates beyond its declared size (the
    zip directory can lie: calamine's zip reader does not stop at the declared size)."""
    start = info.header_offset
    if content[start:start + 4] != b"PK\x03\x04":
        raise Refused("ingest.file_corrupt")
    name_length, extra_length = struct.unpack_from("<HH", content, start + 26)
    data_start = start + 30 + name_length + extra_length
    data = memoryview(content)[data_start:data_start + info.compress_size]
    if info.flag_bits & 0x1:
        raise Refused("ingest.file_corrupt")  # zip-level encryption: no spreadsheet writes it
    if info.compress_type == 0:  # stored
        for i in range(0, len(data), CHUNK):
            yield bytes(data[i:i + CHUNK])
        return
    if info.compress_type != 8:  # only deflate and stored occur in workbooks; calamine reads no other
        raise Refused("ingest.file_corrupt")
    inflater = zlib.decompressobj(-15)
    produced = 0
    pending = bytes(data)
    try:
        while pending and not inflater.eof:
            out = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > info.file_size:
                raise Refused("ingest.zip_bomb")
            if out:
                yield out
            elif not pending:
                break
        tail = inflater.flush()
    except zlib.error as exc:
        raise Refused("ingest.file_corrupt") from exc
    if produced + len(tail) > info.file_size:
        raise Refused("ingest.zip_bomb")
    if tail:
        yield tail


def drain(content: bytes, info) -> int:
    """Inflate a member only to check its real size; returns it."""
    return sum(len(chunk) for chunk in member_chunks(content, info))


def count_shared_strings(content: bytes, info) -> int:
    """Distinct strings of ``sharedStrings.xml`` (``<si>`` elements), refused beyond the limits above."""
    if info.file_size > MAX_SHARED_STRINGS_BYTES:
        raise Refused("ingest.strings_too_large", size_mb=info.file_size // (1024 * 1024),
                      limit_mb=MAX_SHARED_STRINGS_BYTES // (1024 * 1024))
    count, carry = 0, b""
    for chunk in member_chunks(content, info):
        buffer = carry + chunk
        count += buffer.count(b"<si>") + buffer.count(b"<si ") - carry.count(b"<si>") - carry.count(b"<si ")
        carry = buffer[-4:]
        if count > MAX_SHARED_STRINGS:
            raise Refused("ingest.strings_too_large", size_mb=info.file_size // (1024 * 1024),
                          limit_mb=MAX_SHARED_STRINGS_BYTES // (1024 * 1024))
    return count


# ---------------------------------------------------------------- the fast scanner

class _NotPlain(Exception):
    """The fast scanner cannot vouch for this sheet; the exact one must read it."""


_PREFIXED = re.compile(rb"<[^\s<>/!?]*:(?:c|row)[\s/>]")
_WS = np.zeros(256, dtype=bool)  # lookup tables: indexing is far faster than np.isin over millions of bytes
_WS[[0x20, 0x09, 0x0A, 0x0D]] = True
_TAG_END = _WS.copy()
_TAG_END[[ord(">"), ord("/")]] = True
_AFTER_NAME = _WS.copy()
_AFTER_NAME[ord("=")] = True
_WINDOW = np.arange(12)
_POW26 = (1, 26, 676)


def _fast_chunk(buf: bytes, limit: int, extent: Extent, counts: list[int], first: bool = False) -> bool:
    """Add the cells whose tag starts before ``limit`` in ``buf``; ``counts`` = [cell tags, r attributes,
    rows with r] so far (compared at the end: an extra ``r`` anywhere means a repeated attribute). Returns False
    when the chunk is not plain; the cell tags are still counted, so that a dense sheet of cells without positions
    is refused from the count before the slow exact scanner would read it."""
    declarations = buf.count(b"<?") - (1 if first and buf.startswith(b"<?xml") else 0)
    plain = not (b"<!" in buf or declarations or _PREFIXED.search(buf))
    a = np.frombuffer(buf + b"\0" * _OVERLAP, dtype=np.uint8)
    lt = np.flatnonzero(a[:limit] == 0x3C)
    cell = lt[(a[lt + 1] == ord("c")) & _TAG_END[a[lt + 2]]]
    row_r = lt[(a[lt + 1] == ord("r")) & (a[lt + 2] == ord("o")) & (a[lt + 3] == ord("w")) & (a[lt + 4] == 0x20)
               & (a[lt + 5] == ord("r")) & (a[lt + 6] == ord("="))]
    r = np.flatnonzero(a[1:limit + 1] == ord("r"))
    r_at = r[_WS[a[r]] & _AFTER_NAME[a[r + 2]]]
    counts[0] += len(cell)
    counts[1] += len(r_at)
    counts[2] += len(row_r)
    if not plain or not len(cell):
        return plain
    if not ((a[cell + 2] == 0x20) & (a[cell + 3] == ord("r")) & (a[cell + 4] == ord("="))
            & (a[cell + 5] == ord('"'))).all():
        return False
    w = a[(cell + 6)[:, None] + _WINDOW]
    letters = (w >= 65) & (w <= 90)
    n_letters = np.argmin(letters, axis=1)
    digits = (w >= 48) & (w <= 57)
    after = _WINDOW[None, :] >= n_letters[:, None]
    end = np.argmax(after & ~digits, axis=1)
    n_digits = end - n_letters
    closed = w[np.arange(len(w)), end] == ord('"')
    if not (closed.all() and (n_letters >= 1).all() and (n_letters <= 3).all() and (n_digits >= 1).all()
            and (n_digits <= 7).all()):
        return False
    col = np.zeros(len(w), dtype=np.int64)
    for k in range(3):
        col = np.where(k < n_letters, col * 26 + (w[:, k].astype(np.int64) - 64), col)
    row = np.zeros(len(w), dtype=np.int64)
    for k in range(1, 11):
        row = np.where((k >= n_letters) & (k < end), row * 10 + (w[:, k].astype(np.int64) - 48), row)
    extent.cells += len(w)
    extent.top, extent.bottom = min(extent.top, int(row.min()) - 1), max(extent.bottom, int(row.max()) - 1)
    extent.left, extent.right = min(extent.left, int(col.min()) - 1), max(extent.right, int(col.max()) - 1)
    return True


def _fast(content: bytes, info) -> Extent:
    extent, counts, carry, first, plain = Extent(), [0, 0, 0], b"", True, True
    for chunk in member_chunks(content, info):
        buf = carry + chunk
        limit = max(len(buf) - _OVERLAP, 0)
        plain = _fast_chunk(buf, limit, extent, counts, first) and plain
        carry, first = buf[limit:], False
    plain = _fast_chunk(carry, len(carry), extent, counts) and plain
    if counts[0] > MAX_SHEET_CELLS:  # every cell tag counted, plain or not: the dense bomb stops here
        raise Refused("ingest.sheet_too_large", cells=counts[0], limit=MAX_SHEET_CELLS)
    if not plain or counts[1] != counts[0] + counts[2]:  # an r attribute besides each cell's and row's first: not plain
        raise _NotPlain
    return extent


# ---------------------------------------------------------------- the exact scanner

_TOKEN = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|(?P<decl><!)"
    rb"|<(?P<close>/)?(?:[^\s<>/!?\"':]*:)?(?P<name>[^\s<>/!?\"':]+)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S)
_R_ATTR = re.compile(rb"(?:^|\s)r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(rb"([A-Za-z]*)([0-9]+)")


def _position(attrs: bytes, need_column: bool) -> tuple[int, int] | None:
    found = _R_ATTR.findall(attrs)
    if not found:
        return None
    if len(found) > 1:
        raise Refused("ingest.file_corrupt")  # calamine takes the last one; no writer repeats an attribute
    value = found[0][0] or found[0][1]
    match = _REF.fullmatch(value)
    if match is None or (need_column and not match.group(1)) or len(match.group(1)) > 3 or len(match.group(2)) > 7:
        raise Refused("ingest.file_corrupt")  # calamine refuses such a reference too
    col = 0
    for letter in match.group(1).upper():
        col = col * 26 + letter - 64
    return int(match.group(2)) - 1, col - 1


def _exact(content: bytes, info) -> Extent:
    xml = b"".join(member_chunks(content, info))
    extent = Extent()
    row_index = col_index = 0
    in_cell = has_value = False
    here = (0, 0)
    for token in _TOKEN.finditer(xml):
        name = token.group("name")
        if token.group("decl"):
            raise Refused("ingest.file_corrupt")  # a DOCTYPE (entities) or a comment never closed
        if name is None:
            continue  # comment, CDATA, processing instruction
        attrs = token.group("attrs")
        if token.group("close"):
            if name == b"c" and in_cell:
                if has_value:
                    extent.add(*here)
                col_index += 1
                in_cell = False
            elif name == b"row":
                if in_cell:
                    raise Refused("ingest.file_corrupt")
                row_index, col_index = row_index + 1, 0
            elif name == b"sheetData":
                break
            continue
        empty = attrs.endswith(b"/")
        if in_cell:
            if name in (b"c", b"row"):
                raise Refused("ingest.file_corrupt")  # calamine would read these as part of the cell
            has_value = True
            continue
        if name == b"row":
            position = _position(attrs, need_column=False)
            if position is not None:
                row_index = position[0]
            if empty:
                row_index, col_index = row_index + 1, 0
        elif name == b"c":
            position = _position(attrs, need_column=True)
            if position is not None:
                col_index = position[1]
            here = position or (row_index, col_index)
            if empty:
                col_index += 1
            else:
                in_cell, has_value = True, False
        if extent.cells > MAX_SHEET_CELLS:
            break
    return extent


def measure_sheet(content: bytes, info) -> Extent:
    """The cells and rectangle calamine would allocate for the sheet member ``info`` of the zip ``content``."""
    try:
        return _fast(content, info)
    except _NotPlain:
        return _exact(content, info)


def check_sheet(extent: Extent) -> None:
    """Refuse a sheet whose rectangle or positions exceed the limits."""
    if extent.cells and (extent.bottom >= MAX_ROWS or extent.right >= MAX_COLUMNS):
        raise Refused("ingest.sheet_beyond_excel", rows=MAX_ROWS, columns=MAX_COLUMNS)
    if extent.area > MAX_SHEET_CELLS:
        raise Refused("ingest.sheet_too_large", cells=extent.area, limit=MAX_SHEET_CELLS)
