"""The command line of SPEC 5: ``python -m analytics COMMAND ...``.

Every ``cmd_*.py`` module of this package is one command and defines ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Modules import only the standard library at the top and
load pandas/duckdb inside ``run`` so ``--help`` stays instant; none may import streamlit or plotly.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import pkgutil
import sys


def _command_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("cmd_"):
            yield importlib.import_module(f"{__name__}.{info.name}")


def _only_command(argv: list[str]) -> list:
    """The one command module ``argv`` names (its first word), imported alone; [] when it names none.

    Importing the twenty command modules and building their parsers is start-up time every command paid before it
    answered (issue #17); only ``--help`` and mistakes need them all.
    """
    if not argv or argv[0].startswith("-") or not argv[0].isidentifier():
        return []
    name = f"{__name__}.cmd_{argv[0]}"
    if importlib.util.find_spec(name) is None:
        return []
    module = importlib.import_module(name)
    return [module] if getattr(module, "NAME", None) == argv[0] else []


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the one command ``argv`` names (then the others are never imported)."""
    parser = argparse.ArgumentParser(prog="python -m analytics", description="流程穿越 analytics")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (_only_command(argv) if argv is not None else []) or _command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the user gets a sentence, never a traceback
        from analytics.errors import UserFacingError

        if isinstance(exc, UserFacingError):
            print(f"錯誤 / error: {exc}", file=sys.stderr)
            return 2
        raise
