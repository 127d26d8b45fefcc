"""The user store: bcrypt hashes on disk (never the password), validation, atomic private file."""

from __future__ import annotations

import stat

import bcrypt
import pytest
import yaml

from analytics.auth import AuthError, UserStore
from analytics.auth.users import users_path

PASSWORD = "Correct-horse-7"


def test_users_path_follows_the_environment(private_paths):
    assert users_path() == private_paths["users"]


def test_default_users_path_is_outside_the_repository(monkeypatch):
    from analytics.config import PROJECT_ROOT

    monkeypatch.delenv("WALKTHROUGH_USERS")
    path = users_path()
    assert path.parts[-3:] == (".config", "walkthrough", "users.yaml")
    assert PROJECT_ROOT not in path.parents


def test_missing_file_is_an_empty_store(private_paths):
    store = UserStore.load()
    assert store.records == {} and store.users() == []


def test_add_saves_a_bcrypt_hash_never_the_password(private_paths):
    store = UserStore.load()
    store.add("Alice", role="viewer", password=PASSWORD, company="東海省公司", display_name="陳主任")
    store.save()
    text = private_paths["users"].read_text(encoding="utf-8")
    assert PASSWORD not in text
    stored = yaml.safe_load(text)["credentials"]["usernames"]["alice"]  # user names are folded to lower case
    assert stored["password"].startswith("$2b$")
    assert bcrypt.checkpw(PASSWORD.encode(), stored["password"].encode())
    assert stored["roles"] == ["viewer"] and stored["company"] == "東海省公司" and stored["name"] == "陳主任"
    # readable by its owner only, and the cookie signing key was generated (64 hex digits = 32 random bytes)
    assert stat.S_IMODE(private_paths["users"].stat().st_mode) == 0o600
    assert len(yaml.safe_load(text)["cookie"]["key"]) == 64


def test_round_trip_and_verify(private_paths):
    store = UserStore.load()
    store.add("boss", role="admin", password=PASSWORD)
    store.add("lead1", role="lead", password=PASSWORD, company="南嶺省公司")
    store.save()
    again = UserStore.load()
    assert [(u.username, u.role, u.company, u.company_key) for u in again.users()] == [
        ("boss", "admin", None, None),
        ("lead1", "lead", "南嶺省公司", "南岭省公司"),  # the key is match_key: Simplified, folded
    ]
    assert again.verify_password("LEAD1", PASSWORD).username == "lead1"
    assert again.verify_password("lead1", PASSWORD + "x") is None
    assert again.verify_password("nobody", PASSWORD) is None


def test_passwd_changes_hash_and_rotates_cookie_key(private_paths):
    store = UserStore.load()
    store.add("alice", role="viewer", password=PASSWORD, company="東海省公司")
    store.save()
    old_hash, old_key = store.password_hash("alice"), store.cookie["key"]
    store.set_password("alice", "Another-pass-8")
    assert store.password_hash("alice") != old_hash and store.cookie["key"] != old_key
    assert store.verify_password("alice", PASSWORD) is None
    assert store.verify_password("alice", "Another-pass-8") is not None


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"role": "viewer", "password": PASSWORD}, "--company"),  # viewer without company
        ({"role": "admin", "password": PASSWORD, "company": "總部"}, "admin"),  # admin with a company
        ({"role": "owner", "password": PASSWORD}, "role"),
        ({"role": "admin", "password": "short7!"}, "8"),  # 7 characters
        ({"role": "admin", "password": " leading-space"}, "space"),
        ({"role": "admin", "password": "長" * 25}, "72"),  # 25 × 3 UTF-8 bytes = 75 > 72
    ],
)
def test_add_refuses_bad_input(private_paths, kwargs, fragment):
    with pytest.raises(AuthError, match=fragment):
        UserStore.load().add("someone", **kwargs)


def test_bad_user_names_and_duplicates(private_paths):
    store = UserStore.load()
    for bad in ("", "has space", "a/b", "x" * 65):
        with pytest.raises(AuthError):
            store.add(bad, role="admin", password=PASSWORD)
    store.add("張三", role="admin", password=PASSWORD)  # Chinese user names are fine
    with pytest.raises(AuthError, match="already exists"):
        store.add("張三", role="admin", password=PASSWORD)


def test_plain_text_password_in_file_is_refused(private_paths):
    private_paths["users"].parent.mkdir(parents=True)
    private_paths["users"].write_text(
        "credentials:\n  usernames:\n    eve:\n      password: hunter2hunter2\n      roles: [admin]\n", encoding="utf-8"
    )
    with pytest.raises(AuthError, match="bcrypt"):
        UserStore.load()


def test_malformed_file_is_refused(private_paths):
    private_paths["users"].parent.mkdir(parents=True)
    private_paths["users"].write_text("credentials: [unclosed", encoding="utf-8")
    with pytest.raises(AuthError):
        UserStore.load()


def test_remove_unknown_user_is_a_clear_error(private_paths):
    with pytest.raises(AuthError, match="no user ghost"):
        UserStore.load().remove("ghost")


def test_hand_edited_lead_without_company_fails_closed(private_paths):
    """A lead/viewer with no company would read as "everything"; loading such a file is refused instead."""
    import bcrypt as _bcrypt

    hashed = _bcrypt.hashpw(PASSWORD.encode(), _bcrypt.gensalt(4)).decode()
    private_paths["users"].parent.mkdir(parents=True)
    private_paths["users"].write_text(
        f"credentials:\n  usernames:\n    mallory:\n      password: '{hashed}'\n      roles: [viewer]\n",
        encoding="utf-8",
    )
    with pytest.raises(AuthError, match="needs a company"):
        UserStore.load()


def test_user_record_refuses_unknown_role_or_missing_company():
    from analytics.auth import User

    with pytest.raises(AuthError):
        User("x", "X", "viewer", None)
    with pytest.raises(AuthError):
        User("x", "X", "superuser", "總部")
    assert User("x", "X", "admin").company_key is None
