"""``python -m analytics headline --period P [--as-of D] [--scope C] [--json]``: the headline of a period, the same
record (analytics.metrics.headline.compute_headline) the overview and the briefing show (issue #11 item 3)."""

from __future__ import annotations

import argparse

from analytics import config

NAME = "headline"
HELP = "the headline figures of a period as of a date: volume, issues, quota results by status and pace"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("--period", required=True, help="2026 / 2026Q3 / 2026-08")
    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.i18n import t
    from analytics.metrics.export import percent, text_table
    from analytics.metrics.headline import QUOTA_COUNTS, compute_headline
    from analytics.metrics.periods import parse_period
    from analytics.store.connection import connect

    lang = args.lang
    as_of = args.as_of or config.today()
    period = parse_period(args.period, lang)
    with connect(db_path(args), read_only=True) as con:
        h = compute_headline(con, period, as_of, args.scope)
    if args.json:
        print_json(h.as_json())
        return 0
    print(t("metrics.cli.headline_title", lang, period=h.period, as_of=h.as_of.isoformat()))
    if h.state != "data":
        print(t(f"metrics.headline.{h.state}", lang, period=h.period, as_of=h.as_of.isoformat()))
    print(text_table(
        [[h.activities, h.person_times, h.participants, h.issues_raised, percent(h.resolution_rate), h.overdue]],
        [t(f"metrics.headline.col.{c}", lang) for c in ("activities", "person_times", "participants",
                                                         "issues_raised", "resolution_rate", "overdue")],
    ))
    print()
    print(text_table([[h.quota_results, *(h.quota[k] for k in QUOTA_COUNTS)]],
                     [t("metrics.headline.col.results", lang)]
                     + [t(f"metrics.headline.col.{k.replace('/', '')}", lang) for k in QUOTA_COUNTS]))
    return 0
