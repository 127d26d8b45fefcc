"""Sections 2, 3 and 7 of the briefing: quota compliance + heatmap, pace of rules in progress, people who owe.

All figures come from ``analytics.metrics.quotas`` / ``pace`` (one answer everywhere); this module only selects the
results of the briefing period by the one rule the overview and the headline use
(``analytics.metrics.headline.results_of_period``: the period itself and the shorter periods inside it), orders them
(units behind first) and labels them.
"""

from __future__ import annotations

import pandas as pd

from analytics.briefing.charts import STATUS_COLORS
from analytics.briefing.context import STATUS_SEVERITY, BriefContext
from analytics.briefing.model import ChartSpec, Section, SectionTable
from analytics.metrics.headline import results_of_period
from analytics.metrics.pace import compute_pace
from analytics.metrics.quotas import RULES, compute_quota_results, load_owed_people
from analytics.textnorm import match_key

_STATUSES = ("met", "in_progress", "missed", "n/a")
_RULE_ORDER = {code: i for i, code in enumerate(RULES)}


def load_year_results(ctx: BriefContext) -> pd.DataFrame:
    """Quota results (SPEC 4.1) of every period of the briefing's year, in scope, with sort helpers."""
    results = compute_quota_results(ctx.con, ctx.period.start.year, as_of=ctx.as_of, scope=ctx.scope_key)
    return results.assign(_sev=results["status"].map(STATUS_SEVERITY), _rule=results["rule"].map(_RULE_ORDER))


def relevant_results(ctx: BriefContext, year_results: pd.DataFrame) -> pd.DataFrame:
    """The results of the briefing period by the one selection rule (SPEC 4.5, docs/metrics.md §6a): those whose own
    period lies inside it — a year all its results, a quarter itself and its three months, a month its month
    results. Not the overlapping ones: a month briefing counting its quarter's and year's results would give other
    numbers than the overview for the same period and as-of date (issue #11 item 3)."""
    return results_of_period(year_results, ctx.period)


def _unit_label(row) -> str:
    dept = row["department"]
    return f"{row['company']}·{dept}" if isinstance(dept, str) and dept else str(row["company"])


