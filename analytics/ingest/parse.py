"""``parse_file``: bytes of one uploaded file → :class:`ParsedFile` (SPEC 2, 2.4). Never raises for bad input."""

from __future__ import annotations

import gc
import hashlib
import logging

import numpy as np
import pandas as pd

from analytics.i18n import t
from analytics.ingest.detect import sniff
from analytics.ingest.filenames import clean_file_name
from analytics.ingest.headers import HEADER_LOOKUPS, HeaderMatch, find_header, fold_header, recognises
from analytics.ingest.model import ParsedFile, Problem, SheetReport
from analytics.ingest.readers import RawSheet, ReadError, read_text, read_workbook
from analytics.ingest.sheet import SheetResult, read_sheet
from analytics.ingest.values import is_blank
from analytics.schema import IMPORT_ORDER, TABLES
from analytics.textnorm import match_key

# Uniqueness within one file (SPEC 2.1-2.3): later duplicates are rejected, naming the first row.
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "roster": ("employee_id",),
    "walkthroughs": ("activity_key", "employee_id"),
    "issues": ("issue_id",),
    "contacts": ("company", "department", "email"),
    "plans": ("plan_id",),
}
_EXTRA_COLUMNS = {"walkthroughs": ("activity_key",), "issues": ("category_is_standard",),
                  "plans": ("period_start", "period_end")}


def parse_file(file_name: str, content: bytes) -> ParsedFile:
    """Read one uploaded file (format detected from its bytes) into typed rows, rejects and problems."""
    file_name = clean_file_name(file_name)  # NUL, control and bidi characters never reach a message (issue #12)
    result = ParsedFile(file_name, hashlib.sha256(content).hexdigest(), len(content))
    # 100,000 rows are 100,000 live lists: the cyclic collector would rescan them again and again while nothing
    # here creates cycles; pausing it saves ≈10 % of a large parse (reference counting still frees memory).
    collecting = gc.isenabled()
    gc.disable()
    try:
        _parse(result, content)
    except MemoryError:  # under the upload's memory cap (sandbox.py): the file, not a bug
        result.tables.clear()
        result.rejects.clear()
        result.problems[:] = [Problem("error", "ingest.parse_memory", file_name, params={"memory_mb": 0})]
    except Exception:  # a bug must not show a traceback nor import half a file: refuse the file, say so
        logging.getLogger(__name__).exception("unexpected error while reading %s", file_name)
        result.tables.clear()
        result.rejects.clear()
        result.problems[:] = [p for p in result.problems if p.row is None]  # row findings of a half-read file
        result.problems.append(Problem("error", "ingest.unexpected", file_name))
    finally:
        if collecting:
            gc.enable()
    return result


def _file_error(result: ParsedFile, code: str, params: dict | None = None) -> None:
    result.problems.append(Problem("error", code, result.file_name, params=dict(params or {})))


def _parse(result: ParsedFile, content: bytes) -> None:
    sniffed = sniff(content)
    if sniffed.kind is None:
        _file_error(result, sniffed.error or "ingest.not_spreadsheet", sniffed.params)
        return
    try:
        sheets = read_workbook(content) if sniffed.kind == "workbook" else read_text(content, recognises)
    except ReadError as exc:
        _file_error(result, exc.code, exc.params)
        return
    found: list[SheetResult] = []
    for raw in sheets:
        sheet_result = _read_one_sheet(result, raw)
        if sheet_result is not None:
            found.append(sheet_result)
    if not found and any(raw.hidden for raw in sheets):
        found = _read_hidden_sheets(result, content)
    if not found:
        requirements = "；".join(
            f"{TABLES[k].title}：{'、'.join(c.header for c in TABLES[k].required_columns)}" for k in IMPORT_ORDER)
        _file_error(result, "ingest.no_table", {"requirements": requirements})
        return
    for key in IMPORT_ORDER:
        of_table = [r for r in found if r.table.key == key]
        if of_table:
            _assemble(result, key, of_table)


