"""Options and output shared by the commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None,
                        help="DuckDB file (default: $WALKTHROUGH_DB or data/walkthrough.duckdb)")


def db_path(args: argparse.Namespace) -> Path:
    from analytics.config import default_db_path

    return Path(args.db) if args.db else default_db_path()


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh-Hant", "zh-Hans", "en"), default="zh-Hant")


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from exc


def print_json(obj: object) -> None:
    """``obj`` as JSON on stdout: indented for a person at a terminal, else one line through ``json``'s C encoder
    (issue #17: the pure-Python encoder that ``indent`` or ``json.dump`` select took longer than the query for a
    national year's results)."""
    if sys.stdout.isatty():
        text = json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default)
    else:
        text = json.dumps(obj, ensure_ascii=False, default=_json_default)  # one shot, no indent: the C encoder
    sys.stdout.write(text)
    sys.stdout.write("\n")


def _json_default(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
