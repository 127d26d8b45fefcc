"""The demo year's walkthroughs, January to 24 November 2026, with planned shortfalls (SPEC 4.1) and planned faults.

Participation follows article 6: HQ and province staff are planned per year, city staff per quarter, with rates
that make most units meet their quotas and a few clearly miss. The planned scenarios, which the tests check:

- 總部 財務部: of its managers only the first on the roster walks (in April), so HQ-MGR-Y stays below 30 %.
- 濱江市分公司: no department leader walks in Q3, so CITY-MGR-Q 2026Q3 is missed.
- 南嶺省公司 in 2026-08: its only 客戶接待日 rows have 時長 3.5h and blank, so PROV-RECEPT-M is missed.
- 雲溪市分公司 has no 客戶接待日 in 2026-06; 鶴灣市分公司's one in 2026-09 has a blank 時長: CITY-RECEPT-M missed.
- 西川省公司 業務支撐部 walks at 30 % a year; 臨海市分公司 網路部 at 30 % a quarter (PROV/CITY-DEPT rules behind).
- Faults for the rejects download: an ambiguous date 10/5/2026 (東海, October), a row without 穿越類別 (西川, March),
  a 常規穿越 row without 穿越項目 (南嶺, May); and 工號 not on the roster (imported, flagged).
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field

from analytics.demo.org import (
    BUSINESS,
    COMPANY_LEADER,
    DEPT_LEADER,
    MANAGER_RANKS,
    SUPPORT,
    Org,
    Person,
)

TODAY = dt.date(2026, 11, 25)
LAST_DAY = TODAY - dt.timedelta(days=1)  # walkthroughs are logged up to yesterday
MONTHS = tuple(range(1, TODAY.month + 1))

ITEMS = (("門市客戶扮演", 14), ("門市客戶接待", 10), ("門市業務受理", 12), ("客服熱線歷史錄音收聽", 12),
         ("客服熱線線上旁聽", 10), ("集團客戶拜訪", 8), ("投訴案例分析", 9), ("新業務體驗", 8), ("電子渠道體驗", 9),
         ("延伸服務", 4), ("網路撥測", 6), ("其他", 2))
THEMES = ("寬頻裝機時效", "攜號轉網挽留流程", "5G套餐資費說明", "老年客戶營業廳體驗", "政企專線開通",
          "投訴一次解決率", "電子發票開具", "國際漫遊開通", "營業廳排隊時長", "線上線下價格一致性")
UNITS = ("中心營業廳", "江北營業廳", "城南營業廳", "客服熱線中心", "政企客戶中心", "網上營業廳", "縣城營業廳",
         "社區營業廳", "裝維服務站")
RECEPTION_HOURS = ("半天", "4小時", 4.0, "全天", "4.5h", 8.0)
UNKNOWN_STAFF = (("00099901", "外包顧問甲"), ("00099902", "外包顧問乙"), ("00099903", "實習生丙"))


@dataclass
class Activity:
    """One walkthrough activity; each participant becomes one row of the log (SPEC 2.2)."""

    activity_id: str
    company: str  # the company whose monthly file carries it (its province, or 總部)
    date: dt.date
    category: str | None
    item: str | None
    theme: str | None
    mode: str
    scope: str
    target_unit: str
    hours: object  # as written in the file: a number, "半天", "4小時", "3.5h" or None
    needs_support: bool
    notified_on: dt.date | None
    summary_on: dt.date | None
    copy_sent: bool | None
    participants: list[Person] = field(default_factory=list)
    issues_raised: list[int] = field(default_factory=list)
    note: str | None = None
    fault: str | None = None  # planned error: "ambiguous_date", "missing_category", "missing_item"
    names: list[str] | None = None  # names as written, when one differs from the roster on purpose

    @property
    def month(self) -> int:
        return self.date.month


def _weekday(rng: random.Random, month: int) -> dt.date:
    last = calendar.monthrange(2026, month)[1]
    if month == LAST_DAY.month:
        last = LAST_DAY.day
    while True:
        day = dt.date(2026, month, rng.randint(1, last))
        if day.weekday() < 5:
            return day


def _policy(person: Person, level: str) -> tuple[str, float]:
    """("year" | "quarter", probability of walking in that period) under article 6 and the planned scenarios."""
    core = person.department_type in (BUSINESS, SUPPORT)
    if level == "總部":
        return ("year", 0.55 if person.rank in MANAGER_RANKS else 0.18)
    if level == "省公司":
        if person.rank in (COMPANY_LEADER, DEPT_LEADER):
            return ("year", 0.93)
        if person.company == "西川省公司" and person.department == "業務支撐部":
            return ("year", 0.30)
        return ("year", 0.62 if core else 0.30)
    if person.rank in (COMPANY_LEADER, DEPT_LEADER):
        return ("quarter", 0.985)
    if person.company == "臨海市分公司" and person.department == "網路部":
        return ("quarter", 0.30)
    return ("quarter", 0.62 if core else 0.25)


def _walk_months(org: Org, rng: random.Random) -> dict[tuple[str, int], list[Person]]:
    """(company, month) -> the people with a walkthrough that month, as on that month's roster."""
    by_month = {m: {p.employee_id: p for p in org.snapshot_for_month(m)} for m in MONTHS}
    order = list(dict.fromkeys([p.employee_id for p in org.jan] + [p.employee_id for p in org.jul]))
    hq_finance = [p.employee_id for p in org.jan
                  if p.company == "總部" and p.department == "財務部" and p.rank in MANAGER_RANKS]
    slots: dict[tuple[str, int], list[Person]] = {}
    for emp in order:
        present = [m for m in MONTHS if emp in by_month[m]]
        first = by_month[present[0]][emp]
        kind, p = _policy(first, org.company(first.company).level)
        if emp in hq_finance:
            months = [4] if emp == hq_finance[0] else []
        elif kind == "year":
            months = rng.sample(present, min(len(present), 1 + (rng.random() < 0.4) + (rng.random() < 0.15)))
            months = months if rng.random() < p else []
        else:
            months = []
            for q in range(4):
                in_q = [m for m in present if (m - 1) // 3 == q]
                if not in_q or rng.random() >= p:
                    continue
                if q == 2 and first.company == "濱江市分公司" and first.rank == DEPT_LEADER:
                    continue  # planned: 濱江's department leaders skip Q3
                months.append(rng.choice(in_q))
        for m in sorted(months):
            person = by_month[m][emp]
            slots.setdefault((person.company, m), []).append(person)
    return slots


class _Numbers:
    def __init__(self) -> None:
        self._seq: dict[tuple[str, int], int] = {}

    def next(self, code: str, month: int) -> str:
        n = self._seq[(code, month)] = self._seq.get((code, month), 0) + 1
        return f"{code}-2026{month:02d}-{n:04d}"


def _discipline(rng: random.Random, date: dt.date, needs_support: bool, large: bool = False
                ) -> tuple[dt.date | None, dt.date | None, bool | None]:
    """告知日期, 總結提交日期, 記錄已交 with realistic lapses (articles 8-9): missing notices, late summaries."""
    notified = None
    if needs_support:
        r = rng.random()
        lead = rng.randint(7, 12) if large else rng.randint(3, 10)
        notified = date - dt.timedelta(days=lead if r < 0.75 else rng.randint(1, 2)) if r < 0.85 else None
    r = rng.random()
    summary = date + dt.timedelta(days=rng.randint(0, 7) if r < 0.80 else rng.randint(8, 20)) if r < 0.92 else None
    if summary is not None and summary > LAST_DAY:
        summary = None  # not submitted yet
    r = rng.random()
    copy_sent = True if r < 0.78 else (False if r < 0.93 else None)
    return notified, summary, copy_sent


def _issues_raised(rng: random.Random) -> int:
    return rng.choices((0, 1, 2, 3), weights=(22, 50, 22, 6))[0]


def _activity(rng: random.Random, org: Org, numbers: _Numbers, people: list[Person], month: int,
              mode: str) -> Activity:
    company = org.province_of(people[0].company)
    date = _weekday(rng, month)
    special = rng.random() < (0.5 if mode != "個人穿越" else 0.2)
    category = "專項穿越" if special else "常規穿越"
    item = None if special else rng.choices([i for i, _ in ITEMS], weights=[w for _, w in ITEMS])[0]
    theme = rng.choice(THEMES) if special and rng.random() < 0.9 else None
    large = mode == "大規模穿越"
    needs = large or rng.random() < (0.6 if mode == "小組穿越" else 0.25)
    notified, summary, copy_sent = _discipline(rng, date, needs, large)
    if large and company == "西川省公司":
        notified = date - dt.timedelta(days=5)  # planned: 大規模 notice given only 5 days ahead (needs 7)
    hours = rng.choice((1.0, 1.5, 2.0, 3.0, "半天", None) if not special else (2.0, 3.0, "半天", "全天"))
    return Activity(numbers.next(org.company(company).code, month), company, date, category, item, theme, mode,
                    "跨地" if rng.random() < 0.08 else "本地", people[0].company.replace("分公司", "") + rng.choice(UNITS),
                    hours, needs, notified, summary, copy_sent, list(people),
                    [_issues_raised(rng) for _ in people], "補錄" if rng.random() < 0.02 else None)


def _group(rng: random.Random, people: list[Person]) -> list[list[Person]]:
    """Split one company-month's walkers into individual and small-group activities (no one twice in a group)."""
    pool, groups = list(people), []
    rng.shuffle(pool)
    while pool:
        size = rng.randint(2, 5) if rng.random() < 0.22 else 1
        group: list[Person] = []
        for person in list(pool):
            if len(group) == size:
                break
            if all(g.employee_id != person.employee_id for g in group):
                group.append(person)
                pool.remove(person)
        groups.append(group)
    return groups


LARGE_SCALE_MONTH = {"東海省公司": 5, "南嶺省公司": 9, "西川省公司": 3}


def _receptions(rng: random.Random, org: Org, numbers: _Numbers, month: int) -> list[Activity]:
    """客戶接待日 (article 6): provinces send 1-2 leaders a month, cities one company leader, with planned gaps."""
    result = []
    snapshot = org.snapshot_for_month(month)
    for company in org.companies:
        ranks = (COMPANY_LEADER,) if company.level != "省公司" else (COMPANY_LEADER, DEPT_LEADER)
        leaders = [p for p in snapshot if p.company == company.name and p.rank in ranks]
        if company.level == "總部":
            picks = leaders[:1] if month % 3 == 0 else []
            hours = ["全天"] * len(picks)
        elif company.name == "南嶺省公司" and month == 8:
            picks, hours = rng.sample(leaders, 2), ["3.5h", None]  # planned: no row of 4 h or more
        elif company.name == "雲溪市分公司" and month == 6:
            picks, hours = [], []  # planned: no reception day at all
        elif company.name == "鶴灣市分公司" and month == 9:
            picks, hours = leaders[:1], [None]  # planned: 時長 left blank, cannot qualify
        else:
            picks = rng.sample(leaders, min(len(leaders), 1 + (company.level == "省公司" and rng.random() < 0.5)))
            hours = [rng.choice(RECEPTION_HOURS) for _ in picks]
        for person, h in zip(picks, hours, strict=True):
            date = _weekday(rng, month)
            notified, summary, copy_sent = _discipline(rng, date, True)
            result.append(Activity(
                numbers.next(company.code, month), org.province_of(company.name), date, "客戶接待日", None, None,
                "個人穿越", "本地", company.name.replace("分公司", "") + rng.choice(UNITS[:4]), h, True, notified,
                summary, copy_sent, [person], [_issues_raised(rng)]))
    return result


def _faults(rng: random.Random, org: Org, numbers: _Numbers) -> list[Activity]:
    """Rows the importer must reject or flag, so the rejects download and data-quality page have content."""
    planned = (("東海省公司", 10, "ambiguous_date"), ("西川省公司", 3, "missing_category"),
               ("南嶺省公司", 5, "missing_item"))
    result = []
    for company, month, fault in planned:
        person = rng.choice([p for p in org.snapshot_for_month(month) if p.company == company])
        act = _activity(rng, org, numbers, [person], month, "個人穿越")
        act.category, act.item, act.fault = "常規穿越", "門市業務受理", fault
        if fault == "missing_category":
            act.category = None
        elif fault == "missing_item":
            act.item = None
        result.append(act)
    for (emp, name), (company, month) in zip(UNKNOWN_STAFF, (("東海省公司", 4), ("東海省公司", 8), ("總部", 6)),
                                             strict=True):
        stranger = Person(emp, name, company, "市場部", BUSINESS, "員工")  # not on any roster
        result.append(_activity(rng, org, numbers, [stranger], month, "個人穿越"))
    return result


def build_activities(org: Org, seed: int) -> list[Activity]:
    """Every activity of the demo year, sorted by (company file, date, activity number)."""
    rng = random.Random(f"walks:{seed}")
    numbers = _Numbers()
    slots = _walk_months(org, rng)
    result: list[Activity] = []
    for month in MONTHS:
        for company in org.companies:
            people = slots.get((company.name, month), [])
            if LARGE_SCALE_MONTH.get(company.name) == month and len(people) >= 6:
                crowd, people = people[:15], people[15:]
                result.append(_activity(rng, org, numbers, crowd, month, "大規模穿越"))
            for group in _group(rng, people):
                result.append(_activity(rng, org, numbers, group, month, "小組穿越" if len(group) > 1 else "個人穿越"))
        result.extend(_receptions(rng, org, numbers, month))
    result.extend(_faults(rng, org, numbers))
    # One participant's name written differently from the roster (a warning, the row still counts).
    xc = [a for a in result if a.company == "西川省公司" and a.fault is None and a.month == 2]
    odd = xc[0]
    odd.names = [p.name for p in odd.participants]
    odd.names[0] = odd.names[0][0] + "小" + odd.names[0][-1]
    result.sort(key=lambda a: (a.company, a.date, a.activity_id))
    return result
