"""Presentation of import batches (SPEC 2.5): who imported what and when, counts, status."""

from __future__ import annotations

import pandas as pd

from analytics.i18n import t
from analytics.ingest.filenames import clean_file_name
from analytics.schema import TABLES


def _when(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _table_cell(counts: dict, key: str, lang: str) -> str:
    c = counts.get(key) or {}
    if not c:
        return ""
    return t("ui.batches.count_cell", lang, new=int(c.get("new", 0) or 0), updated=int(c.get("updated", 0) or 0))


def batches_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per batch with translated headers; the index is the batch id."""
    def col(key: str) -> str:
        return t(f"ui.batches.col.{key}", lang)

    rows = []
    for r in frame.to_dict("records"):
        counts = r.get("counts") or {}
        row = {
            col("batch"): int(r["batch_id"]),
            col("file"): clean_file_name(r["file_name"]),
            col("imported_at"): _when(r["imported_at"]),
            col("imported_by"): r["imported_by"],
            col("status"): t(f"ui.batches.status.{r['status']}", lang),
        }
        for key in TABLES:
            row[TABLES[key].title_en if lang == "en" else t(f"ui.table.{key}", lang)] = _table_cell(counts, key, lang)
        row[col("rejected")] = sum(int((c or {}).get("rejected", 0) or 0) for c in counts.values())
        replaced = r.get("replaces_batch")
        row[col("replaces")] = ("" if replaced is None or pd.isna(replaced)
                                else t("ui.batches.replaces_cell", lang, batch=int(replaced)))
        row[col("strict")] = t("ui.batches.yes", lang) if r.get("strict") else ""
        row[col("rolled_back")] = " · ".join(x for x in (_when(r.get("rolled_back_at")),
                                                          str(r.get("rolled_back_by") or "")) if x)
        rows.append(row)
    table = pd.DataFrame(rows)
    # Optional columns (a table never imported, no strict import, no rollback) are left out while all blank.
    optional = [c for c in table.columns[5:] if c != col("rejected")]
    return table.drop(columns=[c for c in optional if (table[c] == "").all()])
