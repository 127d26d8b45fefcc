"""匯入紀錄 Import history: every batch with its counts, the archived original, rollback with confirmation."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import mimetypes

import pandas as pd
import streamlit as st

from analytics.ingest.filenames import clean_file_name
from ui import batches_view as bv
from ui import data
from ui import import_view as iv
from ui.db import clear_caches, db_path
from ui.state import current_controls, current_user, tr
from ui.widgets import empty_state, page_guard, status_badge_text

SELECT_KEY = "batches_table"


def _selected(frame: pd.DataFrame) -> pd.Series | None:
    rows = (st.session_state.get(SELECT_KEY) or {}).get("selection", {}).get("rows", [])
    chosen = st.session_state.get("batches_selected")
    if rows and rows[0] < len(frame):
        chosen = int(frame.iloc[rows[0]]["batch_id"])
        st.session_state["batches_selected"] = chosen
    match = frame[frame["batch_id"] == chosen] if chosen is not None else frame.iloc[0:0]
    return None if match.empty else match.iloc[0]


def visible_batches() -> pd.DataFrame:
    """The batches the signed-in user may see (``analytics.auth.scope.visible_batches``), newest first."""
    from analytics.auth.scope import visible_batches as keep_visible

    return keep_visible(current_user(), data.batches(), data.companies())


def _may_roll_back(batch: pd.Series) -> bool:
    from analytics.auth.scope import can_rollback

    return can_rollback(current_user(), batch.to_dict(), data.companies())


DIALOG_KEY = "_rollback_dialog"  # the batch whose confirmation dialog is open (kept across reruns)


def _close_dialog() -> None:
    st.session_state.pop(DIALOG_KEY, None)


@st.dialog(" ", width="small", on_dismiss=_close_dialog)
def confirm_rollback(batch_id: int, file_name: str) -> None:
    """The confirmation step: the batch number must be typed before the rollback runs."""
    st.markdown(tr("ui.batches.confirm_text", batch=batch_id, file=iv.md_escape(clean_file_name(file_name))))
    typed = st.text_input(tr("ui.batches.confirm_input", batch=batch_id), key="rollback_typed")
    if st.button(
        tr("ui.batches.confirm_button", batch=batch_id),
        type="primary",
        disabled=typed.strip() != str(batch_id),
        icon=":material/undo:",
        key="rollback_confirm",
    ):
        roll_back(batch_id)


def roll_back(batch_id: int) -> None:
    """Undo the batch through analytics.store.batches.rollback_batch and show what happened."""
    from analytics.store.batches import rollback_batch

    user = current_user()
    _close_dialog()
    try:
        result = rollback_batch(  # re-checked against the stored batch: the page's button is not the guard
            db_path(), batch_id, user=getattr(user, "username", None) or "local", lang=current_controls().lang,
            acting=user,
        )
    finally:
        clear_caches()
    st.session_state["_rollback_message"] = (result.ok, result.message)
    st.rerun()


def render_detail(batch: pd.Series, lang: str) -> None:
    """One batch: its counts per table, the original file, and the rollback button."""
    from analytics.store.batches import load_archived_file

    batch_id = int(batch["batch_id"])
    with st.container(border=True):
        st.markdown(
            f"**{tr('ui.import.batch', batch=batch_id)} · {iv.md_escape(clean_file_name(batch['file_name']))}** · "
            + status_badge_text(batch["status"], "ui.batches.status")
        )
        counts = iv.counts_frame(batch["counts"] or {}, lang)
        if not counts.empty:
            st.dataframe(counts, hide_index=True)
        left, right = st.columns(2)
        with left:
            try:
                name, content = load_archived_file(db_path(), batch_id, lang=lang, acting=current_user())
            except Exception as exc:  # noqa: BLE001 - a missing archive is a sentence, not a traceback
                st.caption(iv.md_escape(exc))  # the message names the uploaded file
            else:
                st.download_button(
                    tr("ui.batches.download_original"),
                    data=content,
                    file_name=name,
                    mime=mimetypes.guess_type(name)[0] or "application/octet-stream",
                    icon=":material/download:",
                    key=f"original_{batch_id}",
                    on_click="ignore",
                )
        with right:
            if batch["status"] == "active":
                allowed = _may_roll_back(batch)
                if st.button(
                    tr("ui.batches.rollback"),
                    icon=":material/undo:",
                    disabled=not allowed,
                    key=f"rollback_{batch_id}",
                    help=None if allowed else tr("ui.batches.rollback_denied"),
                ):
                    st.session_state[DIALOG_KEY] = batch_id
                if allowed and st.session_state.get(DIALOG_KEY) == batch_id:
                    confirm_rollback(batch_id, str(batch["file_name"]))


def render_batches() -> None:
    c = current_controls()
    st.title(tr("ui.batches.title"))
    st.caption(tr("ui.batches.caption"))
    message = st.session_state.pop("_rollback_message", None)
    if message:
        (st.success if message[0] else st.warning)(iv.md_escape(message[1]))  # names the uploaded file
    frame = visible_batches()  # issue #12: only batches whose every company lies in the user's scope
    if frame.empty:
        empty_state("ui.batches.empty", hint_key=None)
        return
    st.dataframe(
        bv.batches_table(frame, c.lang), hide_index=True, key=SELECT_KEY, on_select="rerun", selection_mode="single-row"
    )
    batch = _selected(frame)
    if batch is None:
        st.info(tr("ui.batches.pick"), icon=":material/touch_app:")
        return
    render_detail(batch, c.lang)


with page_guard():
    render_batches()
