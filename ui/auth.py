"""The sign-in gate of SPEC 8, drawn with streamlit-authenticator 0.4; the rules live in ``analytics.auth``.

``gate()`` runs at the top of ``app.py`` on every rerun:

* users configured (``analytics.auth.users_path()``) → the sign-in form, and nothing else, until signed in;
* no users, server bound to a loopback address and not reached through a proxy → local single-user mode;
* no users otherwise → a refusal naming the command that creates the first user. Streamlit binds to every
  interface when ``server.address`` is empty, so empty counts as exposed.
"""

from __future__ import annotations

import ipaddress
import re
import sys
from urllib.parse import urlparse

import streamlit as st

from analytics.auth import audit
from analytics.auth.model import AuthError, ScopeDenied, User
from analytics.auth.scope import CompanyTree, allowed_scope_key, effective_scope
from analytics.auth.users import UserStore
from analytics.i18n import t
from ui.session import USER_KEY, current_lang, current_user

_RECORDED_KEY = "_auth_recorded"  # (username, password hash) whose sign-in is already in the audit log
_METHOD_KEY = "_auth_method"  # "password" when this session's sign-in came through the form
_NOTICE_KEY = "_auth_notice"
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


def _client_ip() -> str | None:
    forwarded = _header("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip()
    try:
        ip = st.context.ip_address
    except Exception:  # noqa: BLE001 - no request context
        return None
    return ip if isinstance(ip, str) else None


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
    if not store.records:
        address = st.get_option("server.address")
        if not is_loopback(address):
            _refuse(t("auth.refuse.body", lang, address=address or t("auth.all_interfaces", lang),
                      path=store.path), t("auth.refuse.after", lang))
        if _proxied():
            _refuse(t("auth.refuse.proxied", lang, path=store.path), t("auth.refuse.after_proxied", lang))
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
            if status is False:
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
        _audit(username, audit.SIGN_IN, {"method": "password" if fresh_form_sign_in else "cookie",
                                          "role": user.role, "company": user.company})
    st.session_state[USER_KEY] = user
    if fresh_form_sign_in:
        st.rerun()  # the form was drawn in this run; start again without it
    _sidebar(authenticator, user, lang)
    return user


def _end_stale_session(store: UserStore, authenticator) -> None:
    """Sign out a session whose user was removed or whose password changed since it signed in."""
    if not st.session_state.get("authentication_status"):
        return
    username = st.session_state.get("username")
    recorded = st.session_state.get(_RECORDED_KEY)
    if store.get(username) is None or (recorded and recorded != (username, store.password_hash(username))):
        authenticator.logout(location="unrendered")
        for key in (USER_KEY, _RECORDED_KEY):
            st.session_state.pop(key, None)
        st.session_state[_NOTICE_KEY] = True


def _sidebar(authenticator, user: User, lang: str) -> None:
    from ui.import_view import md_escape  # names typed by an administrator still never render as Markdown

    role = t(f"auth.role.{user.role}", lang)
    st.sidebar.caption(t("auth.signed_in_as", lang, name=md_escape(user.display_name), role=role))
    scope = md_escape(user.company) if user.company else t("auth.scope.all", lang)
    st.sidebar.caption(t("auth.signed_in_scope", lang, scope=scope))

    def on_logout(_info: dict) -> None:
        _audit(user.username, audit.SIGN_OUT, {})
        for key in (USER_KEY, _RECORDED_KEY):
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
