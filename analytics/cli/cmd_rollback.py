"""`python -m analytics rollback BATCH_ID [--user NAME]`: undo one batch exactly (SPEC 2.5)."""

from __future__ import annotations

import argparse
import sys

from analytics.cli.common import add_db_argument, add_lang_argument, db_path

NAME = "rollback"
HELP = "回滾一個匯入批次 (roll back an import batch)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("batch_id", type=int, metavar="BATCH_ID")
    add_db_argument(parser)
    parser.add_argument("--user", default=None, help="recorded as who rolled back (default: the login name)")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when rolled back, 1 when refused (the message says why and what to do)."""
    from analytics.cli.cmd_import import default_user
    from analytics.store.batches import rollback_batch

    result = rollback_batch(db_path(args), args.batch_id, user=args.user or default_user(), lang=args.lang)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
