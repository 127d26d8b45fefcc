"""Cell parsers of SPEC 2.4, each expectation worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.ingest import values as v
from analytics.schema import ITEM, LEVEL

D = dt.date(2026, 10, 5)


@pytest.mark.parametrize("cell", [
    "2026-10-05", "2026/10/5", "2026.10.5", "2026年10月5日", "20261005", "２０２６－１０－０５", "２０２６年１０月５日",
    "2026-10-05 00:00:00", "2026/10/5 14:30", "2026-10-05T09:15:00", "2026/10/5 下午 02:30:00", " 2026-10-05 ",
    dt.date(2026, 10, 5), dt.datetime(2026, 10, 5, 17, 45),
    # Excel serial: 2025-01-01 is 45658, 2026-01-01 is 45658 + 365 = 46023; Jan..Sep 2026 have
    # 31+28+31+30+31+30+31+31+30 = 273 days, so 5 October = 46023 + 273 + 4 = 46300 (a time fraction is dropped).
    46300, 46300.0, 46300.75, "46300",
    20261005, 20261005.0,
])
def test_every_accepted_date_form_reads_5_october_2026(cell):
    assert v.parse_date(cell) == v.Cell(D)


@pytest.mark.parametrize("cell, readings", [
    ("10/5/2026", ("2026-10-05", "2026-05-10")),  # month-first reading first, then day-first
    ("5/10/2026", ("2026-05-10", "2026-10-05")),
    ("10-05-2026", ("2026-10-05", "2026-05-10")),
    ("10.5.2026 08:00", ("2026-10-05", "2026-05-10")),
])
def test_day_first_or_month_first_forms_are_rejected_naming_both_readings(cell, readings):
    first, second = readings
    assert v.parse_date(cell) == v.Cell(error="ingest.date_ambiguous_either", params={"first": first, "second": second})


@pytest.mark.parametrize("cell, suggestion", [
    ("25/10/2026", "2026-10-25"),  # only day-first is a real date, but the form itself is ambiguous (SPEC 2.4)
    ("5/5/2026", "2026-05-05"),  # both readings are the same day
])
def test_ambiguous_forms_with_one_reading_suggest_it(cell, suggestion):
    assert v.parse_date(cell) == v.Cell(error="ingest.date_ambiguous", params={"suggestion": suggestion})


@pytest.mark.parametrize("cell, code", [
    ("2026-02-30", "ingest.date_impossible"),
    ("2026-13-01", "ingest.date_impossible"),
    ("2025-02-29", "ingest.date_impossible"),  # 2025 is not a leap year
    ("31/31/2026", "ingest.date_impossible"),  # neither month/day reading exists
    ("0026-10-05", "ingest.date_out_of_range"),
    ("2026-10", "ingest.bad_date"),
    ("明天", "ingest.bad_date"),
    (True, "ingest.bad_date"),
    (dt.time(9, 0), "ingest.bad_date"),
    (12, "ingest.bad_date"),  # serial 12 is January 1900, outside the plausible window
    (float("nan"), "ingest.bad_date"),
])
def test_impossible_implausible_and_unreadable_dates(cell, code):
    assert v.parse_date(cell).error == code


def test_leap_day_and_blank_dates():
    assert v.parse_date("2028-02-29").value == dt.date(2028, 2, 29)
    assert v.parse_date("") == v.BLANK
    assert v.parse_date(None) == v.BLANK
    assert v.parse_date("   ") == v.BLANK


@pytest.mark.parametrize("cell, hours", [
    (4, 4.0), (3.5, 3.5), ("4", 4.0), ("4小時", 4.0), ("4 小時", 4.0), ("3.5h", 3.5), ("3.5 小時", 3.5),
    ("3.5H", 3.5), ("４小时", 4.0), ("半天", 4.0), ("全天", 8.0), ("一天", 8.0), (24, 24.0), ("0.5", 0.5),
    (dt.time(4, 30), 4.5), (dt.timedelta(hours=2), 2.0),
])
def test_hours(cell, hours):
    assert v.parse_hours(cell) == v.Cell(hours)


@pytest.mark.parametrize("cell, code", [
    (0, "ingest.hours_range"), (-1, "ingest.hours_range"), (24.01, "ingest.hours_range"), ("25h", "ingest.hours_range"),
    ("很久", "ingest.bad_hours"), (True, "ingest.bad_hours"), ("4 days", "ingest.bad_hours"),
])
def test_bad_hours(cell, code):
    assert v.parse_hours(cell).error == code


@pytest.mark.parametrize("cell, number", [(3, 3), (3.0, 3), ("3", 3), ("３", 3), (" 12 ", 12), (0, 0), ("1,200", 1200)])
def test_integers(cell, number):
    assert v.parse_int(cell) == v.Cell(number)


@pytest.mark.parametrize("cell, code", [
    (3.5, "ingest.int_not_whole"), ("3.5", "ingest.int_not_whole"), (-1, "ingest.int_negative"),
    ("-1", "ingest.int_negative"), ("三", "ingest.bad_int"), (True, "ingest.bad_int"),
    (2_000_000, "ingest.int_too_large"),
])
def test_bad_integers(cell, code):
    assert v.parse_int(cell).error == code


@pytest.mark.parametrize("cell", ["是", "Y", "y", "yes", "YES", "true", "True", "1", 1, 1.0, "√", "✓", True, "ｙｅｓ"])
def test_yes(cell):
    assert v.parse_yesno(cell) == v.Cell(True)


@pytest.mark.parametrize("cell", ["否", "N", "no", "false", "0", 0, "×", "✗", False])
def test_no(cell):
    assert v.parse_yesno(cell) == v.Cell(False)


def test_bad_yesno():
    assert v.parse_yesno("也許").error == "ingest.bad_yesno"
    assert v.parse_yesno(2).error == "ingest.bad_yesno"


@pytest.mark.parametrize("cell, text", [
    (3664.0, "3664"), (3664, "3664"), ("003664", "003664"), (" a 01 ", "A01"), ("ＡＢ１２", "AB12"),
])
def test_ids_are_text_with_leading_zeros(cell, text):
    assert v.parse_id(cell) == v.Cell(text)


@pytest.mark.parametrize("cell, ids", [
    ("001、002", ("001", "002")), ("001,002，003", ("001", "002", "003")), ("001;002；003", ("001", "002", "003")),
    ("001/002", ("001", "002")), ("001 002\u3000003", ("001", "002", "003")), ("001、001", ("001",)),
    (1234.0, ("1234",)), ("0012", ("0012",)),
])
def test_id_lists_split_on_every_separator(cell, ids):
    assert v.parse_id_list(cell) == v.Cell(ids)


def test_vocabulary_terms_codes_and_simplified_spellings():
    table = ITEM.lookup_table()
    assert v.parse_vocab("网络拨测", ITEM, table).value == "網路撥測"
    assert v.parse_vocab("network_dial_test", ITEM, table).value == "網路撥測"
    assert v.parse_vocab("门市客户扮演", ITEM, table).value == "門市客戶扮演"
    bad = v.parse_vocab("不存在", LEVEL, LEVEL.lookup_table())
    assert bad.error == "ingest.bad_vocab" and bad.params == {"allowed": "總部 / 省公司 / 地市公司"}


def test_cell_text_renders_what_excel_shows():
    assert v.cell_text(3664.0) == "3664"
    assert v.cell_text(3.5) == "3.5"
    assert v.cell_text(dt.datetime(2026, 10, 5)) == "2026-10-05"
    assert v.cell_text(dt.datetime(2026, 10, 5, 9, 30)) == "2026-10-05 09:30:00"
    assert v.cell_text(True) == "TRUE"
    assert v.cell_text(None) == ""


def test_excel_cell_limit():
    # calamine cuts longer workbook cells to exactly 32,767 characters, so reaching the limit is refused
    assert v.check_length("x" * 32_766) is None
    assert v.check_length("x" * 32_767).error == "ingest.cell_too_long"
    assert v.check_length("x" * 40_000).params == {"length": 40_000, "limit": 32_767}
