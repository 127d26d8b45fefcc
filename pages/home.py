"""總覽 Overview: the first-run welcome on an empty database, else headline figures, trend and laggards."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import subprocess
import sys
from pathlib import Path

import streamlit as st

from ui.db import clear_caches, db_path
from ui.state import current_controls, format_period, tr
from ui.widgets import caption_safe, page_guard, template_download_button

ROOT = Path(__file__).resolve().parent.parent


def render_welcome() -> None:
    """First run: what the product does and three ways to start (template, import, demo data)."""
    st.title(tr("ui.home.welcome_title"))
    st.markdown(tr("ui.home.welcome_intro"))
    c1, c2, c3 = st.columns(3)
    with c1, st.container(border=True):
        st.subheader(tr("ui.home.step_template"), anchor=False)
        st.caption(tr("ui.home.step_template_text"))
        template_download_button("home_template")
    with c2, st.container(border=True):
        st.subheader(tr("ui.home.step_import"), anchor=False)
        st.caption(tr("ui.home.step_import_text"))
        st.page_link("pages/data_import.py", label=tr("ui.nav.import"), icon=":material/upload_file:")
    with c3, st.container(border=True):
        st.subheader(tr("ui.home.step_demo"), anchor=False)
        st.caption(tr("ui.home.step_demo_text"))
        if st.button(tr("ui.home.demo_button"), type="primary", icon=":material/play_arrow:", key="load_demo"):
            load_demo()


def load_demo() -> None:
    """Build the fictional operator's year with ``python -m analytics demo`` (through the real importer)."""
    with st.spinner(tr("ui.home.demo_running")):
        proc = subprocess.run([sys.executable, "-m", "analytics", "demo", "--db", str(db_path())], cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
    clear_caches()
    if proc.returncode != 0:
        st.error(tr("ui.home.demo_failed"))
        st.text((proc.stderr or proc.stdout).strip()[-2000:])
        return
    st.session_state["_demo_loaded"] = True
    st.rerun()


def render_overview() -> None:
    """Headline figures of the period against the previous one, the monthly trend and the units furthest behind."""
    from ui import overview

    c = current_controls()
    st.title(tr("ui.home.title"))
    caption_safe("ui.home.caption", scope=c.scope_name, period=format_period(c.period, c.lang), as_of=c.as_of)
    if st.session_state.pop("_demo_loaded", False):
        st.toast(tr("ui.home.demo_done"), icon=":material/check_circle:")
    overview.render_headlines(c)
    overview.render_trend(c)
    overview.render_laggards(c)


def render_home() -> None:
    from ui.data import has_data

    with page_guard():
        if has_data():
            render_overview()
        else:
            render_welcome()


render_home()
