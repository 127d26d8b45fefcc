"""The 計畫 page's box for the walker's documents (issue #14 item 4): the 穿越任務書 (.docx) and the 穿越總結表 (.xlsx)
of one individual plan, or of every plan of a person in a month.

The plans offered are the year's individual plans of the page's (enforced) scope, nearest planned date first; a
typed 計畫編號 or 工號 goes through ``analytics.documents.plans``, which refuses plans outside the scope with a
sentence. Files are written only when a button is clicked (Streamlit calls ``data`` then). ``?plan=`` opens the
documents of one plan.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics import config
from analytics.documents import plans as dp
from analytics.documents.summary_form import write_summary_form
from analytics.documents.taskbook import summary_form_name, taskbook_name, write_taskbook
from analytics.errors import UserFacingError
from ui.data import loader
from ui.db import data_version, read
from ui.links import keep_in_url, seed_from_url
from ui.state import Controls, term, tr
from ui.widgets import XLSX_MIME

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHOICES = 300  # plans offered in the list; any other is typed (a national year holds hundreds of thousands)


def _plan_label(row: dict) -> str:
    who = f"{row['name']}（{row['employee_id']}）" if isinstance(row["name"], str) else str(row["employee_id"])
    what = term("item", row["item"]) or term("category", row["category"]) or ""
    return " · ".join(p for p in (row["planned_on"].isoformat(), who, what, row["plan_id"]) if p)


def nearest_plans(individual: pd.DataFrame, as_of: dt.date, n: int = CHOICES) -> pd.DataFrame:
    """The ``n`` plans whose 計畫日期 is nearest ``as_of`` (coming ones first on a tie), in date order."""
    if individual.empty:
        return individual
    days = (pd.to_datetime(individual["planned_on"]) - pd.Timestamp(as_of)).dt.days  # vectorised: a national year
    distance = days.abs() * 2 + (days < 0)  # holds hundreds of thousands of plans
    chosen = individual.assign(_d=distance).nsmallest(n, "_d")
    return chosen.sort_values(["planned_on", "plan_id"]).drop(columns="_d")


def _choose(c: Controls, individual: pd.DataFrame) -> tuple[str, tuple] | None:
    """("plan", (plan_id,)) or ("person", (employee_id, month)); None while nothing is chosen."""
    seed_from_url("plans_docs_by", "docs", ("plan", "person"), "plan")
    by = st.segmented_control(tr("ui.plans.docs_by"), ["plan", "person"], key="plans_docs_by",
                              format_func=lambda k: tr(f"ui.plans.docs_by.{k}")) or "plan"
    keep_in_url("docs", by, "plan")
    if by == "plan":
        offered = nearest_plans(individual, c.as_of)
        labels = {r["plan_id"]: _plan_label(r) for r in offered.to_dict("records")}
        seed_from_url("plans_docs_typed", "plan", None, None)
        left, right = st.columns([3, 2])
        with left:
            ids = list(labels)
            coming = [i for i, d in enumerate(offered["planned_on"]) if d >= c.as_of]
            chosen = st.selectbox(tr("ui.plans.docs_plan"), ids, index=coming[0] if coming else len(ids) - 1,
                                  format_func=labels.__getitem__, key="plans_docs_plan",
                                  help=tr("ui.plans.docs_plan_help"))
        with right:
            typed = st.text_input(tr("ui.plans.docs_plan_id"), key="plans_docs_typed").strip()
        keep_in_url("plan", typed)
        plan_id = typed or chosen
        return ("plan", (plan_id,)) if plan_id else None
    months = [f"{c.year}-{m:02d}" for m in range(1, 13)]
    default = c.as_of.strftime("%Y-%m") if c.as_of.year == c.year else months[0]
    left, right = st.columns([3, 2])
    with left:
        person = st.text_input(tr("ui.plans.docs_person"), key="plans_docs_person").strip()
    with right:
        month = st.selectbox(tr("ui.plans.docs_month"), months, index=months.index(default), key="plans_docs_month")
    return ("person", (person, month)) if person else None


def render_documents(c: Controls, individual: pd.DataFrame) -> None:
    """The box: choose a plan (or a person's month), then download its task book and summary form."""
    from ui.session import gate_passed

    st.subheader(tr("ui.plans.docs_title"), anchor=False)
    st.caption(tr("ui.plans.docs_caption"))
    if individual.empty:
        st.info(tr("ui.plans.docs_none", year=c.year), icon=":material/description:")
        return
    choice = _choose(c, individual)
    if choice is None:
        return
    kind, args = choice
    try:
        if kind == "plan":
            docs = [_plan_doc(data_version(), *args, c.scope_key, c.lang)]
        else:
            docs = _person_month_docs(data_version(), *args, c.scope_key, c.lang)
    except UserFacingError as exc:
        st.warning(str(exc), icon=":material/warning:")
        return
    st.caption(tr("ui.plans.docs_ready", n=len(docs), plans="、".join(d.plan_id for d in docs)))
    if not gate_passed():  # only a run that passed the sign-in gate creates a download (issue #12, finding 1)
        return
    lang, today, month = c.lang, config.today(), kind == "person"
    left, right = st.columns(2)
    with left:
        st.download_button(tr("ui.plans.docs_taskbook"),
                           data=lambda: write_taskbook(docs, lang, today=today, person_month=month),
                           file_name=taskbook_name(docs, person_month=month), mime=DOCX_MIME,
                           key="plans_docs_taskbook", icon=":material/description:", on_click="ignore")
    with right:
        st.download_button(tr("ui.plans.docs_form"), data=lambda: write_summary_form(docs, lang),
                           file_name=summary_form_name(docs, person_month=month), mime=XLSX_MIME,
                           key="plans_docs_form", icon=":material/table_view:", on_click="ignore")


@loader
def _plan_doc(version: tuple, plan_id: str, scope: str | None, lang: str):
    """analytics.documents.plans.plan_for_documents (a refusal is raised again, never cached)."""
    return read(dp.plan_for_documents, plan_id, scope=scope, lang=lang)


@loader
def _person_month_docs(version: tuple, employee_id: str, month: str, scope: str | None, lang: str):
    """analytics.documents.plans.person_month_plans (a refusal is raised again, never cached)."""
    return read(dp.person_month_plans, employee_id, month, scope=scope, lang=lang)
