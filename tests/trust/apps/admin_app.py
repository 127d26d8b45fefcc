"""pages/admin.py behind ``ui.auth.gate()``, as app.py's navigation runs it."""

import runpy
from pathlib import Path

import streamlit as st

from ui.auth import gate
from ui.session import mark_routed

st.set_page_config(page_title="admin test")
gate()
mark_routed()  # as app.py does once the gate has passed
runpy.run_path(str(Path(__file__).resolve().parents[3] / "pages" / "admin.py"))
