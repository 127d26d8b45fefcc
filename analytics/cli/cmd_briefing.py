"""``python -m analytics briefing --period P [--scope C] [--as-of D] [--lang L] --out FILE [--db PATH]`` (SPEC 5, 6).

The format follows the extension of ``--out``: .docx (Word), .xlsx (Excel) or .pptx (PowerPoint). An unknown
format, period or company is a sentence on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics import config

NAME = "briefing"
HELP = "write the service-analysis meeting briefing (.docx / .xlsx / .pptx) for a period and scope"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_db_argument, add_lang_argument, iso_date

    parser.add_argument("--period", required=True, help="2026 | 2026Q3 | 2026-10")
    parser.add_argument("--scope", default=None, help="a company and what rolls up to it (any spelling); "
                                                      "default: all companies")
    parser.add_argument("--as-of", type=iso_date, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--out", type=Path, required=True, help="FILE.docx, FILE.xlsx or FILE.pptx")
    add_lang_argument(parser)
    add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    import os

    from analytics.briefing import build_briefing, format_of_path, render
    from analytics.cli.common import db_path
    from analytics.errors import UserFacingError
    from analytics.i18n import t
    from analytics.metrics.periods import parse_period
    from analytics.store.connection import connect

    lang = args.lang
    fmt = format_of_path(args.out, lang)  # before any work: a wrong extension fails at once
    parse_period(args.period, lang)
    out = Path(args.out)
    if not out.parent.exists():
        raise UserFacingError(t("brief.err.out_dir", lang, value=str(out.parent)))
    with connect(db_path(args), read_only=True) as con:
        briefing = build_briefing(con, args.period, scope=args.scope, as_of=args.as_of or config.today(), lang=lang)
    data = render(briefing, fmt)
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, out)  # a reader never sees half a file
    print(t("brief.cli.done", lang, path=str(out), size=len(data)))
    return 0
