"""``python -m analytics discipline --year Y [--by year|quarter|month] [--json]``: process discipline (SPEC 4.2)."""

from __future__ import annotations

import argparse

NAME = "discipline"
HELP = "process-discipline rates (notice, summary within 7 days, copy sent, at least one issue) per company"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument

    parser.add_argument("--year", type=int, required=True, help="the year, e.g. 2026")
    parser.add_argument("--by", choices=("year", "quarter", "month"), default="year", help="periods (default year)")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling)")
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.i18n import t
    from analytics.metrics.discipline import compute_discipline
    from analytics.metrics.export import frame_records, percent, text_table
    from analytics.store.connection import connect

    with connect(db_path(args), read_only=True) as con:
        frame = compute_discipline(con, args.year, scope=args.scope, period_kind=args.by)
    unmatched = t("metrics.unmatched", args.lang)
    frame = frame.assign(company=frame["company"].where(frame["company_key"].notna(), unmatched))
    columns = ["check", "company", "period", "applicable", "passing", "rate"]
    if args.json:
        print_json(frame_records(frame, ["check", "company_key", *columns[1:]]))
        return 0
    headers = [t(f"metrics.col.{c}", args.lang) for c in columns]
    rows = [[t(f"check.{r['check']}", args.lang), r["company"], r["period"], r["applicable"], r["passing"],
             percent(r["rate"])] for r in frame.to_dict("records")]
    print(t("metrics.cli.discipline_title", args.lang, year=args.year))
    print(text_table(rows, headers) if rows else t("metrics.cli.nothing", args.lang))
    return 0
