"""資料品質 Data quality: missing monthly logs, unknown 工號, import warnings and incomplete issue / log rows."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import datetime as dt
import json

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.i18n import t
from analytics.metrics.periods import Period, period_of, periods_of_year
from analytics.metrics.quality import QUALITY_SECTIONS
from analytics.palette import NA_FILL
from analytics.schema import ISSUE_CATEGORY
from ui import analysis_data as ad
from ui.data import company_tree, period_volume
from ui.links import keep_in_url, url_value
from ui.state import Controls, current_controls, format_period, tr
from ui.theme import STATUS_COLORS, style_figure
from ui.widgets import caption_safe, download_xlsx_button, empty_state, long_table, page_guard

COLUMNS: dict[str, list[tuple[str, str, str | None]]] = {
    "silent_companies": [("company", "ui.an.col.company", None), ("level", "ui.an.col.level", "level"),
                         ("month", "ui.an.col.month", None)],
    "unmatched_ids": [("employee_id", "ui.an.col.employee_id", None), ("name", "ui.an.col.name", None),
                      ("rows", "ui.an.col.rows", None), ("first_date", "ui.an.col.first_date", None),
                      ("last_date", "ui.an.col.last_date", None)],
    "warnings": [("file_name", "ui.an.col.file_name", None), ("batch_id", "ui.an.col.batch_id", None),
                 ("table", "ui.an.col.table", None), ("sheet", "ui.an.col.sheet", None),
                 ("source_row", "ui.an.col.source_row", None), ("column_header", "ui.an.col.column_header", None),
                 ("value", "ui.an.col.value", None), ("message", "ui.an.col.message", None)],
    "nonstandard_categories": [("category", "ui.an.col.issue_category", None), ("issues", "ui.an.col.issues", None)],
    "closed_without_resolved_on": [
        ("issue_id", "ui.an.col.issue_id", None), ("raised_on", "ui.an.col.raised_on", None),
        ("category", "ui.an.col.issue_category", "issue_category"), ("status", "ui.an.col.status", "status"),
        ("owner_company", "ui.an.col.owner_company", None), ("owner_department", "ui.an.col.owner_department", None)],
    "reception_without_hours": [
        ("company", "ui.an.col.company", None), ("employee_id", "ui.an.col.employee_id", None),
        ("name", "ui.an.col.name", None), ("date", "ui.an.col.date", None),
        ("activity_id", "ui.an.col.activity_id", None)],
}
GRID_LIMIT = 40  # companies drawn in the grid (those missing most months first); the list has them all
# A month still running on the as-of date without a log yet is "running", not missing (issue #16 item 7): on
# 7 December no company has failed to send December's log.
GRID_STATES = ("missing", "sent", "running", "future")
GRID_COLORS = {"missing": STATUS_COLORS["missed"], "sent": STATUS_COLORS["met"],
               "running": STATUS_COLORS["on_track"], "future": NA_FILL}
GRID_MARKS = {"missing": "✗", "sent": "✓", "running": "…", "future": ""}


def warning_message(row: dict, lang: str) -> str:
    """The importer's sentence for a stored warning (its code is an i18n key with JSON parameters)."""
    params = row.get("params")
    try:
        params = json.loads(params) if isinstance(params, str) else (params or {})
    except ValueError:
        params = {}
    value = row.get("value")
    fields = {"value": value if isinstance(value, str) else "", "column": row.get("column_header") or "",
              **(params if isinstance(params, dict) else {})}
    try:
        return t(str(row.get("code")), lang, **fields)
    except (KeyError, IndexError, ValueError):  # a message of an older version: show its code rather than fail
        return tr("ui.an.quality.message_unknown", code=row.get("code"))


def prepared(section: str, frame: pd.DataFrame, c: Controls) -> pd.DataFrame:
    """Add the display-only columns a section needs (company names, month labels, warning sentences)."""
    if frame.empty:
        return frame
    if section == "silent_companies":
        return frame.assign(month=[format_period(p, c.lang) for p in frame["period"]])
    if section == "warnings":
        return frame.assign(table=[_table_title(x, c.lang) for x in frame["table_name"]],
                            message=[warning_message(r, c.lang) for r in frame.to_dict("records")])
    if section == "reception_without_hours":
        tree = company_tree()
        names = dict(zip(tree["company_key"], tree["company"], strict=True))
        return frame.assign(company=[names.get(k, tr("ui.an.unmatched")) for k in frame["company_key"]])
    return frame


def _table_title(key: object, lang: str) -> str:
    """人員名冊 / 穿越記錄 / 問題跟蹤 in the language (the schema's own titles)."""
    from analytics.schema import TABLES
    from analytics.textnorm import to_simplified_ui

    table = TABLES.get(str(key))
    if table is None:
        return "" if key is None else str(key)
    if lang == "en":
        return table.title_en
    return to_simplified_ui(table.title) if lang == "zh-Hans" else table.title


def keep_level(section: str, frame: pd.DataFrame, level: str | None) -> pd.DataFrame:
    """The sidebar's 層級 filter applies to the per-company sections."""
    if level is None or frame.empty:
        return frame
    if section == "silent_companies":
        return frame[frame["level"] == level]
    if section == "reception_without_hours":
        tree = company_tree()
        return frame[frame["company_key"].isin(set(tree.loc[tree["level"] == level, "company_key"]))]
    return frame


def grid_state(month: Period, as_of: dt.date, is_silent: bool, has_log: bool) -> str:
    """One cell of the grid: the month has not started, is running (no log yet), or has ended with or without a log.

    ``is_silent`` comes from the silent-companies finding, which lists only months ended by ``as_of``; a running
    month with a log already in shows as received.
    """
    if month.start > as_of:
        return "future"
    if month.end > as_of:
        return "sent" if has_log else "running"
    return "missing" if is_silent else "sent"


