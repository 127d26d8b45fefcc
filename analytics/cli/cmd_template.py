"""``python -m analytics template --out FILE.xlsx``: write the data template workbook (SPEC 2)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "template"
HELP = "write the template workbook (one sheet per table, headers from the schema) / 下載資料範本"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.common import add_lang_argument

    parser.add_argument("--out", type=Path, required=True, help="output .xlsx file")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.errors import UserFacingError
    from analytics.i18n import t
    from analytics.template import build_template_xlsx

    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(build_template_xlsx(args.lang))
    except OSError as exc:
        raise UserFacingError(f"{out}: {exc.strerror or exc}") from exc
    print(t("ingest.template.written", args.lang, path=out))
    return 0
