"""Issue #12, findings 6, 9, 10 at the level of their rules (the attacks on a running server are in
tests/browser/test_security_findings.py): the client address behind proxies, the sign-in back-off, the unknown
user name's bcrypt check, and the server-side sign-out of remembered cookies."""

from __future__ import annotations

import time
from pathlib import Path

import bcrypt
import pytest
from streamlit.testing.v1 import AppTest

import analytics.auth.users as users_module
from analytics.auth import UserStore, sessions
from analytics.auth.client_address import (
    client_address,
    peer_is_trusted,
    server_trusted,
    socket_peer,
    trusted_proxies,
)
from analytics.auth.throttle import ADDRESS, USER, Policy, Throttle, sign_in_keys, wait_after

APP = str(Path(__file__).parent / "apps" / "gate_app.py")
PASSWORD = "Gate-keeper-11"


# -- finding 10: X-Forwarded-For only through a trusted proxy -------------------------------------------------------
def test_forwarded_for_is_ignored_without_a_trusted_proxy():
    # the spoof of the finding: a client writes its own X-Forwarded-For; nobody vouches for it
    assert client_address("198.51.100.20", "10.9.9.9", ()) == "198.51.100.20"
    assert client_address("127.0.0.1", "203.0.113.9", trusted_proxies("")) == "127.0.0.1"
    # a peer that is not the configured proxy is not believed either
    assert client_address("198.51.100.20", "10.9.9.9", trusted_proxies("127.0.0.1")) == "198.51.100.20"


def test_forwarded_for_is_read_from_the_right_through_trusted_hops():
    proxies = trusted_proxies("127.0.0.1, 10.0.0.0/8")
    # nginx on this machine appends the address it saw (203.0.113.9); the client wrote 6.6.6.6 itself
    assert client_address("127.0.0.1", "6.6.6.6, 203.0.113.9", proxies) == "203.0.113.9"
    # two trusted hops (a load balancer 10.1.2.3 in front of nginx): skip both
    assert client_address("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", proxies) == "203.0.113.9"
    # a port and IPv6 brackets are understood; an IPv4-mapped peer counts as its IPv4 address
    assert client_address("::ffff:127.0.0.1", "[2001:db8::5]:4431", proxies) == "2001:db8::5"
    # garbage in the hop the proxy wrote: the proxy itself is the answer, never a client-written value
    assert client_address("127.0.0.1", "6.6.6.6, not-an-ip", proxies) == "127.0.0.1"
    # a trusted proxy that sent no header
    assert client_address("127.0.0.1", None, proxies) == "127.0.0.1"
    assert peer_is_trusted("10.200.0.1", proxies) and not peer_is_trusted("192.0.2.1", proxies)


def test_a_malformed_proxy_list_is_refused_with_its_entry():
    with pytest.raises(ValueError, match="'10.0.0.300'"):
        trusted_proxies("127.0.0.1,10.0.0.300")


# -- finding 9: back-off ------------------------------------------------------------------------------------------
def test_back_off_doubles_after_the_free_failures_and_is_capped():
    assert [wait_after(n, USER) for n in (0, 4, 5, 6, 7, 10, 30)] == [0, 0, 30, 60, 120, 900, 900]
    assert wait_after(19, ADDRESS) == 0 and wait_after(20, ADDRESS) == 30


def test_throttle_makes_even_the_right_password_wait_and_forgets_quiet_keys():
    now = [1000.0]
    throttle = Throttle(clock=lambda: now[0])
    policy = Policy(free=2, base_s=10, cap_s=40, forget_s=100)
    keys = [("user:alice", policy)]
    throttle.failed(keys)
    assert throttle.wait_s(keys) == 0
    throttle.failed(keys)  # second failure: 10 s from now
    assert throttle.wait_s(keys) == 10
    now[0] += 4
    assert throttle.wait_s(keys) == 6
    now[0] += 6
    assert throttle.wait_s(keys) == 0
    throttle.failed(keys)  # third: 20 s
    assert throttle.wait_s(keys) == 20
    now[0] += 101  # quiet for longer than forget_s
    assert throttle.wait_s(keys) == 0
    throttle.failed(keys)
    assert throttle.wait_s(keys) == 0  # counting started again
    # a success clears the user, not the address
    both = [("user:bob", policy), ("addr:192.0.2.1", policy)]
    for _ in range(2):
        throttle.failed(both)
    throttle.succeeded("user:bob")
    assert throttle.wait_s([both[0]]) == 0 and throttle.wait_s([both[1]]) == 10