def _read_hidden_sheets(result: ParsedFile, content: bytes) -> list[SheetResult]:
    """No visible sheet holds a table: read the hidden ones (issue #11 item 9), each table found with a warning
    naming the sheet, so the user sees that hidden data was imported and can check it is meant to be."""
    try:
        hidden = read_workbook(content, hidden=True)
    except ReadError as exc:
        _file_error(result, exc.code, exc.params)
        return []
    found: list[SheetResult] = []
    for raw in hidden:
        kept = [p for p in result.problems if not (p.code == "ingest.hidden_sheet" and p.sheet == raw.name)]
        result.problems[:] = kept
        place = next((i for i, s in enumerate(result.sheets) if s.sheet == raw.name), len(result.sheets))
        result.sheets[:] = [s for s in result.sheets if s.sheet != raw.name]
        raw.hidden = False
        before = len(result.problems)
        sheet_result = _read_one_sheet(result, raw)
        report = result.sheets.pop()  # the report _read_one_sheet just added, back in the workbook's sheet order
        report.hidden = True
        result.sheets.insert(place, report)
        if sheet_result is None:  # no table here either: the usual "hidden sheet skipped" notice, nothing more
            del result.problems[before:]
            result.problems.append(Problem("notice", "ingest.hidden_sheet", result.file_name, raw.name))
            continue
        result.problems.append(Problem("warning", "ingest.hidden_sheet_read", result.file_name, raw.name,
                                       table=sheet_result.table.key, params={"table": sheet_result.table.title}))
        found.append(sheet_result)
    return found


def _read_one_sheet(result: ParsedFile, raw: RawSheet) -> SheetResult | None:
    name = result.file_name
    if raw.hidden:
        result.problems.append(Problem("notice", "ingest.hidden_sheet", name, raw.name))
        result.sheets.append(SheetReport(raw.name, None, None, 0, hidden=True))
        return None
    if not any(not is_blank(c) for row in raw.rows for c in row):
        result.sheets.append(SheetReport(raw.name, None, None, 0))  # an empty sheet (Sheet2, Sheet3) says nothing
        return None
    match, partial = find_header(raw.rows)
    if match is None:
        if partial is not None:
            result.problems.append(Problem("notice", "ingest.sheet_missing_headers", name, raw.name, params={
                "table": partial.table.title, "missing": "、".join(partial.missing)}))
        else:
            result.problems.append(Problem("notice", "ingest.sheet_not_recognised", name, raw.name))
        result.sheets.append(SheetReport(raw.name, None, None, 0))
        return None
    _column_notices(result, raw.name, match)
    sheet_result = read_sheet(name, raw.name, raw.rows, raw.first_row, match)
    header_row = raw.first_row + match.row_index
    result.sheets.append(SheetReport(raw.name, match.table.key, header_row, sheet_result.rows_found))
    if sheet_result.rows_found == 0:
        result.problems.append(Problem("notice", "ingest.no_rows", name, raw.name, table=match.table.key,
                                       params={"table": match.table.title}))
    result.problems.extend(sheet_result.problems)
    return sheet_result


def _column_notices(result: ParsedFile, sheet: str, match: HeaderMatch) -> None:
    table = match.table
    lookup = HEADER_LOOKUPS[table.key]
    first_of = {key: match.headers[i] for key, i in match.columns.items()}
    for i in match.unknown:
        result.problems.append(Problem("notice", "ingest.unknown_column", result.file_name, sheet,
                                       column=match.headers[i], table=table.key, params={"table": table.title}))
    for i in match.duplicates:
        first = first_of[lookup[fold_header(match.headers[i])]]
        result.problems.append(Problem("notice", "ingest.duplicate_column", result.file_name, sheet,
                                       column=match.headers[i], table=table.key, params={"first": first}))


def _assemble(result: ParsedFile, key: str, sheets: list[SheetResult]) -> None:
    """Concatenate a table's sheets, reject later duplicates of the file-wide key, set tables/rejects."""
    table = TABLES[key]
    columns = [c.key for c in table.columns] + list(_EXTRA_COLUMNS.get(key, ())) + ["_sheet", "_row"]
    frames = [s.frame for s in sheets if len(s.frame)]
    frame = pd.concat(frames, ignore_index=True) if frames else sheets[0].frame.iloc[0:0]
    frame = frame.reindex(columns=columns) if not len(frame) else frame[columns]
    rejects = [r for s in sheets for r in s.rejects]
    keys = UNIQUE_KEYS[key]
    duplicated = _duplicated(frame, keys, key)
    if duplicated.any():
        rejects.extend(_reject_duplicates(result, key, frame, duplicated, {s.sheet: s for s in sheets}))
        frame = frame[~duplicated].reset_index(drop=True)
        kept = set(zip(frame["_sheet"].tolist(), frame["_row"].tolist(), strict=True))
        result.problems[:] = [p for p in result.problems if not (
            p.severity == "warning" and p.table == key and p.row is not None and (p.sheet, p.row) not in kept)]
    result.tables[key] = frame
    result.rejects[key] = _rejects_frame(rejects)


