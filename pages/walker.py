"""個人穿越 A walker's own view (SPEC 9, article 9.1): one person's walks, quota standing and raised issues.

The person is chosen by 工號 or name among the people of the signed-in user's scope (``?emp=`` keeps the choice in
the link). Everything is read through ``analytics.metrics.walker`` with the sidebar's as-of date and scope.
"""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import pandas as pd
import streamlit as st

from analytics.metrics.quotas import RULES
from ui import analysis_data as ad
from ui.data import has_data
from ui.db import data_version
from ui.state import Controls, current_controls, format_period, tr, tr_md
from ui.theme import fmt_int, fmt_num, fmt_pct
from ui.widgets import Metric, download_xlsx_button, empty_state, metric_row, page_guard, status_label

WALK_COLUMNS = [
    ("date", "ui.an.col.date", None), ("activity_id", "ui.an.col.activity_id", None),
    ("category", "ui.an.col.category", "category"), ("item", "ui.an.col.item", "item"),
    ("mode", "ui.an.col.mode", "mode"), ("target_unit", "ui.walker.col.target_unit", None),
    ("hours", "ui.an.col.hours", None), ("issues_logged", "ui.an.col.issues", None),
]
ISSUE_COLUMNS = [
    ("issue_id", "ui.an.col.issue_id", None), ("raised_on", "ui.an.col.raised_on", None),
    ("state", "ui.walker.col.state", None), ("status", "ui.an.col.status", "status"),
    ("days", "ui.walker.col.days", None), ("due_on", "ui.an.col.due_on", None),
    ("owner_company", "ui.an.col.owner_company", None), ("owner_department", "ui.an.col.owner_department", None),
    ("category", "ui.an.col.issue_category", "issue_category"), ("description", "ui.an.col.description", None),
    ("progress", "ui.an.col.progress", None),
]


def load_view(employee_id: str, year: int, as_of, scope: str | None):
    return ad.walker_view(data_version(), employee_id, year, as_of, scope)


def find(text: str, scope: str | None) -> pd.DataFrame:
    return ad.find_people(data_version(), text, scope)


def choose_person(c: Controls) -> str | None:
    """The 工號 to show: from the search box (seeded from ``?emp=``); None while nothing is chosen or found."""
    if "walker_query" not in st.session_state:
        st.session_state["walker_query"] = st.query_params.get("emp", "")
    text = st.text_input(tr("ui.walker.search"), key="walker_query", help=tr("ui.walker.search_help")).strip()
    if not text:
        st.query_params.pop("emp", None)
        st.info(tr("ui.walker.prompt"), icon=":material/person_search:")
        return None
    found = find(text, c.scope_key)
    if found.empty:
        st.warning(tr_md("ui.walker.not_found", text=text), icon=":material/person_off:")
        return None
    exact = found[found["employee_id"] == text]
    if len(exact):
        chosen = text
    else:
        options = list(dict.fromkeys(found["employee_id"]))
        labels = {r["employee_id"]: tr("ui.walker.pick_option", employee_id=r["employee_id"], name=r["name"],
                                       company=r["company"], department=r["department"])
                  for r in found.to_dict("records")}
        chosen = st.selectbox(tr("ui.walker.pick"), options, format_func=labels.__getitem__, key="walker_pick")
        if len(found) >= 20:
            st.caption(tr("ui.walker.more_matches", n=20))
    st.query_params["emp"] = chosen
    return chosen


def mine_label(row: dict) -> str:
    """The person's own mark in one quota unit, in words."""
    reception = RULES[row["rule"]].qualify == "reception"
    if row["counted"]:
        return tr("ui.walker.mine.qualified" if reception else "ui.walker.mine.counted")
    if row["unit_status"] == "met":
        return tr("ui.walker.mine.not_needed")
    return tr("ui.walker.mine.owed" if row["unit_status"] == "in_progress" else "ui.walker.mine.missed")


def unit_value(row: dict) -> str:
    if row["unit"] == "count":
        return tr("ui.walker.count_value", n=fmt_int(row["unit_participants"]), target=fmt_int(row["unit_target"]))
    if pd.isna(row["unit_value"]):
        return ""
    return tr("ui.walker.share_value", participants=fmt_int(row["unit_participants"]),
              population=fmt_int(row["unit_population"]), pct=fmt_pct(row["unit_value"]))


