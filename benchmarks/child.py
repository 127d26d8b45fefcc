"""One timed step, run in its own process so the parent can read that process's peak RSS (benchmarks/run.py).

    python -m benchmarks.child STEP --db PATH [--year Y] [--as-of D] [--file F]

Prints one JSON object: ``seconds`` (the timed call only, without interpreter start-up and imports) and what the
step produced (row counts, status counts) so the parent can check product and baseline agree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

SQL = Path(__file__).resolve().parent / "baseline_compliance.sql"


def _quotas(args: argparse.Namespace) -> dict:
    import duckdb

    from analytics.metrics.quotas import compute_quota_results

    con = duckdb.connect(args.db, read_only=True)
    started = time.perf_counter()
    frame = compute_quota_results(con, args.year, as_of=args.as_of)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "results": len(frame), "status": frame["status"].value_counts().to_dict()}


def _baseline_quotas(args: argparse.Namespace) -> dict:
    """The pandas baseline, timed; then checked row for row against the product (not timed)."""
    import duckdb

    from analytics.metrics.quotas import compute_quota_results
    from benchmarks.baseline_quotas import compare, compute_quota_baseline

    con = duckdb.connect(args.db, read_only=True)
    started = time.perf_counter()
    frame = compute_quota_baseline(con, args.year, args.as_of)
    seconds = time.perf_counter() - started
    status = compare(compute_quota_results(con, args.year, as_of=args.as_of), frame)
    return {"seconds": seconds, "results": len(frame), "status": status, "agrees": True}


def _sql_compliance(args: argparse.Namespace) -> dict:
    """The plain-SQL baseline of `compliance --json`: run the script and print its rows as a JSON array."""
    import duckdb

    con = duckdb.connect(args.db, read_only=True)
    started = time.perf_counter()
    cursor = con.execute(SQL.read_text(encoding="utf-8"), {"year": args.year, "as_of": args.as_of})
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    text = json.dumps(rows, ensure_ascii=False)
    return {"seconds": time.perf_counter() - started, "results": len(rows), "bytes": len(text)}


def _sql_batches(args: argparse.Namespace) -> dict:
    """The start-up baseline: a bare DuckDB process printing the batches table as JSON (C encoder)."""
    import duckdb

    con = duckdb.connect(args.db, read_only=True)
    started = time.perf_counter()
    cursor = con.execute("select * from batches order by batch_id desc")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    text = json.dumps(rows, ensure_ascii=False, default=str)
    return {"seconds": time.perf_counter() - started, "results": len(rows), "bytes": len(text)}


def _volume(args: argparse.Namespace) -> dict:
    import duckdb

    from analytics.metrics.volume import compute_volume_summary

    con = duckdb.connect(args.db, read_only=True)
    started = time.perf_counter()
    summary = compute_volume_summary(con, args.year)
    return {"seconds": time.perf_counter() - started, "companies": len(summary.get("by_company_rollup", {}))}


def _issues(args: argparse.Namespace) -> dict:
    import duckdb

    from analytics.metrics.issues import compute_issue_summary

    con = duckdb.connect(args.db, read_only=True)
    started = time.perf_counter()
    summary = compute_issue_summary(con, args.as_of)
    return {"seconds": time.perf_counter() - started, "total": summary["total"]}


def _briefing(args: argparse.Namespace) -> dict:
    """The year's briefing of the province with the most staff (issue #5: ≤ 10 s), built and rendered in all three
    formats; ``seconds`` is the whole, ``parts`` each piece."""
    import duckdb

    from analytics.briefing import FORMATS, build_briefing, render
    from analytics.metrics.scope import load_companies

    con = duckdb.connect(args.db, read_only=True)
    companies = load_companies(con)
    provinces = companies[companies["level"] == "省公司"].sort_values(["staff_latest", "company_key"],
                                                                    ascending=[False, True])
    province = provinces.iloc[0]
    parts: dict[str, float] = {}
    sizes: dict[str, int] = {}
    started = time.perf_counter()
    briefing = build_briefing(con, str(args.year), scope=province["company_key"], as_of=args.as_of,
                              generated_on=args.as_of)
    parts["build"] = time.perf_counter() - started
    for fmt in FORMATS:
        begun = time.perf_counter()
        sizes[fmt] = len(render(briefing, fmt))
        parts[fmt] = time.perf_counter() - begun
    return {"seconds": time.perf_counter() - started, "parts": parts, "bytes": sizes,
            "company": str(province["company"]), "staff": int(province["staff_latest"])}


def _plans(args: argparse.Namespace) -> dict:
    """The 計畫 page's queries for 總部 (issue #14), as pages/plans.py makes them: PLAN-FILED for the year and the two
    before it (one call), the year's individual plans counted and the overdue ones listed, walks against plans, the
    next 14 days, and for the chosen company (總部 itself) its plans against actual and its departments' months;
    ``parts`` each call."""
    import duckdb

    from analytics.metrics import plans as mp
    from analytics.metrics.scope import ResolvedScope, load_companies
    from analytics.metrics.volume import compute_volume

    con = duckdb.connect(args.db, read_only=True)
    companies = load_companies(con)
    hq = companies.loc[companies["level"] == "總部", "company_key"].iloc[0]
    only_hq = ResolvedScope(hq, (hq,))
    parts: dict[str, float] = {}
    rows: dict[str, int] = {}

    def timed(name: str, call):
        begun = time.perf_counter()
        answer = call()
        parts[name] = time.perf_counter() - begun
        rows[name] = sum(answer.values()) if isinstance(answer, dict) else len(answer)

    started = time.perf_counter()
    years = (args.year - 2, args.year - 1, args.year)
    timed("filed", lambda: mp.plan_filed_years(con, years, as_of=args.as_of))
    timed("counts", lambda: mp.individual_plan_counts(con, args.year, as_of=args.as_of))
    timed("overdue", lambda: mp.individual_plans_of_year(con, args.year, as_of=args.as_of, status="overdue"))
    timed("walks", lambda: mp.walks_against_plans(con, args.year, as_of=args.as_of))
    timed("upcoming", lambda: mp.upcoming_walks(con, as_of=args.as_of))
    timed("actual", lambda: mp.company_plan_actual(con, args.year, as_of=args.as_of, scope=only_hq))
    timed("by_month", lambda: compute_volume(con, args.year, by="department", scope=only_hq, period_kind="month",
                                             as_of=args.as_of))
    return {"seconds": time.perf_counter() - started, "parts": parts, "rows": rows}


def _baseline_import(args: argparse.Namespace) -> dict:
    """The import baseline: read every cell as text with pandas, then one DuckDB INSERT (no validation at all)."""
    import duckdb
    import pandas as pd

    started = time.perf_counter()
    path = Path(args.file)
    if path.suffix == ".xlsx":
        frame = pd.read_excel(path, engine="calamine", dtype=str, header=1)  # row 1 is the title
    else:
        frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    con = duckdb.connect(args.db)
    con.register("incoming", frame)
    con.execute("create table if not exists baseline_rows as select * from incoming limit 0")
    con.execute("insert into baseline_rows select * from incoming")
    con.close()
    return {"seconds": time.perf_counter() - started, "rows": len(frame)}


STEPS = {"quotas": _quotas, "baseline_quotas": _baseline_quotas, "sql_compliance": _sql_compliance,
         "sql_batches": _sql_batches,
         "volume": _volume, "issues": _issues, "baseline_import": _baseline_import, "briefing": _briefing,
         "plans": _plans}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("--db", required=True)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 1, 15))
    parser.add_argument("--file", default=None)
    args = parser.parse_args(argv)
    json.dump(STEPS[args.step](args), sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
