"""What ``taskbook`` and ``summary-form`` share (issue #14 item 4): the plan choice, scope and the file written."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser, suffix: str) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument

    parser.add_argument("--plan", default=None, help="計畫編號 of an individual plan")
    parser.add_argument("--person", default=None, help="工號: every individual plan of the person in --month")
    parser.add_argument("--month", default=None, help="YYYY-MM, with --person")
    parser.add_argument("--scope", default=None, help="the reader's company (any spelling): a plan of a company "
                                                      "outside it is refused; default: all companies")
    parser.add_argument("--out", type=Path, required=True, help=f"FILE{suffix}")
    add_lang_argument(parser)
    add_db_argument(parser)


def run(args: argparse.Namespace, kind: str) -> int:
    """Write the task book (``kind`` "taskbook") or the summary form ("summary_form") of the chosen plans."""
    import os

    from analytics.cli.common import db_path
    from analytics.documents.plans import person_month_plans, plan_for_documents
    from analytics.errors import UserFacingError
    from analytics.i18n import t
    from analytics.store.connection import connect

    lang = args.lang
    if not args.plan and not (args.person and args.month):
        raise UserFacingError(t("docs.err.args", lang))
    out = Path(args.out)
    if not out.parent.exists():
        raise UserFacingError(t("brief.err.out_dir", lang, value=str(out.parent)))
    with connect(db_path(args), read_only=True) as con:
        if args.plan:
            docs = [plan_for_documents(con, args.plan, scope=args.scope, lang=lang)]
        else:
            docs = person_month_plans(con, args.person, args.month, scope=args.scope, lang=lang)
    if kind == "taskbook":
        from analytics import config
        from analytics.documents.taskbook import write_taskbook

        data = write_taskbook(docs, lang, today=config.today(), person_month=not args.plan)
    else:
        from analytics.documents.summary_form import write_summary_form

        data = write_summary_form(docs, lang)
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, out)  # a reader never sees half a file
    print(t("docs.cli.written", lang, path=str(out), n=len(docs)))
    return 0
