"""流程規範 Process discipline (SPEC 4.2, articles 8-9): pass rates per unit × check, and the failing rows."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.metrics.discipline import CHECKS
from analytics.palette import NA_FILL, RATE_GOOD, RATE_MID
from ui import analysis_data as ad
from ui.data import company_tree
from ui.links import keep_in_url, seed_from_url
from ui.state import Controls, current_controls, format_period, tr
from ui.theme import STATUS_COLORS, style_figure
from ui.widgets import caption_safe, download_xlsx_button, empty_state, long_table, page_guard

FAILURE_COLUMNS = [
    ("company", "ui.an.col.company", None), ("employee_id", "ui.an.col.employee_id", None),
    ("name", "ui.an.col.name", None), ("date", "ui.an.col.date", None), ("category", "ui.an.col.category", "category"),
    ("item", "ui.an.col.item", "item"), ("mode", "ui.an.col.mode", "mode"),
    ("needs_support", "ui.an.col.needs_support", "yesno"), ("activity_id", "ui.an.col.activity_id", None),
    ("notified_on", "ui.an.col.notified_on", None), ("summary_on", "ui.an.col.summary_on", None),
    ("copy_sent", "ui.an.col.copy_sent", "yesno"), ("issues_raised", "ui.an.col.issues_raised", None),
]
HEATMAP_LIMIT = 40  # units drawn (lowest average rate first when there are more); the table lists all
# Red (0 %) through amber to green (100 %): the status colours, so a low rate reads like a missed quota.
# Light tints in the middle keep the cells readable and avoid the muddy mix of amber and green.
RATE_SCALE = [[0.0, STATUS_COLORS["missed"]], [0.5, RATE_MID], [0.8, RATE_GOOD], [1.0, STATUS_COLORS["met"]]]
NA_BACKGROUND = NA_FILL
ALL_UNITS = object()  # no unit selected in the rates table: the failing rows of every unit


def unit_label(company: object) -> str:
    """A unit's name as written in the roster; rows whose 工號 is on no roster form their own line."""
    return company if isinstance(company, str) and company else tr("ui.an.unmatched")


def unit_name(company_key: str) -> str:
    """The roster's name of a company key (the key itself if the company left the tree)."""
    tree = company_tree()
    names = dict(zip(tree["company_key"], tree["company"], strict=True))
    return names.get(company_key, company_key)


def keep_level(frame: pd.DataFrame, level: str | None) -> pd.DataFrame:
    """The sidebar's 層級 filter: units of that level only (rows not on the roster have no level)."""
    if level is None or frame.empty:
        return frame
    tree = company_tree()
    return frame[frame["company_key"].isin(set(tree.loc[tree["level"] == level, "company_key"]))]


