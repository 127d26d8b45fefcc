"""``python -m analytics plans --year Y [--as-of D] [--json]``: PLAN-FILED, plan against actual and the walks
against plans of a year; ``plans upcoming [--days 14]``: the coming planned walks with their notice deadlines
(SPEC 4.6)."""

from __future__ import annotations

import argparse

from analytics import config

NAME = "plans"
HELP = "plans (SPEC 4.6): PLAN-FILED per company, plan against actual, unplanned walks; 'upcoming': notice deadlines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("view", nargs="?", choices=("summary", "upcoming"), default="summary",
                        help="summary (default) or upcoming: the planned walks of the next --days days")
    parser.add_argument("--year", type=int, default=None, help="the year, e.g. 2026 (default: the as-of year)")
    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling)")
    parser.add_argument("--deadline", default=None, help="filing deadline MM-DD of the annual plan (default 01-31)")
    parser.add_argument("--window", type=int, default=7, help="days either side of 計畫日期 that match (default 7)")
    parser.add_argument("--days", type=int, default=14, help="upcoming: how many days ahead (default 14)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (upcoming: one JSON array)")
    add_db_argument(parser)
    add_lang_argument(parser)


def _records(frame, columns: list[str]) -> list[dict]:
    from analytics.metrics.export import plain

    return [{c: plain(v) for c, v in zip(columns, row, strict=True)} for row in frame[columns].itertuples(index=False)]


UPCOMING = ["plan_id", "planned_on", "company", "employee_id", "name", "category", "item", "mode", "target_unit",
            "notice_needed", "notice_deadline", "notice_flag"]
FILED = ["company", "level", "status", "filed_on", "deadline", "lines", "planned_count", "uncovered_days"]
ACTUAL = ["plan_id", "plan_kind", "company", "department", "period", "planned_count", "done", "share", "status"]


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.metrics import plans as mp
    from analytics.metrics.scope import resolve_scope
    from analytics.store.connection import connect

    as_of = args.as_of or config.today()
    year = args.year or as_of.year
    if args.window < 0 or args.days < 0:
        import sys

        print("錯誤 / error: --window and --days must be 0 or more", file=sys.stderr)
        return 2
    with connect(db_path(args), read_only=True) as con:
        scope = resolve_scope(con, args.scope)
        coming = mp.upcoming_walks(con, as_of=as_of, days=args.days, scope=scope, window_days=args.window)
        if args.view == "upcoming":
            if args.json:
                print_json(_records(coming, UPCOMING))
            else:
                _print_upcoming(coming, as_of, args.days, args.lang)
            return 0
        filed = mp.plan_filed(con, year, as_of=as_of, scope=scope, deadline=args.deadline, lang=args.lang)
        actual = mp.company_plan_actual(con, year, as_of=as_of, scope=scope)
        individual = mp.individual_plans_of_year(con, year, as_of=as_of, scope=scope, window_days=args.window)
        walks = mp.walks_total(mp.walks_against_plans(con, year, as_of=as_of, scope=scope, window_days=args.window))
    states = individual["status"].value_counts().to_dict()
    summary = {
        "year": year, "as_of": as_of.isoformat(), "window_days": args.window,
        "plan_filed": _records(filed, FILED),
        "plan_vs_actual": _records(actual, ACTUAL),
        "individual_plans": {s: int(states.get(s, 0)) for s in mp.PLAN_STATUSES},
        "walks": walks,
        "upcoming": _records(coming, UPCOMING),
    }
    if args.json:
        print_json(summary)
        return 0
    _print_summary(summary, filed, actual, coming, args)
    return 0


def _print_summary(summary: dict, filed, actual, coming, args) -> None:
    from analytics.i18n import t
    from analytics.metrics.export import percent, text_table

    lang = args.lang
    print(t("plans.cli.title", lang, year=summary["year"], as_of=summary["as_of"]))
    print()
    print(t("plans.cli.filed", lang))
    print(text_table([[r.company, r.level, t(f"ui.plans.filed.{r.status}", lang), r.filed_on or "", r.lines]
                      for r in filed.itertuples(index=False)],
                     [t(f"ui.plans.col.{c}", lang) for c in ("company", "level", "status", "filed_on", "lines")]))
    print()
    print(t("plans.cli.actual", lang))
    if actual.empty:
        print(t("plans.cli.none", lang))
    else:
        print(text_table([[r.plan_id, r.company, r.department or "", r.period, r.planned_count, r.done,
                           percent(r.share), t(f"ui.plans.actual.{r.status}", lang)]
                          for r in actual.itertuples(index=False)],
                         [t(f"ui.plans.col.{c}", lang) for c in ("plan_id", "company", "department", "period",
                                                                  "planned", "done", "share", "status")]))
    print()
    ind, w = summary["individual_plans"], summary["walks"]
    print(t("plans.cli.individual", lang, done=ind["done"], overdue=ind["overdue"], upcoming=ind["upcoming"]))
    share = percent(w["reported_share"]) if w["reported_share"] is not None else "—"
    print(t("plans.cli.walks", lang, walks=w["walks"], unplanned=w["unplanned_walks"], share=share))
    print()
    _print_upcoming(coming, dt_from(summary["as_of"]), args.days, lang)


def dt_from(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def _print_upcoming(coming, as_of, days: int, lang: str) -> None:
    from analytics.i18n import t
    from analytics.metrics.export import text_table

    print(t("plans.cli.upcoming", lang, days=days, as_of=as_of.isoformat(), n=len(coming)))
    if coming.empty:
        return

    def notice(r) -> str:
        return t("ui.plans.notice.none", lang) if not r.notice_needed else t(f"ui.plans.notice.{r.notice_flag}", lang)

    print(text_table([[r.planned_on, r.notice_deadline or "", notice(r), r.company, r.employee_id, r.name or "",
                       r.plan_id] for r in coming.itertuples(index=False)],
                     [t(f"ui.plans.col.{c}", lang) for c in ("planned_on", "notice_deadline", "notice", "company",
                                                              "employee_id", "name", "plan_id")]))
