"""The demo's plans (issue #14 item 7, SPEC 2.6): one workbook with a 穿越計畫 sheet, imported after the contacts.

- Company plans: every company files a 2026 annual plan in January, except 西川省公司 (filed on 02-14, after the
  01-31 deadline: late), 岷江市分公司 (no plan at all: missing) and 東海省公司 (two half-year phase plans that
  together cover the year, filed in January). 計畫次數 is 0.8-1.3 times what each company does in the year, so
  some plans are met by the demo's today and the others are still in progress (or missed, for a half-year).
- Individual plans: most walks of the year had one (the first participant's; 計畫日期 0-3 days from the walk,
  the walk's category, item, mode and support), a tenth of them filed only after the walk (not PLAN-REPORTED);
  60 plans that nobody carried out (overdue), and 40 plans in the 14 days from the demo's today, some needing the
  target unit's support, so the notice list has deadlines passed, due within 3 days and in time.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

from analytics.demo.activities import TODAY, Activity
from analytics.demo.files import DemoFile
from analytics.demo.org import Org
from analytics.demo.sheets import Sheet, write_xlsx

PLAN_HEADERS = ["計畫編號", "計畫類型", "公司", "部門", "計畫期間", "計畫次數", "工號", "計畫日期", "穿越類別", "穿越項目",
                "穿越主題", "組織方式", "被穿越單位", "需被穿越單位支持", "報備日期"]
LATE_COMPANY = "西川省公司"
MISSING_COMPANY = "岷江市分公司"
PHASE_COMPANY = "東海省公司"
OVERDUE_PLANS = 60
UPCOMING_PLANS = 40


def _company_rows(org: Org, activities: list[Activity], rng: random.Random) -> list[list[object]]:
    done = Counter(company for a in activities for company in {p.company for p in a.participants})
    rows: list[list[object]] = []
    for i, company in enumerate(org.companies):
        if company.name == MISSING_COMPANY:
            continue
        planned = max(2, int(done.get(company.name, 0) * rng.choice((0.8, 1.1, 1.2, 1.3))))
        filed = dt.date(2026, 2, 14) if company.name == LATE_COMPANY else dt.date(2026, 1, rng.randint(5, 28))
        if company.name == PHASE_COMPANY:
            half = (planned + 1) // 2
            rows.append([f"ND-{company.code}-{i:02d}-H1", "階段計畫", company.name, None, "2026H1", half, None, None,
                         None, None, None, None, None, None, filed])
            rows.append([f"ND-{company.code}-{i:02d}-H2", "階段計畫", company.name, None, "2026H2", planned - half,
                         None, None, None, None, None, None, None, None, filed + dt.timedelta(days=2)])
            continue
        rows.append([f"ND-{company.code}-{i:02d}", "年度計畫", company.name, None, "2026", planned, None, None, None,
                     None, None, None, None, None, filed])
    return rows


def _individual_row(plan_id: str, person, day: dt.date, filed: dt.date, a: Activity | None = None,
                    *, needs_support: bool = False, mode: str | None = None, target: str | None = None) -> list:
    return [plan_id, "個人計畫", person.company, None, None, None, person.employee_id, day,
            a.category if a else None, a.item if a else None, a.theme if a else None,
            a.mode if a else mode, a.target_unit if a else target,
            "是" if (a.needs_support if a else needs_support) else "否", filed]


def plan_rows(org: Org, activities: list[Activity], seed: int) -> list[list[object]]:
    rng = random.Random(seed * 14 + 1)
    rows = _company_rows(org, activities, rng)
    walked: dict[str, list[dt.date]] = {}
    for a in activities:
        for p in a.participants:
            walked.setdefault(p.employee_id, []).append(a.date)
    n = 0
    for a in sorted(activities, key=lambda x: x.activity_id):
        if a.fault is not None or not a.participants or rng.random() >= 0.85:
            continue
        n += 1
        day = a.date + dt.timedelta(days=rng.choice((-3, -1, 0, 0, 0, 1, 2)))
        late = rng.random() < 0.1  # filed with the lead department only after the walk
        filed = a.date + dt.timedelta(days=2) if late else day - dt.timedelta(days=rng.randint(3, 15))
        rows.append(_individual_row(f"JH-{n:05d}", a.participants[0], day, min(filed, TODAY), a))
    people = sorted(org.jul, key=lambda p: p.employee_id)
    overdue = 0
    while overdue < OVERDUE_PLANS:  # plans nobody carried out: no walk of that person within 10 days
        person = rng.choice(people)
        day = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randint(0, 140))
        if any(abs((w - day).days) <= 10 for w in walked.get(person.employee_id, ())):
            continue
        overdue += 1
        n += 1
        rows.append(_individual_row(f"JH-{n:05d}", person, day, day - dt.timedelta(days=rng.randint(3, 20)),
                                    target="營業廳"))
    for k in range(UPCOMING_PLANS):  # the coming 14 days: the notice list (deadlines passed, near, in time)
        person = rng.choice(people)
        day = TODAY + dt.timedelta(days=k % 14)
        support = k % 5 in (0, 1)
        mode = "大規模穿越" if k % 10 == 3 else "個人穿越"
        n += 1
        rows.append(_individual_row(f"JH-{n:05d}", person, day, TODAY - dt.timedelta(days=1 + k % 9),
                                    needs_support=support, mode=mode, target="客服中心" if support else "營業廳"))
    return rows


def write_plans_file(out_dir: Path, org: Org, activities: list[Activity], seed: int, after: dt.datetime) -> DemoFile:
    path = Path(out_dir) / "2026-11" / "2026年穿越計畫.xlsx"
    write_xlsx(path, [Sheet("穿越計畫", PLAN_HEADERS, plan_rows(org, activities, seed), date_format="yyyy-mm-dd")])
    return DemoFile(path, after + dt.timedelta(minutes=5))
