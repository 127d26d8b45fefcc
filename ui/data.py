"""Cached loaders around ``analytics.metrics`` (STYLE 3: caching lives only in ui/).

Each loader is a function decorated with ``st.cache_data`` whose first argument is :func:`ui.db.data_version`, the
store's content version (analytics/store/version.py): an import, a rollback or an issue update — from the page or
from the command line in another process — gives a new version, so the next run computes afresh, and
:func:`ui.db.clear_caches` is the one place that drops everything after a commit of this process. ``st.cache_data``
is shared by all sessions of the server, so what does not depend on the session (the company tree, the months,
the figures of a scope) is computed once per version for everybody; ui/warm.py computes the common ones before the
first session asks. Loaders return plain DataFrames / dataclasses (copies: a page may change them); an absent
database reads as empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analytics.company_tree import CompanyTree
from ui.db import data_version, db_exists, read

_SQL_DIR = Path(__file__).resolve().parent.parent / "analytics" / "sql" / "ui"

# Entries per loader: each version's frames are dropped when the version changes (ui/db.py), so this bounds the
# combinations of scope, period and date one version keeps (a national store's frame is a few MB at most).
ENTRIES = 256


LOADERS: list = []  # every loader made below (tests check each is keyed by the version first)


def loader(fn):
    """``st.cache_data`` as every loader of ui/ uses it (no spinner, bounded); the first argument is the version."""
    LOADERS.append(fn)
    return st.cache_data(show_spinner=False, max_entries=ENTRIES)(fn)


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
    return _data_months(data_version()) if db_exists() else []


def table_counts() -> dict[str, int]:
    """Rows per table (roster, walkthroughs, issues, batches); zeros without a database."""
    if not db_exists():
        return {"roster": 0, "walkthroughs": 0, "issues": 0, "batches": 0}
    return _table_counts(data_version())


def has_data() -> bool:
    """Whether anything has been imported (else the overview shows the first-run welcome)."""
    counts = table_counts()
    return any(counts.get(k, 0) for k in ("roster", "walkthroughs", "issues"))


def companies() -> pd.DataFrame:
    """The company tree of ``analytics.metrics.scope.load_companies`` (empty without a database)."""

    if not db_exists():
        return pd.DataFrame(columns=["company_key", "company", "level", "parent_key"])
    return _companies(data_version())


def company_tree(allowed_scope_key: str | None = None) -> pd.DataFrame:
    """Companies in tree order (總部, then each province followed by its cities) with an indented ``label``.

    ``allowed_scope_key`` keeps only that company and what rolls up to it. Columns: company_key, company, level,
    parent_key, depth, label.
    """
    df = companies()
    cols = ["company_key", "company", "level", "parent_key", "depth", "label"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = {r["company_key"]: r for r in df.to_dict("records")}
    names = {key: str(r["company"]) for key, r in rows.items()}
    companies_tree = CompanyTree.coerce(df)  # the one tree (analytics.company_tree): order and what rolls up
    ordered = [{**rows[key], "depth": depth, "label": "\u3000" * depth + names[key]}
               for key, depth in companies_tree.in_display_order(names)]
    tree = pd.DataFrame(ordered)[cols]
    if allowed_scope_key:
        # what rolls up to the allowed company (an unknown key: nothing)
        allowed = companies_tree.keys_within(allowed_scope_key) if allowed_scope_key in rows else []
        tree = tree[tree["company_key"].isin(allowed)]
    return tree.reset_index(drop=True)


def quota_results(year: int, as_of: dt.date, scope: str | None) -> pd.DataFrame:
    """compute_quota_results for ``year`` with the pace columns of compute_pace (SPEC 4.1, issue #3 item 2)."""
    from analytics.metrics.pace import compute_pace
    from analytics.metrics.quotas import RESULT_COLUMNS

    if not db_exists():
        return compute_pace(pd.DataFrame(columns=RESULT_COLUMNS), as_of=as_of)
    return _quota_results(data_version(), int(year), as_of, scope)


def owed_people(rule: str, period: str, *, company: str | None, department: str | None,
                scope: str | None, lang: str, as_of: dt.date | None = None) -> pd.DataFrame:
    """load_owed_people: the population members of one result who have not gone by ``as_of`` (SPEC 4.1, 4.5)."""
    from analytics.metrics.quotas import OWED_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=OWED_COLUMNS)
    return _owed_people(data_version(), rule, period, company, department, scope, lang, as_of)


