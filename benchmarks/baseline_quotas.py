"""A straightforward pandas implementation of the quota rules of SPEC 4.1, the benchmark's baseline.

It reads the roster and the year's walkthroughs out of DuckDB into DataFrames and evaluates every rule with
merge/groupby, with no care for speed beyond "filter before joining". It must give the same population,
participants and status as ``analytics.metrics.quotas.compute_quota_results`` for every result (``compare``).
"""

from __future__ import annotations

import calendar
import datetime as dt

import duckdb
import pandas as pd

LEADERS = ("公司領導", "部門領導")
MANAGERS = ("公司領導", "部門領導", "三級經理")
ALL = ("公司領導", "部門領導", "三級經理", "員工")
CORE = ("主要業務部門", "支撐部門")
# (rule, level, period kind, ranks, per department, department types, unit, target)
RULES = (
    ("HQ-MGR-Y", "總部", "year", MANAGERS, True, None, "share", 30),
    ("HQ-STAFF-Y", "總部", "year", ("員工",), True, None, "share", 10),
    ("PROV-LEAD-Y", "省公司", "year", LEADERS, False, None, "share", 100),
    ("PROV-DEPT-Y", "省公司", "year", ALL, True, CORE, "share", 50),
    ("PROV-RECEPT-M", "省公司", "month", LEADERS, False, None, "count", 1),
    ("CITY-MGR-Q", "地市公司", "quarter", LEADERS, False, None, "share", 100),
    ("CITY-DEPT-Q", "地市公司", "quarter", ALL, True, CORE, "share", 50),
    ("CITY-RECEPT-M", "地市公司", "month", ("公司領導",), False, None, "count", 1),
)


def _periods(year: int, kind: str) -> pd.DataFrame:
    if kind == "year":
        rows = [(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))]
    elif kind == "quarter":
        rows = [(f"{year}Q{q}", dt.date(year, 3 * q - 2, 1),
                 dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])) for q in range(1, 5)]
    else:
        rows = [(f"{year}-{m:02d}", dt.date(year, m, 1), dt.date(year, m, calendar.monthrange(year, m)[1]))
                for m in range(1, 13)]
    return pd.DataFrame(rows, columns=["period", "start", "end"])


def _label(dates: pd.Series, kind: str) -> pd.Series:
    d = pd.to_datetime(dates)
    if kind == "year":
        return d.dt.year.astype(str)
    if kind == "quarter":
        return d.dt.year.astype(str) + "Q" + d.dt.quarter.astype(str)
    return d.dt.strftime("%Y-%m")


def compute_quota_baseline(con: duckdb.DuckDBPyConnection, year: int, as_of: dt.date) -> pd.DataFrame:
    """One row per (rule, company_key, department_key, period): population, participants, status."""
    roster = con.execute("select company_key, effective_date, employee_id, level, department_key, department_type, "
                         "rank from roster").df()
    walks = con.execute("select employee_id, date, category, hours from walkthroughs where year(date) = ?",
                        [year]).df()
    roster["effective_date"] = pd.to_datetime(roster["effective_date"]).dt.date
    snapshots = roster[["company_key", "effective_date"]].drop_duplicates()
    out = []
    for rule, level, kind, ranks, per_dept, types, unit, target in RULES:
        periods = _periods(year, kind)
        # SPEC 2.1: per company, the latest snapshot dated on or before the period's last day, else the earliest.
        pairs = snapshots.merge(periods, how="cross")
        before = pairs[pairs["effective_date"] <= pairs["end"]].groupby(["company_key", "period"])["effective_date"]
        chosen = before.max().rename("snap").reset_index()
        earliest = snapshots.groupby("company_key")["effective_date"].min().rename("snap").reset_index()
        fallback = earliest.merge(periods[["period"]], how="cross")
        chosen = pd.concat([chosen, fallback]).drop_duplicates(["company_key", "period"], keep="first")
        people = roster[roster["level"] == level]
        if types is not None:
            people = people[people["department_type"].isin(types)]
        people = people.merge(chosen, left_on=["company_key", "effective_date"], right_on=["company_key", "snap"])
        keys = ["company_key", "department_key", "period"] if per_dept else ["company_key", "period"]
        units = people[keys].drop_duplicates()
        population = people[people["rank"].isin(ranks)]
        qualifying = walks
        if unit == "count":  # a 客戶接待日 row of at least 4 h in the month
            qualifying = walks[(walks["category"] == "客戶接待日") & (walks["hours"] >= 4)]
        went = pd.DataFrame({"employee_id": qualifying["employee_id"], "period": _label(qualifying["date"], kind)})
        went = went.drop_duplicates()
        joined = population.merge(went, on=["employee_id", "period"], how="left", indicator=True)
        joined["went"] = joined["_merge"] == "both"
        counts = joined.groupby(keys).agg(population=("employee_id", "size"), participants=("went", "sum"))
        frame = units.merge(counts.reset_index(), on=keys, how="left").fillna({"population": 0, "participants": 0})
        frame = frame.merge(periods, on="period")
        frame["rule"] = rule
        if not per_dept:
            frame["department_key"] = None
        pop, part = frame["population"].astype(int), frame["participants"].astype(int)
        met = (part * 100 >= target * pop) if unit == "share" else (part >= target)
        frame["status"] = "missed"
        frame.loc[frame["end"] > as_of, "status"] = "in_progress"
        frame.loc[met, "status"] = "met"
        frame.loc[pop == 0, "status"] = "n/a"
        frame["population"], frame["participants"] = pop, part
        out.append(frame[["rule", "company_key", "department_key", "period", "population", "participants", "status"]])
    return pd.concat(out, ignore_index=True)


def compare(product: pd.DataFrame, baseline: pd.DataFrame) -> dict[str, int]:
    """Assert both give the same results row for row; return the status counts."""
    cols = ["rule", "company_key", "department_key", "period", "population", "participants", "status"]

    def norm(frame: pd.DataFrame) -> pd.DataFrame:
        f = frame[cols].copy()
        f["department_key"] = f["department_key"].fillna("")
        f[["population", "participants"]] = f[["population", "participants"]].astype(int)
        return f.sort_values(cols[:4]).reset_index(drop=True)

    a, b = norm(product), norm(baseline)
    counts_a, counts_b = a["status"].value_counts().to_dict(), b["status"].value_counts().to_dict()
    assert counts_a == counts_b, f"status counts differ: product {counts_a} vs baseline {counts_b}"
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    return {str(k): int(v) for k, v in counts_a.items()}
