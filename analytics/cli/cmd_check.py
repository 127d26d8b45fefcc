"""`python -m analytics check`: open the database and verify its integrity; exit 0 when OK, 1 otherwise."""

from __future__ import annotations

import argparse

from analytics.cli.common import add_db_argument, add_lang_argument, db_path

NAME = "check"
HELP = "檢查資料庫完整性 (check the database's integrity)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    import duckdb

    from analytics.i18n import t
    from analytics.store.connection import connect
    from analytics.store.maintenance import check
    from analytics.store.migrate import current_version

    try:
        with connect(db_path(args), read_only=True) as con:
            problems = check(con, lang=args.lang, db_path=db_path(args))
            version = current_version(con)
    except duckdb.Error as exc:  # a damaged file: say so, do not show a traceback
        problems, version = [str(exc).splitlines()[0]], 0
    if problems:
        print(t("store.check.problems", args.lang))
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print(t("store.check.ok", args.lang, version=version))
    return 0
