"""Small building blocks every page uses: headline metrics, safe Excel downloads, empty states, status badges."""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analytics.formula import neutralise
from ui.import_view import md_escape
from ui.state import tr, tr_md
from ui.theme import STATUS_BADGE_COLORS

_LOG = logging.getLogger("walkthrough.ui")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Import outcomes (FileImportResult.status) and batch states share the badge look of quota statuses.
_OTHER_BADGE_COLORS = {"imported": "green", "partial": "orange", "rejected": "red", "already_imported": "gray",
                       "active": "green", "rolled_back": "gray"}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Metric:
    """One headline figure: label, formatted value, optional change text and help."""

    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    delta_color: str = "normal"  # "inverse" when a rise is bad (overdue issues); "off" for a share (grey)
    delta_arrow: str = "auto"  # "off" for a share under the value: it is not a change


def metric_row(metrics: Sequence[Metric], *, columns: int | None = None) -> None:
    """Headline figures side by side in bordered cards that wrap onto more rows when the page is narrow.

    A horizontal container, not st.columns: columns keep every card on one row however narrow the screen, so at
    1,100 px labels and values were cut (``提出問題建…``, ``38…``) and at 390 px the cards stacked one per row.
    Wrapping cards keep their full text and sit two to a row on a phone (issue #16 items 8, 11). ``columns`` is
    accepted for the callers that still pass it and no longer used.
    """
    del columns
    if not metrics:
        return
    with st.container(horizontal=True, wrap=True, gap="small"):
        for m in metrics:
            st.metric(m.label, m.value, delta=m.delta, help=m.help, delta_color=m.delta_color,
                      delta_arrow=m.delta_arrow, border=True, width="stretch")


def share_metric(label: str, part: int, whole: int, *, help: str | None = None) -> Metric:
    """A count card that reads on its own (issue #16 item 4): ``387 / 433`` with ``佔 89%`` under it in grey.

    A bare ``387`` says nothing without the total beside it; the share sits where a change would, but without an
    arrow and in grey, so it is not read as a rise. Nothing to divide by: ``0 / 0`` and no share.
    """
    from ui.theme import fmt_int, fmt_pct

    share = tr("ui.card.share", share=fmt_pct(part / whole, 0)) if whole else None
    return Metric(label, f"{fmt_int(part)} / {fmt_int(whole)}", share, help=help, delta_color="off",
                  delta_arrow="off")


def caption_safe(key: str, /, suffix: str = "", **params: object) -> None:
    """A caption from the catalogue whose text parameters (company names from an upload) are shown as text.

    ``suffix`` is appended as it is: it must be catalogue text, never upload text.
    """
    st.caption(tr_md(key, **params) + suffix)


def neutralise_text(value: object) -> object:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe (SPEC 6)."""
    return neutralise(value) if isinstance(value, str) else value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and headers never start a formula."""
    out = df.copy()
    out.columns = [neutralise_text(str(c)) for c in out.columns]
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_text)
    return out


