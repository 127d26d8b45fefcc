"""Independent oracles for the optimised queries (round 2): volume summary, discipline and issues recomputed in
plain Python, straight from the definitions of docs/metrics.md, on one seeded random dataset, must agree exactly.

The data is built to hit the corner cases of the fast paths: people who move company between snapshots, a person
on two companies' snapshots of the same date (tie -> smaller company key), walkthroughs dated before a person's
first snapshot (-> earliest row), 工號 on no roster, activities shared by several people and companies, blank
items, issues linked by 穿越編號 with and without a raiser.
"""

import datetime as dt
import math
import random
from collections import defaultdict

import pytest

from analytics.metrics.discipline import CHECKS, compute_discipline
from analytics.metrics.issues import compute_issue_summary
from analytics.metrics.periods import periods_of_year
from analytics.metrics.scope import resolve_scope
from analytics.metrics.volume import compute_volume_summary
from analytics.textnorm import match_key

COMPANIES = [("總部", "總部", None), ("廣東省公司", "省公司", None), ("湖南省公司", "省公司", None),
             ("廣州市分公司", "地市公司", "廣東省公司"), ("深圳市分公司", "地市公司", "廣東省公司"),
             ("長沙市分公司", "地市公司", "湖南省公司")]
LEVEL = {c: lvl for c, lvl, _ in COMPANIES}
PARENT = {c: p for c, _, p in COMPANIES}
SNAPSHOTS = ("2026-01-01", "2026-04-15", "2026-09-01")
Y = 2026


def build(store):
    """Fill the store; returns (roster, walks, issues) as plain tuples for the oracles."""
    rng = random.Random(20261125)
    roster = []  # (company, effective, emp)
    for company, level, parent in COMPANIES:
        for effective in SNAPSHOTS:
            if effective != SNAPSHOTS[0] and rng.random() < 0.3:
                continue
            for emp in rng.sample(range(1, 50), rng.randint(5, 12)):
                roster.append((company, effective, f"E{emp:02d}"))
                store.staff(f"E{emp:02d}", company, level=level, parent=parent, effective=effective)
    walks = []  # (emp, date, activity_id or None, category, item, mode, needs_support, notified, summary, copy, n)
    for i in range(500):
        emp = f"E{rng.randint(1, 55):02d}"  # E50..E55 are on no roster
        day = dt.date(2025, 12, 20) + dt.timedelta(days=rng.randint(0, 390))
        activity = rng.choice([None, None, f"G{rng.randint(1, 60)}"])
        category = rng.choice(["常規穿越", "專項穿越", "客戶接待日"])
        item = None if category != "常規穿越" and rng.random() < 0.5 else rng.choice(["門市客戶扮演", "熱線"])
        mode = rng.choice(["個人穿越", "小組穿越", "大規模穿越"])
        support = rng.random() < 0.4
        notified = day - dt.timedelta(days=rng.randint(0, 10)) if rng.random() < 0.8 else None
        summary = day + dt.timedelta(days=rng.randint(-1, 9)) if rng.random() < 0.8 else None
        copy = rng.choice([True, False, None])
        n = rng.choice([None, 0, 1])
        key = f"id:{activity}" if activity else f"row:{i}"
        if any(w[0] == emp and w[-1] == key for w in walks):
            continue  # one row per participant per activity
        walks.append((emp, day, activity, category, item, mode, support, notified, summary, copy, n, key))
        store.walk(emp, day.isoformat(), activity_id=activity, category=category, item=item, mode=mode,
                   needs_support=support, notified_on=notified.isoformat() if notified else None,
                   summary_on=summary.isoformat() if summary else None, copy_sent=copy, issues_raised=n,
                   target_unit=str(i), hours=4.0)
    issues = []  # (id, raised, status, owner, due, resolved, raised_by, activity)
    for i in range(300):
        raised = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 250))
        status = rng.choice(["待處理", "處理中", "已解決", "已關閉"])
        owner = rng.choice([None, "广州市分公司", "深圳市分公司", "外部單位", "湖南省公司"])
        due = raised + dt.timedelta(days=rng.randint(-5, 90)) if rng.random() < 0.8 else None
        resolved = raised + dt.timedelta(days=rng.randint(0, 60)) if status in ("已解決", "已關閉") and \
            rng.random() < 0.9 else None
        raised_by = rng.choice([None, f"E{rng.randint(1, 55):02d}"])
        activity = rng.choice([None, f"G{rng.randint(1, 60)}"])
        issues.append((f"Q{i:03d}", raised, status, owner, due, resolved, raised_by, activity))
        store.issue(f"Q{i:03d}", raised.isoformat(), status=status, owner_company=owner,
                    due_on=due.isoformat() if due else None, resolved_on=resolved.isoformat() if resolved else None,
                    raised_by=raised_by, activity_id=activity)
    return roster, walks, issues


