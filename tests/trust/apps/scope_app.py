"""A page that asks for the scope in its URL (?scope=...) the way a hand-edited link would."""

import streamlit as st

from ui.auth import allowed_scope, enforce_scope, gate

user = gate()
st.markdown(f"allowed={allowed_scope(user)}")
st.markdown(f"scope={enforce_scope(st.query_params.get('scope'), user)}")