def quota_section(ctx: BriefContext, relevant: pd.DataFrame, year_results: pd.DataFrame) -> Section:
    """Section 2: compliance by rule, by unit, and the heatmap (unit × period, colour = status)."""
    section = Section("quotas", ctx.t("brief.sec.quotas"), ctx.t("brief.sheet.quotas"))
    if relevant.empty:
        section.empty_message = ctx.t("brief.label.no_rows")
        return section
    # Results by rule and period: how many units met, are in progress, missed, n/a.
    counts = (relevant.groupby(["_rule", "rule", "period_start", "period"], sort=True)["status"]
              .value_counts().unstack(fill_value=0).reindex(columns=list(_STATUSES), fill_value=0).reset_index())
    evaluated = counts[list(_STATUSES)].sum(axis=1)
    counted = evaluated - counts["n/a"]
    summary = pd.DataFrame({
        ctx.t("brief.col.rule"): counts["rule"],
        ctx.t("brief.col.rule_name"): [ctx.t(f"rule.name.{r}") for r in counts["rule"]],
        ctx.t("brief.col.period"): counts["period"],
        ctx.t("brief.col.units"): evaluated,
        ctx.t("brief.col.met"): counts["met"],
        ctx.t("brief.col.in_progress"): counts["in_progress"],
        ctx.t("brief.col.missed"): counts["missed"],
        ctx.t("brief.col.na"): counts["n/a"],
        ctx.t("brief.col.met_rate"): (counts["met"] / counted.where(counted > 0)).astype(float),
    })
    fmt = {c: "int" for c in summary.columns[3:8]} | {ctx.t("brief.col.met_rate"): "pct"}
    section.tables.append(SectionTable(ctx.t("brief.tbl.quota_summary"), summary, fmt))

    detail = relevant.sort_values(["_sev", "_rule", "value", "company_key"], kind="stable", na_position="last")
    status_col = ctx.t("brief.col.status")
    frame = pd.DataFrame({
        ctx.t("brief.col.rule"): [ctx.rule(r) for r in detail["rule"]],
        ctx.t("brief.col.company"): detail["company"].to_numpy(),
        ctx.t("brief.col.department"): detail["department"].to_numpy(),
        ctx.t("brief.col.period"): detail["period"].to_numpy(),
        ctx.t("brief.col.population"): detail["population"].to_numpy(),
        ctx.t("brief.col.participants"): detail["participants"].to_numpy(),
        ctx.t("brief.col.value"): detail["value"].to_numpy(),
        ctx.t("brief.col.target"): detail["target"].to_numpy(),
        status_col: [ctx.status(s) for s in detail["status"]],
    })
    # The value column is a share; count rules (reception days) hold a number of people, already shown as
    # participants, so their value and target cells stay empty rather than mixing units in one column.
    frame[ctx.t("brief.col.value")] = [v if u == "share" else float("nan")
                                       for v, u in zip(detail["value"], detail["unit"], strict=True)]
    frame[ctx.t("brief.col.target")] = [tg if u == "share" else float("nan")
                                        for tg, u in zip(detail["target"], detail["unit"], strict=True)]
    dfmt = {ctx.t("brief.col.population"): "int", ctx.t("brief.col.participants"): "int",
            ctx.t("brief.col.value"): "pct", ctx.t("brief.col.target"): "pct"}
    section.tables.append(SectionTable(ctx.t("brief.tbl.quota_detail"), frame, dfmt, status_column=status_col,
                                       row_status=list(detail["status"])))
    for kind in ("year", "quarter", "month"):
        units = relevant[relevant["period_kind"] == kind]
        if not units.empty:
            section.charts.append(_heatmap(ctx, units, year_results))
    met = int((relevant["status"] == "met").sum())
    judged = int((relevant["status"] != "n/a").sum())
    missed = int((relevant["status"] == "missed").sum())
    section.sentences.append(ctx.t("brief.s.quota", met=met, judged=judged, missed=missed,
                                   in_progress=int((relevant["status"] == "in_progress").sum())))
    return section


def _heatmap(ctx: BriefContext, units: pd.DataFrame, year_results: pd.DataFrame) -> ChartSpec:
    """Rows: rule｜unit of ``units`` (one period kind; units behind first); columns: that kind's periods of the year
    up to the briefing period, so the row shows how the unit has fared so far this year."""
    kind = units["period_kind"].iloc[0]
    history = year_results[(year_results["period_kind"] == kind)
                           & (pd.to_datetime(year_results["period_start"]).dt.date <= ctx.period.end)]
    history = history.assign(dept_key=history["department_key"].fillna(""))
    wanted = units.assign(dept_key=units["department_key"].fillna(""))
    order = (wanted.sort_values(["_sev", "_rule", "value", "company_key", "dept_key"], kind="stable",
                                na_position="last")
             .drop_duplicates(["rule", "company_key", "dept_key"]))
    keys = list(zip(order["rule"], order["company_key"], order["dept_key"], strict=True))
    index = {key: i for i, key in enumerate(keys)}
    columns = list(history.sort_values("period_start")["period"].drop_duplicates())
    col_of = {p: j for j, p in enumerate(columns)}
    rows = [f"{ctx.rule(r['rule'])}｜{_unit_label(r)}" for r in order.to_dict("records")]
    values: list[list[float | None]] = [[None] * len(columns) for _ in rows]
    statuses: list[list[str | None]] = [[None] * len(columns) for _ in rows]
    notes: list[list[str]] = [[""] * len(columns) for _ in rows]
    for rec in history.to_dict("records"):
        i = index.get((rec["rule"], rec["company_key"], rec["dept_key"]))
        if i is None:
            continue
        j = col_of[rec["period"]]
        statuses[i][j] = rec["status"]
        if rec["status"] == "n/a":
            notes[i][j] = "—"
        elif rec["unit"] == "share":
            values[i][j] = float(rec["value"])
            notes[i][j] = f"{float(rec['value']) * 100:.0f}%"
        else:
            values[i][j] = float(rec["participants"])
            notes[i][j] = f"{int(rec['participants'])}"
    legend = [(ctx.status(s), STATUS_COLORS[s]) for s in _STATUSES]
    title = f"{ctx.t('brief.chart.heatmap')} · {ctx.t(f'brief.kind.{kind}')}"
    return ChartSpec("heatmap", title, columns, rows=rows, values=values, statuses=statuses,
                     annotations=notes, legend=legend, value_format="pct", period_kind=kind)


