"""Decide what a file is from its bytes, never from its name, and refuse hostile files early (SPEC 2.4).

``sniff(content)`` returns a :class:`Sniffed` whose ``kind`` is ``"workbook"`` (xlsx/xlsm/xlsb/xls that
calamine reads), ``"text"`` (CSV/TSV) or ``None`` with an i18n ``error`` key explaining the refusal. Checks
run on headers and directories only: a zip bomb is refused from its central directory before anything is
decompressed, an encrypted workbook from its OLE2 directory.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

import olefile

MAX_FILE_BYTES = 200 * 1024 * 1024  # an upload larger than this is not a monthly log (SPEC 7: ≈100,000 rows)
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # real sheet XML compresses ≈10-30×; runs of one byte compress ≈1000×
MAX_ZIP_MEMBERS = 10_000
# calamine allocates the whole rectangle between a sheet's first and last used cell, so one stray cell at
# XFD1048576 makes a 10 kB file ask for gigabytes (and a Rust allocation failure aborts the process).
# 10 million cells is 100 times a 100,000-row × 17-column log (SPEC 7).
MAX_SHEET_CELLS = 10_000_000
FULL_SCAN_BYTES = 8 * 1024 * 1024  # sheets up to this size have every cell reference checked (≈ 20 ms)
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?\"")
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\s[^>]*?\br=\"(\d{1,7})\"")

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Common non-spreadsheet files renamed by mistake: named in the message as "not a spreadsheet".
BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"\x7fELF",
)


@dataclass(frozen=True)
class Sniffed:
    kind: str | None  # "workbook" | "text" | None (refused)
    error: str | None = None  # i18n key when refused
    params: dict = field(default_factory=dict)


def _refuse(code: str, **params: object) -> Sniffed:
    return Sniffed(None, code, dict(params))


def sniff(content: bytes) -> Sniffed:
    """Classify ``content``; never raises."""
    if not content:
        return _refuse("ingest.file_empty")
    if len(content) > MAX_FILE_BYTES:
        return _refuse("ingest.file_too_large", size_mb=len(content) // (1024 * 1024),
                       limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    if content.startswith(ZIP_MAGIC):
        return _sniff_zip(content)
    if content.startswith(OLE2_MAGIC):
        return _sniff_ole2(content)
    if content.startswith(BINARY_MAGIC):
        return _refuse("ingest.not_spreadsheet")
    return Sniffed("text")


def _sniff_zip(content: bytes) -> Sniffed:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return _refuse("ingest.file_corrupt")
    if len(infos) > MAX_ZIP_MEMBERS:
        return _refuse("ingest.zip_bomb")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        # A member inflating > 200× and to more than 10 MB is built to exhaust memory, not a sheet.
        if ratio > MAX_MEMBER_RATIO and info.file_size > 10 * 1024 * 1024:
            return _refuse("ingest.zip_bomb")
    if total > MAX_UNCOMPRESSED_BYTES:
        return _refuse("ingest.zip_bomb")
    names = {info.filename for info in infos}
    if names & {"xl/workbook.xml", "xl/workbook.bin"}:
        for info in infos:
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                area = _sheet_area(archive, info.filename, scan=info.file_size <= FULL_SCAN_BYTES)
                if area > MAX_SHEET_CELLS:
                    return _refuse("ingest.sheet_too_large", cells=area, limit=MAX_SHEET_CELLS)
        return Sniffed("workbook")
    if "EncryptedPackage" in names:
        return _refuse("ingest.encrypted")
    return _refuse("ingest.not_spreadsheet")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _sheet_area(archive: zipfile.ZipFile, name: str, *, scan: bool) -> int:
    """Cells calamine would allocate for one sheet.

    Small sheets (``scan``) have their cell references scanned: a crafted file may carry a false ``<dimension>``.
    For large sheets the ``<dimension>`` element at the top answers cheaply; the references are scanned only when
    it is missing or claims a huge area (some tools write A1:XFD1048576 for ordinary sheets)."""
    try:
        with archive.open(name) as stream:
            head = stream.read(4096)
        match = None if scan else _DIMENSION.search(head)
        if match and match.group(3):
            area = ((int(match.group(4)) - int(match.group(2)) + 1)
                    * (_column_number(match.group(3)) - _column_number(match.group(1)) + 1))
            if area <= MAX_SHEET_CELLS:
                return area
        elif match:
            return 1
        xml = archive.read(name)
    except Exception:  # zlib.error, BadZipFile, CRC errors…: a damaged member is reported by the reader as corrupt
        return 0
    rows = [int(r) for r in _ROW_REF.findall(xml)]
    refs = _CELL_REF.findall(xml)
    rows += [int(r) for _, r in refs]
    columns = {_column_number(c) for c, _ in refs} or {1}
    if not rows:
        return 0
    return (max(rows) - min(rows) + 1) * (max(columns) - min(columns) + 1)


def _sniff_ole2(content: bytes) -> Sniffed:
    """OLE2 holds legacy .xls, but also password-protected .xlsx (EncryptedPackage) and .doc/.ppt."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(content))
    except Exception:  # olefile raises OSError and assorted parse errors on damaged directories
        return _refuse("ingest.file_corrupt")
    try:
        if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
            return _refuse("ingest.encrypted")
        if ole.exists("Workbook") or ole.exists("Book"):
            return Sniffed("workbook")
        return _refuse("ingest.not_spreadsheet")
    finally:
        ole.close()
