"""Hostile and broken files: each gets one clear file-level error, quickly, without exhausting memory."""

from __future__ import annotations

import datetime as dt
import io
import struct
import time
import zipfile

import pytest
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile

from analytics.ingest import parse_file
from tests.ingest.conftest import LOG_HEADERS, make_csv, make_xlsx

LOG = make_xlsx({"log": [LOG_HEADERS, ["", "001", "張三", "2026-10-05", "常規穿越", "網路撥測", "", "4"]]})
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def only_error(parsed) -> str:
    """The single file-level error of ``parsed`` (and nothing imported)."""
    assert parsed.tables == {} and parsed.rejects == {}
    assert [p.severity for p in parsed.problems].count("error") == 1
    assert parsed.file_error is not None
    return parsed.file_error.code


def zip_bomb_by_ratio() -> bytes:
    """A workbook-looking zip with a 20 MB member of zeros (compresses ≈1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def zip_claiming_600_mb() -> bytes:
    """A small zip whose central directory claims a 600 MB member: refused before decompressing anything."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    data = bytearray(buffer.getvalue())
    # central directory entry: signature PK\1\2, uncompressed size at offset 24 (4 bytes, little-endian)
    entry = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, entry + 24, 600 * 1024 * 1024)
    return bytes(data)


def encrypted_xlsx() -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(LOG)).encrypt("secret", out)
    return out.getvalue()


@pytest.mark.parametrize("name, content, code", [
    ("empty.xlsx", b"", "ingest.file_empty"),
    ("picture.xlsx", PNG + b"\0" * 100, "ingest.not_spreadsheet"),
    ("scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "ingest.not_spreadsheet"),
    ("truncated.xlsx", LOG[: len(LOG) // 2], "ingest.file_corrupt"),
    ("page.xls", "<html><body><table><tr><td>工號</td></tr></table></body></html>".encode(),
     "ingest.markup_not_spreadsheet"),
    ("binary.csv", bytes(range(1, 32)) * 10, "ingest.not_spreadsheet"),
    ("notes.xls", "今天天氣很好\n我們去穿越\n".encode(), "ingest.no_table"),
])
def test_broken_and_disguised_files(name, content, code):
    assert only_error(parse_file(name, content)) == code


def test_damaged_member_with_intact_directory_is_corrupt():
    data = bytearray(LOG)
    start = data.find(b"xl/worksheets/sheet1.xml") + 40  # inside the deflated sheet data
    data[start:start + 200] = b"\xff" * 200
    assert only_error(parse_file("damaged.xlsx", bytes(data))) in {"ingest.file_corrupt"}


def test_password_protected_workbook():
    parsed = parse_file("locked.xlsx", encrypted_xlsx())
    assert only_error(parsed) == "ingest.encrypted"
    assert "save it without a password" in parsed.file_error.message("en")


def test_zip_bomb_refused_from_the_directory_quickly():
    for content in (zip_bomb_by_ratio(), zip_claiming_600_mb()):
        started = time.perf_counter()
        parsed = parse_file("bomb.xlsx", content)
        assert only_error(parsed) == "ingest.zip_bomb"
        assert time.perf_counter() - started < 1.0


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert only_error(parse_file("letter.xlsx", buffer.getvalue())) == "ingest.not_spreadsheet"


def test_utf16_csv_with_bom_is_read_despite_its_nul_bytes():
    content = make_csv([["工號", "穿越日期", "穿越類別"], ["001", "2026-10-05", "客戶接待日"]], encoding="utf-16")
    assert b"\x00" in content
    assert parse_file("u16.csv", content).tables["walkthroughs"]["employee_id"].tolist() == ["001"]


def legacy_xls() -> bytes:
    book = xlwt.Workbook()
    sheet = book.add_sheet("穿越記錄")
    for col, header in enumerate(["工號", "穿越日期", "穿越類別", "穿越項目", "時長(小時)"]):
        sheet.write(0, col, header)
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    sheet.write(1, 0, "00123")
    sheet.write(1, 1, dt.date(2026, 10, 5), date_style)
    sheet.write(1, 2, "常規穿越")
    sheet.write(1, 3, "門市業務受理")
    sheet.write(1, 4, 3.5)
    sheet.write(2, 0, 456.0)
    sheet.write(2, 1, "2026年10月6日")
    sheet.write(2, 2, "客戶接待日")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_legacy_xls_is_read_by_content_even_when_named_xlsx():
    parsed = parse_file("old.xlsx", legacy_xls())
    log = parsed.tables["walkthroughs"]
    assert log["employee_id"].tolist() == ["00123", "456"]
    assert log["date"].tolist() == [dt.date(2026, 10, 5), dt.date(2026, 10, 6)]
    assert log["hours"].tolist()[0] == 3.5
    assert [p.code for p in parsed.problems] == ["ingest.reception_hours_missing"]


def test_random_garbage_never_raises():
    import random

    rng = random.Random(7)
    for size in (1, 7, 100, 5_000):
        for prefix in (b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            content = prefix + bytes(rng.randrange(256) for _ in range(size))
            parsed = parse_file("junk.xlsx", content)
            assert parsed.file_error is not None


def far_cell_workbook(dimension: bytes | None = None) -> bytes:
    """Headers in A1:C1 and one stray cell at ZZ200000; optionally a forged <dimension> claiming A1:C1."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工號", "穿越日期", "穿越類別"])
    sheet["ZZ200000"] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b"<dimension ref=\"") + len(b"<dimension ref=\"")
                data = data[:start] + dimension + data[data.index(b"\"", start):]
            target.writestr(info.filename, data)
    return out.getvalue()


def test_stray_far_cell_is_refused_before_calamine_allocates_the_range():
    # rows 1..200000 and columns A..ZZ (ZZ = 26 × 26 + 26 = 702): 200,000 × 702 = 140,400,000 cells
    for content in (far_cell_workbook(), far_cell_workbook(dimension=b"A1:C1")):
        parsed = parse_file("stray.xlsx", content)
        assert only_error(parsed) == "ingest.sheet_too_large"
        assert parsed.file_error.params == {"cells": 140_400_000, "limit": 10_000_000}


def test_an_internal_failure_refuses_the_file_instead_of_raising(monkeypatch):
    import analytics.ingest.parse as parse_module

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(parse_module, "read_sheet", broken)
    assert only_error(parse_file("log.xlsx", LOG)) == "ingest.unexpected"


def test_bom_before_non_utf8_bytes_is_refused_not_garbled():
    content = b"\xef\xbb\xbf" + "工號,穿越日期,穿越類別\n".encode("gbk")
    assert only_error(parse_file("x.csv", content)) == "ingest.bad_encoding"


def test_text_starting_like_a_binary_signature_is_still_read_as_csv():
    content = b"BM,employee_id,date,category\nx,BM01,2026-10-05,special\n"
    assert parse_file("x.csv", content).tables["walkthroughs"]["employee_id"].tolist() == ["BM01"]