def sheet_name(name: object, used: set[str]) -> str:
    """An Excel-legal, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _SHEET_BAD.sub("_", str(name) or "Sheet").strip("'") or "Sheet"
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in {u.lower() for u in used}:
        suffix = f"~{n}"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate)
    return candidate


def xlsx_bytes(sheets: pd.DataFrame | Mapping[str, pd.DataFrame]) -> bytes:
    """An .xlsx with one sheet per frame; text neutralised, headers bold, columns sized to their content."""
    if isinstance(sheets, pd.DataFrame):
        sheets = {"Sheet1": sheets}
    buffer = io.BytesIO()
    used: set[str] = set()
    # strings_to_formulas=False: xlsxwriter must never turn a text cell into a formula, apostrophe or not.
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xw:
        for name, df in sheets.items():
            safe = neutralise_frame(df.reset_index(drop=True))
            sname = sheet_name(name, used)
            safe.to_excel(xw, sheet_name=sname, index=False)
            ws = xw.sheets[sname]
            for i, col in enumerate(safe.columns):
                width = max([len(str(col))] + [len(str(v)) for v in safe[col].head(500)]) if len(safe) else len(str(col))
                ws.set_column(i, i, min(max(8, width * 1.6), 60))
            ws.freeze_panes(1, 0)
    return buffer.getvalue()


def download_xlsx_button(df: pd.DataFrame | Mapping[str, pd.DataFrame], file_name: str, *,
                         label: str | None = None, key: str | None = None) -> None:
    """A button that downloads ``df`` (or one sheet per mapping entry) as formula-safe .xlsx.

    The workbook is written only when the button is clicked (Streamlit calls ``data`` then, on its own thread):
    writing a national list of 200,000 rows takes seconds, and doing it on every run of the page made each click
    of a filter wait for a file nobody had asked for.
    """
    from ui.session import gate_passed

    if not gate_passed():  # only a run that passed the sign-in gate creates a download (issue #12, finding 1)
        return
    st.download_button(label or tr("ui.download.xlsx"), data=lambda: xlsx_bytes(df), file_name=file_name,
                       mime=XLSX_MIME, key=key, icon=":material/download:", on_click="ignore")


TABLE_ROWS_SHOWN = 1_000


def long_table(frame: pd.DataFrame, *, key: str, **kwargs: object) -> None:
    """A list that may hold hundreds of thousands of rows (failing rows, overdue issues, people who owe).

    The browser gets the first ``TABLE_ROWS_SHOWN`` rows in the frame's order (callers sort the most urgent
    first) and a caption saying so; the search box above narrows the whole list and the download holds all of it.
    Sending every row would make each click ship tens of megabytes to the browser.
    """
    st.dataframe(frame.head(TABLE_ROWS_SHOWN), hide_index=True, key=key, **kwargs)
    if len(frame) > TABLE_ROWS_SHOWN:
        st.caption(tr("ui.table.capped", shown=f"{TABLE_ROWS_SHOWN:,}", total=f"{len(frame):,}"))


def empty_state(message_key: str, *, hint_key: str | None = "ui.empty.hint", show_import_link: bool = True,
                **params: object) -> None:
    """A friendly "nothing to show" box saying what to do next (never an empty chart or a traceback)."""
    text = tr(message_key, **params)
    if hint_key:
        text += "\n\n" + tr(hint_key)
    st.info(text, icon=":material/info:")
    if show_import_link:
        with contextlib.suppress(Exception):  # page_link needs st.navigation; absent in a page run on its own
            st.page_link("pages/data_import.py", label=tr("ui.nav.import"), icon=":material/upload_file:")


def status_label(status: str | None) -> str:
    """A quota or pace status in the current language (met / in progress / at risk / missed / n/a)."""
    if status is None or status != status:
        return ""
    return tr(f"status.{status}")


def status_badge_text(status: str | None, prefix: str = "status") -> str:
    """The status as inline Markdown badge text (``:green-badge[達標]``) for use inside a line of text."""
    if not status or status != status:
        return ""
    color = STATUS_BADGE_COLORS.get(status) or _OTHER_BADGE_COLORS.get(status, "gray")
    return f":{color}-badge[{tr(f'{prefix}.{status}')}]"


def template_download_button(key: str) -> None:
    """Download the template workbook generated from analytics/schema.py (SPEC 2: one source of truth)."""
    from analytics.template import build_template_xlsx

    st.download_button(tr("ui.home.template_button"), data=build_template_xlsx(), file_name="流程穿越_範本.xlsx",
                       mime=XLSX_MIME, icon=":material/download:", key=key, on_click="ignore")


def status_badge(status: str | None) -> None:
    """The status as a coloured badge in the status colours of ui.theme."""
    if not status or status != status:
        return
    st.badge(status_label(status), color=STATUS_BADGE_COLORS.get(status, "gray"))


@contextlib.contextmanager
def page_guard() -> Iterator[None]:
    """Run a page body; a problem becomes a sentence on the page, never a traceback (brief: quality bar)."""
    from analytics.errors import UserFacingError

    try:
        yield
    except UserFacingError as exc:
        st.warning(md_escape(exc), icon=":material/warning:")  # the sentence may name a company or file
    except Exception as exc:  # noqa: BLE001 - the user must never see a traceback (st.stop is a BaseException)
        _LOG.exception("page failed")  # the server log keeps the traceback for the administrator
        st.error(tr_md("ui.error.unexpected", detail=f"{type(exc).__name__}: {exc}"), icon=":material/error:")