def person_company(roster, emp, day):
    """docs/metrics.md §1: latest snapshot on or before the day, else the earliest; ties -> smaller key."""
    rows = [(eff, match_key(c), c) for c, eff, e in roster if e == emp]
    if not rows:
        return None
    before = [r for r in rows if r[0] <= day.isoformat()]
    date = max(r[0] for r in before) if before else min(r[0] for r in rows)
    return min(r[1] for r in rows if r[0] == date)


def targets(key):
    """Roll-up targets: itself, its province (cities) and 總部."""
    name = next(c for c, _, _ in COMPANIES if match_key(c) == key)
    out = {key, match_key("總部")}
    if LEVEL[name] == "地市公司":
        out.add(match_key(PARENT[name]))
    return out


@pytest.fixture
def data(store):
    return store, *build(store)


def figures(rows):
    return {"activities": len({w[-1] for w in rows}), "person_times": len(rows),
            "distinct_participants": len({w[0] for w in rows})}


def by_periods(rows):
    out = {"year": figures(rows), "by_quarter": {}, "by_month": {}}
    for p in periods_of_year(Y):
        chosen = [w for w in rows if p.start <= w[1] <= p.end]
        if p.kind != "year" and chosen:
            out["by_quarter" if p.kind == "quarter" else "by_month"][p.code] = figures(chosen)
    if not rows:
        out["year"] = dict.fromkeys(out["year"], 0)
    return out


@pytest.mark.parametrize("scope", [None, "廣東省公司", "長沙市分公司"])
def test_volume_summary_matches_the_oracle(data, scope):
    store, roster, walks, _ = data
    year = [(w, person_company(roster, w[0], w[1])) for w in walks if w[1].year == Y]
    keys = None if scope is None else resolve_scope(store.con, scope).keys
    rows = [w for w, c in year if keys is None or c in keys]
    expected_all = by_periods(rows)
    for dim, index in (("category", 3), ("item", 4), ("mode", 5)):
        terms = sorted({w[index] for w in rows}, key=lambda v: (v is None, v or ""))
        expected_all[f"by_{dim}"] = {(v or "（未填）"): figures([w for w in rows if w[index] == v]) for v in terms}
    expected_all["by_scope"] = {"本地": figures(rows)} if rows else {}
    names = {match_key(c): c for c, _, _ in COMPANIES}
    rollup = {}
    for key in [match_key(c) for c, _, _ in COMPANIES]:  # tree order: 總部, provinces, cities (by key)
        mine = [w for w, c in year if c is not None and key in targets(c) and (keys is None or c in keys)]
        if mine and (keys is None or key in keys):
            rollup[names[key]] = by_periods(mine)
    tree = sorted(rollup, key=lambda n: (["總部", "省公司", "地市公司"].index(LEVEL[n]), match_key(n)))
    expected = {"unmatched_rows": sum(1 for _, c in year if c is None) if scope is None else 0,
                "all": expected_all, "by_company_rollup": {n: rollup[n] for n in tree}}
    got = compute_volume_summary(store.con, Y, scope=scope)
    assert got == expected
    assert list(got["by_company_rollup"]) == tree
    assert sum(v["year"]["person_times"] for v in rollup.values()) > (100 if scope is None else 20)


