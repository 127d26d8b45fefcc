"""The walkthrough log's participants: one row per 工號 (SPEC 2.2) and the activity key (ARCHITECTURE.md)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analytics.ingest.model import Problem
from analytics.ingest.values import split_list


def activity_key(activity_id: str | None, employee_id: str, date: dt.date, category: str, item: str | None,
                 theme: str | None, target_unit: str | None) -> str:
    """``id:<穿越編號>`` when given, else ``row:`` + 工號|日期|類別|項目|主題|被穿越單位 (docs/ARCHITECTURE.md)."""
    if activity_id:
        return "id:" + activity_id
    return "row:" + "|".join([employee_id, date.isoformat(), category, item or "", theme or "", target_unit or ""])


def explode_participants(frame: pd.DataFrame, file_name: str, sheet: str,
                         header_of: dict[str, str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Expand 工號 cells listing several people into one row each, then add ``activity_key``.

    ``frame["employee_id"]`` holds tuples of IDs. 姓名 is split the same way when it lists as many names as
    there are IDs; otherwise those rows get no name and a warning (the roster supplies it).
    """
    problems: list[Problem] = []
    ids = frame["employee_id"].tolist()
    counts = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
    if len(ids) and counts.max() > 1:
        names_in = frame["name"].tolist()
        names_out: list[str | None] = []
        for i, (group, name) in enumerate(zip(ids, names_in, strict=True)):
            if len(group) == 1:
                names_out.append(name)
                continue
            parts = split_list(name or "")
            if len(parts) == len(group):
                names_out.extend(p.strip() for p in parts)
            else:
                names_out.extend([None] * len(group))
                if name:
                    problems.append(Problem("warning", "ingest.names_not_split", file_name, sheet,
                                            int(frame["_row"].iat[i]), header_of["name"], name, "walkthroughs",
                                            {"ids": len(group), "names": len(parts)}))
        frame = frame.iloc[np.repeat(np.arange(len(ids)), counts)].reset_index(drop=True)
        frame["name"] = pd.Series(names_out, dtype=object)
    frame["employee_id"] = pd.Series([x for group in ids for x in group], dtype=object)
    # activity_key() inlined: this runs once per participant row (100,000 in a large upload).
    frame["activity_key"] = pd.Series(
        [("id:" + a) if a else "row:" + "|".join((e, d.isoformat(), c, i or "", t or "", u or ""))
         for a, e, d, c, i, t, u in zip(
            frame["activity_id"].tolist(), frame["employee_id"].tolist(), frame["date"].tolist(),
            frame["category"].tolist(), frame["item"].tolist(), frame["theme"].tolist(),
            frame["target_unit"].tolist(), strict=True)],
        dtype=object,
    )
    return frame, problems
