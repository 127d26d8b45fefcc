"""``python -m analytics compliance --year Y [--as-of D] [--scope C] [--json]``: quota compliance (SPEC 4.1, 5)."""

from __future__ import annotations

import argparse

from analytics import config

NAME = "compliance"
HELP = "quota compliance of every rule, company/department and period of a year (SPEC 4.1)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("--year", type=int, required=True, help="the year, e.g. 2026")
    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling)")
    parser.add_argument("--rule", action="append", default=None, help="only this rule (repeatable)")
    parser.add_argument("--json", action="store_true", help="print one JSON array, one object per rule result")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.i18n import t
    from analytics.metrics.export import percent, quota_records, text_table
    from analytics.metrics.pace import compute_pace
    from analytics.metrics.quotas import compute_quota_results
    from analytics.store.connection import connect

    as_of = args.as_of or config.today()
    with connect(db_path(args), read_only=True) as con:
        results = compute_quota_results(con, args.year, as_of=as_of, scope=args.scope, rules=args.rule)
    records = quota_records(compute_pace(results, as_of=as_of))
    if args.json:
        print_json(records)
        return 0
    lang = args.lang
    headers = [t(f"metrics.col.{c}", lang) for c in (
        "rule", "company", "department", "period", "population", "participants", "value", "target", "status",
        "pace")]
    rows = [
        [r["rule"], r["company"], r["department"], r["period"], r["population"], r["participants"],
         percent(r["value"]) if r["unit"] == "share" else r["value"],
         percent(r["target"]) if r["unit"] == "share" else r["target"],
         t(f"status.{r['status']}", lang), t(f"status.{r['pace']}", lang) if r.get("pace") else None]
        for r in records
    ]
    print(t("metrics.cli.compliance_title", lang, year=args.year, as_of=as_of.isoformat()))
    print(text_table(rows, headers) if rows else t("metrics.cli.nothing", lang))
    return 0