def standing_frame(standing: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in standing.to_dict("records"):
        unit = r["company"] if not isinstance(r["department"], str) else f"{r['company']} {r['department']}"
        rows.append({
            tr("ui.walker.col.rule"): tr(f"rule.name.{r['rule']}"),
            tr("ui.walker.col.period"): format_period(r["period"]),
            tr("ui.walker.col.unit"): unit,
            tr("ui.walker.col.mine"): mine_label(r),
            tr("ui.walker.col.unit_status"): status_label(r["unit_status"]),
            tr("ui.walker.col.unit_value"): unit_value(r),
        })
    return pd.DataFrame(rows)


def issues_frame(issues: pd.DataFrame, lang: str) -> pd.DataFrame:
    state = issues.apply(lambda r: tr("ui.walker.state.closed") if r["is_closed"] else tr(
        "ui.walker.state.overdue" if r["is_overdue"] else "ui.walker.state.open"), axis=1) if len(issues) else []
    return ad.present(issues.assign(state=state), ISSUE_COLUMNS, lang)


def blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """A missing hour or date shows as an empty cell, not "None" (a person's short lists: sorting text is fine)."""
    return frame.astype(object).where(frame.notna(), "")


def render_view(c: Controls, employee_id: str) -> None:
    view = load_view(employee_id, c.year, c.as_of, c.scope_key)
    if view is None:  # the 工號 exists in no snapshot of the scope as of the date (or not at all)
        st.warning(tr_md("ui.walker.not_found", text=employee_id), icon=":material/person_off:")
        return
    p = view.person
    st.markdown(tr_md("ui.walker.person", name=p["name"], employee_id=p["employee_id"], company=p["company"],
                      department=p["department"], rank=p["rank"], effective_date=str(p["effective_date"]),
                      as_of=c.as_of.isoformat()))
    metric_row([
        Metric(tr("ui.walker.walks", year=view.year), fmt_int(view.walk_count)),
        Metric(tr("ui.walker.hours"), tr("ui.walker.hours_value", hours=fmt_num(view.hours))),
        Metric(tr("ui.walker.owed"), fmt_int(len(view.owed)), help=tr("ui.walker.owed_help")),
        Metric(tr("ui.walker.issues"), fmt_int(len(view.issues))),
        Metric(tr("ui.walker.open_overdue"), f"{fmt_int(view.open_issues)} / {fmt_int(view.overdue_issues)}"),
    ])
    st.subheader(tr("ui.walker.standing_title"), anchor=False)
    standing = standing_frame(view.standing)
    if standing.empty:
        st.info(tr("ui.walker.standing_none", year=view.year), icon=":material/info:")
    else:
        st.caption(tr("ui.walker.standing_caption", as_of=c.as_of.isoformat()))
        st.dataframe(blank_missing(standing), hide_index=True, key="walker_standing",
                     height=min(36 * (len(standing) + 1) + 4, 800))  # the whole year at a glance
    st.subheader(tr("ui.walker.walks_title"), anchor=False)
    walks = ad.present(view.walks, WALK_COLUMNS, c.lang)
    if walks.empty:
        st.info(tr("ui.walker.walks_none", year=view.year, as_of=c.as_of.isoformat()), icon=":material/info:")
    else:
        st.dataframe(blank_missing(walks), hide_index=True, key="walker_walks")
    st.subheader(tr("ui.walker.issues_title"), anchor=False)
    issues = issues_frame(view.issues, c.lang)
    if issues.empty:
        st.info(tr("ui.walker.issues_none", as_of=c.as_of.isoformat()), icon=":material/info:")
    else:
        st.dataframe(blank_missing(issues), hide_index=True, key="walker_issues")
    download_xlsx_button({tr("ui.walker.sheet.standing"): standing, tr("ui.walker.sheet.walks"): walks,
                          tr("ui.walker.sheet.issues"): issues},
                         f"個人穿越_{p['employee_id']}_{c.as_of.isoformat()}.xlsx", label=tr("ui.walker.download"),
                         key="walker_download")


def render_walker() -> None:
    c = current_controls()
    st.title(tr("ui.walker.title"))
    st.caption(tr("ui.walker.intro"))
    if not has_data():
        empty_state("ui.walker.no_data")
        return
    employee_id = choose_person(c)
    if employee_id is not None:
        render_view(c, employee_id)


with page_guard():
    render_walker()