# Key columns compared by their folded name (the store keys them by match_key): 廣州 and 广州 are one company.
_FOLDED_KEYS = {"contacts": ("company", "department")}


def _key_values(frame: pd.DataFrame, table: str, key: str) -> list:
    values = frame[key].tolist()
    if key in _FOLDED_KEYS.get(table, ()):
        return [match_key(v) if isinstance(v, str) else "" for v in values]
    return values


def _duplicated(frame: pd.DataFrame, keys: tuple[str, ...], table: str = "") -> np.ndarray:
    """Rows repeating an earlier row's key; a set answers the usual no-duplicate case without pandas' hashing."""
    columns = [_key_values(frame, table, k) for k in keys]
    combined = columns[0] if len(columns) == 1 else list(zip(*columns, strict=True))
    if len(set(combined)) == len(combined):
        return np.zeros(len(combined), dtype=bool)
    return pd.Series(combined).duplicated(keep="first").to_numpy()


def _reject_duplicates(result: ParsedFile, key: str, frame: pd.DataFrame, duplicated: np.ndarray,
                       by_sheet: dict[str, SheetResult]) -> list[dict]:
    keys = UNIQUE_KEYS[key]
    tuples = list(zip(*(_key_values(frame, key, k) for k in keys), strict=True))
    first: dict[tuple, int] = {}
    for i, k in enumerate(tuples):
        first.setdefault(k, i)
    sheets, rows = frame["_sheet"].tolist(), frame["_row"].tolist()
    id_column = {"issues": "issue_id", "contacts": "email", "plans": "plan_id"}.get(key, "employee_id")
    records: list[dict] = []
    for i in np.flatnonzero(duplicated):
        f = first[tuples[i]]
        sheet, row = sheets[i], int(rows[i])
        source = by_sheet[sheet]
        header = source.header_of[id_column]
        value = str(frame[id_column].iat[i])
        stem = "ingest.duplicate_participant" if key == "walkthroughs" else "ingest.duplicate_id"
        code = stem if sheets[f] == sheet else stem + "_other_sheet"
        params = {"first_row": int(rows[f]), "first_sheet": sheets[f]}
        problem = Problem("error", code, result.file_name, sheet, row, header, value, key, params)
        result.problems.append(problem)
        overrides = {header: value}
        if key == "walkthroughs" and "name" in source.header_of:
            name = frame["name"].iat[i]
            overrides[source.header_of["name"]] = name if isinstance(name, str) else ""
        record = source.original_row(row, {h: v for h, v in overrides.items() if h in source.original_headers})
        record.update(_sheet=sheet, _row=row,
                      _reason=f'{header} = "{value}": {t(code, "zh-Hant", value=value, column=header, **params)}')
        records.append(record)
    return records


def _rejects_frame(records: list[dict]) -> pd.DataFrame:
    if not records:
        return pd.DataFrame({"_sheet": pd.Series(dtype=object), "_row": pd.Series(dtype="int64"),
                             "_reason": pd.Series(dtype=object)})
    frame = pd.DataFrame.from_records(records)
    ordered = [c for c in frame.columns if c not in ("_sheet", "_row", "_reason")] + ["_sheet", "_row", "_reason"]
    frame = frame[ordered].fillna("")
    frame["_row"] = frame["_row"].astype("int64")
    sheet_order = {s: i for i, s in enumerate(dict.fromkeys(frame["_sheet"].tolist()))}
    order = sorted(range(len(frame)), key=lambda i: (sheet_order[frame["_sheet"].iat[i]], frame["_row"].iat[i]))
    return frame.iloc[order].reset_index(drop=True)
