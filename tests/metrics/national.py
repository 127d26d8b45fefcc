"""A seeded synthetic national operator (SPEC 7) for the metrics benchmark.

1 HQ, 31 provinces, 370 cities; about 300,000 staff in two roster snapshots (1 Jan and 1 Jul, with leavers,
joiners and movers), 600,000 walkthrough rows (2 % of 工號 not on the roster) and 400,000 issues. Built with
set-based SQL; "random" values come from hash(i, seed) so the same seed gives the same data on any machine.

Run ``python -m tests.metrics.national`` for the figures reported in docs/metrics.md.
"""

from __future__ import annotations

import datetime as dt
import resource
import time

import duckdb

from analytics.store.migrate import apply_migrations

PROVINCES, CITIES = 31, 370
HQ_STAFF, PROVINCE_STAFF, CITY_STAFF = 3_000, 1_500, 650
WALK_ROWS, ISSUE_ROWS = 600_000, 400_000


def build_national(con: duckdb.DuckDBPyConnection, *, seed: int = 7) -> dict[str, int]:
    """Fill an empty, migrated store with the national dataset; returns the row counts."""
    con.execute(
        "insert into batches (batch_id, file_name, sha256, size_bytes, imported_at, imported_by, status, strict, counts, archive_path, rolled_back_at, rolled_back_by) values (1, 'national', 'x', 1, now()::timestamp, 'bench', 'active', false, null,"
        " null, null, null)"
    )
    con.execute(
        """
        create temp table companies as
        select 0 as cid, '總部' as company, '總部' as level, null::varchar as parent, 3000 as staff, 30 as depts
        union all
        select i, '省公司' || i, '省公司', null, $ps, 20 from range(1, $provinces + 1) t(i)
        union all
        select 1000 + i, '市公司' || i, '地市公司', '省公司' || (1 + i % $provinces), $cs, 15
        from range(1, $cities + 1) t(i)
        """,
        {"provinces": PROVINCES, "cities": CITIES, "ps": PROVINCE_STAFF, "cs": CITY_STAFF},
    )
    # staff: employee n of company c; rank by position in the company, department by n % depts
    con.execute(
        """
        create temp table staff as
        select
            c.cid, c.company, c.level, c.parent, n,
            'E' || lpad((c.cid * 10000 + n)::varchar, 8, '0') as employee_id,
            '部門' || (n % c.depts) as department,
            case (n % c.depts) % 3 when 0 then '主要業務部門' when 1 then '支撐部門' else '其他部門' end as dtype,
            case when n < 3 then '公司領導' when n < 3 + 2 * c.depts then '部門領導'
                 when n < 3 + 5 * c.depts then '三級經理' else '員工' end as rank
        from companies as c, range(c.staff) as r(n)
        """
    )
    # snapshot 1 Jan: everyone but 3 % joiners; snapshot 1 Jul: everyone but 3 % leavers (hash-based)
    con.execute(
        """
        insert into roster
        select company, company, d, employee_id, '姓名' || employee_id, level, parent, parent, department,
            department, dtype, rank, 1, null
        from staff, (values (date '2026-01-01'), (date '2026-07-01')) v(d)
        where (d = date '2026-01-01' and hash(employee_id, $seed, 'join') % 100 >= 3)
           or (d = date '2026-07-01' and hash(employee_id, $seed, 'leave') % 100 >= 3)
        """,
        {"seed": seed},
    )
    con.execute("update roster set company_key = company, department_key = department, parent_key = parent_company")
    con.execute(
        """
        insert into walkthroughs
        select
            'id:A' || (i // 2), e.employee_id, 'A' || (i // 2), null,
            date '2026-01-01' + (hash(i, $seed, 'd') % 365)::integer,
            case hash(i, $seed, 'c') % 10 when 0 then '客戶接待日' when 1 then '專項穿越' else '常規穿越' end,
            '門市客戶扮演', null,
            case hash(i, $seed, 'm') % 20 when 0 then '大規模穿越' when 1 then '小組穿越' else '個人穿越' end,
            '本地', null, (hash(i, $seed, 'h') % 9)::double, hash(i, $seed, 's') % 4 = 0,
            date '2026-01-01' + (hash(i, $seed, 'd') % 365)::integer - (hash(i, $seed, 'n') % 10)::integer,
            date '2026-01-01' + (hash(i, $seed, 'd') % 365)::integer + (hash(i, $seed, 'y') % 10)::integer,
            hash(i, $seed, 'p') % 3 > 0, (hash(i, $seed, 'q') % 3)::integer, null, 1, null
        from (select i, hash(i, $seed, 'e') % $staff as k from range($rows) t(i)) as r
        join (select row_number() over (order by employee_id) - 1 as k, employee_id from staff) as e using (k)
        """,
        {"seed": seed, "rows": WALK_ROWS, "staff": con.execute("select count(*) from staff").fetchone()[0]},
    )
    con.execute(
        "update walkthroughs set employee_id = 'X' || employee_id where hash(activity_key, employee_id, $seed) % 50 = 0",
        {"seed": seed},
    )
    con.execute(
        """
        insert into issues
        select
            'Q' || i, 'A' || (i * 3 // 2), null, date '2026-01-01' + (hash(i, $seed, 'r') % 330)::integer,
            '問題', case hash(i, $seed, 'k') % 9 when 8 then '自訂類別' else '服務規範' end,
            hash(i, $seed, 'k') % 9 <> 8, '描述', '市公司' || (1 + hash(i, $seed, 'o') % $cities),
            '市公司' || (1 + hash(i, $seed, 'o') % $cities), '市場部',
            case hash(i, $seed, 't') % 4 when 0 then '待處理' when 1 then '處理中' when 2 then '已解決'
                else '已關閉' end,
            date '2026-02-01' + (hash(i, $seed, 'u') % 330)::integer,
            date '2026-01-15' + (hash(i, $seed, 'v') % 330)::integer, null, null, 1, null
        from range($rows) t(i)
        """,
        {"seed": seed, "rows": ISSUE_ROWS, "cities": CITIES},
    )
    con.execute(
        """
        insert into issue_status_history (issue_id, old_status, new_status, changed_at, batch_id)
        select issue_id, null, '待處理', raised_on::timestamp + interval 1 day, 1 from issues
        union all
        select issue_id, '待處理', status, resolved_on::timestamp + interval 2 day, 1 from issues
        where status <> '待處理'
        """
    )
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0]  # noqa: S608 - fixed table names
            for t in ("roster", "walkthroughs", "issues", "issue_status_history")}


