"""``python -m analytics taskbook --plan ID --out F.docx`` (or ``--person ID --month YYYY-MM``): the 穿越任務書 of
individual plans (SPEC 4.6, article 8.1). An unknown plan, a company plan or one outside ``--scope`` is a sentence on
stderr and exit status 2."""

from __future__ import annotations

import argparse

NAME = "taskbook"
HELP = "write the 穿越任務書 (.docx) of an individual plan, or of a person's plans in a month"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from analytics.cli.plan_documents import add_arguments as shared

    shared(parser, ".docx")


def run(args: argparse.Namespace) -> int:
    from analytics.cli.plan_documents import run as shared

    return shared(args, "taskbook")
