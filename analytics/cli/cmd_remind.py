"""``python -m analytics remind [--as-of D] (--out DIR | --send)``: one reminder per contact (SPEC 9)."""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics import config

NAME = "remind"
HELP = "build one reminder per contact: write .eml files (--out DIR, a dry run) or send them by SMTP (--send)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, iso_date

    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: today)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="write RFC 5322 .eml files into this directory (nothing is sent)")
    target.add_argument("--send", action="store_true",
                        help="send through SMTP (WALKTHROUGH_SMTP_* settings; see docs/reminders.md)")
    parser.add_argument("--user", default=None, help="who runs it, for the run record (default: the OS user)")
    add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    import getpass

    from analytics.cli.common import db_path
    from analytics.i18n import t
    from analytics.remind.planned import planned_walks_near_deadline
    from analytics.remind.run import run_reminders
    from analytics.remind.smtp import Mailer, load_smtp_config

    as_of = args.as_of or config.today()
    user = args.user or f"cli:{getpass.getuser()}"
    mailer = Mailer(load_smtp_config()) if args.send else None
    result = run_reminders(db_path(args), as_of, user=user, out_dir=None if args.send else args.out, mailer=mailer,
                           planned_walks=planned_walks_near_deadline)
    print(t("remind.cli.summary", "zh-Hant", run=result.run_id, messages=result.messages, sent=result.sent,
            skipped=result.skipped, failed=len(result.failures)))
    for failure in result.failures:
        print(t("remind.cli.failure", "zh-Hant", email=failure["email"], reason=failure["reason"]))
    return 0 if result.ok else 1
