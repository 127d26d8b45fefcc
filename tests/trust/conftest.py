"""Fixtures of the trust tests: a private users file and database per test, a fast bcrypt cost, a company tree.

No test touches ``~/.config/walkthrough/users.yaml`` or ``data/walkthrough.duckdb``: both are redirected to the
test's temporary folder through the environment variables the product reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.auth import CompanyTree
from analytics.textnorm import match_key

# The fictional tree used across the trust tests (names as a roster writes them).
HQ, EAST, SOUTH = "總部", "東海省公司", "南嶺省公司"
EAST_CITY_A, EAST_CITY_B, SOUTH_CITY = "海濱市分公司", "山城市分公司", "南城市分公司"
COMPANIES = [
    (HQ, "總部", None),
    (EAST, "省公司", None),
    (EAST_CITY_A, "地市公司", EAST),
    (EAST_CITY_B, "地市公司", EAST),
    (SOUTH, "省公司", None),
    (SOUTH_CITY, "地市公司", SOUTH),
]


def key(name: str) -> str:
    return match_key(name)


@pytest.fixture
def tree() -> CompanyTree:
    return CompanyTree.from_rows(
        {"company_key": key(n), "company": n, "level": lvl, "parent_key": key(p) if p else None}
        for n, lvl, p in COMPANIES
    )


@pytest.fixture(autouse=True)
def private_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point the users file and the database at this test's folder; lower bcrypt's cost for speed."""
    import analytics.auth.users as users_module
    import ui.auth

    paths = {"users": tmp_path / "cfg" / "users.yaml", "db": tmp_path / "walkthrough.duckdb"}
    monkeypatch.setenv("WALKTHROUGH_USERS", str(paths["users"]))
    monkeypatch.setenv("WALKTHROUGH_DB", str(paths["db"]))
    monkeypatch.setattr(users_module, "BCRYPT_ROUNDS", 4)
    monkeypatch.setattr(ui.auth, "LOGIN_SLEEP_S", 0.0)
    from analytics.auth.throttle import SIGN_INS

    SIGN_INS.reset()  # the back-off is per process: one test's wrong passwords must not make the next wait
    return paths


@pytest.fixture
def server_address():
    """Set Streamlit's ``server.address`` for an AppTest and restore it afterwards."""
    from streamlit import config

    before = config.get_option("server.address")

    def set_address(value: str | None) -> None:
        config.set_option("server.address", value)

    yield set_address
    config.set_option("server.address", before)


def workbook_bytes(sheets: dict[str, list[tuple]]) -> bytes:
    """An .xlsx with one sheet per entry, rows as given (header first), written with openpyxl."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_workbook(db_path: Path, file_name: str, content: bytes, user: str = "tester") -> None:
    """Import through the real importer (as the upload page does); every row must be accepted."""
    from analytics.store.importer import import_files

    results = import_files([(file_name, content)], db_path=db_path, user=user)
    assert [r.status for r in results] == ["imported"], results[0].summary()
