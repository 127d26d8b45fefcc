"""`python -m analytics restore FILE`: validate a backup, keep the current database as .bak, put the backup in."""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics.cli.common import add_db_argument, add_lang_argument, db_path

NAME = "restore"
HELP = "自備份還原資料庫 (restore the database from a backup)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.i18n import t
    from analytics.store.maintenance import restore

    bak = restore(db_path(args), args.file, lang=args.lang)
    print(t("store.restore.done", args.lang, path=args.file, bak=bak))
    return 0