def pace_section(ctx: BriefContext, relevant: pd.DataFrame) -> Section:
    """Section 3: rules still in progress with their projection and the people needed per week."""
    section = Section("pace", ctx.t("brief.sec.pace"), ctx.t("brief.sheet.pace"))
    paced = compute_pace(relevant.drop(columns=["_sev", "_rule"]), as_of=ctx.as_of) if not relevant.empty else relevant
    paced = paced[paced["pace"].notna()] if not paced.empty else paced
    if paced.empty:
        section.empty_message = ctx.t("brief.pace.none")
        return section
    paced = paced.assign(_sev=paced["pace"].map(STATUS_SEVERITY), _rule=paced["rule"].map(_RULE_ORDER))
    paced = paced.sort_values(["_sev", "needed", "_rule"], ascending=[True, False, True], kind="stable")
    pace_col = ctx.t("brief.col.pace")
    frame = pd.DataFrame({
        ctx.t("brief.col.rule"): [ctx.rule(r) for r in paced["rule"]],
        ctx.t("brief.col.company"): paced["company"].to_numpy(),
        ctx.t("brief.col.department"): paced["department"].to_numpy(),
        ctx.t("brief.col.period"): paced["period"].to_numpy(),
        ctx.t("brief.col.population"): paced["population"].to_numpy(),
        ctx.t("brief.col.participants"): paced["participants"].to_numpy(),
        ctx.t("brief.col.projected"): paced["projected"].astype(float).to_numpy(),
        ctx.t("brief.col.needed"): paced["needed"].to_numpy(),
        ctx.t("brief.col.weeks_left"): paced["weeks_left"].to_numpy(),
        ctx.t("brief.col.needed_per_week"): paced["needed_per_week"].to_numpy(),
        pace_col: [ctx.status(p) for p in paced["pace"]],
    })
    fmt = {c: "int" for c in frame.columns[4:10]} | {ctx.t("brief.col.projected"): "num"}
    section.tables.append(SectionTable(ctx.t("brief.tbl.pace"), frame, fmt, status_column=pace_col,
                                       row_status=list(paced["pace"])))
    verdicts = [v for v in ("on_track", "at_risk", "not_started") if (paced["pace"] == v).any()]
    rules = [r for r in RULES if (paced["rule"] == r).any()]
    series = [(ctx.status(v), [int(((paced["rule"] == r) & (paced["pace"] == v)).sum()) for r in rules])
              for v in verdicts]
    section.charts.append(ChartSpec("stacked_bar", ctx.t("brief.chart.pace"), [ctx.rule(r) for r in rules], series))
    section.sentences.append(ctx.t("brief.s.pace", units=len(paced), at_risk=int((paced["pace"] == "at_risk").sum()),
                                   needed=int(paced["needed"].sum())))
    return section


