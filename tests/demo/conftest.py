"""The demo year loaded once per session into a temporary database (about 6 s)."""

from __future__ import annotations

import pytest

from analytics.demo.load import DemoResult, load_demo


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    root = tmp_path_factory.mktemp("demo")
    return load_demo(root / "demo.duckdb")


@pytest.fixture()
def con(demo: DemoResult):
    from analytics.store.connection import connect

    with connect(demo.db_path, read_only=True) as connection:
        yield connection
