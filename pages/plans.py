"""計畫 Plans (SPEC 4.6, articles 7, 8.1-8.2): plans filed with 總部, plan against actual, the coming walks with
their notice deadlines, and overdue individual plans by person.

Everything is read through ``analytics.metrics.plans`` with the sidebar's year, as-of date and (enforced) scope.
Page settings live in the URL: ``?deadline=01-31``, ``?window=7``, ``?company=<company key>``.
"""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.metrics import plans as mp
from ui import analysis_data as ad
from ui.db import data_version, db_exists
from ui.plan_docs_view import CHOICES, render_documents
from ui.state import Controls, current_controls, format_period, term, tr
from ui.theme import fmt_int, fmt_pct
from ui.widgets import (
    Metric,
    download_xlsx_button,
    empty_state,
    long_table,
    metric_row,
    page_guard,
    share_metric,
    template_download_button,
)

GRID_YEARS = 3  # the filed grid shows the selected year and the two before it
UPCOMING_COLUMNS = [
    ("planned_on", "ui.plans.col.planned_on", None), ("notice_deadline", "ui.plans.col.notice_deadline", None),
    ("notice", "ui.plans.col.notice", None), ("company", "ui.plans.col.company", None),
    ("employee_id", "ui.plans.col.employee_id", None), ("name", "ui.plans.col.name", None),
    ("category", "ui.plans.col.category", "category"), ("item", "ui.plans.col.item", "item"),
    ("mode", "ui.plans.col.mode", "mode"), ("target_unit", "ui.plans.col.target_unit", None),
    ("plan_id", "ui.plans.col.plan_id", None),
]
OVERDUE_COLUMNS = [
    ("employee_id", "ui.plans.col.employee_id", None), ("name", "ui.plans.col.name", None),
    ("company", "ui.plans.col.company", None), ("person_department", "ui.plans.col.department", None),
    ("overdue", "ui.plans.col.overdue", None), ("first_planned_on", "ui.plans.col.first_planned_on", None),
    ("last_planned_on", "ui.plans.col.last_planned_on", None),
]


def _setting_from_url(param: str, key: str, parse, default):
    """A page setting seeded from ``?param=`` on the first run, kept in the URL afterwards."""
    if key not in st.session_state:
        try:
            st.session_state[key] = parse(st.query_params.get(param, default))
        except (TypeError, ValueError):
            st.session_state[key] = parse(default)


def settings() -> tuple[tuple[int, int], int]:
    """The filing deadline (month, day) and the ±window in days, from the URL or the settings box."""
    _setting_from_url("deadline", "plans_deadline", str, "01-31")
    _setting_from_url("window", "plans_window", lambda v: max(0, min(60, int(v))), mp.DEFAULT_WINDOW_DAYS)
    with st.expander(tr("ui.plans.settings"), icon=":material/tune:"):
        text = st.text_input(tr("ui.plans.deadline"), key="plans_deadline", help=tr("ui.plans.deadline_help"))
        window = st.number_input(tr("ui.plans.window"), min_value=0, max_value=60, step=1, key="plans_window",
                                 help=tr("ui.plans.window_help"))
    try:
        deadline = mp.parse_deadline(text)
    except mp.BadDeadline as exc:
        st.warning(str(exc), icon=":material/warning:")
        deadline = mp.DEFAULT_DEADLINE
    st.query_params["deadline"] = f"{deadline[0]:02d}-{deadline[1]:02d}"
    st.query_params["window"] = str(int(window))
    return deadline, int(window)


def status_text(prefix: str, status: object) -> str:
    return tr(f"{prefix}.{status}") if isinstance(status, str) else ""


def filed_grid(c: Controls, deadline: tuple[int, int]) -> pd.DataFrame:
    """Company × year: the PLAN-FILED status of each year (with the date that completed the cover)."""
    years = list(range(c.year - GRID_YEARS + 1, c.year + 1))
    every = ad.plan_filed_years(data_version(), tuple(years), c.as_of, c.scope_key, deadline)
    frames = [every[every["year"] == y].reset_index(drop=True) for y in years]
    # an earlier year without a single plan line would only repeat "missing": shown once plans for it exist
    kept = [(y, f) for y, f in zip(years, frames, strict=True) if y == c.year or f["lines"].sum() > 0]
    years, frames = [y for y, _ in kept], [f for _, f in kept]
    first = frames[-1]
    grid = pd.DataFrame({tr("ui.plans.col.company"): first["company"],
                         tr("ui.plans.col.level"): [term("level", v) for v in first["level"]]})
    for year, frame in zip(years, frames, strict=True):
        cells = []
        for r in frame.itertuples(index=False):
            text = status_text("ui.plans.filed", r.status)
            if r.filed_on is not None and r.filed_on == r.filed_on:
                text += f" {r.filed_on.isoformat()}"
            elif 0 < r.uncovered_days < 365 + 1 and r.lines:
                text += " · " + tr("ui.plans.filed.gap", days=fmt_int(r.uncovered_days))
            cells.append(text)
        grid[format_period(str(year))] = cells
    return grid


