"""Presentation of quota results (SPEC 4.1): rule names, the status heatmap, the results table, owed lists."""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from analytics.i18n import t
from ui.state import format_period
from ui.theme import STATUS_COLORS, fmt_int, fmt_pct, style_figure

# Colour classes of a heatmap cell: an in-progress result shows its pace (on track blue, at risk amber).
CELL_STATUSES: tuple[str, ...] = ("met", "on_track", "not_started", "in_progress", "at_risk", "missed", "n/a")
MAX_HEATMAP_ROWS = 60


def legend_markdown(lang: str) -> str:
    """The colour key of the heatmap as a line of badges in the same status colours."""
    from ui.theme import STATUS_BADGE_COLORS

    shown = ("met", "on_track", "at_risk", "missed", "n/a")
    return " ".join(f":{STATUS_BADGE_COLORS[s]}-badge[{t(f'status.{s}', lang)}]" for s in shown)


def rule_label(code: str, lang: str) -> str:
    """``CITY-MGR-Q · 地市公司領導及部門領導每季穿越（100%）``."""
    return f"{code} · {t(f'rule.name.{code}', lang)}"


def cell_status(status: object, pace: object) -> str:
    """The colour class of one result: its status, or for an in-progress one its pace."""
    if status == "in_progress" and isinstance(pace, str) and pace in CELL_STATUSES:
        return pace
    return str(status) if status in CELL_STATUSES else "n/a"


