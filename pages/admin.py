"""系統管理 Administration (admins only): the audit log, filterable and downloadable, and the read-only user list.

Users are changed from the command line on the server only (``python -m analytics users ...``): a web form that can
create administrators would be one more thing to attack, and the users file lives outside the web app's reach.
"""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import datetime as dt

import pandas as pd
import streamlit as st

from analytics import config
from analytics.auth import audit
from analytics.auth.model import ADMIN
from analytics.auth.users import UserStore
from analytics.i18n import has_message
from ui.auth import require_role
from ui.db import db_exists, read
from ui.import_view import md_escape
from ui.remind_view import render_reminder_runs
from ui.session import USER_KEY, current_user
from ui.state import tr
from ui.widgets import download_xlsx_button, page_guard

_ANY = "__any__"


def action_label(action: str) -> str:
    """An audit action in the interface language; actions of other parts without a label are shown as stored."""
    key = f"auth.action.{action}"
    return tr(key) if has_message(key) else action


def render_audit_log() -> None:
    """The audit log with filters (who, what, when, details) and an .xlsx download of what is shown."""
    st.subheader(tr("auth.admin.audit"), anchor=False)
    st.caption(tr("auth.admin.audit_caption"))
    if not db_exists():
        st.info(tr("auth.admin.no_db"), icon=":material/info:")
        return
    facets = read(audit.load_audit_facets)
    c1, c2, c3, c4 = st.columns([1, 1, 1.3, 1.3])
    actor = c1.selectbox(tr("auth.admin.filter_actor"), [_ANY, *facets["actor"]], key="admin_actor",
                         format_func=lambda a: tr("auth.admin.any") if a == _ANY else a)
    action = c2.selectbox(tr("auth.admin.filter_action"), [_ANY, *facets["action"]], key="admin_action",
                          format_func=lambda a: tr("auth.admin.any") if a == _ANY else action_label(a))
    dates = c3.date_input(tr("auth.admin.filter_dates"), value=(), key="admin_dates")
    text = c4.text_input(tr("auth.admin.filter_text"), key="admin_text").strip()
    since, until = _date_bounds(dates)
    log = read(audit.load_audit_log, actor=None if actor == _ANY else actor,
               action=None if action == _ANY else action, since=since, until=until, text=text or None)
    if log.empty:
        st.info(tr("auth.admin.empty"), icon=":material/info:")
        return
    shown = audit_frame(log)
    st.caption(tr("auth.admin.count", n=len(shown)))
    # st.dataframe shows every cell as text: file names and details from uploads never render as Markdown/HTML.
    st.dataframe(shown, hide_index=True, width="stretch")
    download_xlsx_button(shown, f"audit-log-{config.today().isoformat()}.xlsx", label=tr("auth.admin.download"),
                         key="admin_audit_download")


def _date_bounds(dates: object) -> tuple[dt.date | None, dt.date | None]:
    """The picked range as [since, until): the end day is included, so ``until`` is the day after it."""
    picked = list(dates) if isinstance(dates, (tuple, list)) else ([dates] if dates else [])
    if not picked:
        return None, None
    start, end = picked[0], picked[-1]
    return start, end + dt.timedelta(days=1)


def audit_frame(log: pd.DataFrame) -> pd.DataFrame:
    """The log with translated headers and action names, details as ``key=value`` text."""
    return pd.DataFrame({
        tr("auth.col.at"): log["at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        tr("auth.col.actor"): log["actor"],
        tr("auth.col.action"): [action_label(a) for a in log["action"]],
        tr("auth.col.detail"): [audit.detail_text(d) for d in log["detail"]],
    })


def render_users() -> None:
    """Who may sign in, with role and company; read only (the command line manages users)."""
    st.subheader(tr("auth.admin.users"), anchor=False)
    store = UserStore.load()
    st.info(tr("auth.admin.users_cli", path=md_escape(store.path)), icon=":material/terminal:")
    users = store.users()
    if not users:
        st.caption(tr("auth.admin.no_users"))
        return
    st.dataframe(pd.DataFrame({
        tr("auth.col.username"): [u.username for u in users],
        tr("auth.col.display_name"): [u.display_name for u in users],
        tr("auth.col.role"): [tr(f"auth.role.{u.role}") for u in users],
        tr("auth.col.company"): [u.company or tr("auth.scope.all") for u in users],
    }), hide_index=True, width="stretch")


def render_admin_page() -> None:
    """The page: admins (and the local single user) only; refused when the sign-in gate has not run."""
    if USER_KEY not in st.session_state:  # reached without app.py's gate: fail closed
        st.error(tr("auth.role_denied", roles=tr("auth.role.admin")), icon=":material/block:")
        st.stop()
    require_role(current_user(), ADMIN)
    st.title(tr("auth.admin.title"), anchor=False)
    audit_tab, users_tab, remind_tab = st.tabs([tr("auth.admin.audit"), tr("auth.admin.users"),
                                                tr("remind.admin.title")])
    with audit_tab, page_guard():
        render_audit_log()
    with users_tab, page_guard():
        render_users()
    with remind_tab, page_guard():
        render_reminder_runs()


render_admin_page()
