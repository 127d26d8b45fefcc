"""``python -m analytics users add|list|remove|passwd``: manage who may sign in (SPEC 8).

Users live in the YAML file of ``analytics.auth.users`` (outside the repository); each change is written to the
audit log when the database exists. Passwords are read with ``getpass`` (asked twice) or, for scripts, as one line
from standard input with ``--password-stdin``; they are never accepted as a command-line argument, which other
users of the machine could read from the process list.
"""

from __future__ import annotations

import argparse
import sys

NAME = "users"
HELP = "manage dashboard users: add, list, remove, passwd (users file: $WALKTHROUGH_USERS)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.auth.model import ROLES
    from analytics.cli.common import add_db_argument

    parser.add_argument("--users-file", default=None,
                        help="users file (default: $WALKTHROUGH_USERS or ~/.config/walkthrough/users.yaml)")
    add_db_argument(parser)
    sub = parser.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--company", default=None, help="company name as in the roster (required for lead and viewer)")
    add.add_argument("--department", default=None,
                     help="責任部門 as written in the issue files (required for role department)")
    add.add_argument("--name", default=None, help="display name (default: the user name)")
    add.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    lst = sub.add_parser("list", help="list users")
    lst.add_argument("--json", action="store_true")
    rem = sub.add_parser("remove", help="remove a user")
    rem.add_argument("username")
    pwd = sub.add_parser("passwd", help="set a user's password")
    pwd.add_argument("username")
    pwd.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")


def _read_password(args: argparse.Namespace) -> str:
    from analytics.auth.model import AuthError

    if args.password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        raise AuthError("標準輸入不是終端機，請加 --password-stdin / stdin is not a terminal: use --password-stdin")
    import getpass

    first = getpass.getpass("密碼 / password: ")
    if getpass.getpass("再輸入一次 / again: ") != first:
        raise AuthError("兩次輸入的密碼不同 / the passwords differ")
    return first


def _actor() -> str:
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name for this uid (containers)
        return "cli"


def _audit(args: argparse.Namespace, action: str, detail: dict) -> None:
    from analytics.auth.audit import record_event
    from analytics.cli.common import db_path
    from analytics.errors import UserFacingError

    try:
        written = record_event(db_path(args), _actor(), action, detail)
    except UserFacingError as exc:  # the users file is already changed; say the audit line is missing
        print(f"注意 / note: 未寫入稽核紀錄 / not written to the audit log: {exc}", file=sys.stderr)
        return
    if not written:
        print("注意 / note: 尚無資料庫，此變更未寫入稽核紀錄 / no database yet: this change is not in the audit log",
              file=sys.stderr)


def _check_company(args: argparse.Namespace, company: str) -> None:
    """Warn (not refuse: users may be set up before the first roster) when the roster has no such company."""
    from pathlib import Path

    from analytics.cli.common import db_path
    from analytics.errors import UserFacingError
    from analytics.textnorm import match_key

    path = db_path(args)
    if not path.exists():
        return
    try:
        from analytics.metrics.sqlfiles import expand_includes
        from analytics.store.connection import connect

        sql = expand_includes((Path(__file__).resolve().parent.parent / "sql" / "auth" / "company_name.sql")
                              .read_text("utf-8"))
        with connect(path, read_only=True, timeout_s=5) as con:
            found = con.execute(sql, {"company_key": match_key(company)}).fetchone()
    except UserFacingError:
        return
    if found is None:
        print(f"注意 / note: 名冊中沒有公司 {company!r}（名稱寫法需與名冊一致）/ the roster has no company {company!r}",
              file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from analytics.auth import audit
    from analytics.auth.users import UserStore

    store = UserStore.load(args.users_file)
    command = args.users_command
    if command == "list":
        return _list(store, args)
    if command == "add":
        password = _read_password(args)
        user = store.add(args.username, role=args.role, password=password, company=args.company,
                         display_name=args.name, department=args.department)
        if user.company:
            _check_company(args, user.company)
        store.save()
        _audit(args, audit.USER_ADD, {"username": user.username, "role": user.role, "company": user.company,
                                      **({"department": user.department} if user.department else {})})
        where = ", ".join(x for x in (user.company, user.department) if x)
        print(f"已新增 / added: {user.username} ({user.role}{', ' + where if where else ''}) → {store.path}")
    elif command == "remove":
        user = store.remove(args.username)
        store.save()
        _audit(args, audit.USER_REMOVE, {"username": user.username, "role": user.role, "company": user.company})
        print(f"已移除 / removed: {user.username}")
    elif command == "passwd":
        store.require(args.username)  # say "no such user" before asking for a password
        user = store.set_password(args.username, _read_password(args))
        store.save()
        _audit(args, audit.USER_PASSWD, {"username": user.username})
        print(f"已變更密碼 / password changed: {user.username}")
    return 0


def _list(store, args: argparse.Namespace) -> int:
    from analytics.cli.common import print_json

    rows = [{"username": u.username, "name": u.display_name, "role": u.role, "company": u.company,
             "department": u.department} for u in store.users()]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(f"尚無使用者 / no users ({store.path})")
        return 0
    width = max(len(r["username"]) for r in rows)
    for r in rows:
        print(f"{r['username']:<{width}}  {r['role']:<6}  {r['company'] or '-'}  {r['name']}")
    return 0
