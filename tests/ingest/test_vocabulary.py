"""Every spelling of every vocabulary term (SPEC 3), in Traditional and Simplified, maps to its canonical term."""

from __future__ import annotations

import pytest

from analytics.ingest.columns import parser_for
from analytics.ingest.lookups import vocabulary_lookup
from analytics.ingest.values import parse_vocab
from analytics.schema import TABLES, VOCABULARIES, ColumnType
from analytics.textnorm import to_simplified_ui

SPELLINGS = [
    (vocabulary.key, term.canonical, spelling)
    for vocabulary in VOCABULARIES.values()
    for term in vocabulary.terms
    for spelling in (term.canonical, term.code, term.en, *term.aliases)
]


@pytest.mark.parametrize("vocab, canonical, spelling", SPELLINGS)
def test_every_alias_maps_to_its_canonical_term(vocab, canonical, spelling):
    vocabulary = VOCABULARIES[vocab]
    table = vocabulary_lookup(vocab)
    assert parse_vocab(spelling, vocabulary, table).value == canonical
    # the mainland spelling a Simplified-Chinese spreadsheet would hold, upper-cased and padded
    assert parse_vocab(f" {to_simplified_ui(spelling).upper()} ", vocabulary, table).value == canonical


def test_spec_3_aliases_by_hand():
    # a few aliases straight from SPEC 3, written out so a schema edit that drops one is caught here too
    expected = {
        ("level", "省(區、市)公司"): "省公司", ("level", "市分公司"): "地市公司", ("rank", "二級經理"): "部門領導",
        ("rank", "一般員工"): "員工", ("category", "客戶接待日活動"): "客戶接待日", ("item", "网络拨测"): "網路撥測",
        ("mode", "大規模穿越活動"): "大規模穿越", ("scope", "跨市"): "跨地", ("kind", "意見建議"): "建議",
        ("status", "不予採納"): "已關閉", ("status", "跟踪中"): "處理中", ("issue_category", "网络质量"): "網路質量",
        ("department_type", "業務部門"): "主要業務部門",
        ("item", "客服热线在线旁听"): "客服熱線線上旁聽",  # mainland wording (線上 → 在线), not in the alias list
    }
    for (vocab, spelling), canonical in expected.items():
        vocabulary = VOCABULARIES[vocab]
        assert parse_vocab(spelling, vocabulary, vocabulary_lookup(vocab)).value == canonical, spelling


def test_vocab_and_yesno_columns_use_the_vocabulary_parsers():
    for table in TABLES.values():
        for column in table.columns:
            if column.type is ColumnType.VOCAB:
                first = VOCABULARIES[column.vocab].terms[0]
                assert parser_for(column)(first.code).value == first.canonical
            if column.type is ColumnType.YESNO:
                assert parser_for(column)("√").value is True