def rates_by_unit(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per unit in tree order (unmatched last), one rate / passing / applicable column set per check."""
    tree = company_tree()
    order = dict(zip(tree["company_key"], range(len(tree)), strict=True))
    wide = frame.pivot_table(index="company_key", columns="check", values=["rate", "passing", "applicable"],
                             aggfunc="first", dropna=False)
    units = frame.drop_duplicates("company_key").set_index("company_key")[["company", "level"]]
    out = units.join(wide.set_axis([f"{m}|{k}" for m, k in wide.columns], axis=1))
    out = out.assign(_o=[order.get(k, len(order)) if isinstance(k, str) else len(order) + 1 for k in out.index])
    return out.sort_values("_o").drop(columns="_o").reset_index()


def _col(wide: pd.DataFrame, name: str) -> pd.Series:
    return wide[name] if name in wide.columns else pd.Series([float("nan")] * len(wide), index=wide.index)


def render_heatmap(c: Controls, wide: pd.DataFrame) -> None:
    """Units × checks coloured by pass rate; grey where a check applies to no row of the unit."""
    st.subheader(tr("ui.an.discipline.rates_title"), anchor=False)
    shown = wide
    if len(wide) > HEATMAP_LIMIT:
        mean = pd.concat([_col(wide, f"rate|{k}") for k in CHECKS], axis=1).mean(axis=1, skipna=True)
        shown = wide.loc[mean.sort_values(kind="stable").index[:HEATMAP_LIMIT]]
    units = [ad.plot_text(unit_label(x)) for x in shown["company"]]
    checks = [tr(f"check.{k}") for k in CHECKS]
    z, text, hover = [], [], []
    for _, row in shown.iterrows():
        z_row, t_row, h_row = [], [], []
        for k in CHECKS:
            rate, applicable = row.get(f"rate|{k}"), row.get(f"applicable|{k}")
            missing = rate is None or pd.isna(rate)
            z_row.append(None if missing else float(rate))
            t_row.append(tr("ui.an.discipline.not_applicable") if missing else f"{float(rate):.0%}")
            h_row.append(tr("ui.an.discipline.heatmap_hover", passing=_int(row.get(f"passing|{k}")),
                            applicable=_int(applicable)))
        z.append(z_row)
        text.append(t_row)
        hover.append(h_row)
    fig = go.Figure(go.Heatmap(
        z=z, x=checks, y=units, text=text, texttemplate="%{text}", customdata=hover, zmin=0, zmax=1,
        colorscale=RATE_SCALE, xgap=3, ygap=3, hoverongaps=False,
        colorbar={"tickformat": ".0%", "title": {"text": tr("ui.an.col.rate")}, "thickness": 12},
        hovertemplate="%{y} · %{x}<br>%{text} (%{customdata})<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    style_figure(fig, height=max(240, 38 * len(units) + 110), plot_bgcolor=NA_BACKGROUND)
    st.plotly_chart(fig, key="an_dis_heatmap", config={"displaylogo": False})
    st.caption(tr("ui.an.discipline.legend"))
    if len(wide) > HEATMAP_LIMIT:
        st.caption(tr("ui.an.chart_limited", n=HEATMAP_LIMIT, total=len(wide)))


def _int(value: object) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def render_table(c: Controls, wide: pd.DataFrame) -> object:
    """The same rates as a table (rate and passing / applicable per check), downloadable.

    Selecting a row narrows the failing rows below to that unit; returns its company key (None = not on the
    roster), or ``ALL_UNITS`` when no row is selected.
    """
    data: dict[str, object] = {tr("ui.an.col.company"): [unit_label(x) for x in wide["company"]]}
    config = {}
    for k in CHECKS:
        name = tr(f"check.{k}")
        data[name] = _col(wide, f"rate|{k}").to_numpy()
        data[f"{name} ({tr('ui.an.col.passing')}/{tr('ui.an.col.applicable')})"] = [
            f"{_int(p)}/{_int(a)}" for p, a in zip(_col(wide, f"passing|{k}"), _col(wide, f"applicable|{k}"),
                                                   strict=True)]
        config[name] = st.column_config.NumberColumn(format="percent", help=tr(f"ui.an.check_help.{k}"))
    shown = pd.DataFrame(data)
    event = st.dataframe(shown, hide_index=True, key="an_dis_table", column_config=config, on_select="rerun",
                         selection_mode="single-row")
    st.caption(tr("ui.an.discipline.select_hint"))
    download_xlsx_button(shown, f"流程規範_{c.period}.xlsx", key="an_dis_table_dl")
    rows = list(getattr(getattr(event, "selection", None), "rows", None) or [])
    if not rows or rows[0] >= len(wide):
        return ALL_UNITS
    key = wide["company_key"].iloc[rows[0]]
    return key if isinstance(key, str) else None


def render_failures(c: Controls, unit: object = None) -> None:
    """The rows failing one check, per unit; filterable and downloadable so the lead department can follow up.

    ``unit`` is a company key, None for the rows not on the roster, or ``ALL_UNITS``.
    """
    st.subheader(tr("ui.an.discipline.failures_title"), anchor=False)
    seed_from_url("an_dis_check", "check", CHECKS, CHECKS[0])  # the check and search text live in the URL
    check = st.segmented_control(tr("ui.an.discipline.choose_check"), list(CHECKS),
                                 key="an_dis_check", format_func=lambda k: tr(f"check.{k}")) or CHECKS[0]
    keep_in_url("check", check, CHECKS[0])
    st.caption(tr(f"ui.an.check_help.{check}"))
    frame = keep_level(ad.discipline_failures(check, c.period, c.scope_key, c.lang), c.level)
    if unit is not ALL_UNITS:
        frame = frame[frame["company_key"] == unit] if unit is not None else frame[frame["company_key"].isna()]
        caption_safe("ui.an.discipline.unit_only", unit=tr("ui.an.unmatched") if unit is None else unit_name(unit))
    name = tr(f"check.{check}")
    if frame.empty:
        st.success(tr("ui.an.discipline.failures_none", check=name), icon=":material/check_circle:")
        return
    frame = frame.assign(company=[unit_label(x) for x in frame["company"]])
    shown = ad.present(frame, FAILURE_COLUMNS, c.lang)
    seed_from_url("an_dis_filter", "q", None, None)
    text = st.text_input(tr("ui.an.filter"), key="an_dis_filter", placeholder=tr("ui.an.filter_placeholder"))
    keep_in_url("q", text.strip())
    filtered = ad.filter_rows(shown, text)
    st.caption(tr("ui.an.discipline.failures_count", check=name, n=len(frame)) + " · "
               + tr("ui.an.rows_shown", n=len(filtered), total=len(shown)))
    long_table(filtered, key="an_dis_failures")
    download_xlsx_button(filtered, f"流程規範不合格_{check}_{c.period}.xlsx", key="an_dis_failures_dl")


def render_discipline() -> None:
    """The whole page."""
    c = current_controls()
    st.title(tr("ui.an.discipline.title"), anchor=False)
    caption_safe("ui.an.caption", scope=c.scope_name, period=format_period(c.period, c.lang))
    frame = keep_level(ad.discipline_of_period(c.year, c.scope_key, c.period_kind, c.period), c.level)
    if frame.empty:
        empty_state("ui.empty.no_data_period")
        return
    wide = rates_by_unit(frame)
    render_heatmap(c, wide)
    unit = render_table(c, wide)
    render_failures(c, unit)


with page_guard():
    render_discipline()
