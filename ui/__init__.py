"""Streamlit helpers shared by the pages: controls, cached loaders, theme, widgets (STYLE 1, 3).

Importing this package also closes a gap of Streamlit's multipage routing. Because the project keeps its pages in
a folder named ``pages/`` (the users' layout, STYLE 1), Streamlit starts every server process in its old
"pages directory" mode and only leaves it once ``app.py`` has called ``st.navigation``. Until then a deep link
such as ``/compliance`` would run ``pages/compliance.py`` on its own: no sign-in gate, no sidebar controls,
file names in the navigation. Every page imports ``ui``, so the first import in a process switches that mode off
and reruns the script, which then goes through ``app.py`` and lands on the same page (url paths = file stems).
``ui.state.current_controls`` calls :func:`ensure_router` again on every run (Streamlit's AppTest re-enters the
mode before each run).
"""


def ensure_router() -> None:
    """If this script run bypassed ``app.py`` (pages-directory mode), leave that mode and rerun through it."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.runtime.scriptrunner import get_script_run_ctx
    except ImportError:  # a Streamlit without these internals has no pages-directory mode to leave
        return
    if get_script_run_ctx() is None or not PagesManager.uses_pages_directory:
        return
    PagesManager.uses_pages_directory = False
    import streamlit as st

    st.rerun()


ensure_router()
