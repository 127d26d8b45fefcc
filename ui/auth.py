"""The sign-in gate of SPEC 8, drawn with streamlit-authenticator 0.4; the rules live in ``analytics.auth``.

``gate()`` runs at the top of ``app.py`` on every rerun:

* users configured (``analytics.auth.users_path()``) → the sign-in form, and nothing else, until signed in;
* no users, server bound to a loopback address and not reached through a proxy → local single-user mode;
* no users otherwise → a refusal naming the command that creates the first user. Streamlit binds to every
  interface when ``server.address`` is empty, so empty counts as exposed.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import sys
import time
from urllib.parse import urlparse

import streamlit as st

from analytics.auth import audit, sessions, throttle
from analytics.auth.client_address import (
    client_address,
    peer_is_trusted,
    server_trusted,
    socket_peer,
    trusted_proxies,
)
from analytics.auth.model import AuthError, ScopeDenied, User
from analytics.auth.scope import CompanyTree, allowed_scope_key, effective_scope
from analytics.auth.users import UserStore
from analytics.i18n import t
from ui.session import USER_KEY, current_lang, current_user

_RECORDED_KEY = "_auth_recorded"  # (username, password hash) whose sign-in is already in the audit log
_METHOD_KEY = "_auth_method"  # "password" when this session's sign-in came through the form
_NOTICE_KEY = "_auth_notice"
_SIGNED_IN_AT_KEY = "_auth_signed_in_at"  # time.time() when this session's sign-in was accepted
_PENDING_COOKIE_KEY = "_auth_pending_cookie"  # (token, expiry, secure) to hand to the browser in the next run
_WAIT_KEY = "_auth_wait_s"  # set by the password check when the back-off refused to check (seconds left)
# Host names a local-mode page may be reached by: anything else is a DNS-rebinding page driving this browser.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
# Headers a reverse proxy adds: a request carrying them did not come from this machine's own browser.
_PROXY_HEADERS = ("x-forwarded-for", "x-forwarded-host", "x-real-ip", "forwarded")
_SLUG = re.compile(r"^[a-z0-9_-]{1,64}$")
# streamlit-authenticator pauses before drawing the form (its default 0.7 s); it also slows password guessing.
LOGIN_SLEEP_S = 0.7


def is_loopback(address: str | None) -> bool:
    """Whether ``server.address`` accepts only this machine's connections (empty = every interface)."""
    text = (address or "").strip().strip("[]").lower()
    if not text:
        return False
    if text == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:  # a host name other than localhost may resolve to anything
        return False


def _header(name: str) -> str | None:
    """A request header, or None (also outside a browser session, e.g. AppTest, where values are not text)."""
    try:
        value = st.context.headers.get(name)
    except Exception:  # noqa: BLE001 - no request context
        return None
    return value if isinstance(value, str) and value else None


def _proxied() -> bool:
    return any(_header(name) for name in _PROXY_HEADERS)


def _socket_peer() -> str | None:
    """The TCP peer of this session's WebSocket. ``st.context.ip_address`` hides loopback peers (None), which
    would make a proxy on this machine indistinguishable from no peer, so the raw value is read first."""
    try:
        from streamlit.runtime.context import _get_client_context

        ip = getattr(_get_client_context(), "remote_ip", None)
    except Exception:  # noqa: BLE001 - a Streamlit without it, or no request context
        ip = None
    if not isinstance(ip, str) or not ip:
        try:
            ip = st.context.ip_address
        except Exception:  # noqa: BLE001 - no request context
            return None
    return ip if isinstance(ip, str) and ip else None


def _proxies():
    try:
        return trusted_proxies()
    except ValueError:  # gate() refuses to serve with this message; here (audit, back-off) trust no proxy
        return ()


def _client_ip() -> str | None:
    """The client's address: X-Forwarded-For only through a configured trusted proxy (issue #12, finding 10)."""
    forwarded = _header("x-forwarded-for")
    return client_address(socket_peer(_socket_peer(), forwarded, server_trusted()), forwarded, _proxies())


