"""Load the queries of ``analytics/sql/metrics/`` (one query per file, STYLE 4)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

from analytics import schema

SQL_DIR = Path(__file__).resolve().parent.parent / "sql" / "metrics"
_INCLUDE = re.compile(r"^[ \t]*/\*include (\w+)\*/[ \t]*$", re.MULTILINE)  # alone on its line
# Stored terms of analytics/schema.py, written into the SQL as a literal list in place of /*schema.NAME*/. A marker
# and not a bound parameter: issue_state.sql is included in a dozen queries with as many callers, and a parameter
# would have to be passed by each of them. Only these fixed tuples of the schema reach the SQL text, never user text.
SCHEMA_LISTS: dict[str, tuple[str, ...]] = {
    "closed_statuses": schema.CLOSED_STATUSES,
    "open_status": (schema.OPEN_STATUS,),
    "company_plan_kinds": schema.COMPANY_PLAN_KINDS,
    "individual_plan_kind": (schema.PLAN_KIND.canonical("individual"),),
    "reception_category": (schema.CATEGORY.canonical("reception_day"),),
}
_SCHEMA_MARKER = re.compile(r"/\*schema\.(\w+)\*/")


def sql_literals(values: tuple[str, ...]) -> str:
    """``'a', 'b'``: the values as SQL string literals (quotes doubled), for an ``in (...)`` list."""
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _schema_terms(text: str) -> str:
    return _SCHEMA_MARKER.sub(lambda m: sql_literals(SCHEMA_LISTS[m.group(1)]), text)  # KeyError: a typo


@lru_cache(maxsize=64)
def load_sql(name: str) -> str:
    """The text of ``analytics/sql/metrics/<name>.sql``, each line ``/*include other*/`` replaced by ``other.sql``.

    An include is a query every caller inlines (``roster_spans``: a person's roster row as of a date, written once);
    a plain ``/*other*/`` marker is left for ``load_composed``/``with_base``, which may put a temporary table there.
    ``/*schema.closed_statuses*/`` becomes the schema's list of closed statuses (``SCHEMA_LISTS``).
    """
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return _schema_terms(_INCLUDE.sub(lambda m: load_sql(m.group(1)), text))


def expand_includes(text: str) -> str:
    """``text`` (a query of any folder of ``analytics/sql``) with each ``/*include name*/`` line replaced by
    ``load_sql(name)`` and the schema markers written: the shared definitions (``company_latest``, ``company_tree``)
    live in ``metrics/``, and a query of another folder (``demo/summary.sql``) includes them rather than writing them
    again."""
    return _schema_terms(_INCLUDE.sub(lambda m: load_sql(m.group(1)), text))


def load_composed(outer: str, inner: str) -> str:
    """``outer`` with the query ``inner`` spliced in place of its ``/*inner*/`` marker (a shared base query)."""
    return load_sql(outer).replace(f"/*{inner}*/", load_sql(inner))


def used_params(sql: str, params: dict) -> dict:
    """The subset of ``params`` that ``sql`` names as ``$name`` (DuckDB rejects unused named parameters)."""
    names = set(re.findall(r"\$([A-Za-z_]\w*)", sql))
    return {k: v for k, v in params.items() if k in names}


def with_base(outer: str, inner: str, base_table: str | None) -> str:
    """``outer`` over the query ``inner``, or over ``base_table`` when its rows were already materialised.

    ``base_table`` is a generated temporary-table name (see ``temp_table_name``), never user text.
    """
    if base_table is None:
        return load_composed(outer, inner)
    return load_sql(outer).replace(f"/*{inner}*/", f"select * from {base_table}")


def temp_table_name(prefix: str) -> str:
    """A fresh name for a temporary table of one connection (temp tables work on read-only connections)."""
    return f"metrics_{prefix}_{uuid.uuid4().hex}"


@contextmanager
def materialised(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> Iterator[str]:
    """The rows of the query ``name`` computed once into a temporary table of ``con``, dropped on leaving.

    Yields the table's name, for several queries that ``with_base`` points at it instead of recomputing ``name``.
    """
    table = temp_table_name(name)
    sql = load_sql(name)
    con.execute(f"create temp table {table} as {sql}", used_params(sql, params))
    try:
        yield table
    finally:
        con.execute(f"drop table if exists {table}")