def actual_frame(actual: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        tr("ui.plans.col.plan_id"): actual["plan_id"],
        tr("ui.plans.col.department"): [d if isinstance(d, str) else tr("ui.plans.whole_company")
                                        for d in actual["department"]],
        tr("ui.plans.col.period"): [format_period(p) for p in actual["period"]],
        tr("ui.plans.col.planned"): actual["planned_count"],
        tr("ui.plans.col.done"): actual["done"],
        tr("ui.plans.col.share"): [fmt_pct(v) for v in actual["share"]],
        tr("ui.plans.col.status"): [status_text("ui.plans.actual", s) for s in actual["status"]],
        tr("ui.plans.col.filed_on"): actual["filed_on"],
    })


def department_months(c: Controls, company_key: str, actual: pd.DataFrame) -> pd.DataFrame:
    """Departments × months of the company: activities done, with this year's planned count beside them."""
    # The company itself only (ad.department_volume): scope=company_key would include what rolls up to it, and
    # for 總部 that is every company's departments, nationally 3 s of work for rows the page throws away.
    volume = ad.department_volume(data_version(), c.year, company_key, c.as_of)
    volume = volume[volume["company_key"] == company_key]
    year_lines = actual[actual["period"].astype(str).str[:4] == str(c.year)]
    planned: dict[str, int] = {}
    for r in year_lines.itertuples(index=False):
        name = r.department if isinstance(r.department, str) else tr("ui.plans.whole_company")
        planned[name] = planned.get(name, 0) + int(r.planned_count)
    departments = list(dict.fromkeys([*planned, *[g for g in volume["group"] if isinstance(g, str)]]))
    whole = tr("ui.plans.whole_company")
    months = [f"{c.year}-{m:02d}" for m in range(1, 13)]
    rows = []
    for dept in departments:
        done = volume[volume["group"] == dept] if dept != whole else volume
        by_month = done.groupby("period")["activities"].sum().to_dict()
        row = {tr("ui.plans.col.department"): dept, tr("ui.plans.col.planned"): planned.get(dept)}
        row.update({ad.month_label(m, c.lang): int(by_month.get(m, 0)) for m in months})
        row[tr("ui.plans.col.total")] = int(sum(by_month.get(m, 0) for m in months))
        rows.append(row)
    frame = pd.DataFrame(rows)
    if len(frame):
        frame[tr("ui.plans.col.planned")] = frame[tr("ui.plans.col.planned")].astype("Int64")
    return frame


def notice_text(row: dict) -> str:
    if not row["notice_needed"]:
        return tr("ui.plans.notice.none")
    return status_text("ui.plans.notice", row["notice_flag"])


def render_headline(c: Controls, filed: pd.DataFrame, states: dict[str, int], walks: dict) -> None:
    counts = filed["status"].value_counts().to_dict()
    metric_row([
        # three cards, each a share of the companies (issue #16 item 4): one "1 / 1" card for late and missing read
        # like a share
        share_metric(tr("ui.plans.m.filed"), counts.get("filed", 0), len(filed)),
        share_metric(tr("ui.plans.filed.late"), counts.get("late", 0), len(filed)),
        share_metric(tr("ui.plans.filed.missing"), counts.get("missing", 0), len(filed)),
        Metric(tr("ui.plans.m.overdue"), fmt_int(states.get("overdue", 0)),
               help=tr("ui.plans.m.overdue_help", done=fmt_int(states.get("done", 0)),
                       upcoming=fmt_int(states.get("upcoming", 0)))),
        Metric(tr("ui.plans.m.unplanned"), fmt_int(walks["unplanned_walks"]), help=tr("ui.plans.m.unplanned_help")),
        Metric(tr("ui.plans.m.reported"), fmt_pct(walks["reported_share"]) if walks["reported_share"] is not None
               else "—", help=tr("ui.plans.m.reported_help")),
    ])


def choose_company(c: Controls, filed: pd.DataFrame) -> tuple[str, str] | None:
    """The company whose plan against actual is shown: one of the scope's companies (``?company=`` kept)."""
    options = list(filed["company_key"])
    if not options:
        return None
    names = dict(zip(filed["company_key"], filed["company"], strict=True))
    wanted = st.session_state.get("plans_company") or st.query_params.get("company")
    if wanted not in options:  # a link naming a company outside the scope falls back to the first one
        wanted = c.scope_key if c.scope_key in options else options[0]
    st.session_state["plans_company"] = wanted
    chosen = st.selectbox(tr("ui.plans.company"), options, key="plans_company", format_func=names.__getitem__)
    st.query_params["company"] = chosen
    return chosen, names[chosen]