def test_discipline_matches_the_oracle(data):
    store, roster, walks, issues = data
    linked = {(i[7], (i[6] or "").strip() or "*") for i in issues if i[7]}
    counts = defaultdict(lambda: [0, 0])
    for emp, day, activity, _cat, _item, mode, support, notified, summary, copy, n, _key in walks:
        if day.year != Y:
            continue
        company = person_company(roster, emp, day)
        checks = {
            "NOTICE": (support or mode == "大規模穿越",
                       notified is not None and notified <= day - dt.timedelta(days=7 if mode == "大規模穿越" else 3)),
            "SUMMARY-7D": (True, summary is not None and 0 <= (summary - day).days <= 7),
            "COPY-SENT": (True, bool(copy)),
            "ISSUE-MIN1": (True, (n or 0) >= 1 or (activity, emp) in linked or (activity, "*") in linked),
        }
        for p in periods_of_year(Y):
            if p.start <= day <= p.end:
                for check, (applies, passes) in checks.items():
                    cell = counts[(check, company, p.code)]
                    cell[0] += applies
                    cell[1] += applies and passes
    frame = compute_discipline(store.con, Y)
    got = {(r.check, r.company_key if isinstance(r.company_key, str) else None, r.period): [r.applicable, r.passing]
           for r in frame.itertuples()}  # the unmatched company_key comes back as a missing value
    assert got == dict(counts)
    rates = [(r.passing / r.applicable if r.applicable else None, r.rate) for r in frame.itertuples()]
    assert all((a is None and math.isnan(b)) or a == b for a, b in rates)
    assert list(dict.fromkeys(frame["check"])) == list(CHECKS)


@pytest.mark.parametrize("scope", [None, "廣東省公司"])
def test_issue_summary_matches_the_oracle(data, scope):
    store, roster, _, issues = data
    as_of = dt.date(2026, 7, 15)
    known = {match_key(c) for c, _, _ in COMPANIES}
    keys = None if scope is None else resolve_scope(store.con, scope).keys
    chosen = []
    for issue in issues:
        issue_id, raised, status, owner, due, resolved, raised_by, _ = issue
        if raised > as_of:
            continue
        owner_key = match_key(owner) if owner and match_key(owner) in known else None
        company = owner_key or (person_company(roster, raised_by, raised) if raised_by else None)
        if keys is None or company in keys:
            chosen.append(issue)
    # SPEC 4.5: closed as of the date when its 解決日期 is on or before it; these issues have no status history, so
    # a closed one without 解決日期 is judged by its status; one resolved after the date was still open on it.
    closed = [i for i in chosen if i[2] in ("已解決", "已關閉") and (i[5] is None or i[5] <= as_of)]
    open_ = [i for i in chosen if i not in closed]
    overdue = sorted([i for i in open_ if i[4] is not None and i[4] < as_of], key=lambda i: (i[4], i[0]))
    days = sorted((i[5] - i[1]).days for i in closed if i[5] is not None)
    n = len(days)
    median = (days[(n - 1) // 2] + days[n // 2]) / 2  # mean of the two middle values (one when n is odd)
    p90 = days[math.ceil(0.9 * n) - 1]  # nearest rank
    ages = [(as_of - i[1]).days for i in open_]
    got = compute_issue_summary(store.con, as_of, scope=scope)
    assert (got["total"], got["closed"], got["open"], got["overdue"]) == (
        len(chosen), len(closed), len(open_), len(overdue))
    assert got["overdue_ids"] == [i[0] for i in overdue]
    assert got["days_to_close"] == {"n": n, "median": float(median), "p90": float(p90)}
    assert got["open_ageing"] == {"0-30": sum(a <= 30 for a in ages), "31-60": sum(31 <= a <= 60 for a in ages),
                                  "61-90": sum(61 <= a <= 90 for a in ages), ">90": sum(a > 90 for a in ages)}
    owners = defaultdict(lambda: {"total": 0, "closed": 0, "open": 0, "overdue": 0})
    roster_names = {match_key(c): c for c, _, _ in COMPANIES}
    for i in chosen:
        label = roster_names.get(match_key(i[3])) or i[3] if i[3] else "（未填）"
        cell = owners[label]
        cell["total"] += 1
        cell["closed" if i in closed else "open"] += 1
        cell["overdue"] += i in overdue
    assert got["by_owner_company"] == dict(owners)
    assert len(chosen) > 50 and n > 10
