"""Metric frames as plain JSON-ready records and as readable text tables (the command line, tests, briefing)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

import pandas as pd


def plain(value: object) -> object:
    """A JSON-ready scalar: NaN/NA -> None, numpy numbers -> int/float, Timestamps -> ISO dates."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return plain(value.item())
    return value


def quota_records(results: pd.DataFrame) -> list[dict]:
    """compute_quota_results (+ compute_pace) rows in the ``compliance --json`` shape of SPEC 5.

    Keys: rule, company, department (None for per-company rules), period, population, participants, value (share
    as a fraction, count as an integer, None when the population is 0), target (1.0 / 0.3 for shares, 1 for
    counts), unit, status; extra: company_key, snapshot_date, pace, needed, needed_per_week.
    """
    if results.empty:
        return []
    # Column-wise: one conversion per column instead of a dict and plain() per cell (21,617 results nationally).
    n = len(results)

    def column(name: str) -> list:
        series = results[name]
        return series.astype(object).where(series.notna(), None).tolist()

    def dates(name: str) -> list:
        series = pd.to_datetime(results[name])
        return [None if pd.isna(v) else v.date().isoformat() for v in series]

    count = (results["unit"] == "count").tolist()
    value = column("value")
    target = results["target"].astype("float64").tolist()
    cols = {name: column(name) for name in ("rule", "company", "department", "period", "unit", "status",
                                            "company_key")}
    population = results["population"].astype("int64").tolist()
    participants = results["participants"].astype("int64").tolist()
    snapshot = dates("snapshot_date")
    extras = {name: column(name) for name in ("pace", "needed", "needed_per_week") if name in results.columns}
    records = []
    for i in range(n):
        v = value[i]
        record = {
            "rule": cols["rule"][i],
            "company": cols["company"][i],
            "department": cols["department"][i],
            "period": cols["period"][i],
            "population": population[i],
            "participants": participants[i],
            "value": int(v) if count[i] and v is not None else (None if v is None else float(v)),
            "target": int(target[i]) if count[i] else target[i],
            "unit": cols["unit"][i],
            "status": cols["status"][i],
            "company_key": cols["company_key"][i],
            "snapshot_date": snapshot[i],
        }
        for extra, values in extras.items():
            x = values[i]
            record[extra] = x if extra == "pace" or x is None else int(x)
        records.append(record)
    return records


def frame_records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict]:
    """Rows of ``frame`` restricted to ``columns`` with JSON-ready values."""
    return [{c: plain(row[c]) for c in columns} for row in frame.to_dict("records")]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cell(value: object) -> str:
    value = plain(value)
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def text_table(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> str:
    """A plain-text table aligned for CJK characters (two columns wide) for terminals."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([_width(h), *(_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def percent(value: object) -> str:
    """0.755 -> '75.5%'; None -> '-'."""
    value = plain(value)
    return "-" if value is None else f"{float(value) * 100:.1f}%"