def _served_over_https() -> bool:
    """Whether the visitor's page is https: its own address says so, or a trusted proxy says it terminated TLS."""
    try:
        url = st.context.url
    except Exception:  # noqa: BLE001 - no request context
        url = None
    if isinstance(url, str) and url.lower().startswith("https:"):
        return True
    proto = (_header("x-forwarded-proto") or "").split(",")[-1].strip().lower()
    peer = socket_peer(_socket_peer(), _header("x-forwarded-for"), server_trusted())
    return proto == "https" and peer_is_trusted(peer, _proxies())


def host_is_loopback(host: str | None) -> bool:
    """Whether a Host (or Origin netloc) header names this machine: localhost, 127.0.0.1 (127/8), [::1]."""
    try:
        name = urlparse(f"//{host}").hostname
    except ValueError:
        return False
    name = (name or "").rstrip(".").lower()
    return name == "localhost" or is_loopback(name)


def _foreign_host() -> str | None:
    """The Host or Origin of this session's request when it is not a loopback name (None when loopback/unknown)."""
    host = _header("host")
    if host is not None and not host_is_loopback(host):
        return host
    origin = _header("origin")
    if origin is not None and origin != "null" and not host_is_loopback(urlparse(origin).netloc):
        return origin
    return None


_HOSTS_GUARDED = False  # whether this process set server.allowedHosts to LOOPBACK_HOSTS (local mode)


def _guard_local_hosts(local: bool) -> None:
    """In local mode let Streamlit itself refuse WebSocket handshakes whose Host is not loopback (HTTP 403).

    ``server.allowedHosts`` is Streamlit's own DNS-rebinding guard, empty (any Host) by default. It is set here,
    at the first local-mode run of the process, only when the operator configured none; once users exist it is
    given back, since a team reaches the server by its own name through a proxy. Until the first run the check in
    ``gate()`` (no data for a foreign Host) is the guard.
    """
    global _HOSTS_GUARDED
    from streamlit import config

    try:
        if local and not _HOSTS_GUARDED and not config.get_option("server.allowedHosts"):
            config.set_option("server.allowedHosts", list(LOOPBACK_HOSTS), "ui.auth local mode")
            _HOSTS_GUARDED = True
        elif not local and _HOSTS_GUARDED:
            config.set_option("server.allowedHosts", [], "ui.auth sign-in mode")
            _HOSTS_GUARDED = False
    except Exception as exc:  # noqa: BLE001 - a Streamlit without the option: gate() still refuses foreign hosts
        print(f"server.allowedHosts not set: {type(exc).__name__}: {exc}", file=sys.stderr)


def _audit(actor: str, action: str, detail: dict) -> None:
    """Write an audit line; a busy or missing database must not lock people out, so failures are only logged."""
    from ui.db import db_path

    try:
        audit.record_event(db_path(), actor, action, {**detail, "ip": _client_ip()}, timeout_s=5)
    except Exception as exc:  # noqa: BLE001 - sign-in goes on; the server log keeps the reason
        print(f"audit log not written ({action} by {actor}): {type(exc).__name__}: {exc}", file=sys.stderr)


def _signed_out_page() -> None:
    """The only page a visitor who is not let in may have (it is never run)."""


def _requested_page() -> str | None:
    """The last path segment of the address the visitor asked for (``/admin`` → ``admin``), if it is a plain slug."""
    try:
        url = st.context.url
    except Exception:  # noqa: BLE001 - no request context
        return None
    if not isinstance(url, str):
        return None
    segment = urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]
    return segment if _SLUG.match(segment) else None


def _stop() -> None:
    """End the run before ``app.py`` draws its navigation, without Streamlit listing the pages/ folder instead.

    A hidden placeholder keeps the address the visitor asked for, so after signing in they land on that page.
    """
    pages = [st.Page(_signed_out_page, title="流程穿越 analytics", default=True)]
    requested = _requested_page()
    if requested:
        pages.append(st.Page(_signed_out_page, title="流程穿越 analytics", url_path=requested))
    st.navigation(pages, position="hidden")
    st.stop()


