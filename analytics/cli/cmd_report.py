"""``python -m analytics report --province P --period 2026Q3 --out DIR [--submit]``: the upward report (SPEC 9.4)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "report"
HELP = "write a province's report for 總部 (briefing .docx + data sheet .xlsx); --submit marks it submitted"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("--province", required=True, help="the province company (any spelling)")
    parser.add_argument("--period", required=True, help="2026, 2026Q3 or 2026-07")
    parser.add_argument("--out", type=Path, required=True, help="directory for the two files")
    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: the period's end or today)")
    parser.add_argument("--submit", action="store_true", help="record the report as submitted to 總部")
    parser.add_argument("--user", default=None, help="who submits (default: cli:<OS user>, with admin rights)")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    import getpass

    from analytics.cli.common import db_path
    from analytics.i18n import t
    from analytics.report.submit import build_upward_report, submit_report, write_report

    report = build_upward_report(db_path(args), args.province, args.period, as_of=args.as_of, lang=args.lang)
    for path in write_report(report, args.out):
        print(t("report.cli.written", args.lang, path=path))
    if args.submit:
        # The command line runs on the server with the database file's rights: an administrator (SPEC 8).
        actor = args.user or f"cli:{getpass.getuser()}"
        submit_report(db_path(args), report, user=None, actor=actor, lang=args.lang)
        print(t("report.cli.submitted", args.lang, province=report.province, period=report.period,
                batch=report.batch_id if report.batch_id is not None else "—"))
    return 0
