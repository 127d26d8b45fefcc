"""配額達標 Quota compliance: status heatmap per rule, results table, drill-down to who still owes a walkthrough;
a company × rule view across all rules. The page follows the sidebar period and keeps its view in the URL."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import pandas as pd
import streamlit as st

from analytics.metrics.headline import quota_counts
from analytics.metrics.quotas import RULES
from ui import compliance_view as cv
from ui import data
from ui.links import keep_in_url, seed_from_url, url_value
from ui.state import Controls, current_controls, format_period, tr, tr_md
from ui.theme import fmt_int
from ui.widgets import (
    caption_safe,
    download_xlsx_button,
    empty_state,
    metric_row,
    page_guard,
    share_metric,
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
    """How many results are met, on track, at risk, not started, missed, n/a: quota_counts, the overview's and the
    briefing's counts (issue #11 item 3: "on track" is pace on_track only, not started ones have their own tile).
    Each count beside what it is out of (issue #16 item 4): the evaluated results, n/a against all of them."""
    counts = quota_counts(results)
    evaluated = len(results) - counts["n/a"]
    total_help = tr("ui.card.quota_total_help")
    metric_row(
        [
            share_metric(tr("status.met"), counts["met"], evaluated, help=total_help),
            share_metric(tr("status.on_track"), counts["on_track"], evaluated, help=total_help),
            share_metric(tr("status.at_risk"), counts["at_risk"], evaluated, help=total_help),
            share_metric(tr("status.not_started"), counts["not_started"], evaluated, help=total_help),
            share_metric(tr("status.missed"), counts["missed"], evaluated, help=total_help),
            share_metric(tr("status.n/a"), counts["n/a"], len(results), help=tr("ui.card.na_help")),
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


VIEWS = ("rule", "company")
VIEW_KEY, RULE_KEY = "compliance_view", "compliance_rule"


def _drill_from_url(rule: str) -> None:
    """First draw of the page: the selected cell from ``?cell=<period>&company=<key>&dept=<key>`` (issue #16 item 6)."""
    if DRILL_KEY in st.session_state:
        return
    period, company = url_value("cell"), url_value("company")
    if period and company:
        st.session_state[DRILL_KEY] = {"rule": rule, "period": period, "company_key": company,
                                       "department_key": url_value("dept")}


def _cell_to_url(row: pd.Series | None) -> None:
    dept = None if row is None else row.get("department_key")
    keep_in_url("cell", None if row is None else str(row["period"]))
    keep_in_url("company", None if row is None else str(row["company_key"]))
    keep_in_url("dept", dept if isinstance(dept, str) else None)


def _open_rule_from_matrix(state_key: str) -> None:
    """A click on the company × rule view opens that rule in the one-rule view."""
    points = (st.session_state.get(state_key) or {}).get("selection", {}).get("points", [])
    chosen = [p for p in points if p.get("curve_number", 1) == 1]
    custom = chosen[0].get("customdata") if chosen else None
    if isinstance(custom, list) and len(custom) == 2 and custom[1] in RULES:
        st.session_state[VIEW_KEY] = "rule"
        st.session_state[RULE_KEY] = custom[1]
        st.session_state.pop(DRILL_KEY, None)


def render_company_view(results: pd.DataFrame, c: Controls) -> None:
    """Companies × rules, worst first (issue #16 item 5): how each company stands on every rule of the period."""
    matrix = cv.company_rule_matrix(cv.with_labels(results))
    render_summary(cv.with_labels(results))
    st.markdown(cv.legend_markdown(c.lang))
    st.caption(tr("ui.compliance.matrix.caption"))
    st.plotly_chart(cv.matrix_figure(matrix, c.lang), key="compliance_matrix",
                    on_select=lambda: _open_rule_from_matrix("compliance_matrix"), selection_mode="points",
                    config={"displayModeBar": False})
    shown = cv.matrix_table(matrix, c.lang)
    with st.expander(tr("ui.compliance.matrix.table"), expanded=False, icon=":material/table_rows:"):
        st.dataframe(shown, hide_index=True, key="compliance_matrix_table")
        download_xlsx_button(shown, f"配額達標_公司×規則_{c.period}.xlsx", key="compliance_matrix_dl")


def render_rule_view(results: pd.DataFrame, c: Controls) -> None:
    """One rule: unit × period heatmap, results table, drill-down to the people who still owe a walkthrough."""
    rules = [code for code in RULES if code in set(results["rule"])]
    seed_from_url(RULE_KEY, "rule", rules, rules[0])
    if st.session_state.get(RULE_KEY) not in rules:  # the level or period changed: that rule has no result here
        st.session_state[RULE_KEY] = rules[0]
    rule = st.selectbox(tr("ui.compliance.rule"), rules, format_func=lambda code: cv.rule_label(code, c.lang),
                        key=RULE_KEY)
    keep_in_url("rule", rule, rules[0])
    _drill_from_url(rule)
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
    _cell_to_url(row)
    st.divider()
    if row is None:
        st.info(tr("ui.compliance.pick_cell"), icon=":material/touch_app:")
        return
    render_drilldown(row, c)
    render_all_owed(row["rule"], row["period"], c)


def render_compliance() -> None:
    c = current_controls()
    st.title(tr("ui.compliance.title"))
    caption_safe("ui.compliance.caption", scope=c.scope_name, period=format_period(c.period, c.lang), as_of=c.as_of)
    results = data.quota_results(c.year, c.as_of, c.scope_key)
    if c.level:
        results = results[results["rule"].map(lambda code: RULES[code].level == c.level)]
    if results.empty:
        empty_state("ui.compliance.empty", year=c.year)
        return
    # The page follows the sidebar's period (issue #16 item 5) with the one selection rule (issue #11 item 3): the
    # results whose own period lies inside it, as on the overview and in the briefing.
    results = cv.in_period(results, c.period)
    if results.empty:
        empty_state("ui.compliance.empty_period", hint_key=None, show_import_link=False,
                    period=format_period(c.period, c.lang))
        return
    seed_from_url(VIEW_KEY, "view", VIEWS, "rule")
    view = st.segmented_control(tr("ui.compliance.view"), list(VIEWS), key=VIEW_KEY,
                                format_func=lambda v: tr(f"ui.compliance.view.{v}")) or "rule"
    keep_in_url("view", view, "rule")
    if view == "company":
        for param in ("rule", "cell", "company", "dept"):
            keep_in_url(param, None)
        render_company_view(results, c)
    else:
        render_rule_view(results, c)


with page_guard():
    render_compliance()