def gate() -> User | None:
    """Let the visitor in or stop the script; returns the signed-in ``User`` or None in local mode."""
    lang = current_lang()
    try:
        store = UserStore.load()
    except AuthError as exc:  # fail closed: a broken users file never means "no users"
        st.error(t("auth.users_file_error", lang, error=str(exc)), icon=":material/lock:")
        _stop()
    try:
        trusted_proxies()
    except ValueError as exc:  # a typo in the proxy list must not silently trust every X-Forwarded-For
        st.error(t("auth.trusted_proxies_error", lang, error=str(exc)), icon=":material/lock:")
        _stop()
    _guard_local_hosts(local=not store.records)
    if not store.records:
        address = st.get_option("server.address")
        if not is_loopback(address):
            _refuse(t("auth.refuse.body", lang, address=address or t("auth.all_interfaces", lang),
                      path=store.path), t("auth.refuse.after", lang))
        if _proxied():
            _refuse(t("auth.refuse.proxied", lang, path=store.path), t("auth.refuse.after_proxied", lang))
        foreign = _foreign_host()
        if foreign is not None:  # DNS rebinding: a web page on another name is driving this browser (finding 8)
            _refuse(t("auth.refuse.host", lang, host=foreign), t("auth.refuse.after_host", lang))
        st.session_state[USER_KEY] = None
        st.sidebar.caption(t("auth.local_mode", lang), help=t("auth.local_mode_help", lang))
        return None
    return _sign_in(store, lang)


def _refuse(why: str, after: str) -> None:
    """Serve nothing but the reason and the command that creates the first user (plain text, no Markdown)."""
    st.error(t("auth.refuse.title", current_lang()), icon=":material/lock:")
    st.text(why)
    st.code("python -m analytics users add admin --role admin", language="bash")
    st.text(after)
    _stop()


def _sign_in(store: UserStore, lang: str) -> User:
    import streamlit_authenticator as stauth

    cookie = store.cookie_settings()
    authenticator = stauth.Authenticate(store.credentials(), cookie["name"], cookie["key"],
                                        float(cookie["expiry_days"]), auto_hash=False,
                                        login_sleep_time=LOGIN_SLEEP_S)
    _install_guards(authenticator, store, cookie)
    _end_stale_session(store, authenticator)
    if st.session_state.get("authentication_status") is False:
        st.session_state["authentication_status"] = None  # so a new failure in this run can be told apart
    fields = {"Form name": t("auth.login.form", lang), "Username": t("auth.login.username", lang),
              "Password": t("auth.login.password", lang), "Login": t("auth.login.submit", lang)}
    signed_in_before = bool(st.session_state.get("authentication_status"))
    # The form sits in a narrow centred column under the product's name; a remembered (cookie) sign-in in this
    # run empties the slot again so nothing of the form stays above the page.
    slot = st.empty()
    with slot.container():
        form_column = st.columns([1, 2, 1])[1] if not signed_in_before else st.container()
        with form_column:
            if not signed_in_before:
                st.title(t("auth.login.title", lang), anchor=False)
            try:
                authenticator.login(location="main", fields=fields, key="auth_login",
                                    callback=lambda _info: st.session_state.__setitem__(_METHOD_KEY, "password"))
            except Exception as exc:  # noqa: BLE001 - e.g. a remembered cookie for a removed user: sign in again
                authenticator.logout(location="unrendered")
                st.error(t("auth.login.error", lang, error=str(exc)))
                _stop()
            status = st.session_state.get("authentication_status")
            wait_s = st.session_state.pop(_WAIT_KEY, None)
            if status is False and wait_s:
                _audit("anonymous", audit.SIGN_IN_FAILED, {"throttled_s": round(wait_s)})
                st.error(t("auth.login.wait", lang, seconds=max(1, round(wait_s))))
            elif status is False:
                _audit("anonymous", audit.SIGN_IN_FAILED, {})
                st.error(t("auth.login.failed", lang))
            if not status:
                if st.session_state.pop(_NOTICE_KEY, None):
                    st.warning(t("auth.login.user_gone", lang))
                st.caption(t("auth.login.help", lang))
                _stop()
    if not signed_in_before and st.session_state.get(_METHOD_KEY) != "password":
        slot.empty()  # a form sign-in reruns below instead: emptying now would drop the cookie being set
    username = st.session_state["username"]
    user = store.get(username)
    fresh_form_sign_in = st.session_state.pop(_METHOD_KEY, None) == "password"
    if st.session_state.get(_RECORDED_KEY) != (username, store.password_hash(username)):
        st.session_state[_RECORDED_KEY] = (username, store.password_hash(username))
        st.session_state[_SIGNED_IN_AT_KEY] = time.time()
        _audit(username, audit.SIGN_IN, {"method": "password" if fresh_form_sign_in else "cookie",
                                          "role": user.role, "company": user.company})
    st.session_state[USER_KEY] = user
    if fresh_form_sign_in:
        st.rerun()  # the form was drawn in this run; start again without it
    _sidebar(authenticator, store, user, lang)
    return user


