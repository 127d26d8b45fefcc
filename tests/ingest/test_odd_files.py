"""Issue #11 item 9: readable files that used to be refused whole are read; only the damaged rows are rejected.

Figures by hand: each file below has three data rows (spreadsheet rows 2-4); the damaged one is row 3, so two rows
are imported and one is rejected, naming row 3 and the column of the damaged cell.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook

from analytics.ingest import parse_file
from analytics.store.result import FileImportResult
from tests.ingest.conftest import make_csv

HEADERS = ["工號", "穿越日期", "穿越類別", "穿越項目"]


def rows_with(middle: list[str]) -> list[list[str]]:
    return [HEADERS, ["001", "2026-10-05", "專項穿越", "網路撥測"], middle, ["003", "2026-10-07", "常規穿越", "其他"]]


def test_csv_cell_longer_than_the_csv_module_limit_rejects_only_its_row():
    # 200,000 characters > Python's csv limit (131,072) and > Excel's cell limit (32,767, the product limit)
    long = "x" * 200_000
    content = make_csv(rows_with(["002", "2026-10-06", "常規穿越", long]))
    parsed = parse_file("long.csv", content)
    assert parsed.file_error is None
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["001", "003"]
    (error,) = parsed.errors
    assert (error.code, error.row, error.column, error.params) == (
        "ingest.cell_too_long", 3, "穿越項目", {"length": 200_000, "limit": 32_767})
    assert "32767" in error.message("en")
    assert parsed.rejects["walkthroughs"]["_row"].tolist() == [3]


def test_csv_rows_with_nul_bytes_are_rejected_and_the_others_imported():
    content = make_csv(rows_with(["00\x002", "2026-10-06", "常規穿越", "網路\x00\x00撥測"]))
    assert content.count(b"\x00") == 3
    parsed = parse_file("nul.csv", content)
    assert parsed.file_error is None
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["001", "003"]
    found = sorted((p.code, p.row, p.column, p.params["count"]) for p in parsed.errors)
    assert found == [("ingest.cell_nul", 3, "工號", 1), ("ingest.cell_nul", 3, "穿越項目", 2)]
    assert "damaged" in parsed.errors[0].message("en")
    # the rejected row goes into the downloadable workbook without breaking it
    result = FileImportResult("nul.csv", parsed.sha256, "partial", rejects=parsed.rejects)
    book = load_workbook(io.BytesIO(result.rejects_xlsx()))
    sheet = book.worksheets[0]
    assert sheet.max_row == 2 and [c.value for c in sheet[1]][:4] == HEADERS


def test_nul_in_the_first_rows_is_not_taken_for_a_binary_file():
    # the NUL is in row 2, inside the first 64 KB that the binary check looks at
    content = make_csv([HEADERS, ["0\x0001", "2026-10-05", "專項穿越", "網路撥測"],
                        ["002", "2026-10-06", "常規穿越", "其他"]])
    parsed = parse_file("nul.csv", content)
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["002"]
    assert [(p.code, p.row) for p in parsed.errors] == [("ingest.cell_nul", 2)]


def test_utf16_without_bom_still_reads_in_both_byte_orders():
    # 一 = U+4E00: a NUL byte inside a CJK character, too; 穿越主題 is free text
    rows = [[*r, "主題"] for r in rows_with(["002", "2026-10-06", "專項穿越", "其他"])]
    rows[0][-1], rows[2][-1] = "穿越主題", "一二三"
    for encoding in ("utf-16-le", "utf-16-be"):
        content = make_csv(rows, encoding=encoding)
        assert not content.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in content
        parsed = parse_file("u16.csv", content)
        assert parsed.errors == [], encoding
        assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["001", "002", "003"], encoding
        assert parsed.tables["walkthroughs"]["theme"].tolist()[1] == "一二三"


def test_a_block_of_nul_bytes_in_an_8bit_csv_is_damage_not_utf16():
    # a 4 KB run of zeros (a crashed export) inside row 3: not UTF-16 (zeros on odd and even bytes alike)
    content = make_csv(rows_with(["002", "2026-10-06", "常規穿越", "\x00" * 4096]))
    parsed = parse_file("zeros.csv", content)
    assert parsed.tables["walkthroughs"]["employee_id"].tolist() == ["001", "003"]
    assert [(p.code, p.row, p.params["count"]) for p in parsed.errors] == [("ingest.cell_nul", 3, 4096)]


def test_binary_content_is_still_refused_whole():
    parsed = parse_file("binary.csv", bytes(range(0, 32)) * 10)
    assert parsed.file_error is not None and parsed.tables == {}
