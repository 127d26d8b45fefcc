"""``ui.auth.gate()`` through AppTest: local mode, refusal when exposed without users, sign-in, sign-out."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.auth import UserStore

APP = str(Path(__file__).parent / "apps" / "gate_app.py")
PASSWORD = "Gate-keeper-11"
SECRET = "PROTECTED CONTENT"


def texts(at: AppTest) -> str:
    """Everything the page shows as text, main area and sidebar."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [w.value for w in at.warning] + [x.value for x in at.text] + [c.value for c in at.code]
    parts += [m.value for m in at.sidebar.markdown] + [c.value for c in at.sidebar.caption]
    return "\n".join(str(p) for p in parts)


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def add_user(name: str = "alice", role: str = "viewer", company: str | None = "東海省公司") -> None:
    store = UserStore.load()
    store.add(name, role=role, password=PASSWORD, company=company, display_name="陳主任")
    store.save()


def make_database(path: Path) -> None:
    from analytics.store.connection import connect

    with connect(path):
        pass


def audit_actions(path: Path) -> list[tuple[str, str]]:
    from analytics.auth.audit import load_audit_log
    from analytics.store.connection import connect

    with connect(path, read_only=True) as con:
        log = load_audit_log(con)
    return list(zip(log["actor"], log["action"], strict=True))[::-1]  # oldest first


def sign_in(at: AppTest, username: str, password: str) -> None:
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1"])
def test_loopback_without_users_is_local_mode(server_address, address):
    server_address(address)
    at = new_app()
    shown = texts(at)
    assert SECRET in shown and "user=local" in shown
    assert "本機模式" in shown  # labelled "local mode" in the sidebar


@pytest.mark.parametrize("address", ["0.0.0.0", "", "192.168.1.20", "my-server.example"])
def test_exposed_without_users_refuses_to_serve(server_address, address):
    server_address(address)
    at = new_app()
    shown = texts(at)
    assert SECRET not in shown
    assert "python -m analytics users add admin --role admin" in shown
    assert "拒絕" in shown  # the refusal title


def test_users_file_shows_only_the_sign_in_form(server_address):
    server_address("127.0.0.1")  # even on loopback: once users exist, everyone signs in
    add_user()
    at = new_app()
    assert SECRET not in texts(at)
    assert [t.label for t in at.text_input] == ["使用者名稱", "密碼"]
    assert at.text_input[1].proto.type == at.text_input[1].proto.PASSWORD  # masked input
    # nothing else: the product's name, the form, one hint; no sidebar controls, no data
    assert [t.value for t in at.title] == ["流程穿越 analytics"]
    assert not at.markdown and not at.sidebar.children and not at.dataframe and not at.metric


def test_wrong_password_then_sign_in_and_out_are_audited(server_address, private_paths):
    server_address("0.0.0.0")
    add_user()
    make_database(private_paths["db"])
    at = new_app()
    sign_in(at, "alice", "not-the-password")
    assert SECRET not in texts(at) and "使用者名稱或密碼不正確" in texts(at)

    sign_in(at, "Alice", PASSWORD)  # user names are not case-sensitive
    shown = texts(at)
    assert SECRET in shown and "user=alice" in shown
    assert "陳主任" in shown and "東海省公司" in shown  # who and which scope, in the sidebar
    assert not at.text_input  # the form is gone

    at.sidebar.button[0].click()  # 登出
    at.run()
    assert not at.exception
    assert SECRET not in texts(at) and len(at.text_input) == 2

    actions = audit_actions(private_paths["db"])
    assert [a for _, a in actions] == ["sign_in_failed", "sign_in", "sign_out"]
    assert actions[1][0] == "alice" and actions[2][0] == "alice"


def test_removed_user_is_signed_out_on_next_interaction(server_address):
    server_address("127.0.0.1")
    add_user("alice")
    add_user("bob")
    at = new_app()
    sign_in(at, "bob", PASSWORD)
    assert "user=bob" in texts(at)
    store = UserStore.load()
    store.remove("bob")
    store.save()
    at.run()
    assert not at.exception
    assert SECRET not in texts(at) and "已被移除" in texts(at)


def test_corrupt_users_file_fails_closed(server_address, private_paths):
    server_address("127.0.0.1")
    private_paths["users"].parent.mkdir(parents=True)
    private_paths["users"].write_text("credentials: {usernames: {eve: {password: plain, roles: [admin]}}}\n")
    at = new_app()
    shown = texts(at)
    assert SECRET not in shown and "使用者檔有誤" in shown


SCOPE_APP = str(Path(__file__).parent / "apps" / "scope_app.py")


def test_hand_edited_scope_is_narrowed_noted_and_audited(server_address, private_paths):
    from tests.trust.conftest import EAST, EAST_CITY_A, SOUTH, import_workbook, key, workbook_bytes

    roster = [("工號", "姓名", "公司", "層級", "上級公司", "部門", "職級"),
              ("E1", "甲", EAST, "省公司", None, "綜合部", "員工"),
              ("C1", "乙", EAST_CITY_A, "地市公司", EAST, "綜合部", "員工"),
              ("S1", "丙", SOUTH, "省公司", None, "綜合部", "員工")]
    import_workbook(private_paths["db"], "roster.xlsx", workbook_bytes({"名冊": roster}))
    server_address("0.0.0.0")
    add_user("east", role="viewer", company=EAST)
    at = AppTest.from_file(SCOPE_APP, default_timeout=30)
    at.query_params["scope"] = key(SOUTH)  # another province
    at.run()
    sign_in(at, "east", PASSWORD)
    shown = texts(at)
    assert f"allowed={key(EAST)}" in shown
    assert f"scope={key(EAST)}" in shown  # narrowed to the viewer's own scope, not 南嶺
    assert any("無權查看" in w.value for w in at.warning)
    assert ("east", "scope_denied") in audit_actions(private_paths["db"])

    at.query_params["scope"] = key(EAST_CITY_A)  # one of its own cities: allowed as asked
    at.run()
    assert f"scope={key(EAST_CITY_A)}" in texts(at) and not at.warning