def volume(year: int, *, by: str = "all", scope: str | None, period_kind: str | None = None) -> pd.DataFrame:
    """compute_volume (SPEC 4.3): activities, person-times, distinct participants by period and ``by``."""
    from analytics.metrics.volume import VOLUME_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=VOLUME_COLUMNS)
    return _volume(data_version(), int(year), by, scope, period_kind, None, None)


def period_volume(period: str, *, by: str = "all", scope: str | None, as_of: dt.date | None = None) -> pd.DataFrame:
    """compute_volume of one period (``2026Q3``) grouped ``by`` a dimension: reads that period's rows only,
    up to ``as_of`` (SPEC 4.5)."""
    from analytics.metrics.periods import parse_period
    from analytics.metrics.volume import VOLUME_COLUMNS

    if not db_exists():
        return pd.DataFrame(columns=VOLUME_COLUMNS)
    return _volume(data_version(), parse_period(period).start.year, by, scope, None, period, as_of)


def issue_headline(as_of: dt.date, *, scope: str | None) -> dict | None:
    """compute_issue_headline: total, closed, open, overdue, resolution rate as of ``as_of``; None without data."""

    if not db_exists():
        return None
    return _issue_headline(data_version(), as_of, scope)


def headline(period: str, as_of: dt.date, *, scope: str | None, level: str | None = None):
    """compute_headline (analytics.metrics.headline): the one headline of a period the CLI and briefing also show;
    None without a database."""

    if not db_exists():
        return None
    return _headline(data_version(), period, as_of, scope, level)


def batches() -> pd.DataFrame:
    """analytics.store.batches.list_batches: every import batch, newest first (empty without a database)."""

    if not db_exists():
        return pd.DataFrame(columns=["batch_id", "file_name", "sha256", "size_bytes", "imported_at", "imported_by",
                                     "status", "strict", "counts", "archive_path", "rolled_back_at", "rolled_back_by",
                                     "replaces_batch"])
    return _batches(data_version())


# ---------------------------------------------------------------- the cached loaders (first argument: the version)


@loader
def _data_months(version: tuple) -> list[str]:
    return read(_months)


@loader
def _table_counts(version: tuple) -> dict[str, int]:
    return read(_counts)


@loader
def _companies(version: tuple) -> pd.DataFrame:
    from analytics.metrics.scope import load_companies

    return read(load_companies)


@loader
def _quota_results(version: tuple, year: int, as_of: dt.date, scope: str | None) -> pd.DataFrame:
    from analytics.metrics.pace import compute_pace
    from analytics.metrics.quotas import compute_quota_results

    return compute_pace(read(compute_quota_results, year, as_of=as_of, scope=scope), as_of=as_of)


@loader
def _owed_people(version: tuple, rule: str, period: str, company: str | None, department: str | None,
                 scope: str | None, lang: str, as_of: dt.date | None) -> pd.DataFrame:
    from analytics.metrics.quotas import load_owed_people

    return read(load_owed_people, rule, period, company=company, department=department, scope=scope, as_of=as_of,
                lang=lang)


@loader
def _volume(version: tuple, year: int, by: str, scope: str | None, period_kind: str | None, period: str | None,
            as_of: dt.date | None) -> pd.DataFrame:
    from analytics.metrics.volume import compute_volume

    return read(compute_volume, year, by=by, scope=scope, period_kind=period_kind, period=period, as_of=as_of)


@loader
def _issue_headline(version: tuple, as_of: dt.date, scope: str | None) -> dict | None:
    from analytics.metrics.issues import compute_issue_headline

    return read(compute_issue_headline, as_of, scope=scope)


@loader
def _headline(version: tuple, period: str, as_of: dt.date, scope: str | None, level: str | None):
    from analytics.metrics.headline import compute_headline

    return read(compute_headline, period, as_of, scope, level=level)


@loader
def _batches(version: tuple) -> pd.DataFrame:
    from analytics.store.batches import list_batches

    return read(list_batches)
