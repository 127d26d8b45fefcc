"""``python -m analytics summary-form --plan ID --out F.xlsx`` (or ``--person ID --month YYYY-MM``): the 穿越總結表
pre-filled from individual plans; filled in, it imports with ``python -m analytics import`` (SPEC 4.6, article
8.3). Errors as for ``taskbook``."""

from __future__ import annotations

import argparse

NAME = "summary-form"
HELP = "write the 穿越總結表 (.xlsx) of an individual plan, pre-filled; the filled-in copy imports as it is"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.plan_documents import add_arguments as shared

    shared(parser, ".xlsx")


def run(args: argparse.Namespace) -> int:
    from analytics.cli.plan_documents import run as shared

    return shared(args, "summary_form")
