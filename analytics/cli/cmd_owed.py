"""``python -m analytics owed --rule R --period P [--company C] [--json]``: who owes a walkthrough (SPEC 4.1)."""

from __future__ import annotations

import argparse

NAME = "owed"
HELP = "the named people of a quota rule and period who have not yet gone (or, with --qualified, who have)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument

    parser.add_argument("--rule", required=True, help="rule code, e.g. CITY-MGR-Q")
    parser.add_argument("--period", required=True, help="2026, 2026Q3 or 2026-07 (the rule's kind of period)")
    parser.add_argument("--company", default=None, help="only this company (any spelling)")
    parser.add_argument("--department", default=None, help="only this department")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it")
    parser.add_argument("--qualified", action="store_true", help="list those who did go / qualify instead")
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.cli.common import db_path, print_json
    from analytics.i18n import t
    from analytics.metrics.export import frame_records, text_table
    from analytics.metrics.quotas import load_owed_people
    from analytics.store.connection import connect

    with connect(db_path(args), read_only=True) as con:
        people = load_owed_people(
            con, args.rule, args.period, company=args.company, department=args.department, scope=args.scope,
            qualified=args.qualified, lang=args.lang,
        )
    columns = ["employee_id", "name", "company", "department", "rank"]
    if args.json:
        print_json(frame_records(people, columns))
        return 0
    headers = [t(f"metrics.col.{c}", args.lang) for c in columns]
    key = "metrics.cli.qualified_title" if args.qualified else "metrics.cli.owed_title"
    print(t(key, args.lang, rule=args.rule.upper(), period=args.period, n=len(people)))
    if not people.empty:
        print(text_table(people[columns].values.tolist(), headers))
    return 0