def render_grid(c: Controls, silent: pd.DataFrame, running_sent: set[str]) -> None:
    """Companies × months of the year: a log received (✓), none (✗), month running (…) or not started.

    ``running_sent``: company keys with a row of their staff in the month running on the as-of date.
    """
    tree = company_tree(c.scope_key)
    if c.level is not None:
        tree = tree[tree["level"] == c.level]
    if tree.empty:
        return
    months = periods_of_year(c.year, "month")
    missing = set(zip(silent.get("company_key", []), silent.get("period", []), strict=True))
    counts = {k: sum((k, m.code) in missing for m in months) for k in tree["company_key"]}
    if len(tree) > GRID_LIMIT:
        tree = tree.assign(_n=tree["company_key"].map(counts)).sort_values("_n", ascending=False, kind="stable")
        tree = tree.head(GRID_LIMIT)

    cells = [[grid_state(m, c.as_of, (k, m.code) in missing, k in running_sent) for m in months]
             for k in tree["company_key"]]
    z = [[GRID_STATES.index(s) for s in row] for row in cells]
    text = [[GRID_MARKS[s] for s in row] for row in cells]
    hover = [[tr(f"ui.an.quality.grid.{s}") for s in row] for row in cells]
    scale = []
    for i, s in enumerate(GRID_STATES):  # a stepped scale: one flat colour per state
        scale += [[i / len(GRID_STATES), GRID_COLORS[s]], [(i + 1) / len(GRID_STATES), GRID_COLORS[s]]]
    fig = go.Figure(go.Heatmap(
        z=z, x=[ad.month_label(m.code, c.lang) for m in months], y=[ad.plot_text(x) for x in tree["label"]],
        text=text, texttemplate="%{text}", customdata=hover, zmin=-0.5, zmax=len(GRID_STATES) - 0.5,
        colorscale=scale, showscale=False, xgap=2, ygap=2,
        hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>", textfont={"color": "white", "size": 14},
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    st.markdown("**" + tr("ui.an.quality.grid_title") + "**")
    style_figure(fig, height=max(200, 30 * len(tree) + 70))
    st.plotly_chart(fig, key="an_q_grid", config={"displaylogo": False})
    st.caption(" · ".join(f"{GRID_MARKS[s] or '□'} {tr(f'ui.an.quality.grid.{s}')}" for s in GRID_STATES))
    if len(counts) > GRID_LIMIT:
        st.caption(tr("ui.an.quality.grid_limited", n=GRID_LIMIT, total=len(counts)))


def running_month_senders(c: Controls) -> set[str]:
    """Companies with a walkthrough row of their staff in the month running on the as-of date (of the year shown)."""
    running = period_of(c.as_of, "month")
    if running.start.year != c.year or running.end <= c.as_of:  # no month of this year is running
        return set()
    frame = period_volume(running.code, by="company", scope=c.scope_key, as_of=c.as_of)
    if frame.empty:
        return set()
    return {k for k, n in zip(frame["group_key"], frame["person_times"], strict=True) if isinstance(k, str) and n}


def render_section(section: str, frame: pd.DataFrame, c: Controls) -> None:
    """One finding: what it means, the rows, and a formula-safe .xlsx download."""
    allowed = " / ".join(ISSUE_CATEGORY.canonical_values if c.lang != "en" else
                         [ISSUE_CATEGORY.english(v) for v in ISSUE_CATEGORY.canonical_values])
    st.caption(tr(f"ui.an.quality.help.{section}", allowed=allowed) if section == "nonstandard_categories"
               else tr(f"ui.an.quality.help.{section}"))
    if section == "silent_companies":
        render_grid(c, frame, running_month_senders(c))
    if frame.empty:
        st.success(tr("ui.an.quality.all_clear"), icon=":material/check_circle:")
        return
    shown = ad.present(prepared(section, frame, c), COLUMNS[section], c.lang)
    long_table(shown, key=f"an_q_{section}")
    title = tr(f"ui.an.quality.section.{section}")
    download_xlsx_button(shown, f"{title}_{c.year}.xlsx", key=f"an_q_{section}_dl")


def render_quality() -> None:
    """The whole page: one tab per finding, its count in the tab's title."""
    c = current_controls()
    st.title(tr("ui.an.quality.title"), anchor=False)
    caption_safe("ui.an.quality.caption", scope=c.scope_name, year=c.year, as_of=c.as_of)
    findings = ad.data_quality(c.year, c.as_of, c.scope_key)
    if all(f.empty for f in findings.values()) and company_tree(c.scope_key).empty:
        empty_state("ui.empty.no_data_period")
        return
    findings = {s: keep_level(s, findings[s], c.level) for s in QUALITY_SECTIONS}
    labels = [f"{tr(f'ui.an.quality.section.{s}')} ({len(findings[s])})" for s in QUALITY_SECTIONS]
    # The open tab lives in the URL as its section code (?tab=warnings), not its label: the label carries the
    # count and the language. The tabs' identity includes their labels, so a new count starts a fresh widget
    # that opens the section of the URL (``default``).
    wanted = url_value("tab")
    section = wanted if wanted in QUALITY_SECTIONS else QUALITY_SECTIONS[0]
    tabs = st.tabs(labels, default=labels[QUALITY_SECTIONS.index(section)], key="an_q_tab", on_change="rerun")
    opened = [s for s, tab in zip(QUALITY_SECTIONS, tabs, strict=True) if tab.open]
    keep_in_url("tab", opened[0] if opened else section, QUALITY_SECTIONS[0])
    for name, tab in zip(QUALITY_SECTIONS, tabs, strict=True):
        with tab:
            render_section(name, findings[name], c)


with page_guard():
    render_quality()
