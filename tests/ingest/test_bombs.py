"""Issue #12 finding 3: workbooks built to exhaust memory are measured by streaming their XML and refused before
any reader allocates; whatever a reader still meets runs in a capped child process (analytics.ingest.sandbox).

The hostile files are built here from raw XML (zipfile), so nothing trusts a library to write them faithfully.
"""

from __future__ import annotations

import io
import os
import pickle
import struct
import time
import zipfile

import pytest
import xlwt

from analytics.ingest import measure, parse_file
from analytics.ingest.sandbox import _Unpickler, parse_isolated
from tests.ingest.conftest import LOG_HEADERS, make_xlsx

_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
       b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
       b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
       b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
       b'name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def workbook(sheet_data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CT)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WB)
        archive.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        archive.writestr("xl/worksheets/sheet1.xml",
                         b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main"><dimension ref="A1:C1"/><sheetData>' + sheet_data
                         + b"</sheetData></worksheet>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def text_cell(text: str, ref: str | None = None) -> bytes:
    position = f' r="{ref}"'.encode() if ref else b""
    return b"<c" + position + b' t="inlineStr"><is><t>' + text.encode() + b"</t></is></c>"


HEADER_ROW = b"<row>" + b"".join(text_cell(h) for h in ("工號", "穿越日期", "穿越類別")) + b"</row>"
# Excel's whole grid: 16,384 columns (A..XFD) × 1,048,576 rows = 17,179,869,184 cells, from A1 to XFD1048576
WHOLE_GRID = 16_384 * 1_048_576


def refused(content: bytes) -> tuple[str, dict]:
    parsed = parse_file("bomb.xlsx", content)
    assert parsed.tables == {} and parsed.file_error is not None
    return parsed.file_error.code, parsed.file_error.params


def test_sparse_bomb_headers_without_position_and_one_cell_at_xfd1048576():
    content = workbook(HEADER_ROW + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    assert len(content) < 2_000  # the 1.7 KB file of the finding
    started = time.perf_counter()
    assert refused(content) == ("ingest.sheet_too_large", {"cells": WHOLE_GRID, "limit": 10_000_000})
    assert time.perf_counter() - started < 2.0


def test_positions_taken_from_the_rows_and_cells_before_them():
    # the exact scanner follows calamine: a row without r is the one after the previous </row>; a cell without r
    # is the next column. <row r="1048576"> then three r-less cells: A1048576..C1048576; the header row A1..C1.
    content = workbook(HEADER_ROW + b'<row r="1048576">' + text_cell("x") * 3 + b"</row>")
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo("xl/worksheets/sheet1.xml")
    extent = measure.measure_sheet(content, info)
    assert (extent.cells, extent.top, extent.bottom, extent.left, extent.right) == (6, 0, 1_048_575, 0, 2)
    # a cell with r sets the column but not the row: after C7 in the first row, the next r-less cell is D1
    content = workbook(b'<row><c r="C7"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>')
    extent = measure.measure_sheet(content, zipfile.ZipFile(io.BytesIO(content)).getinfo("xl/worksheets/sheet1.xml"))
    assert (extent.top, extent.bottom, extent.left, extent.right) == (0, 6, 0, 3)  # A1..D7, as calamine reads it


FAR = b'<c r="XFD1048576"><v>1</v></c>'


@pytest.mark.parametrize("trick", [
    # a comment holding a row tag: a scan that read it would restart at row 1 and miss XFD1048576's row
    HEADER_ROW + b'<row r="1048576"><!-- <row r="1"> --><c><v>1</v></c>' + FAR + b"</row>",
    HEADER_ROW + b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",  # single quotes
    HEADER_ROW + b'<row r="1048576"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                 b'r="XFD1048576"><v>1</v></x:c></row>',  # a namespace prefix on the cell
    HEADER_ROW + b'<row r="1048576"><c s="1" r="XFD1048576"><v>1</v></c></row>',  # r not the first attribute
    b'<row r="1048576">' + FAR + b"</row>",  # the headers after it would be row 1,048,577: see below
])
def test_tricks_that_hide_the_far_cell_from_a_simple_scan_are_seen(trick):
    code, params = refused(workbook(trick))
    if trick.startswith(HEADER_ROW):
        assert (code, params) == ("ingest.sheet_too_large", {"cells": WHOLE_GRID, "limit": 10_000_000})
    else:  # a single far cell: one cell, nothing to refuse; headers after it fall outside Excel's grid
        assert code == "ingest.no_table"
        beyond = workbook(trick + HEADER_ROW)
        assert refused(beyond)[0] == "ingest.sheet_beyond_excel"


def test_repeated_r_attribute_and_rows_inside_a_cell_are_refused():
    # calamine takes the last of two r attributes; a scan taking the first would see A1 only
    assert refused(workbook(b'<row><c r="A1" r="XFD1048576"><v>1</v></c></row>'))[0] == "ingest.file_corrupt"
    nested = b'<row r="1048576"><c r="A1"><v>1</v><row r="1"></row></c><c><v>2</v></c></row>'
    assert refused(workbook(nested))[0] == "ingest.file_corrupt"
    assert refused(workbook(b'<!DOCTYPE x [<!ENTITY a "b">]><row><c r="A1"><v>1</v></c></row>'))[0] \
        == "ingest.file_corrupt"


def test_a_cell_beyond_excels_grid_is_refused():
    code, params = refused(workbook(b'<row><c r="XFE1"><v>1</v></c></row>'))  # XFE = column 16,385
    assert (code, params) == ("ingest.sheet_beyond_excel", {"rows": 1_048_576, "columns": 16_384})


def test_dense_sheet_of_cells_without_position_is_refused_from_its_count(monkeypatch):
    # 12 rows × 1,000 r-less cells = 12,000 cell tags > a limit of 10,000 (lowered so the file stays small)
    monkeypatch.setattr(measure, "MAX_SHEET_CELLS", 10_000)
    content = workbook(b"".join(b"<row>" + b"".join(b"<c><v>%d</v></c>" % (r * 1000 + c) for c in range(1000))
                                + b"</row>" for r in range(12)))
    assert refused(content) == ("ingest.sheet_too_large", {"cells": 12_000, "limit": 10_000})


def test_all_sheets_together_are_bounded(monkeypatch):
    monkeypatch.setattr(measure, "MAX_WORKBOOK_CELLS", 5)
    content = make_xlsx({"a": [["工號", "穿越日期", "穿越類別"]], "b": [["工號", "穿越日期", "穿越類別"]]})
    assert refused(content) == ("ingest.workbook_too_large", {"cells": 6, "limit": 5})  # 3 + 3 cells


def test_member_inflating_beyond_its_declared_size_is_a_bomb():
    content = bytearray(workbook(HEADER_ROW))
    entry = content.find(b"PK\x01\x02", content.find(b"xl/worksheets/sheet1.xml") - 100)
    while content[entry + 46:entry + 46 + 24] != b"xl/worksheets/sheet1.xml":
        entry = content.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", content, entry + 24, 100)  # the directory claims 100 bytes; the XML is ≈ 400
    assert refused(bytes(content))[0] == "ingest.zip_bomb"


def test_too_many_shared_strings(monkeypatch):
    monkeypatch.setattr(measure, "MAX_SHARED_STRINGS", 1_000)
    strings = b"<sst>" + b"".join(b"<si><t>s%d</t></si>" % i for i in range(1_001)) + b"</sst>"
    content = workbook(HEADER_ROW, {"xl/sharedStrings.xml": strings})
    assert refused(content)[0] == "ingest.strings_too_large"


def test_an_ordinary_log_is_measured_exactly_by_the_fast_scanner():
    content = make_xlsx({"log": [LOG_HEADERS, ["", "001", "張三", "2026-10-05", "常規穿越", "網路撥測", "", "4"]]})
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo("xl/worksheets/sheet1.xml")
    fast = measure._fast(content, info)
    exact = measure._exact(content, info)
    # A1:H2 = 16 cells; openpyxl writes A2 and G2 ("") as empty <c></c>: the fast scanner counts every cell tag
    # (16), the exact one only those with content (8 headers + 6 values = 14); both give the same rectangle
    assert (fast.cells, fast.area) == (16, 16) and (exact.cells, exact.area) == (14, 16)


# ---------------------------------------------------------------- the child process

def far_cell_xls() -> bytes:
    """A legacy .xls (not measured: BIFF) with headers in A1:C1 and one cell at IV65536: 65,536 × 256 =
    16,777,216 cells for calamine and the reader to allocate."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    for col, header in enumerate(["工號", "穿越日期", "穿越類別"]):
        sheet.write(0, col, header)
    sheet.write(65_535, 255, "x")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_file_exhausting_the_childs_memory_ends_only_the_child():
    parent = os.getpid()
    parsed = parse_isolated("far.xls", far_cell_xls(), memory_mb=800)
    assert os.getpid() == parent
    assert parsed.tables == {} and parsed.file_error.code == "ingest.parse_memory"
    assert parsed.file_error.file == "far.xls"
    assert "Ctrl+End" in parsed.file_error.message("en") and "not affected" in parsed.file_error.message("en")


def test_a_file_taking_too_long_is_stopped():
    started = time.monotonic()
    parsed = parse_isolated("far.xls", far_cell_xls(), timeout_s=0.2)
    assert parsed.file_error.code == "ingest.parse_timeout" and parsed.file_error.params == {"seconds": 0}
    assert time.monotonic() - started < 10


def test_the_child_gives_what_parse_file_gives():
    content = make_xlsx({"log": [LOG_HEADERS, ["", "001", "張三", "2026-10-05", "常規穿越", "網路撥測", "", "4"],
                                 ["", "002", "李四", "10/5/2026", "常規穿越", "網路撥測", "", "4"]]})
    direct, isolated = parse_file("x.xlsx", content), parse_isolated("x.xlsx", content)
    assert isolated.problems == direct.problems
    assert isolated.tables["walkthroughs"].equals(direct.tables["walkthroughs"])
    assert isolated.rejects["walkthroughs"].equals(direct.rejects["walkthroughs"])
    assert isolated.file_name == "x.xlsx" and isolated.sha256 == direct.sha256


def test_the_parent_refuses_a_result_that_would_run_code():
    # a child taken over by a hostile file could answer with any pickle: only the parts of a ParsedFile load
    with pytest.raises(pickle.UnpicklingError):
        _Unpickler(io.BytesIO(pickle.dumps(os.system))).load()
    with pytest.raises(pickle.UnpicklingError):
        _Unpickler(io.BytesIO(pickle.dumps(print))).load()


def test_every_table_comes_back_from_the_child():
    # the allow-list must cover every dtype of every table: the sample workbook (roster, log, issues), a plans CSV
    # and the handmade files of tests/plans; each isolated result equals the in-process one
    from tests.pages.conftest import sample_workbook
    from tests.plans import handmade

    files = [("sample.xlsx", sample_workbook())]
    files += [(n, c.encode("utf-8")) for n, c in (("roster.csv", handmade.ROSTER), ("log.csv", handmade.LOG),
                                                   ("plans.csv", handmade.PLANS))]
    seen = set()
    for name, content in files:
        direct, isolated = parse_file(name, content), parse_isolated(name, content)
        assert isolated.file_error is None, (name, isolated.file_error)
        assert isolated.problems == direct.problems
        for key, frame in direct.tables.items():
            assert isolated.tables[key].equals(frame), (name, key)
            seen.add(key)
    assert {"roster", "walkthroughs", "issues", "plans"} <= seen
