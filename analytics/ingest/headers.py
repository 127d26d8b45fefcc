"""Find the header row of a sheet and the table it belongs to, by headers only (SPEC 2, 2.4)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analytics.ingest.lookups import header_lookup
from analytics.ingest.readers import HEADER_SCAN_ROWS
from analytics.ingest.values import cell_text
from analytics.schema import IMPORT_ORDER, TABLES, Table
from analytics.textnorm import match_key

# Folded header spelling -> column key, per table: Traditional/Simplified, width, case and whitespace folded.
HEADER_LOOKUPS: dict[str, dict[str, str]] = {key: header_lookup(key) for key in IMPORT_ORDER}


@dataclass
class HeaderMatch:
    """A recognised header row: which table, where, and which column of the sheet holds which field."""

    table: Table
    row_index: int  # index into the sheet's rows
    columns: dict[str, int]  # column key -> index of the first sheet column holding it
    headers: list[str]  # every header cell as written (stripped), by sheet column index
    unknown: list[int] = field(default_factory=list)  # non-blank headers that are no column of the table
    duplicates: list[int] = field(default_factory=list)  # a second column with the same meaning (ignored)


@dataclass
class PartialMatch:
    """The closest table when no row qualifies: used to tell the user which required headers are missing."""

    table: Table
    missing: list[str]


# Templates often mark headers as required: "*工號", "工號（必填）", "備註(選填)". After match_key the brackets are
# half-width and the words Simplified.
_MARKERS = re.compile(r"^[*＊]+|[*＊]+$|\((?:必填|选填|可选|非必填|可不填|required|optional)\)")


def fold_header(text: str) -> str:
    """The lookup key of a header cell: ``match_key`` without required/optional markers."""
    key = match_key(text)
    return _MARKERS.sub("", key) if ("*" in key or "＊" in key or "(" in key) else key


def _match_row(cells: list) -> tuple[HeaderMatch | None, PartialMatch | None]:
    headers = [cell_text(c).strip() for c in cells]
    folded = [fold_header(h) for h in headers]
    best: HeaderMatch | None = None
    partial: PartialMatch | None = None
    for key in IMPORT_ORDER:
        table = TABLES[key]
        lookup = HEADER_LOOKUPS[key]
        columns: dict[str, int] = {}
        unknown: list[int] = []
        duplicates: list[int] = []
        for index, name in enumerate(folded):
            if not name:
                continue
            column_key = lookup.get(name)
            if column_key is None:
                unknown.append(index)
            elif column_key in columns:
                duplicates.append(index)
            else:
                columns[column_key] = index
        required = [c for c in table.required_columns if c.key not in columns]
        if not required:
            # Several tables qualify: the one with most matched headers wins; ties go to IMPORT_ORDER.
            if best is None or len(columns) > len(best.columns):
                best = HeaderMatch(table, 0, columns, headers, unknown, duplicates)
        else:
            # The closest table: fewest required headers missing, at least two present (not a stray word).
            found = len(table.required_columns) - len(required)
            if found >= 2 and (partial is None or len(required) < len(partial.missing)):
                partial = PartialMatch(table, [c.header for c in required])
    return best, partial


def find_header(rows: list[list]) -> tuple[HeaderMatch | None, PartialMatch | None]:
    """The first row within the first 15 that holds all required headers of a table (SPEC 2.4)."""
    closest: PartialMatch | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        match, partial = _match_row(cells)
        if match is not None:
            match.row_index = index
            return match, None
        if partial is not None and (closest is None or len(partial.missing) < len(closest.missing)):
            closest = partial
    return None, closest


def recognises(rows: list[list]) -> bool:
    """True when a table header is found in ``rows`` (used to choose a CSV's encoding and delimiter)."""
    return find_header(rows)[0] is not None


def column_key(table_key: str, header: str) -> str | None:
    """The schema column key a header written in a file stands for (as the reader matched it), or None.

    For callers that look through ``ParsedFile.rejects`` (whose columns are the file's own headers)."""
    return HEADER_LOOKUPS[table_key].get(fold_header(header))
