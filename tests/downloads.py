"""Collect the workbooks pages offer for download, in AppTest runs (no browser, so no click)."""

from __future__ import annotations


def capture_xlsx_downloads(monkeypatch) -> list[bytes]:
    """Patch ``st.download_button`` so every .xlsx a page offers is collected as bytes, in the order drawn.

    The pages hand the button a callable that writes the workbook when clicked (ui.widgets.download_xlsx_button);
    here it is called as the button is drawn (what a click would produce).
    """
    import streamlit

    captured: list[bytes] = []
    real = streamlit.download_button

    def capture(label, data=None, *args, **kwargs):
        if callable(data):
            data = data()
        if isinstance(data, bytes) and data.startswith(b"PK"):
            captured.append(data)
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", capture)
    return captured
