"""Scopes of the metric queries (SPEC 4.3 roll-up, SPEC 8): 總部 includes all, a province its cities.

The tree itself is ``analytics.company_tree.CompanyTree`` over ``load_companies`` (company_tree.sql); this module
resolves a scope to the company keys a query filters on.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.company_tree import CITY, HQ, PROVINCE, CompanyTree
from analytics.errors import UserFacingError
from analytics.i18n import t
from analytics.metrics.sqlfiles import load_sql
from analytics.textnorm import match_key

__all__ = ["CITY", "HQ", "PROVINCE", "ResolvedScope", "UnknownCompany", "load_companies", "resolve_company_key",
           "resolve_scope", "scope_company_keys"]


class UnknownCompany(UserFacingError):
    """A company name that is not on any roster snapshot."""


@dataclass(frozen=True)
class ResolvedScope:
    """A scope already resolved to its company keys: pass it as ``scope=`` to any metric function so a chain of
    calls (a page, the briefing) reads the company tree once instead of once per call. ``keys`` None = everything.
    """

    name: str | None
    keys: tuple[str, ...] | None


def resolve_scope(con: duckdb.DuckDBPyConnection, scope: str | ResolvedScope | None) -> ResolvedScope:
    """``scope`` (a company key or name in any spelling, or None) resolved once; raises UnknownCompany."""
    if isinstance(scope, ResolvedScope):
        return scope
    keys = scope_company_keys(con, scope)
    return ResolvedScope(scope, None if keys is None else tuple(keys))


def load_companies(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per company on the roster, HQ first, then provinces, then cities.

    Columns: company_key, company (as written in its latest snapshot), level (總部/省公司/地市公司),
    parent_key and parent_company (set for 地市公司 only), first_snapshot, latest_snapshot (dates),
    staff_latest (head count of the latest snapshot).
    """
    return con.execute(load_sql("companies")).df()


def resolve_company_key(con: duckdb.DuckDBPyConnection, name: str | None, lang: str = "zh-Hant") -> str | None:
    """The company key of ``name`` in any spelling ``match_key`` folds together; None stays None.

    Raises UnknownCompany when no roster snapshot has that company.
    """
    if name is None or str(name).strip() == "":
        return None
    key = match_key(name)
    found = con.execute("select 1 from roster where company_key = $k limit 1", {"k": key}).fetchone()
    if found is None:
        raise UnknownCompany(t("metrics.err.company", lang, value=name))
    return key


def scope_company_keys(con: duckdb.DuckDBPyConnection, scope: str | ResolvedScope | None) -> list[str] | None:
    """Company keys inside ``scope`` (a company key or name, or a ResolvedScope), or None meaning everything.

    總部 -> every company on the roster; a province -> itself and the cities whose parent it is; a city -> itself.
    An unknown scope raises UnknownCompany (an empty scope must never silently mean "all").
    """
    if scope is None:
        return None
    if isinstance(scope, ResolvedScope):
        return None if scope.keys is None else list(scope.keys)
    key = resolve_company_key(con, scope)
    return CompanyTree.coerce(load_companies(con)).keys_within(key)
