"""The demo year loaded once per session into a temporary database (about 6 s of CPU).

The database first receives an unrelated import, so loading the demo with ``force=True`` also proves that --force
starts from scratch (tests/demo/test_load.py::test_force_rebuilt_from_scratch).
"""

from __future__ import annotations

import pytest

from analytics.demo.load import DemoResult, load_demo

PRIOR_FILE = "prior.csv"
PRIOR = "工號,姓名,公司,層級,部門,職級\n00000001,路人甲,無關公司,總部,辦公室,員工\n".encode()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    from analytics.store.importer import import_files

    root = tmp_path_factory.mktemp("demo")
    db = root / "demo.duckdb"
    import_files([(PRIOR_FILE, PRIOR)], db_path=db, user="someone")
    return load_demo(db, force=True)


@pytest.fixture()
def con(demo: DemoResult):
    from analytics.store.connection import connect

    with connect(demo.db_path, read_only=True) as connection:
        yield connection
