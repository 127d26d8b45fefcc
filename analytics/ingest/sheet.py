"""One recognised sheet → typed candidate rows, rejected rows and problems (SPEC 2.1-2.3 row rules).

Rules that span the whole file (unique 工號 / 問題編號 / activity) are applied afterwards in ``parse.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.ingest.columns import ParsedColumn, absent_column, parse_column
from analytics.ingest.explode import explode_participants
from analytics.ingest.headers import HeaderMatch
from analytics.ingest.model import Problem
from analytics.ingest.rowrules import RowIssues, apply_row_rules
from analytics.ingest.values import cell_text
from analytics.schema import Column, Table


@dataclass
class SheetResult:
    """Candidate rows of one sheet before the file-wide uniqueness checks."""

    sheet: str
    table: Table
    frame: pd.DataFrame  # typed rows with _sheet, _row (walkthroughs: activity_key; issues: category_is_standard)
    rejects: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    original_headers: list[str] = field(default_factory=list)  # header of each kept sheet column
    original_index: list[int] = field(default_factory=list)  # sheet column index of each original header
    data: np.ndarray | None = None  # raw non-blank data rows (object, 2-D)
    numbers: np.ndarray | None = None  # spreadsheet row number of each row of data (ascending)
    rows_found: int = 0
    header_of: dict[str, str] = field(default_factory=dict)  # column key -> header as written (or canonical)

    def original_row(self, row: int, overrides: dict[str, str] | None = None) -> dict:
        """The row as written (header -> cell text), for the rejects download."""
        cells = self.data[int(np.searchsorted(self.numbers, row))]
        record = {h: cell_text(cells[i]) for h, i in zip(self.original_headers, self.original_index, strict=True)}
        record.update(overrides or {})
        return record


def _unique_headers(match: HeaderMatch) -> tuple[list[str], list[int]]:
    headers, index, seen = [], [], set()
    for i, header in enumerate(match.headers):
        if not header:
            continue
        name, n = header, 2
        while name in seen:
            name, n = f"{header} ({n})", n + 1
        seen.add(name)
        headers.append(name)
        index.append(i)
    return headers, index


def read_sheet(file_name: str, sheet: str, rows: list[list], first_row: int, match: HeaderMatch) -> SheetResult:
    """Parse the data rows below ``match``'s header row into a :class:`SheetResult`."""
    table = match.table
    body = rows[match.row_index + 1:]
    width = len(match.headers)
    data = np.empty((len(body), width), dtype=object)
    if body and set(map(len, body)) == {width}:  # calamine and the CSV reader give rectangular rows
        data[:] = body
    elif body:
        data[:] = [r[:width] if len(r) >= width else list(r) + [""] * (width - len(r)) for r in body]
    numbers = first_row + match.row_index + 1 + np.arange(len(body))
    parsed: dict[str, ParsedColumn] = {}
    for column in table.columns:
        index = match.columns.get(column.key)
        parsed[column.key] = (parse_column(data[:, index], column) if index is not None
                              else absent_column(len(body)))
    present = [parsed[k] for k in match.columns]
    keep = ~np.logical_and.reduce([p.blank for p in present]) if present else np.zeros(len(body), dtype=bool)
    # Blank rows inside or after the data are skipped, not rejected (SPEC 2.4). A row whose only cells are
    # under unknown columns (a footnote beside the table) counts as blank.
    if not keep.all():
        data, numbers = data[keep], numbers[keep]
        for key, column in parsed.items():
            parsed[key] = column.take(keep)
    headers, index = _unique_headers(match)
    result = SheetResult(sheet, table, pd.DataFrame(), original_headers=headers, original_index=index,
                         data=data, numbers=numbers, rows_found=len(numbers))
    header_of = {c.key: (match.headers[match.columns[c.key]] if c.key in match.columns else c.header)
                 for c in table.columns}
    result.header_of = header_of
    issues = RowIssues(len(numbers))
    for column in table.columns:
        _cell_errors(issues, column, parsed[column.key], data, match.columns.get(column.key), header_of[column.key])
    frame = apply_row_rules(table, parsed, issues, header_of)
    frame.insert(len(frame.columns), "_sheet", pd.Series([sheet] * len(numbers), dtype=object))
    frame.insert(len(frame.columns), "_row", numbers.astype("int64"))
    bad = issues.rows_with_errors()
    for i in bad:
        reasons = issues.errors[i]
        record = result.original_row(int(numbers[i]))
        record.update(_sheet=sheet, _row=int(numbers[i]), _reason="；".join(r.reason() for r in reasons))
        result.rejects.append(record)
    result.problems = issues.problems(file_name, sheet, numbers, table.key)
    if bad:
        good = np.ones(len(numbers), dtype=bool)
        good[bad] = False
        frame = frame[good].reset_index(drop=True)
    result.frame = frame
    if table.key == "walkthroughs":
        result.frame, more = explode_participants(result.frame, file_name, sheet, header_of)
        result.problems.extend(more)
    return result


def _cell_errors(issues: RowIssues, column: Column, parsed: ParsedColumn, data: np.ndarray,
                 index: int | None, header: str) -> None:
    """Record parse errors and blank required cells of one column."""
    if index is not None:
        for i in np.flatnonzero(parsed.error_mask()):
            code, params = parsed.errors[i]
            issues.error(int(i), header, cell_text(data[i, index]), code, params)
    if column.required:
        for i in np.flatnonzero(parsed.blank):
            issues.error(int(i), header, None, "ingest.required", {})
