"""Section 10 of the briefing: plan against actual (issue #14 item 6, SPEC 4.6, articles 7 and 8.1-8.2).

Every figure is a call of ``analytics.metrics.plans`` (the 計畫 page and ``python -m analytics plans`` show the same
numbers), as of the briefing's as-of date and in its scope:

- PLAN-FILED of the briefing period's year, per company of the scope (``plan_filed``, default deadline 01-31);
- company plans against actual: the plan lines whose 計畫期間 overlaps the briefing period (``company_plan_actual``),
  each line's ``done`` counted inside its own period up to the as-of date; a company's row sums its lines;
- PLAN-REPORTED: walks (participant rows) of the briefing period, per walker's company (``walks_against_plans``);
- overdue individual plans: those whose 計畫日期 falls in the briefing period (``individual_plans``).

A scope of several companies (總部, a province) gets one row per company (tree order after the most urgent: no plan
filed, filed late, not yet due); a scope of one company gets its plan lines, i.e. per department, on the slide.
"""

from __future__ import annotations

import pandas as pd

from analytics.briefing.context import BriefContext
from analytics.briefing.model import ChartSpec, Section, SectionTable
from analytics.metrics import plans as mp

# The filed statuses in the colours of the quota statuses (ui.theme / analytics.palette): filed reads as met,
# late as at risk, missing as missed, a deadline still ahead as not started.
FILED_COLOUR = {"filed": "met", "late": "at_risk", "missing": "missed", "pending": "not_started"}
_FILED_ORDER = {"missing": 0, "late": 1, "pending": 2, "filed": 3}
_LINE_ORDER = {"missed": 0, "in_progress": 1, "not_started": 2, "met": 3}
CHART_COMPANIES = 12  # the chart shows the companies furthest behind their plans; the table has them all


def plan_figures(ctx: BriefContext) -> dict[str, pd.DataFrame]:
    """The four metric frames of the section for the briefing's period, scope and as-of date."""
    year = ctx.period.start.year
    return {
        "filed": mp.plan_filed(ctx.con, year, as_of=ctx.as_of, scope=ctx.scope_key, lang=ctx.lang),
        "actual": mp.company_plan_actual(ctx.con, year, as_of=ctx.as_of, scope=ctx.scope_key,
                                         period=ctx.period.code),
        "walks": mp.walks_against_plans(ctx.con, year, as_of=ctx.as_of, scope=ctx.scope_key,
                                        period=ctx.period.code),
        "individual": mp.individual_plans(ctx.con, as_of=ctx.as_of, start=ctx.period.start, end=ctx.period.end,
                                          scope=ctx.scope_key),
    }


