"""Fixtures of the plan tests (issue #14): a fresh database file per test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "walkthrough.duckdb"
