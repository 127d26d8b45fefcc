"""Page views kept in the URL (issue #16 item 6): a copied link opens the same rule, cell, grouping, tab and search.

The sidebar's controls are synced by ``ui.state``; this module does the same for what one page chooses. A page
view's widget value lives in ``st.session_state[key]``; on the first draw of the widget in a page visit (its key
is absent: Streamlit drops a widget's state when the page is left) it is seeded from ``?param=``, and after the
widget is drawn the page writes its value back with :func:`keep_in_url`. Values in the URL are codes (rule code,
dimension, section), never the translated labels, so a link works in every language. A value in the URL that
is not one of the choices is ignored and the default is used (a link to a rule the reader cannot see, or a
hand-edited address, opens the default view rather than failing).

Streamlit's own ``bind="query-params"`` is not used: it writes the formatted label into the URL (language
dependent, and the data-quality tabs' labels carry their counts).
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st


def seed_from_url(key: str, param: str, options: Collection[str] | None, default: str | None) -> None:
    """Before drawing the widget ``key``: on its first draw, take its value from ``?param=`` (else ``default``).

    ``options`` None accepts any text (a search box); otherwise a value outside ``options`` is ignored.
    """
    if key in st.session_state:
        return
    value = st.query_params.get(param)
    if value is not None and (options is None or value in options):
        st.session_state[key] = value
    elif default is not None:
        st.session_state[key] = default


def keep_in_url(param: str, value: str | None, default: str | None = None) -> None:
    """Write a page view's value to ``?param=``; the default (or nothing) is the absence of the parameter."""
    if value is None or value == "" or value == default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value


def url_value(param: str) -> str | None:
    """``?param=`` as text, None when absent or blank."""
    value = st.query_params.get(param)
    return value if value else None