def company_rows(figures: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per company of the scope: filed status and date, planned/done of its lines, walks, unplanned,
    reported share and overdue individual plans; the most urgent first (no plan, late, not yet due), then the
    lowest share done, then the company tree's order."""
    filed, actual, walks, individual = (figures[k] for k in ("filed", "actual", "walks", "individual"))
    rows = filed[["company_key", "company", "status", "filed_on"]].copy()
    rows["_tree"] = range(len(rows))
    sums = actual.groupby("company_key")[["planned_count", "done"]].sum() if len(actual) else None
    rows["planned"] = rows["company_key"].map(sums["planned_count"]).fillna(0).astype(int) if sums is not None else 0
    rows["done"] = rows["company_key"].map(sums["done"]).fillna(0).astype(int) if sums is not None else 0
    rows["share"] = (rows["done"] / rows["planned"].where(rows["planned"] > 0)).astype(float)
    by_walks = walks.set_index("company_key") if len(walks) else None
    for column in ("walks", "unplanned_walks", "reported_walks"):
        rows[column] = (rows["company_key"].map(by_walks[column]).fillna(0).astype(int) if by_walks is not None
                        else 0)
    rows["reported_share"] = (rows["reported_walks"] / rows["walks"].where(rows["walks"] > 0)).astype(float)
    overdue = individual[individual["status"] == "overdue"]["company_key"].value_counts() if len(individual) else {}
    rows["overdue"] = [int(overdue.get(k, 0)) for k in rows["company_key"]]
    rows["_order"] = rows["status"].map(_FILED_ORDER)
    rows = rows.sort_values(["_order", "share", "_tree"], na_position="last", kind="stable")
    return rows.drop(columns=["_order", "_tree"]).reset_index(drop=True)


def plans_section(ctx: BriefContext) -> Section:
    """Section 10: PLAN-FILED, company plans against actual, PLAN-REPORTED and overdue individual plans."""
    section = Section("plans", ctx.t("brief.sec.plans"), ctx.t("brief.sheet.plans"))
    figures = plan_figures(ctx)
    filed, actual, walks, individual = (figures[k] for k in ("filed", "actual", "walks", "individual"))
    has_lines = bool(filed["lines"].sum()) if len(filed) else False
    if not has_lines and actual.empty and individual.empty:
        section.empty_message = ctx.t("brief.plans.none")
        return section

    counts = filed["status"].value_counts()
    deadline = filed["deadline"].iloc[0] if len(filed) else mp.filing_deadline(ctx.period.start.year)
    section.sentences.append(ctx.t(
        "brief.s.plans_filed", year=ctx.period.start.year, deadline=deadline.isoformat(),
        filed=int(counts.get("filed", 0)), late=int(counts.get("late", 0)), missing=int(counts.get("missing", 0)),
        pending=int(counts.get("pending", 0)), total=len(filed)))
    planned, done = int(actual["planned_count"].sum()), int(actual["done"].sum())
    if planned:
        section.sentences.append(ctx.t(
            "brief.s.plans_actual", lines=len(actual), planned=planned, done=done, share=done / planned,
            as_of=ctx.as_of.isoformat(), met=int((actual["status"] == "met").sum())))
    total = mp.walks_total(walks)
    if total["walks"]:
        section.sentences.append(ctx.t(
            "brief.s.plans_reported", walks=total["walks"], reported=total["reported_walks"],
            share=total["reported_share"], unplanned=total["unplanned_walks"]))
    if len(individual):
        states = individual["status"].value_counts()
        overdue = individual[individual["status"] == "overdue"]
        section.sentences.append(ctx.t(
            "brief.s.plans_overdue", plans=len(individual), done=int(states.get("done", 0)),
            overdue=len(overdue), people=overdue["employee_id"].nunique(), upcoming=int(states.get("upcoming", 0))))

    rows = company_rows(figures)
    status_col = ctx.t("brief.col.plan_filed")
    company_frame = pd.DataFrame({
        ctx.t("brief.col.company"): rows["company"].to_numpy(),
        status_col: [ctx.t(f"brief.filed.{s}") for s in rows["status"]],
        ctx.t("brief.col.filed_on"): rows["filed_on"].to_numpy(),
        ctx.t("brief.col.planned"): rows["planned"].to_numpy(),
        ctx.t("brief.col.plan_done"): rows["done"].to_numpy(),
        ctx.t("brief.col.plan_share"): rows["share"].to_numpy(),
        ctx.t("brief.col.walks"): rows["walks"].to_numpy(),
        ctx.t("brief.col.unplanned"): rows["unplanned_walks"].to_numpy(),
        ctx.t("brief.col.reported_share"): rows["reported_share"].to_numpy(),
        ctx.t("brief.col.overdue_plans"): rows["overdue"].to_numpy(),
    })
    formats = {ctx.t("brief.col.filed_on"): "date", ctx.t("brief.col.plan_share"): "pct",
               ctx.t("brief.col.reported_share"): "pct"}
    formats |= {ctx.t(f"brief.col.{c}"): "int" for c in ("planned", "plan_done", "walks", "unplanned",
                                                          "overdue_plans")}
    section.tables.append(SectionTable(ctx.t("brief.tbl.plans_company"), company_frame, formats,
                                       status_column=status_col, row_status=[FILED_COLOUR[s] for s in rows["status"]]))

    if not actual.empty:
        lines = actual.assign(_order=actual["status"].map(_LINE_ORDER)).sort_values(
            ["_order", "share", "company_key", "period_start"], kind="stable")
        line_status = ctx.t("brief.col.status")
        section.tables.append(SectionTable(ctx.t("brief.tbl.plans_lines"), pd.DataFrame({
            ctx.t("brief.col.plan_id"): lines["plan_id"].to_numpy(),
            ctx.t("brief.col.company"): lines["company"].to_numpy(),
            ctx.t("brief.col.department"): [d if isinstance(d, str) and d else ctx.t("brief.plans.whole_company")
                                            for d in lines["department"]],
            ctx.t("brief.col.plan_period"): lines["period"].to_numpy(),
            ctx.t("brief.col.planned"): lines["planned_count"].to_numpy(),
            ctx.t("brief.col.plan_done"): lines["done"].to_numpy(),
            ctx.t("brief.col.plan_share"): lines["share"].to_numpy(),
            line_status: [ctx.status(s) for s in lines["status"]],
        }), {ctx.t("brief.col.planned"): "int", ctx.t("brief.col.plan_done"): "int",
             ctx.t("brief.col.plan_share"): "pct"}, status_column=line_status, row_status=list(lines["status"])))
        if filed["company_key"].nunique() == 1:
            section.slide_table = 1  # one company: its lines (per department) are what its meeting discusses
        section.charts.append(_chart(ctx, rows, lines, single=filed["company_key"].nunique() == 1))

    overdue = individual[individual["status"] == "overdue"] if len(individual) else individual
    if len(overdue):
        section.tables.append(SectionTable(ctx.t("brief.tbl.plans_overdue"), pd.DataFrame({
            ctx.t("brief.col.plan_id"): overdue["plan_id"].to_numpy(),
            ctx.t("brief.col.company"): overdue["company"].to_numpy(),
            ctx.t("brief.col.employee_id"): overdue["employee_id"].to_numpy(),
            ctx.t("brief.col.name"): overdue["name"].to_numpy(),
            ctx.t("brief.col.department"): overdue["person_department"].to_numpy(),
            ctx.t("brief.col.planned_on"): overdue["planned_on"].to_numpy(),
            ctx.t("brief.col.category"): [ctx.term("category", v) for v in overdue["category"]],
            ctx.t("brief.col.item"): [ctx.term("item", v) for v in overdue["item"]],
        }), {ctx.t("brief.col.planned_on"): "date"}))
    return section


def _chart(ctx: BriefContext, rows: pd.DataFrame, lines: pd.DataFrame, *, single: bool) -> ChartSpec:
    """Planned against done: per company (the furthest behind first), or per plan line for one company."""
    if single:
        top = lines.head(CHART_COMPANIES)
        labels = [f"{d if isinstance(d, str) and d else ctx.t('brief.plans.whole_company')} {p}"
                  for d, p in zip(top["department"], top["period"], strict=True)]
        planned, done = top["planned_count"], top["done"]
    else:
        behind = rows[rows["planned"] > 0].assign(_gap=lambda f: f["planned"] - f["done"])
        top = behind.sort_values("_gap", ascending=False, kind="stable").head(CHART_COMPANIES)
        labels, planned, done = list(top["company"]), top["planned"], top["done"]
    return ChartSpec("barh", ctx.t("brief.chart.plans"), labels,
                     [(ctx.t("brief.col.planned"), [float(v) for v in planned]),
                      (ctx.t("brief.col.plan_done"), [float(v) for v in done])])
