"""`python -m analytics import FILE... [--db PATH] [--strict] [--json] [--user NAME] [--replaces BATCH]
[--acting USER]` (SPEC 5)."""

from __future__ import annotations

import argparse
import sys

from analytics.cli.common import add_db_argument, add_lang_argument, db_path, print_json

NAME = "import"
HELP = "匯入名冊／穿越記錄／問題跟蹤檔案 (import roster / walkthrough log / issue files)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".xlsx / .xlsm / .xls / .csv")
    add_db_argument(parser)
    parser.add_argument("--strict", action="store_true", help="reject a whole file on any error")
    parser.add_argument("--json", action="store_true", help="print one JSON array, one object per file")
    parser.add_argument("--user", default=None, help="recorded as the importer (default: the login name)")
    parser.add_argument("--replaces", type=int, default=None, metavar="BATCH",
                        help="the file corrects batch BATCH: roll it back and import the file in one transaction")
    parser.add_argument("--acting", default=None, metavar="USER",
                        help="import with the rights of USER of the users file (SPEC 8: a lead only for its scope), "
                             "as the upload page does; default: no limit (whoever can write the database file)")
    add_lang_argument(parser)


def default_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every row of every file was imported (or already was), 1 when any file or row was rejected."""
    from analytics.i18n import t
    from analytics.store.importer import import_files

    if args.replaces is not None and len(args.files) != 1:
        print(t("cli.import.replaces_one_file", args.lang), file=sys.stderr)
        return 2
    acting = None
    if args.acting is not None:
        from analytics.auth.users import UserStore
        from analytics.errors import UserFacingError

        try:
            acting = UserStore.load().require(args.acting)
        except UserFacingError as exc:  # AuthError: no such user, or the users file is unreadable
            print(str(exc), file=sys.stderr)
            return 2
    results = import_files(args.files, db_path=db_path(args), strict=args.strict,
                           user=args.user or (acting.username if acting else None) or default_user(),
                           lang=args.lang, replaces=args.replaces, acting=acting)
    if args.json:
        print_json([r.to_dict(args.lang) for r in results])
    else:
        for result in results:
            print(result.summary(args.lang))
        sys.stdout.flush()
    return 0 if all(r.ok for r in results) else 1
