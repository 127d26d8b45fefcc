"""The company tree in Python (SPEC 1, SPEC 4.3 roll-up, SPEC 8 scopes): the one place that says what rolls up to what.

總部 includes every company, a province itself and its cities, a city itself: ``CompanyTree.contains`` walks a
company's parents up to the scope's root. The rows come from ``analytics/sql/metrics/company_tree.sql`` (through
``analytics.metrics.scope.load_companies``), the SQL twin of the roll-up is ``rollup_targets.sql``. Readers:
``analytics.metrics.scope.scope_company_keys`` (the keys a metric query filters on), ``analytics.auth.scope`` (who may
read, upload, roll back) and ``ui.data.company_tree`` (the scope selector). A leaf module: metrics and auth both
import it and neither imports the other for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import cast

from analytics.textnorm import match_key

HQ, PROVINCE, CITY = "總部", "省公司", "地市公司"
LEVEL_ORDER = {HQ: 0, PROVINCE: 1, CITY: 2}  # the tree's order: 總部, provinces, cities (as companies.sql sorts)


@dataclass(frozen=True)
class CompanyTree:
    """Company key → (level, parent key), from the roster (``analytics.metrics.scope.load_companies``)."""

    levels: Mapping[str, str] = field(default_factory=dict)
    parents: Mapping[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping]) -> CompanyTree:
        """Build from records with ``company_key``, ``level`` and ``parent_key`` (e.g. ``df.to_dict("records")``)."""
        levels: dict[str, str] = {}
        parents: dict[str, str | None] = {}
        for row in rows:
            key = row.get("company_key") or match_key(row.get("company"))
            if not key:
                continue
            levels[key] = str(row.get("level") or "")
            parent = row.get("parent_key")
            if not parent and row.get("parent_company"):
                parent = match_key(row.get("parent_company"))
            parents[key] = parent if isinstance(parent, str) and parent else None
        return cls(levels, parents)

    @classmethod
    def coerce(cls, tree: object) -> CompanyTree:
        """Accept a ``CompanyTree``, a pandas DataFrame of companies, or an iterable of mappings."""
        if isinstance(tree, CompanyTree):
            return tree
        if tree is None:
            return cls()
        if hasattr(tree, "to_dict"):
            return cls.from_rows(tree.to_dict("records"))
        return cls.from_rows(cast(Iterable[Mapping], tree))  # anything else is taken as rows

    def merged(self, other: CompanyTree) -> CompanyTree:
        """This tree with ``other``'s companies added (e.g. a roster being uploaded that names new cities)."""
        return CompanyTree({**self.levels, **other.levels}, {**self.parents, **other.parents})

    def parent_of(self, key: str) -> str | None:
        """The parent key of ``key`` (a city's province), None for 總部, a province or an unknown company."""
        return self.parents.get(key)

    def is_hq(self, key: str) -> bool:
        return self.levels.get(key) == HQ

    def contains(self, root: str | None, key: str | None) -> bool:
        """Whether scope ``root`` includes company ``key`` (``root`` None = everything)."""
        if root is None:
            return True
        if not key:
            return False
        if root == key or self.is_hq(root):
            return True
        seen: set[str] = set()
        parent = self.parents.get(key)
        while parent and parent not in seen:  # walk up; a cycle in bad data must not loop forever
            if parent == root:
                return True
            seen.add(parent)
            parent = self.parents.get(parent)
        return False

    def keys_within(self, root: str | None) -> list[str]:
        """Every known company key in scope ``root``, sorted."""
        return sorted(k for k in self.levels if self.contains(root, k))

    def in_display_order(self, names: Mapping[str, str]) -> list[tuple[str, int]]:
        """(key, depth) of every company in tree order: 總部, then each province followed by its cities, siblings by
        name (``names``: key → name as written). A province is shown under 總部 (SPEC 8: 總部 includes all),
        although the roster gives it no parent; a company whose parent is not on the roster is a root."""
        children: dict[str | None, list[str]] = {}
        for key in self.levels:
            parent = self.parents.get(key)
            children.setdefault(parent if parent in self.levels else None, []).append(key)
        ordered: list[tuple[str, int]] = []

        def visit(key: str, depth: int) -> None:
            ordered.append((key, depth))
            for child in sorted(children.get(key, []), key=lambda k: str(names.get(k, k))):
                visit(child, depth + 1)

        roots = sorted(children.get(None, []), key=lambda k: (LEVEL_ORDER.get(self.levels[k], 9), str(names.get(k, k))))
        hq = [k for k in roots if self.is_hq(k)]
        for key in hq:
            visit(key, 0)
        for key in roots:
            if not self.is_hq(key):
                visit(key, 1 if hq else 0)
        return ordered
