"""Folded lookups of headers and vocabulary terms, widened by the mainland phrase spellings.

``match_key`` folds Traditional/Simplified per character; mainland spreadsheets also use other *words*
(線上 → 在线, 網路 → 网络, 資料 → 数据). The schema lists some as aliases (SPEC 3); here every spelling is
also converted phrase by phrase (OpenCC tw2sp) so variants the alias lists miss are recognised too.
"""

from __future__ import annotations

from functools import cache

from analytics.schema import TABLES, VOCABULARIES, Vocabulary
from analytics.textnorm import mainland_phrasing, match_key


def _widen(pairs: list[tuple[str, str]]) -> dict[str, str]:
    table = {match_key(spelling): target for spelling, target in pairs}
    for spelling, target in pairs:
        table.setdefault(match_key(mainland_phrasing(spelling)), target)  # never overrides an exact spelling
    return table


@cache
def vocabulary_lookup(key: str) -> dict[str, str]:
    """Folded spelling (canonical, code, English, alias, and their mainland phrasing) -> canonical term."""
    vocabulary: Vocabulary = VOCABULARIES[key]
    return _widen([(s, t.canonical) for t in vocabulary.terms for s in (t.canonical, t.code, t.en, *t.aliases)])


@cache
def header_lookup(table_key: str) -> dict[str, str]:
    """Folded header spelling (header, key, English, alias, and their mainland phrasing) -> column key."""
    table = TABLES[table_key]
    return _widen([(s, c.key) for c in table.columns for s in c.header_spellings()])
