"""Parse a whole column at once: each distinct raw value is parsed once, then spread back over the rows.

A monthly upload has up to 100,000 rows (SPEC 7) but a date, vocabulary or yes/no column holds a few hundred
distinct values, so the per-value Python parsers of ``values.py`` run a few hundred times per column. Free
text and identifiers are nearly all distinct; they go through a fast path instead of being factorised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import pyarrow as pa

from analytics.ingest import values as v
from analytics.ingest.lookups import vocabulary_lookup
from analytics.schema import VOCABULARIES, Column, ColumnType


@dataclass
class ParsedColumn:
    """Per row: the typed value (None when blank or wrong), whether the cell was blank, and the error if any."""

    values: np.ndarray  # object
    blank: np.ndarray  # bool
    errors: np.ndarray  # object: None or (i18n key, params)
    any_error: bool = True  # False when ``errors`` is known to be all None (lets callers skip it)

    def error_mask(self) -> np.ndarray:
        return self.errors.astype(bool) if self.any_error else np.zeros(len(self.blank), dtype=bool)

    def take(self, mask: np.ndarray) -> ParsedColumn:
        return ParsedColumn(self.values[mask], self.blank[mask], self.errors[mask], self.any_error)


def _guarded(parser: Callable[[object], v.Cell]) -> Callable[[object], v.Cell]:
    def parse(value: object) -> v.Cell:
        refused = v.check_length(value) or v.check_nul(value)
        if refused is not None:
            return refused
        try:
            return parser(value)
        except Exception:  # a parser bug must reject the cell, never crash the import of the file
            return v.Cell(error="ingest.unreadable_value", params={})

    return parse


def parser_for(column: Column) -> Callable[[object], v.Cell]:
    """The cell parser of ``column``'s type."""
    if column.type is ColumnType.VOCAB:
        vocabulary = VOCABULARIES[column.vocab or ""]
        return _guarded(partial(v.parse_vocab, vocabulary=vocabulary, table=vocabulary_lookup(vocabulary.key)))
    parsers: dict[ColumnType, Callable[[object], v.Cell]] = {
        ColumnType.TEXT: v.parse_text,
        ColumnType.ID: v.parse_id,
        ColumnType.ID_LIST: v.parse_id_list,
        ColumnType.DATE: v.parse_date,
        ColumnType.HOURS: v.parse_hours,
        ColumnType.INT: v.parse_int,
        ColumnType.YESNO: v.parse_yesno,
        ColumnType.EMAIL: v.parse_email,
        ColumnType.PERIOD: v.parse_period_code,
    }
    return _guarded(parsers[column.type])


# A joined column needs per-cell work only if some cell has outer whitespace, an invisible or control
# character, or exceeds Excel's cell limit; one regex scan over the joined text answers that for all cells.
_SEP = "\x00"
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\ufeff\u00ad\x01-\x1f\x7f]")  # also tab and line breaks
_SPACE = re.compile(r"\s")
_EDGE_SPACE = re.compile(r"\s\x00|\x00\s")
_LONG_CELL = re.compile(f"[^\x00]{{{v.EXCEL_CELL_LIMIT}}}")
_NOT_PLAIN_ID = re.compile(r"[^0-9A-Za-z\x00]")


def _joined(cells: list) -> str | None:
    """All cells joined by NUL when every cell is a str without NUL (the common case), else None."""
    try:
        joined = _SEP.join(cells)
    except TypeError:  # a number, date or bool cell
        return None
    return joined if joined.count(_SEP) == len(cells) - 1 else None


def _needs_work(joined: str, cells: list[str]) -> bool:
    """Whether some cell has outer whitespace, an invisible/control character or exceeds Excel's limit.

    Separate simple scans: each is a C loop over the joined text, much faster than one alternation."""
    if _INVISIBLE.search(joined):
        return True
    if _SPACE.search(joined) and (joined[:1].isspace() or joined[-1:].isspace() or _EDGE_SPACE.search(joined)):
        return True
    return len(joined) >= v.EXCEL_CELL_LIMIT and _LONG_CELL.search(joined) is not None


