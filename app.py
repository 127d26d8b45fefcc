"""流程穿越 analytics — the router: page config, sign-in gate, shared sidebar controls, navigation (STYLE 1)."""

from __future__ import annotations

import streamlit as st

from analytics.auth.model import ADMIN, IMPORTING_ROLES
from ui.auth import allowed_scope, enforce_scope, gate
from ui.session import mark_routed
from ui.state import current_lang, render_sidebar, tr
from ui.theme import streamlit_texts_css
from ui.warm import start_warmer

st.set_page_config(page_title="流程穿越 analytics", page_icon=":material/route:", layout="wide",
                   initial_sidebar_state="auto")
# The router's navigation is shown (.streamlit/config.toml: client.showSidebarNavigation = true); ui/__init__.py
# and ui/gate.py keep Streamlit's folder-based mode from listing the pages/ file names before a session is routed.

# The warm-up thread (ui/warm.py): once per process, on the first run of any session (the sign-in page included), it
# computes the frames every first page needs and keeps them fresh after each import. WALKTHROUGH_WARM=0 turns it off.
start_warmer()

# Sign-in (SPEC 8). gate() stops the script itself when sign-in is required; None = local single-user mode.
user = gate()

role = getattr(user, "role", None)  # None in local mode: full access
may_import = role is None or role in IMPORTING_ROLES

# (file, title key, icon, url path, who sees it). URL paths are the file stems, so a deep link that reaches a page
# before the router (see ui/__init__.py) keeps its address.
SECTIONS: list[tuple[str, list[tuple[str, str, str, str, bool]]]] = [
    ("ui.nav.section.overview", [
        ("pages/home.py", "ui.nav.home", ":material/dashboard:", "home", True),
        ("pages/compliance.py", "ui.nav.compliance", ":material/fact_check:", "compliance", True),
        ("pages/briefing.py", "ui.nav.briefing", ":material/slideshow:", "briefing", True),
    ]),
    ("ui.nav.section.analysis", [
        ("pages/volume.py", "ui.nav.volume", ":material/bar_chart:", "volume", True),
        ("pages/issues.py", "ui.nav.issues", ":material/report_problem:", "issues", True),
        ("pages/discipline.py", "ui.nav.discipline", ":material/rule:", "discipline", True),
        ("pages/quality.py", "ui.nav.quality", ":material/verified:", "quality", True),
        ("pages/walker.py", "ui.nav.walker", ":material/directions_walk:", "walker", True),
        ("pages/plans.py", "ui.nav.plans", ":material/event_note:", "plans", True),
    ]),
    ("ui.nav.section.data", [
        ("pages/data_import.py", "ui.nav.import", ":material/upload_file:", "data_import", may_import),
        ("pages/batches.py", "ui.nav.batches", ":material/history:", "batches", may_import),
        ("pages/admin.py", "ui.nav.admin", ":material/admin_panel_settings:", "admin", role in (None, ADMIN)),
    ]),
]

st.session_state["_controls_from_router"] = True
if user is not None and st.query_params.get("scope"):
    # A link or a hand-edited ?scope= beyond the user's companies: the sidebar falls back to the user's own scope, and
    # the attempt is said on the page and written to the audit log (scope_denied; docs/security.md). The sidebar then
    # writes the scope it shows back into the URL, so the warning is not repeated on the next run.
    enforce_scope(st.query_params.get("scope"), user)
render_sidebar(user, allowed_scope(user))
# Streamlit's own English texts that no parameter sets (the uploader's), in the reader's language (#16 item 9)
st.html(f"<style>{streamlit_texts_css(current_lang(), st.get_option('server.maxUploadSize'))}</style>")

navigation: dict[str, list] = {}
home_page = None
for section_key, pages in SECTIONS:
    listed = [
        # The overview is served at the root. Its own url path is "overview" so that "home" is free for the
        # hidden page below (Streamlit names a page by its url path; two pages cannot share one).
        st.Page(file, title=tr(title_key), icon=icon, url_path="overview" if url_path == "home" else url_path,
                default=(url_path == "home"))
        for file, title_key, icon, url_path, visible in pages
        if visible
    ]
    home_page = home_page or next((p for p in listed if p.url_path == ""), None)
    if listed:
        navigation[tr(section_key)] = listed


def _to_root() -> None:
    """/home opened directly (a bookmark, the first session after a start): the overview at the root with the
    same address parameters, instead of Streamlit's "Page not found" dialog (issue #16 item 9)."""
    st.switch_page(home_page, query_params=st.query_params.to_dict())


if home_page is not None:
    navigation.setdefault(tr("ui.nav.section.overview"), []).append(
        st.Page(_to_root, title=tr("ui.nav.home"), url_path="home", visibility="hidden"))

page = st.navigation(navigation, position="sidebar", expanded=True)
mark_routed()  # the gate passed in this run: pages/*.py check it first thing (ui/gate.py, issue #12 finding 1)
page.run()
