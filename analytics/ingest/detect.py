"""Decide what a file is from its bytes, never from its name, and refuse hostile files early (SPEC 2.4).

``sniff(content)`` returns a :class:`Sniffed` whose ``kind`` is ``"workbook"`` (xlsx/xlsm/xlsb/xls that
calamine reads), ``"text"`` (CSV/TSV) or ``None`` with an i18n ``error`` key explaining the refusal. A zip bomb
is refused from its central directory before anything is decompressed, an encrypted workbook from its OLE2
directory; then every member of an .xlsx is inflated in chunks and its sheets measured (``measure.py``) before
calamine allocates anything.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import olefile

from analytics.ingest import measure

MAX_FILE_BYTES = 200 * 1024 * 1024  # an upload larger than this is not a monthly log (SPEC 7: ≈100,000 rows)
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # real sheet XML compresses ≈10-30×; runs of one byte compress ≈1000×
MAX_ZIP_MEMBERS = 10_000

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
        try:
            _measure_workbook(content, infos)
        except measure.Refused as refused:
            return _refuse(refused.code, **refused.params)
        return Sniffed("workbook")
    if "EncryptedPackage" in names:
        return _refuse("ingest.encrypted")
    return _refuse("ingest.not_spreadsheet")


def _measure_workbook(content: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """Every member inflated (none may exceed its declared size); sheets and shared strings measured against the
    limits of ``measure`` (issue #12 finding 3). Raises ``measure.Refused``."""
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            extent = measure.measure_sheet(content, info)
            measure.check_sheet(extent)
            total += extent.area
            if total > measure.MAX_WORKBOOK_CELLS:
                raise measure.Refused("ingest.workbook_too_large", cells=total, limit=measure.MAX_WORKBOOK_CELLS)
        elif info.filename == "xl/sharedStrings.xml":
            measure.count_shared_strings(content, info)
        else:
            measure.drain(content, info)


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