def _spread(out: list | np.ndarray, tuples: bool = False) -> ParsedColumn:
    """Per-row results (``""`` for blank) as a ParsedColumn without errors."""
    n = len(out)
    if tuples:  # fromiter keeps tuples (ID lists) whole where np.array would make a 2-D array
        values = np.fromiter(out, dtype=object, count=n)
        blank = ~np.fromiter(map(bool, out), dtype=bool, count=n)
    else:
        values = out if isinstance(out, np.ndarray) else np.array(out, dtype=object)
        blank = values == "" if n else np.zeros(0, dtype=bool)
    values[blank] = None
    return ParsedColumn(values, blank, np.full(n, None, dtype=object), any_error=False)


def _fast_path(cells: np.ndarray, column: Column, parser: Callable[[object], v.Cell]) -> ParsedColumn | None:
    """Text, IDs and 工號 lists made only of plain strings: no per-cell Python work in the usual case."""
    as_list = cells.tolist()
    joined = _joined(as_list)
    if joined is None or _needs_work(joined, as_list):
        return None
    if column.type is ColumnType.TEXT:
        return _spread(cells.copy())  # nothing to strip or remove: the cells are the values
    if _NOT_PLAIN_ID.search(joined):  # separators, full-width or lower-case letters: the full normalisation
        if column.type is ColumnType.ID:
            return _spread([parser(x).value or "" for x in as_list])
        return None
    upper = joined.upper()
    if column.type is ColumnType.ID:
        return _spread(cells.copy() if upper == joined else upper.split(_SEP))
    return _spread([(x,) if x else "" for x in upper.split(_SEP)], tuples=True)  # one 工號 per cell, the usual log


def _factorize(cells: np.ndarray) -> tuple[list, np.ndarray]:
    """Distinct values and each row's index into them. All-text columns (vocabularies, yes/no typed as words)
    are dictionary-encoded by Arrow in C++; mixed columns (numbers, dates) go through a dict of the values."""
    encoded = None
    if type(cells[0]) is str:  # dates and numbers would only make Arrow fail after a scan
        try:
            encoded = pa.array(cells, type=pa.string()).dictionary_encode()
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            encoded = None
    if encoded is not None and encoded.indices.null_count == 0:
        return encoded.dictionary.to_pylist(), encoded.indices.to_numpy().astype(np.intp, copy=False)
    as_list = cells.tolist()
    index = {u: i for i, u in enumerate(set(as_list))}
    return list(index), np.fromiter(map(index.__getitem__, as_list), dtype=np.intp, count=len(as_list))


def parse_column(cells: np.ndarray, column: Column) -> ParsedColumn:
    """Parse every row of ``cells`` (object array: the cell values of one sheet column) as ``column``."""
    n = len(cells)
    parser = parser_for(column)
    if n and column.type in (ColumnType.TEXT, ColumnType.ID, ColumnType.ID_LIST):
        fast = _fast_path(cells, column, parser)
        if fast is not None:
            return fast
    if not n:
        return absent_column(0)
    uniques, codes = _factorize(cells)
    parsed = [parser(u) for u in uniques]
    # fromiter, not np.array: tuple values (ID lists) and (code, params) pairs must stay single objects.
    u_values = np.fromiter((c.value for c in parsed), dtype=object, count=len(parsed))
    u_errors = np.fromiter(((c.error, c.params or {}) if c.error else None for c in parsed), dtype=object,
                           count=len(parsed))
    u_blank = np.array([c.blank for c in parsed], dtype=bool)
    return ParsedColumn(u_values.take(codes), u_blank.take(codes), u_errors.take(codes),
                        any_error=any(c.error for c in parsed))


def absent_column(n: int) -> ParsedColumn:
    """A schema column the sheet does not have: every row blank."""
    return ParsedColumn(np.full(n, None, dtype=object), np.ones(n, dtype=bool), np.full(n, None, dtype=object),
                        any_error=False)
