"""Property tests: accepted forms parse back to themselves, and no input makes a parser raise."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.ingest import values as v
from analytics.ingest.headers import find_header
from analytics.schema import TABLES

FULL_WIDTH = str.maketrans("0123456789-/.", "０１２３４５６７８９－／．")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
anything = st.one_of(
    st.none(), st.text(max_size=40), st.integers(min_value=-10**12, max_value=10**12), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(), st.times(),
    st.timedeltas(max_value=dt.timedelta(days=10)),
)
EXCEL_EPOCH = dt.date(1899, 12, 30)


def forms(d: dt.date) -> list[object]:
    iso = d.isoformat()
    return [
        iso, f"{d.year}/{d.month}/{d.day}", f"{d.year}.{d.month}.{d.day}", f"{d.year}年{d.month}月{d.day}日",
        f"{d.year:04d}{d.month:02d}{d.day:02d}", iso.translate(FULL_WIDTH), f"{iso} 13:45:10", f"{iso}T08:00",
        d, dt.datetime.combine(d, dt.time(23, 59)), (d - EXCEL_EPOCH).days, float((d - EXCEL_EPOCH).days) + 0.5,
    ]


@given(dates)
def test_any_valid_date_in_each_accepted_form_parses_back_to_itself(day):
    for form in forms(day):
        assert v.parse_date(form) == v.Cell(day), form


@given(dates)
def test_day_month_year_forms_are_always_refused_as_ambiguous(day):
    cell = v.parse_date(f"{day.day}/{day.month}/{day.year}")
    assert cell.error in ("ingest.date_ambiguous", "ingest.date_ambiguous_either")
    assert day.isoformat() in cell.params.values()  # the intended reading is always offered


@given(st.decimals(min_value="0.01", max_value="24", places=2))
def test_hours_in_range_parse_in_every_spelling(hours):
    expected = float(hours)
    for form in (expected, str(hours), f"{hours}h", f"{hours} 小時", f"{hours}小时"):
        assert v.parse_hours(form) == v.Cell(expected), form


@given(st.integers(min_value=0, max_value=1_000_000))
def test_integers_parse_from_number_float_and_text(n):
    for form in (n, float(n), str(n), f"{n}.0"):
        assert v.parse_int(form) == v.Cell(n)


@given(st.sampled_from(["是", "Y", "yes", "true", "1", "√", "✓", "否", "N", "no", "false", "0", "×", "✗"]),
       st.sampled_from(["", " ", "\u3000"]), st.booleans())
def test_yes_no_ignores_case_width_and_space(word, pad, upper):
    expected = word in ("是", "Y", "yes", "true", "1", "√", "✓")
    assert v.parse_yesno(pad + (word.upper() if upper else word) + pad) == v.Cell(expected)


@given(anything)
@settings(max_examples=300)
def test_no_cell_makes_a_parser_raise(cell):
    for parser in (v.parse_date, v.parse_hours, v.parse_int, v.parse_yesno, v.parse_text, v.parse_id,
                   v.parse_id_list):
        result = parser(cell)
        assert isinstance(result, v.Cell)
        assert result.error is None or result.value is None


@given(st.sampled_from(list(TABLES)), st.lists(st.text(max_size=8), max_size=6), st.booleans(),
       st.integers(min_value=0, max_value=14))
def test_header_finder_finds_any_table_header_among_noise(key, noise, spaced, row):
    table = TABLES[key]
    headers = [(" " + c.header + "\n" if spaced else c.header) for c in table.required_columns]
    rows = [[n] for n in noise[:row]] + [[""] * row for _ in range(row - len(noise[:row]))] + [noise + headers]
    match, _ = find_header(rows)
    assert match is not None and match.row_index == row
    assert set(match.columns) >= {c.key for c in table.required_columns}


@given(st.lists(st.lists(anything, max_size=6), max_size=20))
def test_header_finder_never_raises(rows):
    find_header(rows)


def test_a_serial_with_a_time_on_the_last_accepted_day_is_that_day():
    # Found by hypothesis: 2100-12-31 is serial 73415 (days after 1899-12-30); at noon it is 73415.5, still that day.
    assert v.parse_date(73415.5) == v.Cell(dt.date(2100, 12, 31))
    assert v.parse_date(73416).error == "ingest.bad_date"
