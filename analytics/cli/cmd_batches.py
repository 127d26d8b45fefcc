"""`python -m analytics batches [--json]`: every import batch, newest first."""

from __future__ import annotations

import argparse

from analytics.cli.common import add_db_argument, add_lang_argument, db_path, print_json

NAME = "batches"
HELP = "列出匯入批次 (list import batches)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analytics.i18n import t
    from analytics.store.batches import list_batches
    from analytics.store.connection import connect

    with connect(db_path(args), read_only=True) as con:
        frame = list_batches(con)
    records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    if args.json:
        print_json(records)
        return 0
    for r in records:
        status = t(f"store.batch_status.{r['status']}", args.lang)
        totals = {k: sum(int(c.get(k, 0)) for c in r["counts"].values()) for k in ("new", "updated", "rejected")}
        corrects = f"  ⟲#{r['replaces_batch']}" if r.get("replaces_batch") is not None else ""
        print(f"#{r['batch_id']}  {r['imported_at']:%Y-%m-%d %H:%M}  {r['imported_by']}  [{status}]  "
              f"{r['file_name']}  +{totals['new']} ~{totals['updated']} ✗{totals['rejected']}{corrects}")
    return 0