def format_value(value: object, unit: object) -> str:
    """A share as a percentage, a count as a whole number, a dash when the population is empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return fmt_pct(value, 0) if unit == "share" else fmt_int(value)


def unit_label(row: pd.Series | dict, multi_company: bool) -> str:
    """The row label of the heatmap: company, department, or company · department."""
    dept = row.get("department")
    if isinstance(dept, str) and dept:
        return f"{row['company']} · {dept}" if multi_company else dept
    return str(row["company"])


def with_labels(results: pd.DataFrame) -> pd.DataFrame:
    """Results of one rule with ``row_label`` and ``cell_status`` columns added."""
    if results.empty:
        return results.assign(row_label=pd.Series(dtype=str), cell_status=pd.Series(dtype=str))
    multi = results["company_key"].nunique() > 1
    return results.assign(
        # a list comprehension, not DataFrame.apply: a national year has thousands of department results
        row_label=[unit_label({"company": c, "department": d}, multi)
                   for c, d in zip(results["company"], results["department"], strict=True)],
        cell_status=[cell_status(s, p) for s, p in zip(results["status"], results["pace"], strict=True)],
    )


def in_period(results: pd.DataFrame, period: str) -> pd.DataFrame:
    """The results of the sidebar's ``period`` by the one selection rule (SPEC 4.5, docs/metrics.md §6a,
    analytics.metrics.headline.results_of_period): those whose own period lies inside it — a year everything, a
    quarter itself and its three months, a month its month results — so the page counts what the overview and the
    briefing count for the same period and date (issue #11 item 3)."""
    from analytics.metrics.headline import results_of_period
    from analytics.metrics.periods import parse_period

    return results_of_period(results, parse_period(period))


# How bad a colour class is, for the company × rule view: a cell shows the worst of its results.
SEVERITY: dict[str, int] = {"n/a": 0, "met": 1, "not_started": 2, "on_track": 2, "in_progress": 3, "at_risk": 4,
                            "missed": 5}
_WORST_OF = {0: "n/a", 1: "met", 2: "on_track", 3: "in_progress", 4: "at_risk", 5: "missed"}
MATRIX_COLUMNS = ["company_key", "company", "rule", "results", "evaluated", "met", "missed", "at_risk", "worst"]


def company_rule_matrix(results: pd.DataFrame) -> pd.DataFrame:
    """One row per (company, rule) of ``results`` (with ``cell_status``), companies worst first.

    A company's rule holds every unit (department) and period of it in the shown period: ``results`` counts them,
    ``evaluated`` those with a population (not n/a), ``met`` / ``missed`` / ``at_risk`` by colour class, and
    ``worst`` is the worst class among them (missed > at risk > in progress > on track > met > n/a). Companies
    are ordered by most missed results, then most at risk, then lowest share met, then as the results list them
    (roster order); rules within a company in SPEC order.
    """
    from analytics.metrics.quotas import RULES

    if results.empty:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    status = results["cell_status"]
    frame = pd.DataFrame({
        "company_key": results["company_key"].to_numpy(), "company": results["company"].to_numpy(),
        "rule": results["rule"].to_numpy(), "results": 1, "evaluated": (status != "n/a").to_numpy().astype(int),
        "met": (status == "met").to_numpy().astype(int), "missed": (status == "missed").to_numpy().astype(int),
        "at_risk": (status == "at_risk").to_numpy().astype(int),
        "severity": status.map(SEVERITY).fillna(0).astype(int).to_numpy(),
    })
    cells = frame.groupby(["company_key", "rule"], sort=False, as_index=False).agg(
        company=("company", "first"), results=("results", "sum"), evaluated=("evaluated", "sum"),
        met=("met", "sum"), missed=("missed", "sum"), at_risk=("at_risk", "sum"), severity=("severity", "max"))
    cells["worst"] = cells["severity"].map(_WORST_OF)
    per_company = cells.groupby("company_key", sort=False).agg(
        missed=("missed", "sum"), at_risk=("at_risk", "sum"), met=("met", "sum"), evaluated=("evaluated", "sum"))
    per_company["share_met"] = per_company["met"] / per_company["evaluated"].where(per_company["evaluated"] > 0)
    per_company["first_seen"] = range(len(per_company))
    order = per_company.sort_values(["missed", "at_risk", "share_met", "first_seen"],
                                    ascending=[False, False, True, True], na_position="last").index
    rank = {k: i for i, k in enumerate(order)}
    rule_rank = {code: i for i, code in enumerate(RULES)}
    cells = cells.assign(_c=cells["company_key"].map(rank), _r=cells["rule"].map(rule_rank))
    return cells.sort_values(["_c", "_r"]).reset_index(drop=True)[MATRIX_COLUMNS]


def matrix_figure(matrix: pd.DataFrame, lang: str) -> go.Figure:
    """Company × rule heatmap: the worst colour of each cell, "met / evaluated" in it, the counts in the hover.

    A transparent scatter trace over the cells makes a cell clickable; its customdata is [company_key, rule].
    """
    from analytics.metrics.quotas import RULES

    companies = list(dict.fromkeys(matrix["company_key"]))
    names = dict(zip(matrix["company_key"], matrix["company"], strict=False))
    rules = [code for code in RULES if code in set(matrix["rule"])]
    codes = {s: i for i, s in enumerate(CELL_STATUSES)}
    z = pd.DataFrame(index=companies, columns=rules, dtype=float)
    text = pd.DataFrame("", index=companies, columns=rules)
    for r in matrix.itertuples():
        z.loc[r.company_key, r.rule] = codes[r.worst]
        text.loc[r.company_key, r.rule] = f"{r.met}/{r.evaluated}" if r.evaluated else "—"
    n = len(CELL_STATUSES)
    scale = []
    for i, status in enumerate(CELL_STATUSES):
        scale += [(i / n, STATUS_COLORS[status]), ((i + 1) / n, STATUS_COLORS[status])]
    y = [html.escape(str(names[k])) for k in companies]
    fig = go.Figure(go.Heatmap(z=z.values, x=rules, y=y, text=text.values, texttemplate="%{text}", colorscale=scale,
                               zmin=-0.5, zmax=n - 0.5, showscale=False, xgap=2, ygap=2, hoverinfo="skip",
                               textfont={"color": "white", "size": 12}))
    hover = [
        "<br>".join([
            f"<b>{html.escape(str(r.company))}</b>",
            html.escape(rule_label(r.rule, lang)),
            f"{t('ui.compliance.col.status', lang)}: {t(f'status.{r.worst}', lang)}",
            t("ui.compliance.matrix.hover", lang, met=fmt_int(r.met), evaluated=fmt_int(r.evaluated),
              missed=fmt_int(r.missed), at_risk=fmt_int(r.at_risk)),
        ])
        for r in matrix.itertuples()
    ]
    fig.add_trace(go.Scatter(
        x=list(matrix["rule"]), y=[html.escape(str(c)) for c in matrix["company"]], mode="markers",
        marker={"symbol": "square", "size": 28, "opacity": 0.01, "color": "black"},
        customdata=[[k, r] for k, r in zip(matrix["company_key"], matrix["rule"], strict=True)],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
    ))
    style_figure(fig, height=max(220, 34 * len(companies) + 110), margin={"l": 10, "r": 10, "t": 60, "b": 10})
    fig.update_xaxes(side="top", type="category", fixedrange=True, range=[-0.5, len(rules) - 0.5], tickangle=0)
    fig.update_yaxes(type="category", fixedrange=True, gridcolor="rgba(0,0,0,0)", range=[len(companies) - 0.5, -0.5])
    fig.update_layout(dragmode=False, clickmode="event+select")
    return fig


def matrix_table(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The company × rule view as a list: company, rule name, worst status, met / evaluated, missed, at risk."""
    def col(key: str) -> str:
        return t(f"ui.compliance.col.{key}", lang)

    return pd.DataFrame({
        col("company"): matrix["company"].to_numpy(),
        col("rule"): [rule_label(r, lang) for r in matrix["rule"]],
        col("status"): [t(f"status.{s}", lang) for s in matrix["worst"]],
        col("met_of"): [f"{m}/{e}" for m, e in zip(matrix["met"], matrix["evaluated"], strict=True)],
        col("missed"): matrix["missed"].astype("Int64").to_numpy(),
        col("at_risk"): matrix["at_risk"].astype("Int64").to_numpy(),
    })


def heatmap_rows(results: pd.DataFrame, limit: int = MAX_HEATMAP_ROWS) -> list[str]:
    """Units to draw, in roster order; beyond ``limit``, the ones furthest behind (lowest mean value)."""
    units = list(dict.fromkeys(results["row_label"]))
    if len(units) <= limit:
        return units
    worst = results.assign(v=results["value"].fillna(1e9)).groupby("row_label", sort=False)["v"].mean().nsmallest(limit)
    keep = set(worst.index)
    return [u for u in units if u in keep]


def heatmap_figure(results: pd.DataFrame, lang: str, units: list[str]) -> go.Figure:
    """Unit × period heatmap coloured by status with value in the cell and the figures in the hover.

    A transparent scatter trace sits on the cells so that a click selects a cell (heatmaps cannot be selected
    in Plotly); its customdata carries the row index of ``results`` for the drill-down.
    """
    periods = sorted(results["period"].unique(), key=str)
    period_labels = {p: format_period(p, lang) for p in periods}
    frame = results[results["row_label"].isin(units)]
    codes = {s: i for i, s in enumerate(CELL_STATUSES)}
    z = pd.DataFrame(index=units, columns=periods, dtype=float)
    text = pd.DataFrame("", index=units, columns=periods)
    for r in frame.itertuples():
        z.loc[r.row_label, r.period] = codes[r.cell_status]
        text.loc[r.row_label, r.period] = format_value(r.value, r.unit)
    n = len(CELL_STATUSES)
    scale = []
    for i, status in enumerate(CELL_STATUSES):
        scale += [(i / n, STATUS_COLORS[status]), ((i + 1) / n, STATUS_COLORS[status])]
    x = [period_labels[p] for p in periods]
    y = [html.escape(u) for u in units]  # Plotly renders some HTML in labels: names from the roster are escaped
    fig = go.Figure(go.Heatmap(z=z.values, x=x, y=y, text=text.values, texttemplate="%{text}", colorscale=scale,
                               zmin=-0.5, zmax=n - 0.5, showscale=False, xgap=2, ygap=2, hoverinfo="skip",
                               textfont={"color": "white", "size": 12}))
    hover = [
        "<br>".join([
            f"<b>{html.escape(str(r.row_label))}</b>",
            f"{t('ui.compliance.col.period', lang)}: {period_labels[r.period]}",
            f"{t('ui.compliance.col.status', lang)}: {t(f'status.{r.cell_status}', lang)}",
            f"{t('ui.compliance.col.value', lang)}: {format_value(r.value, r.unit)}",
            f"{t('ui.compliance.col.population', lang)}: {fmt_int(r.population)}",
            f"{t('ui.compliance.col.participants', lang)}: {fmt_int(r.participants)}",
        ])
        for r in frame.itertuples()
    ]
    fig.add_trace(go.Scatter(
        x=[period_labels[p] for p in frame["period"]], y=[html.escape(u) for u in frame["row_label"]], mode="markers",
        marker={"symbol": "square", "size": 28, "opacity": 0.01, "color": "black"},
        customdata=list(frame.index), hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
    ))
    height = max(220, 34 * len(units) + 90)
    style_figure(fig, height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10})
    if len(periods) < 4:  # a yearly rule has one column: keep cells a readable size instead of full width
        longest = max((len(u) for u in units), default=4)
        # Room on the right for the hover box: Plotly draws it inside the chart, and a chart as narrow as one
        # column of cells cut it off at its right edge (issue #16 item 8). The box is as wide as its longest
        # line, the unit's name or "應參與人數: 1,234", at about 14 px a character; it starts at the cell's middle.
        room = max(0, 14 * max(longest, 12) + 30 - 80)
        fig.update_layout(width=min(1100, 14 * longest + 160 * len(periods) + 60 + room),
                          margin={"l": 10, "r": 10 + room, "t": 30, "b": 10})
    # Explicit ranges: the click-catching markers would otherwise pad the axes and leave a gap above the cells.
    fig.update_xaxes(side="top", type="category", fixedrange=True, range=[-0.5, len(periods) - 0.5])
    fig.update_yaxes(type="category", fixedrange=True, gridcolor="rgba(0,0,0,0)", range=[len(units) - 0.5, -0.5])
    fig.update_layout(dragmode=False, clickmode="event+select")
    return fig


def results_table(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The results of one rule for display: unit, period, status, value, population, participants, pace."""
    def col(key: str) -> str:
        return t(f"ui.compliance.col.{key}", lang)

    return pd.DataFrame({
        col("unit"): results["row_label"],
        col("period"): [format_period(p, lang) for p in results["period"]],
        col("status"): [t(f"status.{s}", lang) for s in results["cell_status"]],
        col("value"): [format_value(v, u) for v, u in zip(results["value"], results["unit"], strict=True)],
        col("population"): results["population"].astype("Int64"),
        col("participants"): results["participants"].astype("Int64"),
        col("needed_per_week"): results["needed_per_week"].astype("Int64"),
    }, index=results.index)


def owed_frame(owed: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Owed people with translated headers: 工號, 姓名, 公司, 部門, 職級."""
    from ui.state import term

    return pd.DataFrame({
        t("ui.owed.col.employee_id", lang): owed["employee_id"],
        t("ui.owed.col.name", lang): owed["name"],
        t("ui.owed.col.company", lang): owed["company"],
        t("ui.owed.col.department", lang): owed["department"],
        t("ui.owed.col.rank", lang): [term("rank", r, lang) for r in owed["rank"]],
    })


def owed_sheets(owed: pd.DataFrame, lang: str) -> dict[str, pd.DataFrame]:
    """One sheet per department (company · department when several companies), for each department head."""
    frame = owed_frame(owed, lang)
    if owed.empty:
        return {t("ui.owed.sheet_empty", lang): frame}
    multi = owed["company_key"].nunique() > 1
    sheets: dict[str, pd.DataFrame] = {}
    keys = owed["company"].astype(str) + " · " + owed["department"].astype(str) if multi else owed["department"]
    for key in dict.fromkeys(keys):
        sheets[str(key)] = frame[(keys == key).to_numpy()]
    return sheets
