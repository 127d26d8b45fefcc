"""``python -m analytics issues [--as-of D] [--scope C] [--json]``: issues and resolution (SPEC 4.4, 5)."""

from __future__ import annotations

import argparse

from analytics import config

NAME = "issues"
HELP = "issues and resolution as of a date: totals, overdue, days to close, ageing, Pareto, owners"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.i18n import t
    from analytics.metrics.export import percent, text_table
    from analytics.metrics.issues import compute_issue_summary
    from analytics.store.connection import connect

    as_of = args.as_of or config.today()
    with connect(db_path(args), read_only=True) as con:
        summary = compute_issue_summary(con, as_of, scope=args.scope, lang=args.lang)
    if args.json:
        print_json(summary)
        return 0
    lang = args.lang
    s = summary
    print(t("metrics.cli.issues_title", lang, as_of=s["as_of"]))
    print(text_table(
        [[s["total"], s["closed"], s["open"], s["overdue"], percent(s["resolution_rate"]),
          s["days_to_close"]["median"], s["days_to_close"]["p90"]]],
        [t(f"metrics.col.{c}", lang) for c in ("total", "closed", "open", "overdue", "resolution_rate",
                                               "median_days", "p90_days")],
    ))
    print()
    days = t("metrics.col.days", lang)
    print(text_table([list(s["open_ageing"].values())], [f"{k} {days}" for k in s["open_ageing"]]))
    print()
    flagged = set(s["nonstandard_categories"])
    print(text_table([[c + (" *" if c in flagged else ""), n] for c, n in s["pareto_category"]],
                     [t("metrics.col.category", lang), t("metrics.col.total", lang)]))
    if flagged:
        print(t("metrics.cli.nonstandard_note", lang))
    print()
    print(text_table(
        [[c, f["total"], f["closed"], f["open"], f["overdue"]] for c, f in s["by_owner_company"].items()],
        [t(f"metrics.col.{c}", lang) for c in ("owner_company", "total", "closed", "open", "overdue")],
    ))
    if s["overdue_ids"]:
        print()
        print(t("metrics.cli.overdue_ids", lang, ids="、".join(s["overdue_ids"])))
    return 0
