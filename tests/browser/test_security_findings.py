"""Issue #12, findings 6, 8, 9, 10 and 11, performed against a running server (``streamlit run app.py`` on
127.0.0.1, driven by Chromium, raw HTTP and WebSocket):

* 6 — an old remember-me cookie replayed after sign-out does not sign in;
* 8 — in local mode a page reached under a foreign host name (DNS rebinding) gets no data, and once the app has
  run, Streamlit refuses the WebSocket handshake of such a host;
* 9 — after five wrong passwords the right one is not checked (the wait is shown);
* 10 — a spoofed X-Forwarded-For does not reach the audit log; through a configured trusted proxy the nearest
  untrusted hop does;
* 11 — a forged ``alg=none`` cookie and a NUL byte in an uploaded file name show no traceback or server path.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import time
from pathlib import Path

import pytest

import analytics.auth.users as users_module
from analytics.auth import UserStore
from tests.browser.conftest import CHROMIUM_ARGS, ROOT, streamlit_server
from tests.trust.conftest import workbook_bytes

pytestmark = pytest.mark.browser

PASSWORD = "Gate-keeper-11"
COOKIE = "walkthrough_auth"


def make_users(path: Path, *names: str) -> None:
    users_module.BCRYPT_ROUNDS = 4  # speed; the server checks at the cost the file holds
    store = UserStore.load(path)
    for name in names:
        store.add(name, role="admin", password=PASSWORD)
    store.save()


def make_database(path: Path) -> None:
    from analytics.store.connection import connect

    with connect(path):
        pass


def audit_rows(path: Path) -> list[tuple[str, str, dict]]:
    from analytics.auth.audit import load_audit_log
    from analytics.store.connection import connect

    with connect(path, read_only=True) as con:
        log = load_audit_log(con)
    return [(a, b, json.loads(c) if isinstance(c, str) else c)
            for a, b, c in zip(log["actor"], log["action"], log["detail"], strict=True)][::-1]


def new_page(browser, **context_options):
    context = browser.new_context(locale="zh-TW", **context_options)
    return context.new_page()


def sign_in_form(pg, timeout: float = 30000) -> None:
    pg.get_by_label("使用者名稱").wait_for(timeout=timeout)


def settle(pg, quiet: float = 1.0, timeout: float = 60) -> None:
    """Until the script run the last action started has finished (no status widget for ``quiet`` seconds)."""
    time.sleep(0.3)
    deadline, quiet_since = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        if pg.locator('[data-testid="stStatusWidget"]').count():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet:
            return
        time.sleep(0.1)
    raise TimeoutError("the app kept running")


def submit(pg, username: str, password: str) -> None:
    pg.get_by_label("使用者名稱").fill(username)
    pg.get_by_label("密碼").fill(password)
    pg.get_by_role("button", name="登入").click()
    settle(pg)


def signed_in(pg, timeout: float = 30000) -> None:
    pg.get_by_text("已登入").first.wait_for(timeout=timeout)


def body(pg) -> str:
    return pg.inner_text("body")


def replay_is_refused(browser, url: str, cookie: dict) -> None:
    """A fresh browser holding only ``cookie`` gets the sign-in form, not a session."""
    replay = new_page(browser)
    replay.context.add_cookies([cookie])
    replay.goto(url)
    sign_in_form(replay)
    time.sleep(2)  # a cookie sign-in would have replaced the form by now
    assert "已登入" not in body(replay) and replay.get_by_label("使用者名稱").count() == 1
    replay.context.close()


def test_an_old_cookie_replayed_after_sign_out_does_not_sign_in(browser, tmp_path):
    import jwt

    users = tmp_path / "cfg" / "users.yaml"
    make_users(users, "alice")
    key = UserStore.load(users).cookie_settings()["key"]
    with streamlit_server(tmp_path / "w.duckdb", users) as url:
        host = url.split("//")[1].split(":")[0]
        first = new_page(browser)
        first.goto(url)
        sign_in_form(first)
        submit(first, "alice", PASSWORD)
        signed_in(first)
        deadline = time.monotonic() + 20
        while not [c for c in first.context.cookies() if c["name"] == COOKIE] and time.monotonic() < deadline:
            time.sleep(0.2)
        ours = [c for c in first.context.cookies() if c["name"] == COOKIE]
        # the cookie alice's other browser holds, issued a moment ago, exactly as the library writes it
        other_device = {"name": COOKIE, "domain": host, "path": "/", "value": jwt.encode(
            {"username": "alice", "exp_date": time.time() + 86400}, key, algorithm="HS256")}

        # a copy works while alice is signed in ...
        thief = new_page(browser)
        thief.context.add_cookies([other_device])
        thief.goto(url)
        signed_in(thief)
        thief.context.close()

        first.get_by_role("button", name="登出").click()
        sign_in_form(first)

        # ... and not after she signed out, in a fresh browser that never saw the sign-out
        replay_is_refused(browser, url, other_device)
        # the browser's own remember-me cookie (set by the sign-in above) is refused the same way
        assert len(ours) == 1, "signing in set no remember-me cookie"
        (cookie,) = ours
        assert cookie["sameSite"] == "Strict"
        assert cookie["httpOnly"] is False  # set by page JavaScript (a component): why sign-out revokes it
        assert cookie["secure"] is False  # plain http here; https pages get Secure
        replay_is_refused(browser, url, cookie)

        # signing in again gives a new cookie that works
        submit(first, "alice", PASSWORD)
        signed_in(first)
        deadline = time.monotonic() + 20
        fresh = []
        while time.monotonic() < deadline and not fresh:
            fresh = [c for c in first.context.cookies() if c["name"] == COOKIE and c["value"] != cookie["value"]]
            time.sleep(0.2)
        assert fresh
        again = new_page(browser)
        again.context.add_cookies([fresh[0]])
        again.goto(url)
        signed_in(again)
        again.context.close()
        first.context.close()


def test_wrong_passwords_make_the_right_one_wait_and_spoofed_forwarded_for_is_not_logged(browser, tmp_path):
    users = tmp_path / "cfg" / "users.yaml"
    make_users(users, "alice")
    db = tmp_path / "w.duckdb"
    make_database(db)
    with streamlit_server(db, users) as url:
        # the guesser claims to be someone else in X-Forwarded-For; no trusted proxy is configured
        pg = new_page(browser, extra_http_headers={"X-Forwarded-For": "203.0.113.9"})
        pg.goto(url)
        sign_in_form(pg)
        for attempt in range(5):
            submit(pg, "alice", f"guess-{attempt}-wrong")
            pg.get_by_text("使用者名稱或密碼不正確").wait_for(timeout=30000)
        submit(pg, "alice", PASSWORD)  # the 6th guess is right: it is not even checked
        pg.get_by_text("登入失敗次數過多").wait_for(timeout=30000)
        wait = re.search(r"請於 (\d+) 秒後再試", body(pg))
        assert "已登入" not in body(pg) and wait and 15 <= int(wait.group(1)) <= 30  # 30 s after the 5th failure
        # alice herself, from another browser, waits too (per user name, not only per address)
        mine = new_page(browser)
        mine.goto(url)
        sign_in_form(mine)
        submit(mine, "alice", PASSWORD)
        mine.get_by_text("登入失敗次數過多").wait_for(timeout=30000)
        mine.context.close()
        pg.context.close()
    failed = [detail for actor, action, detail in audit_rows(db) if action == "sign_in_failed"]
    assert len(failed) == 7
    assert {d["ip"] for d in failed} == {"127.0.0.1"}  # the socket peer, never the spoofed header
    assert [d.get("throttled_s") is not None for d in failed] == [False] * 5 + [True, True]


def test_through_a_trusted_proxy_the_nearest_untrusted_hop_is_logged(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("WALKTHROUGH_TRUSTED_PROXIES", "127.0.0.1")
    users = tmp_path / "cfg" / "users.yaml"
    make_users(users, "alice")
    db = tmp_path / "w.duckdb"
    make_database(db)
    with streamlit_server(db, users) as url:
        # as nginx on this machine sends it: the client wrote 6.6.6.6 itself, nginx appended 203.0.113.9
        pg = new_page(browser, extra_http_headers={"X-Forwarded-For": "6.6.6.6, 203.0.113.9"})
        pg.goto(url)
        sign_in_form(pg)
        submit(pg, "alice", "wrong-password")
        pg.get_by_text("使用者名稱或密碼不正確").wait_for(timeout=30000)
        pg.context.close()
    failed = [detail for actor, action, detail in audit_rows(db) if action == "sign_in_failed"]
    assert [d["ip"] for d in failed] == ["203.0.113.9"]


def handshake_status(url: str, host: str) -> int:
    """The HTTP status of a WebSocket handshake on /_stcore/stream sent with ``Host: host`` (and its Origin)."""
    port = int(url.rsplit(":", 1)[1])
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {base64.b64encode(b'0123456789abcdef').decode()}\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request.encode())
        status_line = conn.recv(4096).split(b"\r\n", 1)[0].decode()
    return int(status_line.split()[1])


def test_local_mode_gives_a_rebinding_host_no_data_and_then_refuses_its_websocket(browser, tmp_path):
    missing_users = tmp_path / "cfg" / "users.yaml"  # no users: local mode
    with streamlit_server(tmp_path / "w.duckdb", missing_users) as url:
        port = url.rsplit(":", 1)[1]
        evil = f"rebind.example:{port}"
        # the attacker's name resolves to this machine, as after a DNS rebinding (a second Chromium of the
        # module's Playwright: one sync Playwright per thread)
        browser = browser.browser_type.launch(
            executable_path="/usr/bin/chromium",
            args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP rebind.example 127.0.0.1"])
        try:
            # the very first session of the process comes from the attacker's page: the script refuses it
            attacker = browser.new_context(locale="zh-TW").new_page()
            attacker.goto(f"http://{evil}/")
            attacker.get_by_text("本機模式只接受 localhost").wait_for(timeout=30000)
            settle(attacker)
            shown = body(attacker)
            assert "DNS rebinding" in shown and "本機模式：未啟用登入" not in shown and "歡迎使用" not in shown

            # from then on Streamlit refuses the WebSocket of a foreign Host outright; loopback names still work
            assert handshake_status(url, evil) == 403
            assert handshake_status(url, "evil.example") == 403
            assert handshake_status(url, f"127.0.0.1:{port}") == 101
            assert handshake_status(url, f"localhost:{port}") == 101
            assert handshake_status(url, f"[::1]:{port}") == 101

            owner = browser.new_context(locale="zh-TW").new_page()
            owner.goto(url)
            owner.get_by_text("本機模式：未啟用登入").first.wait_for(timeout=30000)
            owner.context.close()

            attacker.goto(f"http://{evil}/")
            time.sleep(5)
            shown = body(attacker)
            assert "本機模式：未啟用登入" not in shown and "歡迎使用" not in shown
            attacker.context.close()
        finally:
            browser.close()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def assert_no_traceback(pg) -> None:
    shown = body(pg)
    assert pg.locator('[data-testid="stException"]').count() == 0
    for leak in ("Traceback", "site-packages", ".py\"", str(ROOT), "InvalidAlgorithmError", "Error:"):
        assert leak not in shown, leak


def test_forged_cookies_show_the_sign_in_form_and_no_traceback(browser, tmp_path):
    users = tmp_path / "cfg" / "users.yaml"
    make_users(users, "alice")
    with streamlit_server(tmp_path / "w.duckdb", users) as url:
        host = url.split("//")[1].split(":")[0]
        future = time.time() + 86400
        forged = {
            # alg=none, no signature: PyJWT raises InvalidAlgorithmError, which the library did not catch
            "alg_none": b64url(b'{"alg":"none","typ":"JWT"}') + "." + b64url(
                json.dumps({"username": "alice", "exp_date": future}).encode()) + ".",
            "garbage": "not.a.token",
            "wrong_key": __import__("jwt").encode({"username": "alice", "exp_date": future}, "x" * 32,
                                                  algorithm="HS256"),
        }
        for label, value in forged.items():
            pg = new_page(browser)
            pg.context.add_cookies([{"name": COOKIE, "value": value, "domain": host, "path": "/"}])
            pg.goto(url)
            sign_in_form(pg)
            settle(pg)
            assert "已登入" not in body(pg), label
            assert_no_traceback(pg)
            pg.context.close()


def test_a_nul_byte_in_an_uploaded_file_name_shows_no_traceback(browser, tmp_path):
    users = tmp_path / "cfg" / "users.yaml"
    make_users(users, "alice")
    with streamlit_server(tmp_path / "w.duckdb", users) as url:
        pg = new_page(browser)
        pg.goto(f"{url}/data_import")
        sign_in_form(pg)
        submit(pg, "alice", PASSWORD)
        signed_in(pg)
        pg.locator('input[type="file"]').wait_for(state="attached", timeout=60000)
        settle(pg)
        workbook = workbook_bytes({"名冊": [("工號", "姓名", "公司"), ("A001", "王小明", "東海省公司")]})
        pg.locator('input[type="file"]').set_input_files([
            {"name": "名冊\x00.xlsx", "mimeType": "application/octet-stream", "buffer": workbook}])
        settle(pg, quiet=2.0)
        pg.get_by_text("名冊.xlsx").first.wait_for(timeout=90000)  # the page's own report, name cleaned
        # (the browser's own file chip shows the name as picked; everything the app writes has it cleaned)
        assert pg.locator('[data-testid="stAlert"]', has_text="名冊\x00").count() == 0
        assert_no_traceback(pg)
        pg.context.close()


@pytest.mark.parametrize("start", range(3))
def test_sessions_opened_together_right_after_a_start_all_get_only_the_sign_in_form(browser, tmp_path, start):
    """Finding 1's race: six deep links opened at the same moment on a server that has just started."""
    users = tmp_path / "cfg" / "users.yaml"
    make_users(users, "alice")
    db = tmp_path / "w.duckdb"
    make_database(db)
    with streamlit_server(db, users) as url:
        pages = [browser.new_context(locale="zh-TW").new_page() for _ in range(6)]
        for pg, path in zip(pages, ["issues", "compliance", "batches"] * 2, strict=True):
            pg.goto(f"{url}/{path}", wait_until="commit")  # returns at once: the six sessions start together
        for pg in pages:
            sign_in_form(pg, timeout=60000)
        for pg in pages:
            settle(pg)
            shown = body(pg)
            assert "全部公司" not in shown and "公司範圍" not in shown and "已登入" not in shown, pg.url
            assert pg.locator('[data-testid="stDownloadButton"]').count() == 0, pg.url
            assert pg.locator('[data-testid="stSidebarNav"]').count() == 0, pg.url  # no list of pages/ files
            pg.context.close()
