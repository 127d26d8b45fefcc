"""問題進展 on the issues page (SPEC 9, article 9.3): an issue's timeline and, for those allowed, the update form.

The check that decides is ``analytics.store.issue_updates.record_issue_update`` (it re-reads the stored row); the
form is only drawn for a user ``can_update_issue`` allows, so nobody is offered what would be refused.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.schema import STATUS
from ui import analysis_data as ad
from ui.data import companies, loader
from ui.db import clear_caches, data_version, db_path, read
from ui.state import Controls, current_user, term, tr, tr_md

OWNED_COLUMNS = [
    ("issue_id", "ui.an.col.issue_id", None), ("due_on", "ui.an.col.due_on", None),
    ("status", "ui.an.col.status", "status"), ("raised_on", "ui.an.col.raised_on", None),
    ("category", "ui.an.col.issue_category", "issue_category"), ("description", "ui.an.col.description", None),
    ("progress", "ui.an.col.progress", None),
]


def _issue(issue_id: str):
    return _load_issue(data_version(), issue_id)


@loader
def _load_issue(version: tuple, issue_id: str):
    from analytics.store.issue_updates import load_issue

    return read(load_issue, issue_id)


def _timeline(issue_id: str) -> pd.DataFrame:
    return _load_timeline(data_version(), issue_id)


@loader
def _load_timeline(version: tuple, issue_id: str) -> pd.DataFrame:
    from analytics.store.issue_updates import load_issue_timeline

    return read(load_issue_timeline, issue_id)


@loader
def _owned_open(version: tuple, company_key: str, department_key: str, as_of: dt.date) -> pd.DataFrame:
    from analytics.store.issue_updates import load_owned_open_issues

    return read(load_owned_open_issues, company_key, department_key, as_of=as_of)


def render_owned(c: Controls) -> None:
    """A department user's open issues, most overdue first (their work list)."""
    user = current_user()
    if getattr(user, "role", None) != "department":
        return
    frame = _owned_open(data_version(), user.company_key, user.department_key, c.as_of)
    st.subheader(tr("ui.progress.mine"), anchor=False)
    if frame.empty:
        st.info(tr("ui.progress.mine_none", company=user.company, department=user.department), icon=":material/info:")
        return
    st.dataframe(ad.present(frame, OWNED_COLUMNS, c.lang), hide_index=True)


def timeline_frame(timeline: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in timeline.to_dict("records"):
        change = term("status", r["new_status"]) if not r["old_status"] or r["old_status"] == r["new_status"] else (
            f"{term('status', r['old_status'])} → {term('status', r['new_status'])}")
        due = r["due_on"]
        rows.append({
            tr("ui.progress.col.when"): pd.Timestamp(r["changed_at"]).strftime("%Y-%m-%d %H:%M"),
            tr("ui.progress.col.who"): r["changed_by"] or "",
            tr("ui.progress.col.source"): tr(f"ui.progress.source.{r['source']}"),
            tr("ui.progress.col.change"): change,
            tr("ui.progress.col.note"): r["note"] or "",
            tr("ui.progress.col.due"): "" if due is None or pd.isna(due) else pd.Timestamp(due).date().isoformat(),
        })
    return pd.DataFrame(rows)


def render_progress(c: Controls) -> None:
    """Pick an issue (``?issue=`` keeps it in the link), see its history, record progress if allowed."""
    from analytics.auth.issue_rights import can_read_issue, can_update_issue

    st.subheader(tr("ui.progress.title"), anchor=False)
    st.caption(tr("ui.progress.intro"))
    flash = st.session_state.pop("_progress_flash", None)
    if flash:
        (st.success if flash[0] else st.warning)(flash[1], icon=":material/check_circle:" if flash[0] else None)
    if "progress_issue" not in st.session_state:
        st.session_state["progress_issue"] = st.query_params.get("issue", "")
    issue_id = st.text_input(tr("ui.progress.issue_id"), key="progress_issue").strip()
    if not issue_id:
        st.query_params.pop("issue", None)
        return
    st.query_params["issue"] = issue_id
    user, tree = current_user(), companies()
    issue = _issue(issue_id)
    if issue is None or not can_read_issue(user, issue, tree):  # same words: another company's issue "does not exist"
        st.warning(tr_md("store.issue_update.not_found", issue=issue_id), icon=":material/search_off:")
        return
    due = issue.get("due_on")
    st.markdown(tr_md("ui.progress.header", issue=issue["issue_id"], owner=issue.get("owner_label") or "",
                      department=issue.get("owner_department") or "", raised=str(pd.Timestamp(issue["raised_on"]).date()),
                      status=term("status", issue["status"]), due=str(pd.Timestamp(due).date()) if due else "—"))
    st.text(issue.get("description") or "")  # st.text: an uploaded description is never Markdown
    st.markdown(f"**{tr('ui.progress.timeline')}**")
    st.dataframe(timeline_frame(_timeline(issue["issue_id"])), hide_index=True, key="progress_timeline")
    if not can_update_issue(user, issue, tree):
        st.info(tr("ui.progress.read_only"), icon=":material/visibility:")
        return
    render_form(c, issue)


def render_form(c: Controls, issue: dict) -> None:
    from analytics.store.issue_updates import IssueUpdate, record_issue_update

    statuses = list(STATUS.canonical_values)
    current_due = pd.Timestamp(issue["due_on"]).date() if issue.get("due_on") else None
    with st.form("progress_form", clear_on_submit=True, border=True):
        st.markdown(f"**{tr('ui.progress.form')}**")
        status = st.selectbox(tr("ui.progress.status"), statuses, index=statuses.index(issue["status"]),
                              format_func=lambda s: term("status", s), key="progress_status")
        note = st.text_area(tr("ui.progress.note"), help=tr("ui.progress.note_help"), max_chars=1000,
                            key="progress_note")
        due = st.date_input(tr("ui.progress.due"), value=current_due, min_value=pd.Timestamp(issue["raised_on"]).date(),
                            key="progress_due")
        sent = st.form_submit_button(tr("ui.progress.submit"), type="primary", icon=":material/save:")
    if not sent:
        return
    new_due = due if isinstance(due, dt.date) and due != current_due else None
    result = record_issue_update(db_path(), IssueUpdate(issue["issue_id"], status, note or None, new_due),
                                 user=current_user(), lang=c.lang)
    if result.ok:
        clear_caches()
    st.session_state["_progress_flash"] = (result.ok, result.message)
    st.rerun()
