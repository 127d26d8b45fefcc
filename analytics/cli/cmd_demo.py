"""``python -m analytics demo [--db PATH] [--out-dir DIR] [--force]``: load the demo operator's year (SPEC 5)."""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics.cli.common import add_db_argument, add_lang_argument, db_path

NAME = "demo"
HELP = "產生並匯入示範資料（虛構營運商的一年）/ write and import the demo year"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--out-dir", type=Path, default=None,
                        help="where to write the demo files (default: demo-files beside the database)")
    parser.add_argument("--force", action="store_true", help="wipe a database that already holds data")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every demo file was imported (the planned rejected rows aside), 1 when a file was refused."""
    from analytics.demo import TODAY
    from analytics.demo.load import default_out_dir, load_demo
    from analytics.i18n import t

    lang = args.lang
    path = db_path(args)
    out = args.out_dir or default_out_dir(path)
    result = load_demo(path, out_dir=out, force=args.force, lang=lang)
    f = result.figures
    partial = sum(1 for r in result.results if r.rejected_rows())
    print(t("demo.done", lang, db=str(path), seconds=result.seconds))
    print(t("demo.files", lang, files=len(result.files), out=str(out), partial=partial,
            rejected=result.rejected_rows, warnings=result.warnings))
    print(t("demo.companies", lang, hq=f["hq"], provinces=f["provinces"], cities=f["cities"], staff=f["staff"]))
    print(t("demo.walks", lang, rows=f["walkthrough_rows"], activities=f["activities"], issues=f["issues"],
            open=f["open_issues"]))
    if result.quota_status:
        s = result.quota_status
        print(t("demo.quotas", lang, as_of=TODAY.isoformat(), met=s.get("met", 0), in_progress=s.get("in_progress", 0),
                missed=s.get("missed", 0), na=s.get("n/a", 0)))
    refused = [r for r in result.results if r.status == "rejected"]  # a demo file the importer refused: a bug
    for r in refused:
        print(r.summary(lang))
    return 1 if refused else 0