def _end_stale_session(store: UserStore, authenticator) -> None:
    """Sign out a session whose user was removed or whose password changed since it signed in."""
    if not st.session_state.get("authentication_status"):
        return
    username = st.session_state.get("username")
    recorded = st.session_state.get(_RECORDED_KEY)
    signed_in_at = st.session_state.get(_SIGNED_IN_AT_KEY)
    gone = store.get(username) is None or (recorded and recorded != (username, store.password_hash(username)))
    if gone or (signed_in_at is not None and sessions.signed_out_after(store.path, username, signed_in_at)):
        # Removed, new password, or signed out in another browser since this session signed in (finding 6).
        authenticator.logout(location="unrendered")
        for key in (USER_KEY, _RECORDED_KEY, _SIGNED_IN_AT_KEY, _PENDING_COOKIE_KEY):
            st.session_state.pop(key, None)
        st.session_state[_NOTICE_KEY] = True


def _install_guards(authenticator, store: UserStore, cookie: dict) -> None:
    """Replace streamlit-authenticator's cookie and password checks on this (per-run) instance.

    * The remembered cookie (finding 6, 11): decoded here with every PyJWT error caught (an ``alg=none`` token
      raised ``InvalidAlgorithmError`` past the library), its payload checked, and refused when its user signed
      out after it was issued (``analytics.auth.sessions``). It is written with ``SameSite=Strict`` and, when the
      page is https, ``Secure``. It cannot be HttpOnly: the library sets it from page JavaScript (a component),
      which is why sign-out revokes it on the server and its life is short (``cookie.expiry_days``).
    * The password check (finding 9): the back-off per user name and address (``analytics.auth.throttle``) runs
      first, and an unknown user name costs one bcrypt check like a known one (the library returned at once).
    """
    import jwt

    controller = authenticator.cookie_controller
    model = controller.cookie_model
    key, expiry_days = str(cookie["key"]), float(cookie["expiry_days"])

    def get_cookie():
        if st.session_state.get("logout"):  # signed out in this session: never back in by cookie
            return False
        try:
            raw = st.context.cookies.get(model.cookie_name)
        except Exception:  # noqa: BLE001 - no request context (AppTest)
            return None
        if not isinstance(raw, str) or not raw:
            return None
        try:
            payload = jwt.decode(raw, key, algorithms=["HS256"])
        except Exception as exc:  # noqa: BLE001 - any forged, damaged or foreign token is simply no sign-in
            print(f"sign-in cookie refused: {type(exc).__name__}", file=sys.stderr)
            return None
        username, exp_date = payload.get("username"), payload.get("exp_date")
        if (not isinstance(username, str) or isinstance(exp_date, bool)
                or not isinstance(exp_date, (int, float)) or exp_date <= time.time()):
            return None
        username = username.strip().lower()
        if store.get(username) is None or sessions.token_revoked(store.path, username, float(exp_date)):
            return None
        return {"username": username, "exp_date": float(exp_date)}

    def set_cookie() -> None:
        # Called in the run of the sign-in form, which gate() ends with st.rerun(): a cookie component drawn
        # there never reached the browser (no "remember me" at all), so it is drawn in the next run instead.
        if expiry_days == 0:
            return
        expires = dt.datetime.now() + dt.timedelta(days=expiry_days)
        token = jwt.encode({"username": st.session_state["username"], "exp_date": expires.timestamp()}, key,
                           algorithm="HS256")
        st.session_state[_PENDING_COOKIE_KEY] = (token, expires, _served_over_https())

    pending = st.session_state.get(_PENDING_COOKIE_KEY)
    if pending is not None and st.session_state.get("authentication_status"):
        # Drawn in the next three runs (same key and value: the browser sets it once more at most), since a run
        # that ends in an immediate rerun may again never reach the browser.
        token, expires, secure, runs = (*pending, 0)[:4]
        model.cookie_manager.set(model.cookie_name, token, key="auth_cookie_set", expires_at=expires,
                                 secure=True if secure else None, same_site="strict")
        if runs >= 2:
            st.session_state.pop(_PENDING_COOKIE_KEY, None)
        else:
            st.session_state[_PENDING_COOKIE_KEY] = (token, expires, secure, runs + 1)
    elif pending is not None:
        st.session_state.pop(_PENDING_COOKIE_KEY, None)

    controller.get_cookie = get_cookie
    controller.set_cookie = set_cookie

    auth_model = authenticator.authentication_controller.authentication_model

    def check_credentials(username: str, password: str) -> bool:
        keys = throttle.sign_in_keys(username, _client_ip())
        wait_s = throttle.SIGN_INS.wait_s(keys)
        if wait_s > 0:  # not even the right password is checked while the wait lasts
            st.session_state[_WAIT_KEY] = wait_s
            return False
        if store.verify_password(username, password or "") is None:
            throttle.SIGN_INS.failed(keys)
            return False
        throttle.SIGN_INS.succeeded(keys[0][0])
        return True

    auth_model.check_credentials = check_credentials


