"""系統管理 › 提醒郵件: the last reminder runs (python -m analytics remind), read only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.remind.runs import load_reminder_runs
from ui.db import db_exists, read
from ui.state import tr

RUNS_SHOWN = 20


def runs_frame(runs: pd.DataFrame) -> pd.DataFrame:
    """The runs with translated headers; failures as ``email: reason`` lines (shown as text, never Markdown)."""
    def when(value: object) -> str:
        return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S")

    return pd.DataFrame({
        tr("remind.admin.col.started_at"): [when(v) for v in runs["started_at"]],
        tr("remind.admin.col.finished_at"): [when(v) or tr("remind.admin.unfinished") for v in runs["finished_at"]],
        tr("remind.admin.col.run_by"): runs["run_by"],
        tr("remind.admin.col.as_of"): [pd.Timestamp(v).date().isoformat() for v in runs["as_of"]],
        tr("remind.admin.col.mode"): [tr(f"remind.admin.mode.{m}") for m in runs["mode"]],
        tr("remind.admin.col.messages"): runs["messages"].astype(int),
        tr("remind.admin.col.sent"): runs["sent"].astype(int),
        tr("remind.admin.col.skipped"): runs["skipped"].astype(int),
        tr("remind.admin.col.failed"): runs["failed"].astype(int),
        tr("remind.admin.col.failures"): ["\n".join(f"{f.get('email', '')}: {f.get('reason', '')}" for f in fs)
                                          for fs in runs["failures"]],
    })


def render_reminder_runs() -> None:
    st.subheader(tr("remind.admin.title"), anchor=False)
    st.caption(tr("remind.admin.caption"))
    if not db_exists():
        st.info(tr("remind.admin.empty"), icon=":material/info:")
        return
    runs = read(load_reminder_runs, RUNS_SHOWN)
    if runs.empty:
        st.info(tr("remind.admin.empty"), icon=":material/info:")
        return
    st.dataframe(runs_frame(runs), hide_index=True, width="stretch", key="admin_reminder_runs")
