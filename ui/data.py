"""Cached loaders around ``analytics.metrics`` (STYLE 3: caching lives only in ui/).

Every cache key includes :func:`ui.db.data_version` (the database file's and WAL's mtime and size, plus a counter
bumped by :func:`ui.db.clear_caches`), so an import from the page or from the command line shows at once.
Loaders return plain DataFrames / dataclasses; an absent database reads as empty.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from ui.db import data_version, db_exists, read

_SQL_DIR = Path(__file__).resolve().parent.parent / "analytics" / "sql" / "ui"


@st.cache_data(show_spinner=False, max_entries=512)
def _load(version: tuple, target: str, args: tuple, kwargs: tuple) -> Any:
    module_name, _, attr = target.partition(":")
    fn = getattr(importlib.import_module(module_name), attr)
    return read(fn, *args, **dict(kwargs))


def cached_call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(con, *args, **kwargs)`` on a read-only connection, cached until the data changes.

    ``fn`` must be a module-level function (it is re-imported by name inside the cache) and its arguments hashable
    by ``st.cache_data`` (str, int, date, tuples ...).
    """
    target = f"{fn.__module__}:{fn.__qualname__}"
    return _load(data_version(), target, tuple(args), tuple(sorted(kwargs.items())))


def _query(con: Any, name: str, params: dict | None = None) -> pd.DataFrame:
    sql = (_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return con.execute(sql, params or {}).df()


def _months(con: Any) -> list[str]:
    return [str(m) for m in _query(con, "data_months")["month"] if m]


def _counts(con: Any) -> dict[str, int]:
    df = _query(con, "table_counts")
    return {str(k): int(v) for k, v in zip(df["table_name"], df["n"], strict=True)}


def data_months() -> list[str]:
    """``YYYY-MM`` months that hold walkthroughs or issues, oldest first; [] without a database."""
    return cached_call(_months) if db_exists() else []


def table_counts() -> dict[str, int]:
    """Rows per table (roster, walkthroughs, issues, batches); zeros without a database."""
    if not db_exists():
        return {"roster": 0, "walkthroughs": 0, "issues": 0, "batches": 0}
    return cached_call(_counts)


def has_data() -> bool:
    """Whether anything has been imported (else the overview shows the first-run welcome)."""
    counts = table_counts()
    return any(counts.get(k, 0) for k in ("roster", "walkthroughs", "issues"))


def companies() -> pd.DataFrame:
    """The company tree of ``analytics.metrics.scope.load_companies`` (empty without a database)."""
    from analytics.metrics.scope import load_companies

    if not db_exists():
        return pd.DataFrame(columns=["company_key", "company", "level", "parent_key"])
    return cached_call(load_companies)


def company_tree(allowed_scope_key: str | None = None) -> pd.DataFrame:
    """Companies in tree order (總部, then each province followed by its cities) with an indented ``label``.

    ``allowed_scope_key`` keeps only that company and what rolls up to it. Columns: company_key, company, level,
    parent_key, depth, label.
    """
    df = companies()
    cols = ["company_key", "company", "level", "parent_key", "depth", "label"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    level_rank = {"總部": 0, "省公司": 1, "地市公司": 2}
    rows = df.to_dict("records")
    children: dict[str | None, list[dict]] = {}
    keys = {r["company_key"] for r in rows}
    for r in rows:
        parent = r.get("parent_key") if r.get("parent_key") in keys else None
        children.setdefault(parent, []).append(r)
    ordered: list[dict] = []

    def visit(node: dict, depth: int) -> None:
        ordered.append({**node, "depth": depth, "label": "\u3000" * depth + str(node["company"])})
        for child in sorted(children.get(node["company_key"], []), key=lambda c: str(c["company"])):
            visit(child, depth + 1)

    roots = sorted(children.get(None, []), key=lambda r: (level_rank.get(r.get("level"), 9), str(r["company"])))
    # A province is shown under 總部 (SPEC 8: 總部 includes all), although the roster gives it no parent.
    hq = [r for r in roots if r.get("level") == "總部"]
    others = [r for r in roots if r.get("level") != "總部"]
    for r in hq:
        visit(r, 0)
    for r in others:
        visit(r, 1 if hq else 0)
    tree = pd.DataFrame(ordered)[cols]
    if allowed_scope_key:
        allowed = _subtree(tree, allowed_scope_key)
        tree = tree[tree["company_key"].isin(allowed)]
    return tree.reset_index(drop=True)


def _subtree(tree: pd.DataFrame, root: str) -> set[str]:
    if root not in set(tree["company_key"]):
        return set()
    level = dict(zip(tree["company_key"], tree["level"], strict=True))
    if level.get(root) == "總部":
        return set(tree["company_key"])
    found = {root}
    frontier = {root}
    parents = dict(zip(tree["company_key"], tree["parent_key"], strict=True))
    while frontier:
        frontier = {k for k, p in parents.items() if p in frontier and k not in found}
        found |= frontier
    return found


def quota_results(year: int, as_of: dt.date, scope: str | None) -> pd.DataFrame:
    """compute_quota_results for ``year`` with the pace columns of compute_pace (SPEC 4.1, issue #3 item 2)."""
    from analytics.metrics.pace import compute_pace
    from analytics.metrics.quotas import RESULT_COLUMNS, compute_quota_results

    if not db_exists():
        return compute_pace(pd.DataFrame(columns=RESULT_COLUMNS), as_of=as_of)
    results = cached_call(compute_quota_results, int(year), as_of=as_of, scope=scope)
    return compute_pace(results, as_of=as_of)


def owed_people(rule: str, period: str, *, company: str | None, department: str | None,
                scope: str | None, lang: str, as_of: dt.date | None = None) -> pd.DataFrame:
    """load_owed_people: the population members of one result who have not gone by ``as_of`` (SPEC 4.1, 4.5)."""
    from analytics.metrics.quotas import OWED_COLUMNS, load_owed_people

    if not db_exists():
        return pd.DataFrame(columns=OWED_COLUMNS)
    return cached_call(load_owed_people, rule, period, company=company, department=department, scope=scope,
                       as_of=as_of, lang=lang)


def volume(year: int, *, by: str = "all", scope: str | None, period_kind: str | None = None) -> pd.DataFrame:
    """compute_volume (SPEC 4.3): activities, person-times, distinct participants by period and ``by``."""
    from analytics.metrics.volume import VOLUME_COLUMNS, compute_volume

    if not db_exists():
        return pd.DataFrame(columns=VOLUME_COLUMNS)
    return cached_call(compute_volume, int(year), by=by, scope=scope, period_kind=period_kind)


def period_volume(period: str, *, by: str = "all", scope: str | None, as_of: dt.date | None = None) -> pd.DataFrame:
    """compute_volume of one period (``2026Q3``) grouped ``by`` a dimension: reads that period's rows only,
    up to ``as_of`` (SPEC 4.5)."""
    from analytics.metrics.periods import parse_period
    from analytics.metrics.volume import VOLUME_COLUMNS, compute_volume

    if not db_exists():
        return pd.DataFrame(columns=VOLUME_COLUMNS)
    return cached_call(compute_volume, parse_period(period).start.year, by=by, scope=scope, period=period,
                       as_of=as_of)


def issue_headline(as_of: dt.date, *, scope: str | None) -> dict | None:
    """compute_issue_headline: total, closed, open, overdue, resolution rate as of ``as_of``; None without data."""
    from analytics.metrics.issues import compute_issue_headline

    if not db_exists():
        return None
    return cached_call(compute_issue_headline, as_of, scope=scope)


def headline(period: str, as_of: dt.date, *, scope: str | None, level: str | None = None):
    """compute_headline (analytics.metrics.headline): the one headline of a period the CLI and briefing also show;
    None without a database."""
    from analytics.metrics.headline import compute_headline

    if not db_exists():
        return None
    return cached_call(compute_headline, period, as_of, scope, level=level)


def batches() -> pd.DataFrame:
    """analytics.store.batches.list_batches: every import batch, newest first (empty without a database)."""
    from analytics.store.batches import list_batches

    if not db_exists():
        return pd.DataFrame(columns=["batch_id", "file_name", "sha256", "size_bytes", "imported_at", "imported_by",
                                     "status", "strict", "counts", "archive_path", "rolled_back_at", "rolled_back_by",
                                     "replaces_batch"])
    return cached_call(list_batches)
