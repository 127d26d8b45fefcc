"""Fixtures of the contacts / reminders / upward-report tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "walkthrough.duckdb"
