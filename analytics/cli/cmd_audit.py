"""``python -m analytics audit [--json]``: who signed in, imported, rolled back or changed users, and when."""

from __future__ import annotations

import argparse

NAME = "audit"
HELP = "list the audit log (newest first)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, iso_date

    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    parser.add_argument("--actor", default=None, help="only entries by this user")
    parser.add_argument("--action", default=None, help="only this action (e.g. sign_in, import, rollback)")
    parser.add_argument("--since", type=iso_date, default=None, help="from this date (YYYY-MM-DD, inclusive)")
    parser.add_argument("--limit", type=int, default=1000, help="at most this many entries (default 1000)")


def run(args: argparse.Namespace) -> int:
    import json

    from analytics.auth.audit import detail_text, load_audit_log
    from analytics.cli.common import db_path, print_json
    from analytics.store.connection import connect

    with connect(db_path(args), read_only=True) as con:
        log = load_audit_log(con, actor=args.actor, action=args.action, since=args.since, limit=args.limit)
    if args.json:
        print_json([
            {"at": row.at, "actor": row.actor, "action": row.action,
             "detail": json.loads(row.detail) if isinstance(row.detail, str) and row.detail else None}
            for row in log.itertuples(index=False)
        ])
        return 0
    if log.empty:
        print("稽核紀錄為空 / the audit log is empty")
        return 0
    for row in log.itertuples(index=False):
        print(f"{row.at:%Y-%m-%d %H:%M:%S}  {row.actor}  {row.action}  {detail_text(row.detail)}")
    return 0
