"""``python -m analytics volume --year Y [--scope C] [--json]``: task volume (SPEC 4.3, issue #3 item 7)."""

from __future__ import annotations

import argparse

NAME = "volume"
HELP = "task volume: activities, person-times and distinct participants by period, company and category"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("--year", type=int, required=True, help="the year, e.g. 2026")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling)")
    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD: count rows up to it (default: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_db_argument(parser)
    add_lang_argument(parser)


def _rows(label: str, figures: dict) -> list[list[object]]:
    return [[label, figures["activities"], figures["person_times"], figures["distinct_participants"]]]


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.i18n import t
    from analytics.metrics.export import text_table
    from analytics.metrics.volume import compute_volume_summary
    from analytics.store.connection import connect

    with connect(db_path(args), read_only=True) as con:
        summary = compute_volume_summary(con, args.year, scope=args.scope, as_of=args.as_of)
    if args.json:
        print_json(summary)
        return 0
    lang = args.lang
    measures = [t(f"metrics.col.{c}", lang) for c in ("activities", "person_times", "distinct_participants")]
    overall = summary["all"]
    rows = _rows(str(args.year), overall["year"])
    for section in ("by_quarter", "by_month"):
        for period, figures in overall[section].items():
            rows += _rows(period, figures)
    print(t("metrics.cli.volume_title", lang, year=args.year, unmatched=summary["unmatched_rows"]))
    print(text_table(rows, [t("metrics.col.period", lang), *measures]))
    for section in ("by_category", "by_item", "by_mode", "by_scope"):
        rows = [r for term, figures in overall[section].items() for r in _rows(term, figures)]
        print()
        print(text_table(rows, [t(f"metrics.col.{section}", lang), *measures]))
    rows = [r for company, f in summary["by_company_rollup"].items() for r in _rows(company, f["year"])]
    print()
    print(text_table(rows, [t("metrics.col.company_rollup", lang), *measures]))
    return 0
