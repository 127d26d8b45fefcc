"""One source of truth (SPEC 2): the committed docs, the template and the reader must follow analytics/schema.py."""

from __future__ import annotations

import io

import openpyxl
import pytest

from analytics.docs_contract import DOC_PATH, render_data_contract
from analytics.ingest import parse_file
from analytics.ingest.headers import HEADER_LOOKUPS, find_header
from analytics.schema import IMPORT_ORDER, TABLES, VOCABULARIES, ColumnType
from analytics.template import EXAMPLE_ROWS, allowed_values, build_template_xlsx
from analytics.textnorm import to_simplified_ui


@pytest.fixture(scope="module")
def template() -> bytes:
    return build_template_xlsx()


def test_committed_data_contract_is_generated_from_the_schema():
    assert DOC_PATH.read_text(encoding="utf-8") == render_data_contract(), (
        "docs/data-contract.md is stale: run `python -m analytics.docs_contract`")


def test_data_contract_names_every_header_alias_and_term():
    text = render_data_contract()
    for table in TABLES.values():
        for column in table.columns:
            assert f"| {column.header} | `{column.key}` |" in text
            for alias in column.aliases:
                assert alias in text
    for vocabulary in VOCABULARIES.values():
        for term in vocabulary.terms:
            assert f"| {term.canonical} | `{term.code}` |" in text


def test_template_sheets_and_headers_equal_the_schema(template):
    book = openpyxl.load_workbook(io.BytesIO(template))
    assert book.sheetnames == ["說明"] + [TABLES[k].title for k in IMPORT_ORDER]
    for key in IMPORT_ORDER:
        table = TABLES[key]
        sheet = book[table.title]
        assert [c.value for c in sheet[1]] == [c.header for c in table.columns]  # header row first
        notes = [c.comment.text if c.comment else "" for c in sheet[1]]
        assert all(column.note in note for column, note in zip(table.columns, notes, strict=True))
        # a drop-down on every vocabulary and yes/no column, listing exactly the canonical terms
        lists = {next(iter(dv.sqref.ranges)).min_col: dv.formula1 for dv in sheet.data_validations.dataValidation}
        for index, column in enumerate(table.columns, start=1):
            choices = allowed_values(column)
            if choices:
                assert lists[index] == '"' + ",".join(choices) + '"'
            else:
                assert index not in lists
            if column.type is ColumnType.VOCAB:
                assert choices == VOCABULARIES[column.vocab].canonical_values


def test_template_reimports_as_is_with_one_valid_row_per_table(template):
    parsed = parse_file("範本.xlsx", template)
    assert parsed.errors == [] and parsed.warnings == []
    assert [(p.code, p.sheet) for p in parsed.notices] == [("ingest.sheet_not_recognised", "說明")]
    assert {k: len(v) for k, v in parsed.tables.items()} == {k: 1 for k in IMPORT_ORDER}
    assert parsed.tables["roster"]["employee_id"].iloc[0] == "00123"  # leading zeros kept through the template


def test_english_template_reimports_too():
    parsed = parse_file("template.xlsx", build_template_xlsx("en"))
    assert parsed.errors == [] and {k: len(v) for k, v in parsed.tables.items()} == {k: 1 for k in IMPORT_ORDER}


def test_example_rows_cover_exactly_the_schema_columns():
    for key in IMPORT_ORDER:
        assert list(EXAMPLE_ROWS[key]) == [c.key for c in TABLES[key].columns]


@pytest.mark.parametrize("key", IMPORT_ORDER)
def test_reader_recognises_every_header_spelling(key):
    table = TABLES[key]
    lookup = HEADER_LOOKUPS[key]
    from analytics.textnorm import match_key

    for column in table.columns:
        for spelling in column.header_spellings():
            for variant in (spelling, to_simplified_ui(spelling), f" {spelling.upper()}\n"):
                assert lookup[match_key(variant)] == column.key, variant


@pytest.mark.parametrize("key", IMPORT_ORDER)
def test_required_headers_alone_are_recognised_as_their_table(key):
    table = TABLES[key]
    match, _ = find_header([[c.header for c in table.required_columns]])
    assert match is not None and match.table.key == key