def main() -> None:
    con = duckdb.connect()
    apply_migrations(con)
    started = time.perf_counter()
    counts = build_national(con)
    print(f"built {counts} in {time.perf_counter() - started:.1f}s")
    con.execute("set memory_limit = '500MB'")
    from analytics.metrics.discipline import compute_discipline
    from analytics.metrics.issues import compute_issue_summary, compute_open_trend
    from analytics.metrics.pace import compute_pace
    from analytics.metrics.quality import compute_data_quality
    from analytics.metrics.quotas import compute_quota_results
    from analytics.metrics.volume import compute_volume_summary

    as_of = dt.date(2026, 9, 30)
    jobs = {
        "quota results (8 rules, national year)": lambda: compute_quota_results(con, 2026, as_of=as_of),
        "quota results + pace": lambda: compute_pace(compute_quota_results(con, 2026, as_of=as_of), as_of=as_of),
        "quota results, scope one province": lambda: compute_quota_results(con, 2026, as_of=as_of, scope="省公司1"),
        "discipline (17 periods)": lambda: compute_discipline(con, 2026),
        "volume summary": lambda: compute_volume_summary(con, 2026),
        "issue summary": lambda: compute_issue_summary(con, as_of),
        "open trend (months)": lambda: compute_open_trend(con, start=dt.date(2026, 1, 1), end=as_of),
        "data quality": lambda: compute_data_quality(con, 2026, as_of=as_of),
    }
    for name, job in jobs.items():
        job()  # warm
        timings, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            result = job()
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)  # all DuckDB threads of this process
        size = len(result) if hasattr(result, "__len__") else ""
        print(f"{name:42s} wall best {min(timings):.3f}s  cpu best {min(cpu):.3f}s  ({size} rows/keys)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (DuckDB memory_limit 500MB)")


if __name__ == "__main__":
    main()
