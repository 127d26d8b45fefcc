"""A minimal page behind ``ui.auth.gate()``, as app.py uses it (set_page_config, then the gate)."""

import streamlit as st

from ui.auth import gate

st.set_page_config(page_title="gate test")
user = gate()
st.markdown("PROTECTED CONTENT")
st.markdown(f"user={user.username if user else 'local'}")