def owed_section(ctx: BriefContext, relevant: pd.DataFrame) -> Section:
    """Section 7: people of units not (yet) meeting a share rule who have not gone, by department.

    One period per rule: the latest period of the briefing period (``relevant_results``) that has started by the
    as-of date (the one a lead department can still act on, or the one just missed). Count rules (reception days) need one leader,
    not everyone, so nobody "owes" them personally and they are left out.
    """
    section = Section("owed", ctx.t("brief.sec.owed"), ctx.t("brief.sheet.owed"))
    if relevant.empty or not (relevant["unit"] == "share").any():
        # A month holds only reception-day results (count rules): saying "everyone has gone" would be untrue.
        section.empty_message = ctx.t("brief.owed.no_share_rule")
        return section
    behind = relevant[(relevant["unit"] == "share") & relevant["status"].isin(["in_progress", "missed"])]
    behind = behind[pd.to_datetime(behind["period_start"]).dt.date <= ctx.as_of]
    frames = []
    for rule, group in behind.groupby("rule", sort=False):
        latest = group.sort_values("period_start").iloc[-1]["period"]
        units = group[group["period"] == latest]
        owed = load_owed_people(ctx.con, rule, latest, scope=ctx.scope_key, as_of=ctx.as_of,
                                        lang=ctx.lang)
        wanted = set(zip(units["company_key"], units["department_key"].fillna("").map(match_key), strict=True))
        per_company = units["department_key"].isna().all()
        keep = [(ck, "" if per_company else match_key(d)) in wanted
                for ck, d in zip(owed["company_key"], owed["department"], strict=True)]
        frames.append(owed[keep])
    owed_all = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if owed_all.empty:
        section.empty_message = ctx.t("brief.owed.none")
        return section
    owed_all = owed_all.assign(_rule=owed_all["rule"].map(_RULE_ORDER)).sort_values(
        ["company_key", "department", "_rule", "employee_id"], kind="stable")
    by_dept = (owed_all.groupby(["company_key", "company", "department", "rule", "period"], sort=False, dropna=False)
               .size().rename("n").reset_index().sort_values(["n", "company_key"], ascending=[False, True],
                                                             kind="stable"))
    dept_frame = pd.DataFrame({
        ctx.t("brief.col.company"): by_dept["company"].to_numpy(),
        ctx.t("brief.col.department"): by_dept["department"].to_numpy(),
        ctx.t("brief.col.rule"): [ctx.rule(r) for r in by_dept["rule"]],
        ctx.t("brief.col.period"): by_dept["period"].to_numpy(),
        ctx.t("brief.col.owed"): by_dept["n"].to_numpy(),
    })
    section.tables.append(SectionTable(ctx.t("brief.tbl.owed_by_dept"), dept_frame, {ctx.t("brief.col.owed"): "int"}))
    people = pd.DataFrame({
        ctx.t("brief.col.company"): owed_all["company"].to_numpy(),
        ctx.t("brief.col.department"): owed_all["department"].to_numpy(),
        ctx.t("brief.col.employee_id"): owed_all["employee_id"].to_numpy(),
        ctx.t("brief.col.name"): owed_all["name"].to_numpy(),
        ctx.t("brief.col.rank"): [ctx.term("rank", r) for r in owed_all["rank"]],
        ctx.t("brief.col.rule"): [ctx.rule(r) for r in owed_all["rule"]],
        ctx.t("brief.col.period"): owed_all["period"].to_numpy(),
    })
    section.tables.append(SectionTable(ctx.t("brief.tbl.owed_people"), people))
    top = by_dept.head(12)
    labels = [f"{c}·{d}" if isinstance(d, str) and d else str(c) for c, d in zip(top["company"], top["department"],
                                                                                  strict=True)]
    section.charts.append(ChartSpec("barh", ctx.t("brief.chart.owed"), labels,
                                    [(ctx.t("brief.col.owed"), [float(n) for n in top["n"]])]))
    section.sentences.append(ctx.t("brief.s.owed", people=owed_all["employee_id"].nunique(),
                                   departments=len(by_dept[["company_key", "department"]].drop_duplicates())))
    return section
