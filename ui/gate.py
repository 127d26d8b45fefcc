"""The first line of every page: nothing of a page runs before the sign-in gate has passed in this very run.

Why a call in each page and not only the router (issue #12, finding 1): the project keeps its pages in ``pages/``,
so Streamlit starts every server process in its old "pages directory" mode, in which a deep link such as
``/issues`` runs ``pages/issues.py`` on its own, without ``app.py`` and so without the sign-in. ``ui/__init__.py``
leaves that mode on the first import, but sessions that started in the same instant were already running their
page directly, and nothing stopped them from drawing "All companies" and creating download buttons.

``page_gate()`` therefore decides for *this run*:

* the run came through ``app.py`` (the router passed the gate and marked the run just before starting the page):
  go on;
* the router exists but this run bypassed it: leave pages-directory mode and rerun, which goes through
  ``app.py`` and lands on the same page (url paths are the file stems);
* the page is itself the main script (``AppTest.from_file("pages/x.py")``, ``streamlit run pages/x.py``): run
  the gate here — the sign-in form and nothing else until signed in — and draw the sidebar controls for the user.

``gate_passed()`` tells widgets (downloads) whether this run passed; a download is only created when it did.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

# gate_passed and mark_routed live in ui.session (a leaf); re-exported for code written against ui.gate
from ui.session import PASSED_KEY, ROUTED_KEY, gate_passed, mark_routed  # noqa: F401

ROUTER = Path(__file__).resolve().parent.parent / "app.py"


def _is_router(main_script_path: str | None) -> bool:
    try:
        return main_script_path is not None and Path(main_script_path).resolve() == ROUTER
    except OSError:
        return False


def page_gate() -> None:
    """Let this run of a page go on only past the sign-in gate (see the module docstring); else stop or rerun."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:  # imported outside a Streamlit run (a linter, a plain import): nothing is drawn
        return
    st.session_state[PASSED_KEY] = False
    # Consumed here, so a marker left by one run can never let a later run through.
    if st.session_state.pop(ROUTED_KEY, False) is True:
        st.session_state[PASSED_KEY] = True
        return
    if _is_router(ctx.main_script_path):
        try:
            from streamlit.runtime.pages_manager import PagesManager

            PagesManager.uses_pages_directory = False
        except ImportError:  # a Streamlit without pages-directory mode always runs app.py
            pass
        st.rerun()  # through app.py: the sign-in gate, then this same page
    _gate_here()


def _gate_here() -> None:
    """The page is the main script: the router's gate and sidebar, drawn by the page itself."""
    from ui.auth import allowed_scope, gate
    from ui.state import render_sidebar

    user = gate()  # stops the run with only the sign-in form (or a refusal) until someone is signed in
    render_sidebar(user, allowed_scope(user))
    st.session_state["_controls_from_router"] = True
    st.session_state[PASSED_KEY] = True


def _accept_nul_in_upload_names() -> None:
    """Let a file whose name holds a NUL byte reach the upload page, which cleans the name (issue #12, finding 11).

    Streamlit refuses such a name while it reads the widget states, *before* the script runs, so no page code can
    catch it: the session showed an error (a traceback with server paths, before ``showErrorDetails = "none"``) on
    every rerun until reloaded. The type check still runs, on the name without NUL bytes; the page then cleans the
    name (``analytics.ingest.filenames.clean_file_name``) and never uses it as a path. Installed when ``ui.gate``
    is first imported (the first run of the process); a NUL upload needs a rendered page, so it comes later.
    """
    try:
        from streamlit.elements.widgets import file_uploader as widget
    except ImportError:  # a Streamlit laid out differently: its own refusal stays
        return
    original = getattr(widget, "enforce_filename_restriction", None)
    if original is None or getattr(original, "_walkthrough_nul", False):
        return

    def enforce(filename, allowed_types):
        return original(filename.replace("\0", "") if isinstance(filename, str) else filename, allowed_types)

    enforce._walkthrough_nul = True  # type: ignore[attr-defined]
    widget.enforce_filename_restriction = enforce


_accept_nul_in_upload_names()
