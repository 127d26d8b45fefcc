"""An independent oracle: the quota rules recomputed in plain Python on seeded random data must agree with SQL."""

import datetime as dt
import random

from analytics.metrics.periods import periods_of_year
from analytics.metrics.quotas import RULES, compute_quota_results
from analytics.textnorm import match_key

COMPANIES = [("總部", "總部", None), ("廣東省公司", "省公司", None), ("湖南省公司", "省公司", None),
             ("廣州市分公司", "地市公司", "廣東省公司"), ("長沙市分公司", "地市公司", "湖南省公司")]
DEPARTMENTS = [("市場部", "主要業務部門"), ("網路部", "支撐部門"), ("辦公室", "其他部門")]
RANKS = ["公司領導", "部門領導", "三級經理", "員工", "員工", "員工"]


def test_sql_agrees_with_a_python_oracle(store):
    rng = random.Random(20260701)
    roster = []
    for company, level, parent in COMPANIES:
        for effective in ("2026-01-01", "2026-04-15", "2026-09-01"):
            if rng.random() < 0.3 and effective != "2026-01-01":
                continue  # not every company re-imports
            for _ in range(rng.randint(4, 14)):
                dept, dtype = rng.choice(DEPARTMENTS)
                emp = f"E{rng.randint(1, 60):03d}"  # the same 工號 can appear in several companies / snapshots
                if any(r[0] == company and r[1] == effective and r[2] == emp for r in roster):
                    continue
                rank = rng.choice(RANKS)
                roster.append((company, effective, emp, level, parent, dept, dtype, rank))
                store.staff(emp, company, level=level, parent=parent, rank=rank, department=dept,
                            department_type=dtype, effective=effective)
    walks = []
    for i in range(400):
        emp = f"E{rng.randint(1, 70):03d}"
        day = dt.date(2025, 12, 25) + dt.timedelta(days=rng.randint(0, 380))
        category = rng.choice(["常規穿越", "客戶接待日"])
        hours = rng.choice([None, 2.0, 3.5, 4.0, 8.0])
        walks.append((emp, day, category, hours))
        store.walk(emp, day.isoformat(), category=category, hours=hours, target_unit=f"u{i}")

    expected = {}
    for rule in RULES.values():
        for company, level, _ in COMPANIES:
            if level != rule.level:
                continue
            dates = sorted({r[1] for r in roster if r[0] == company})
            for period in periods_of_year(2026, rule.period_kind):
                before = [d for d in dates if d <= period.end.isoformat()]
                snap = before[-1] if before else dates[0]
                rows = [r for r in roster if r[0] == company and r[1] == snap]
                units = {None} if not rule.per_department else {
                    r[5] for r in rows if rule.dept_types is None or r[6] in rule.dept_types}
                for dept in units:
                    people = {r[2] for r in rows if r[7] in rule.ranks and (dept is None or r[5] == dept)}
                    went = {w[0] for w in walks if period.start <= w[1] <= period.end
                            and (rule.qualify == "any" or (w[2] == "客戶接待日" and w[3] is not None and w[3] >= 4))}
                    expected[(rule.code, match_key(company), dept, period.code)] = (len(people), len(people & went))

    frame = compute_quota_results(store.con, 2026, as_of=dt.date(2027, 1, 1))
    got = {(r.rule, r.company_key, r.department if isinstance(r.department, str) else None, r.period):
           (r.population, r.participants) for r in frame.itertuples()}
    assert got == expected
    assert sum(p for p, _ in expected.values()) > 100 and sum(n for _, n in expected.values()) > 20
