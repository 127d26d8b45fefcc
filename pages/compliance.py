"""配額達標 Quota compliance: status heatmap per rule, results table, drill-down to who still owes a walkthrough."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import pandas as pd
import streamlit as st

from analytics.metrics.quotas import RULES
from ui import compliance_view as cv
from ui import data
from ui.state import Controls, current_controls, format_period, tr, tr_md
from ui.theme import fmt_int
from ui.widgets import (
    Metric,
    caption_safe,
    download_xlsx_button,
    empty_state,
    metric_row,
    page_guard,
    status_badge_text,
)

DRILL_KEY = "compliance_drill"  # {"rule", "period", "company_key", "department_key"} of the selected cell


def _select_from_chart(results: pd.DataFrame, state_key: str) -> None:
    points = (st.session_state.get(state_key) or {}).get("selection", {}).get("points", [])
    chosen = [p for p in points if p.get("curve_number", 1) == 1]
    if chosen:
        custom = chosen[0].get("customdata")
        index = custom[0] if isinstance(custom, list) else custom
        if index in results.index:
            _set_drill(results.loc[index])


def _select_from_table(results: pd.DataFrame, state_key: str) -> None:
    rows = (st.session_state.get(state_key) or {}).get("selection", {}).get("rows", [])
    if rows and rows[0] < len(results):
        _set_drill(results.iloc[rows[0]])


def _set_drill(row: pd.Series) -> None:
    dept = row.get("department_key")
    st.session_state[DRILL_KEY] = {
        "rule": row["rule"],
        "period": row["period"],
        "company_key": row["company_key"],
        "department_key": dept if isinstance(dept, str) else None,
    }


def _drilled_row(results: pd.DataFrame) -> pd.Series | None:
    drill = st.session_state.get(DRILL_KEY)
    if not drill:
        return None
    same_dept = (
        results["department_key"].isna()
        if drill["department_key"] is None
        else results["department_key"] == drill["department_key"]
    )
    match = results[
        (results["rule"] == drill["rule"])
        & (results["period"] == drill["period"])
        & (results["company_key"] == drill["company_key"])
        & same_dept
    ]
    return None if match.empty else match.iloc[0]


def render_summary(results: pd.DataFrame) -> None:
    """How many units are met, on track, at risk, missed (one figure per status colour)."""
    counts = results["cell_status"].value_counts()
    metric_row(
        [
            Metric(tr("ui.status.met"), fmt_int(counts.get("met", 0))),
            Metric(tr("ui.status.on_track"), fmt_int(counts.get("on_track", 0) + counts.get("not_started", 0))),
            Metric(tr("ui.status.at_risk"), fmt_int(counts.get("at_risk", 0))),
            Metric(tr("ui.status.missed"), fmt_int(counts.get("missed", 0))),
            Metric(tr("ui.status.n/a"), fmt_int(counts.get("n/a", 0))),
        ]
    )


def render_pace(row: pd.Series) -> None:
    """For an in-progress result: the projection and people needed per week (issue #3 item 2)."""
    if row["status"] != "in_progress" or not isinstance(row.get("pace"), str):
        return
    text = tr(
        f"ui.compliance.pace.{row['pace']}",
        participants=fmt_int(row["participants"]),
        population=fmt_int(row["population"]),
        projected=fmt_int(row.get("projected")),
        needed=fmt_int(row["needed"]),
        weeks=fmt_int(row["weeks_left"]),
        per_week=fmt_int(row["needed_per_week"]),
    )
    (st.warning if row["pace"] == "at_risk" else st.info)(text, icon=":material/speed:")


def render_drilldown(row: pd.Series, c: Controls) -> None:
    """The people behind the selected cell who have not yet gone, downloadable one sheet per department."""
    st.subheader(
        tr_md("ui.compliance.drill_title", unit=row["row_label"], period=format_period(row["period"], c.lang)),
        anchor=False,
    )
    st.markdown(
        " · ".join(
            [
                status_badge_text(row["cell_status"]),
                tr(
                    "ui.compliance.drill_figures",
                    value=cv.format_value(row["value"], row["unit"]),
                    participants=fmt_int(row["participants"]),
                    population=fmt_int(row["population"]),
                ),
            ]
        )
    )
    render_pace(row)
    owed = data.owed_people(
        row["rule"],
        row["period"],
        company=row["company_key"],
        department=row["department_key"] if isinstance(row["department_key"], str) else None,
        scope=c.scope_key,
        lang=c.lang,
        as_of=c.as_of,
    )
    if owed.empty:
        st.success(tr("ui.compliance.nobody_owes"), icon=":material/check_circle:")
        return
    st.caption(tr(f"ui.compliance.owed_caption.{RULES[row['rule']].unit}", n=len(owed)))
    st.dataframe(cv.owed_frame(owed, c.lang), hide_index=True)
    download_xlsx_button(
        cv.owed_sheets(owed, c.lang),
        f"{row['rule']}_{row['period']}_待穿越名單.xlsx",
        label=tr("ui.compliance.owed_download"),
        key="owed_download",
    )


def render_all_owed(rule: str, period: str, c: Controls) -> None:
    """Everyone in scope who still owes a walkthrough for this rule and period, one sheet per department."""
    owed = data.owed_people(rule, period, company=None, department=None, scope=c.scope_key, lang=c.lang,
                            as_of=c.as_of)
    if owed.empty:
        return
    download_xlsx_button(
        cv.owed_sheets(owed, c.lang),
        f"{rule}_{period}_全部待穿越名單.xlsx",
        label=tr("ui.compliance.owed_all_download", n=len(owed), period=format_period(period, c.lang)),
        key="owed_all_download",
    )


def render_compliance() -> None:
    c = current_controls()
    st.title(tr("ui.compliance.title"))
    caption_safe("ui.compliance.caption", scope=c.scope_name, year=format_period(str(c.year), c.lang), as_of=c.as_of)
    results = data.quota_results(c.year, c.as_of, c.scope_key)
    if c.level:
        results = results[results["rule"].map(lambda code: RULES[code].level == c.level)]
    if results.empty:
        empty_state("ui.compliance.empty", year=c.year)
        return
    rules = [code for code in RULES if code in set(results["rule"])]
    rule = st.selectbox(
        tr("ui.compliance.rule"), rules, format_func=lambda code: cv.rule_label(code, c.lang), key="compliance_rule"
    )
    shown = cv.with_labels(results[results["rule"] == rule])
    render_summary(shown)
    units = cv.heatmap_rows(shown)
    if len(units) < shown["row_label"].nunique():
        st.caption(tr("ui.compliance.rows_capped", shown=len(units), total=shown["row_label"].nunique()))
    st.markdown(cv.legend_markdown(c.lang))
    st.caption(tr("ui.compliance.click_hint"))
    st.plotly_chart(
        cv.heatmap_figure(shown, c.lang, units),
        key=f"heatmap_{rule}",
        on_select=lambda: _select_from_chart(shown, f"heatmap_{rule}"),
        selection_mode="points",
        config={"displayModeBar": False},
        width="content" if shown["period"].nunique() < 4 else "stretch",
    )
    with st.expander(tr("ui.compliance.table"), expanded=False, icon=":material/table_rows:"):
        st.dataframe(
            cv.results_table(shown, c.lang),
            hide_index=True,
            key=f"table_{rule}",
            on_select=lambda: _select_from_table(shown, f"table_{rule}"),
            selection_mode="single-row",
        )
    row = _drilled_row(shown)
    st.divider()
    if row is None:
        st.info(tr("ui.compliance.pick_cell"), icon=":material/touch_app:")
        return
    render_drilldown(row, c)
    render_all_owed(row["rule"], row["period"], c)


with page_guard():
    render_compliance()
