"""What every layer of the UI asks about the session: its language, its signed-in user and whether this run passed
the sign-in gate (issue #13 item 7).

A leaf module: it imports nothing of ``ui`` at import time, so ``ui.auth``, ``ui.state`` and ``ui.gate`` can all
read the language without importing each other (they used to form a circle through ``current_lang``).
"""

from __future__ import annotations

import streamlit as st

from analytics.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

LANG_KEY = "ctl_lang"  # session_state key of the sidebar's language selector (ui.state draws it)
USER_KEY = "auth_user"  # session_state: the User that ui.auth.gate() let in, None in local mode
ROUTED_KEY = "_gate_routed"  # set by app.py right before it runs the page; consumed by ui.gate.page_gate()
PASSED_KEY = "_gate_passed"  # whether ui.gate.page_gate() let the current run through


def current_lang() -> str:
    """The language chosen in the sidebar (or in the URL before the sidebar has run)."""
    lang = st.session_state.get(LANG_KEY) or st.query_params.get("lang") or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, /, **params: object) -> str:
    """``analytics.i18n.t`` in the current language."""
    return t(key, current_lang(), **params)


def tr_md(key: str, /, **params: object) -> str:
    """``tr`` for text that Streamlit renders as Markdown (captions, alerts, labels).

    Every text parameter can hold what an upload wrote (a company, a department, a file name), so each one is
    escaped with ``ui.import_view.md_escape`` here, the one place doing it (issue #7). Numbers and dates are
    left as they are.
    """
    from ui.import_view import md_escape  # a leaf too (analytics only); imported late to keep this one light

    return tr(key, **{k: md_escape(v) if isinstance(v, str) else v for k, v in params.items()})


def current_user():
    """The signed-in ``analytics.auth.model.User`` of this session (None in local single-user mode).

    Set by ``ui.auth.gate()`` on every run before any page code runs; the one reader of it (there were two, one per
    session key, issue #13 item 8).
    """
    return st.session_state.get(USER_KEY)


def mark_routed() -> None:
    """Called by ``app.py`` once the gate has passed, immediately before ``st.navigation(...).run()``."""
    st.session_state[ROUTED_KEY] = True


def gate_passed() -> bool:
    """Whether the current run of a page passed ``ui.gate.page_gate()`` (signed in, or local mode)."""
    return st.session_state.get(PASSED_KEY) is True