def test_sign_in_keys_fold_the_name_as_the_form_does():
    assert sign_in_keys(" Alice ", "192.0.2.1") == [("user:alice", USER), ("addr:192.0.2.1", ADDRESS)]
    assert sign_in_keys("alice", None) == [("user:alice", USER)]


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def _sign_in(at: AppTest, username: str, password: str) -> str:
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    return "\n".join(str(e.value) for e in at.error) + "\n".join(str(m.value) for m in at.markdown)


def test_five_wrong_passwords_then_the_right_one_waits(server_address):
    server_address("127.0.0.1")
    store = UserStore.load()
    store.add("alice", role="admin", password=PASSWORD)
    store.save()
    at = _app()
    for _ in range(5):
        assert "使用者名稱或密碼不正確" in _sign_in(at, "alice", "wrong-password")
    shown = _sign_in(at, "alice", PASSWORD)  # the attacker's 6th guess is right: still not let in
    assert "請於 30 秒後再試" in shown and "PROTECTED CONTENT" not in shown
    # an unknown name is treated alike (no hint which names exist)
    for _ in range(5):
        _sign_in(at, "nobody", "wrong-password")
    assert "請於 30 秒後再試" in _sign_in(at, "nobody", "wrong-password")


def test_an_unknown_user_name_costs_one_bcrypt_check_at_the_users_cost(server_address, monkeypatch):
    server_address("127.0.0.1")
    monkeypatch.setattr(users_module, "BCRYPT_ROUNDS", 6)  # the stored hashes' cost; the old dummy was cost 4
    store = UserStore.load()
    store.add("alice", role="admin", password=PASSWORD)
    store.save()
    checked: list[int] = []
    real = bcrypt.checkpw

    def counting(password: bytes, hashed: bytes) -> bool:
        checked.append(int(hashed.split(b"$")[2]))
        return real(password, hashed)

    monkeypatch.setattr(bcrypt, "checkpw", counting)
    at = _app()
    _sign_in(at, "alice", "wrong-password")
    _sign_in(at, "nobody", "wrong-password")  # streamlit-authenticator alone skipped bcrypt here
    assert checked == [6, 6]


# -- finding 6: sign-out revokes every earlier token of the user ---------------------------------------------------
def test_sign_out_revokes_tokens_issued_before_it(tmp_path):
    users = tmp_path / "users.yaml"
    issued_at = 1_000_000.0
    day = 86400.0
    assert not sessions.token_revoked(users, "alice", issued_at + day)
    sessions.record_sign_out(users, "alice", expiry_days=1, now=issued_at + 60)
    assert sessions.token_revoked(users, "alice", issued_at + day)  # the old cookie
    assert not sessions.token_revoked(users, "alice", issued_at + 61 + day)  # signed in again after
    assert not sessions.token_revoked(users, "bob", issued_at + day)  # other users untouched
    assert sessions.signed_out_after(users, "alice", issued_at) and not sessions.signed_out_after(
        users, "alice", issued_at + 120)
    path = sessions.signouts_path(users)
    assert path.name == "users.yaml.signouts.json" and (path.stat().st_mode & 0o777) == 0o600
    # an entry whose cutoff passed is dropped on the next write
    sessions.record_sign_out(users, "bob", expiry_days=1, now=issued_at + 2 * day)
    assert "alice" not in path.read_text() and "bob" in path.read_text()


def test_a_damaged_sign_out_file_refuses_every_cookie(tmp_path):
    users = tmp_path / "users.yaml"
    sessions.signouts_path(users).write_text("{not json")
    assert sessions.token_revoked(users, "alice", time.time() + 86400)


def test_the_servers_own_forwarded_for_rewrite_is_undone():
    # uvicorn (Streamlit's server) trusts loopback peers by default and hands the app the header's hop instead
    default = server_trusted("127.0.0.1,::1")
    assert socket_peer("203.0.113.9", "203.0.113.9", default) == "127.0.0.1"  # a local process spoofing
    assert socket_peer("198.51.100.20", "10.9.9.9", default) == "198.51.100.20"  # not rewritten
    assert socket_peer("198.51.100.20", None, default) == "198.51.100.20"
    assert socket_peer("203.0.113.9", "203.0.113.9", server_trusted("")) == "203.0.113.9"  # server trusts none
    assert len(server_trusted("*")) == 2 and server_trusted("/tmp/sock") == ()
