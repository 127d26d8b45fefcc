"""The role/scope matrix of SPEC 8, expectations stated by hand from the roll-up rule of SPEC 4.3.

Tree (conftest): 總部; 東海省公司 → 海濱市分公司, 山城市分公司; 南嶺省公司 → 南城市分公司.
"""

from __future__ import annotations

import pytest

from analytics.auth import (
    ScopeDenied,
    User,
    can_import,
    can_rollback,
    effective_scope,
    require_import,
)
from analytics.auth.model import RoleDenied
from tests.trust.conftest import EAST, EAST_CITY_A, EAST_CITY_B, HQ, SOUTH, SOUTH_CITY, key

ADMIN = User("root", "Root", "admin")
HQ_LEAD = User("hqlead", "HQ lead", "lead", HQ)
EAST_VIEWER = User("east", "East exec", "viewer", EAST)
EAST_LEAD = User("eastlead", "East lead", "lead", EAST)
CITY_VIEWER = User("cityexec", "City exec", "viewer", EAST_CITY_A)
SOUTH_LEAD = User("southlead", "South lead", "lead", SOUTH)

ALLOWED, DENIED = True, False
# (user, requested company, may read it?) — a province user may pick its own cities, not another province's.
MATRIX = [
    (EAST_VIEWER, EAST, ALLOWED),
    (EAST_VIEWER, EAST_CITY_A, ALLOWED),
    (EAST_VIEWER, EAST_CITY_B, ALLOWED),
    (EAST_VIEWER, SOUTH, DENIED),
    (EAST_VIEWER, SOUTH_CITY, DENIED),
    (EAST_VIEWER, HQ, DENIED),
    (CITY_VIEWER, EAST_CITY_A, ALLOWED),
    (CITY_VIEWER, EAST_CITY_B, DENIED),  # a sibling city
    (CITY_VIEWER, EAST, DENIED),  # its own province is wider than its scope
    (HQ_LEAD, SOUTH_CITY, ALLOWED),  # 總部 includes all
    (HQ_LEAD, HQ, ALLOWED),
    (ADMIN, SOUTH, ALLOWED),
    (ADMIN, EAST_CITY_B, ALLOWED),
    (None, SOUTH_CITY, ALLOWED),  # local single-user mode: full access
]


@pytest.mark.parametrize(("user", "company", "allowed"), MATRIX)
def test_read_scope_matrix(tree, user, company, allowed):
    if allowed:
        assert effective_scope(user, key(company), tree) == key(company)
    else:
        with pytest.raises(ScopeDenied) as info:
            effective_scope(user, key(company), tree)
        assert isinstance(info.value, PermissionError)
        assert info.value.allowed == user.company_key


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (EAST_VIEWER, key(EAST)),  # nothing requested → their own company (with its cities)
        (CITY_VIEWER, key(EAST_CITY_A)),
        (HQ_LEAD, None),  # 總部 sees everything, including rows no roster company claims
        (ADMIN, None),
        (None, None),
    ],
)
def test_no_request_means_as_wide_as_allowed(tree, user, expected):
    assert effective_scope(user, None, tree) == expected


def test_request_is_folded_like_any_company_name(tree):
    # Simplified spelling of 東海省公司's city still lands inside the scope (SPEC 2 tolerant matching)
    assert effective_scope(EAST_VIEWER, "海滨市分公司", tree) == key(EAST_CITY_A)


def test_unknown_company_user_sees_only_itself(tree):
    newco = User("n", "N", "viewer", "新設公司")
    assert effective_scope(newco, None, tree) == key("新設公司")
    with pytest.raises(ScopeDenied):
        effective_scope(newco, key(EAST), tree)


@pytest.mark.parametrize(
    ("user", "companies", "expected"),
    [
        (EAST_LEAD, [EAST, EAST_CITY_A], True),
        (EAST_LEAD, [EAST_CITY_B, None], True),  # unknown company (unmatched 工號) cannot widen anything
        (EAST_LEAD, [EAST, SOUTH_CITY], False),
        (SOUTH_LEAD, [EAST], False),
        (EAST_VIEWER, [EAST], False),  # viewers never upload
        (HQ_LEAD, [SOUTH_CITY, EAST_CITY_A], True),
        (ADMIN, [SOUTH, EAST], True),
        (None, [SOUTH], True),
    ],
)
def test_can_import(tree, user, companies, expected):
    keys = [key(c) if c else None for c in companies]
    assert can_import(user, keys, tree) is expected


def test_require_import_names_the_companies_outside(tree):
    with pytest.raises(RoleDenied, match=key(SOUTH_CITY)):
        require_import(EAST_LEAD, [key(EAST), key(SOUTH_CITY)], tree)
    with pytest.raises(RoleDenied, match="viewer"):
        require_import(EAST_VIEWER, [key(EAST)], tree)
    require_import(EAST_LEAD, [key(EAST_CITY_B)], tree)  # no exception


def test_can_rollback(tree):
    users = {u.username: u for u in (EAST_LEAD, SOUTH_LEAD, CITY_VIEWER)}
    by_east = {"batch_id": 1, "imported_by": "eastlead"}
    by_city = {"batch_id": 2, "imported_by": "CityExec"}  # user names compare folded
    by_cli = {"batch_id": 3, "imported_by": "cli:root"}
    stamped = {"batch_id": 4, "imported_by": "whoever", "company_key": key(SOUTH_CITY)}
    assert can_rollback(EAST_LEAD, by_east, tree, users) is True
    assert can_rollback(EAST_LEAD, by_city, tree, users) is True  # a city of its province
    assert can_rollback(SOUTH_LEAD, by_east, tree, users) is False
    assert can_rollback(EAST_LEAD, by_cli, tree, users) is False  # unknown importer: admins only
    assert can_rollback(SOUTH_LEAD, stamped, tree, users) is True
    assert can_rollback(EAST_VIEWER, by_east, tree, users) is False
    assert can_rollback(ADMIN, by_cli, tree, users) is True
    assert can_rollback(None, by_cli, tree, users) is True


def test_can_rollback_reads_importers_from_the_users_file(tree, private_paths):
    from analytics.auth import UserStore

    store = UserStore.load()
    store.add("eastlead", role="lead", password="Lead-pass-13", company=EAST)
    store.add("southlead", role="lead", password="Lead-pass-13", company=SOUTH)
    store.save()
    batch = {"batch_id": 9, "imported_by": "southlead"}
    assert can_rollback(SOUTH_LEAD, batch, tree) is True  # no users mapping given: the users file is read
    assert can_rollback(EAST_LEAD, batch, tree) is False