def _sidebar(authenticator, store: UserStore, user: User, lang: str) -> None:
    from ui.import_view import md_escape  # names typed by an administrator still never render as Markdown

    role = t(f"auth.role.{user.role}", lang)
    st.sidebar.caption(t("auth.signed_in_as", lang, name=md_escape(user.display_name), role=role))
    scope = md_escape(user.company) if user.company else t("auth.scope.all", lang)
    st.sidebar.caption(t("auth.signed_in_scope", lang, scope=scope))

    def on_logout(_info: dict) -> None:
        _audit(user.username, audit.SIGN_OUT, {})
        try:  # every remembered cookie of this user, here or copied elsewhere, stops working (finding 6)
            sessions.record_sign_out(store.path, user.username, float(store.cookie_settings()["expiry_days"]))
        except OSError as exc:
            print(f"sign-out not recorded for {user.username}: {exc}", file=sys.stderr)
            st.session_state[_NOTICE_KEY] = True
        for key in (USER_KEY, _RECORDED_KEY, _SIGNED_IN_AT_KEY, _PENDING_COOKIE_KEY):
            st.session_state.pop(key, None)

    authenticator.logout(t("auth.logout", lang), "sidebar", key="auth_logout", callback=on_logout)
    if not st.session_state.get("authentication_status"):
        st.rerun()


def _company_tree() -> CompanyTree:
    from ui import data

    return CompanyTree.coerce(data.companies())


def allowed_scope(user: User | None) -> str | None:
    """The company key ``app.py`` gives ``render_sidebar(user, allowed_scope_key)``: None when the user may see all."""
    root = allowed_scope_key(user)
    if root is None or _company_tree().is_hq(root):
        return None
    return root


def enforce_scope(requested_scope_key: str | None, user: User | None = None) -> str | None:
    """The scope to pass to metrics functions: ``requested_scope_key`` if allowed, else the user's own (noted).

    Pages call this with the sidebar's value, so a hand-edited URL (``?scope=...``) cannot widen what is read.
    """
    user = user if user is not None else current_user()
    try:
        return effective_scope(user, requested_scope_key, _company_tree())
    except ScopeDenied as exc:
        _audit(user.username, audit.SCOPE_DENIED, {"requested": exc.requested, "allowed": exc.allowed})
        lang = current_lang()
        from ui.import_view import md_escape

        st.warning(t("auth.scope_denied", lang, scope=md_escape(exc.requested),
                     allowed=md_escape(user.company or exc.allowed)))
        return effective_scope(user, None, _company_tree())


def require_role(user: User | None, *roles: str) -> None:
    """Stop the page unless ``user`` has one of ``roles`` (local mode has every role)."""
    if user is None or user.role in roles:
        return
    lang = current_lang()
    st.error(t("auth.role_denied", lang, roles="、".join(t(f"auth.role.{r}", lang) for r in roles)),
             icon=":material/block:")
    st.stop()
