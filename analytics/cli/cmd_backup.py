"""`python -m analytics backup --out FILE`: a consistent copy of the database, taken while no import runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics.cli.common import add_db_argument, add_lang_argument, db_path

NAME = "backup"
HELP = "備份資料庫 (back up the database)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.i18n import t
    from analytics.store.maintenance import backup

    size = backup(db_path(args), args.out, lang=args.lang)
    print(t("store.backup.done", args.lang, path=args.out, size=size))
    return 0