def document_plans(c: Controls, window: int) -> pd.DataFrame:
    """The year's individual plans the documents box chooses from (it offers the CHOICES nearest the as-of date).

    Read from the month either side of the as-of date (clamped to the year) when that holds CHOICES plans: every
    plan outside it is farther away than all of those, so the box offers the same plans without the whole year
    (500,000 plans nationally, seconds to read; docs/benchmark.md). Otherwise the whole year.
    """
    first, last = dt.date(c.year, 1, 1), dt.date(c.year, 12, 31)
    centre = min(max(c.as_of, first), last)
    span = dt.timedelta(days=31)
    near = ad.individual_plans_between(data_version(), c.as_of, max(first, centre - span), min(last, centre + span),
                                       c.scope_key, window)
    if len(near) >= CHOICES:
        return near
    return ad.individual_plans_of_year(data_version(), c.year, c.as_of, c.scope_key, window)


def render_plans() -> None:
    c = current_controls()
    days = mp.UPCOMING_DAYS
    st.title(tr("ui.plans.title"))
    st.caption(tr("ui.plans.intro", days=days, as_of=c.as_of.isoformat()))
    counts = ad.plan_counts(data_version(), c.scope_key) if db_exists() else {"company_lines": 0, "individual": 0}
    if not counts["company_lines"] and not counts["individual"]:
        empty_state("ui.plans.no_plans", hint_key=None)
        template_download_button("plans_template")
        return
    deadline, window = settings()
    # The grid's years in one call (one read of the plan lines): this year's rows are the headline's too.
    years = tuple(range(c.year - GRID_YEARS + 1, c.year + 1))
    every = ad.plan_filed_years(data_version(), years, c.as_of, c.scope_key, deadline)
    filed = every[every["year"] == c.year].reset_index(drop=True)
    # Counts of the year's plans and the overdue ones only: the year's plans themselves (500,000 nationally) are
    # not brought into the page (docs/benchmark.md).
    states = ad.individual_plan_counts(data_version(), c.year, c.as_of, c.scope_key, window)
    overdue_plans = ad.individual_plans_of_year(data_version(), c.year, c.as_of, c.scope_key, window, "overdue")
    walks = mp.walks_total(ad.walks_against_plans(data_version(), c.year, c.as_of, c.scope_key, window))
    render_headline(c, filed, states, walks)
    sheets: dict[str, pd.DataFrame] = {}

    if len(filed) > 1:  # 總部 (every company) or a province (itself and its cities)
        st.subheader(tr("ui.plans.filed_title"), anchor=False)
        st.caption(tr("ui.plans.filed_caption", deadline=mp.filing_deadline(c.year, deadline).isoformat()))
        grid = filed_grid(c, deadline)
        long_table(grid, key="plans_filed_grid")
        sheets[tr("ui.plans.sheet.filed")] = grid

    st.subheader(tr("ui.plans.actual_title"), anchor=False)
    chosen = choose_company(c, filed)
    if chosen is not None:
        company_key, company = chosen
        actual = ad.company_plan_actual(data_version(), c.year, c.as_of, company_key)
        actual = actual[actual["company_key"] == company_key]
        if actual.empty:
            st.info(tr("ui.plans.actual_none", company=company, year=c.year), icon=":material/info:")
        else:
            shown = actual_frame(actual)
            st.dataframe(shown, hide_index=True, key="plans_actual")
            sheets[tr("ui.plans.sheet.actual")] = shown
        st.markdown(f"**{tr('ui.plans.by_month_title')}**")
        st.caption(tr("ui.plans.by_month_caption", as_of=c.as_of.isoformat()))
        months = department_months(c, company_key, actual)
        if len(months):
            st.dataframe(months, hide_index=True, key="plans_by_month")
            sheets[tr("ui.plans.sheet.by_month")] = months

    st.subheader(tr("ui.plans.upcoming_title", days=days), anchor=False)
    st.caption(tr("ui.plans.upcoming_caption"))
    coming = ad.upcoming_walks(data_version(), c.as_of, days, c.scope_key, window)
    if coming.empty:
        st.info(tr("ui.plans.upcoming_none", start=c.as_of.isoformat(),
                   end=(c.as_of + dt.timedelta(days=days)).isoformat()), icon=":material/event_available:")
    else:
        coming = coming.assign(notice=[notice_text(r) for r in coming.to_dict("records")])
        shown = ad.present(coming, UPCOMING_COLUMNS, c.lang)
        long_table(shown, key="plans_upcoming")
        sheets[tr("ui.plans.sheet.upcoming")] = shown

    st.subheader(tr("ui.plans.overdue_title"), anchor=False)
    overdue = mp.overdue_by_person(overdue_plans)
    if overdue.empty:
        st.info(tr("ui.plans.overdue_none", year=c.year, as_of=c.as_of.isoformat()), icon=":material/task_alt:")
    else:
        shown = ad.present(overdue, OVERDUE_COLUMNS, c.lang)
        long_table(shown, key="plans_overdue")
        sheets[tr("ui.plans.sheet.overdue")] = shown
    if sheets:
        download_xlsx_button(sheets, f"計畫_{c.year}_{c.as_of.isoformat()}.xlsx", label=tr("ui.plans.download"),
                             key="plans_download")
    render_documents(c, document_plans(c, window))  # the walker's task book and summary form (#14 item 4)


with page_guard():
    render_plans()
