"""The fictional operator: its companies, departments and staff, as two roster snapshots (2026-01-01, 2026-07-01).

Everything is drawn from ``random.Random`` seeded per purpose, so the same seed gives the same people every run.
Names, companies and places are invented; none is a real operator's.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

JAN_SNAPSHOT = dt.date(2026, 1, 1)
JUL_SNAPSHOT = dt.date(2026, 7, 1)

BUSINESS, SUPPORT, OTHER = "主要業務部門", "支撐部門", "其他部門"
COMPANY_LEADER, DEPT_LEADER, MANAGER_L3, STAFF = "公司領導", "部門領導", "三級經理", "員工"
MANAGER_RANKS = (COMPANY_LEADER, DEPT_LEADER, MANAGER_L3)
LEADERSHIP_DEPT = "領導班子"  # where a company's leaders sit on the roster

# (department, type, staff excluding company leaders) per level; HQ sizes are larger (SPEC 7 proportions, scaled down).
HQ_DEPTS = (("辦公室", OTHER, 30), ("市場部", BUSINESS, 48), ("客戶服務部", BUSINESS, 44), ("集團客戶部", BUSINESS, 34),
            ("網路部", SUPPORT, 52), ("資訊科技部", SUPPORT, 46), ("業務支撐部", SUPPORT, 38), ("財務部", OTHER, 40),
            ("人力資源部", OTHER, 26))
PROVINCE_DEPTS = (("辦公室", OTHER, 14), ("市場部", BUSINESS, 30), ("客戶服務部", BUSINESS, 28),
                  ("集團客戶部", BUSINESS, 20), ("網路部", SUPPORT, 34), ("業務支撐部", SUPPORT, 24),
                  ("財務部", OTHER, 12), ("人力資源部", OTHER, 10))
CITY_DEPTS = (("辦公室", OTHER, 10), ("市場部", BUSINESS, 24), ("客戶服務部", BUSINESS, 22), ("集團客戶部", BUSINESS, 12),
              ("網路部", SUPPORT, 28), ("賬務中心", SUPPORT, 10), ("財務部", OTHER, 8))

HQ = "總部"
PROVINCES: dict[str, tuple[str, ...]] = {
    "東海省公司": ("濱江市分公司", "臨海市分公司", "青嵐市分公司", "鶴灣市分公司"),
    "南嶺省公司": ("嶺東市分公司", "雲溪市分公司", "梅川市分公司"),
    "西川省公司": ("錦城市分公司", "雪峰市分公司", "岷江市分公司"),
}
# Company leaders per company; the planned scenarios of analytics/demo/activities.py rely on these.
COMPANY_LEADERS = {HQ: 3, "東海省公司": 3, "南嶺省公司": 3, "西川省公司": 2, "濱江市分公司": 3, "臨海市分公司": 2,
                   "青嵐市分公司": 2, "鶴灣市分公司": 1, "嶺東市分公司": 2, "雲溪市分公司": 2, "梅川市分公司": 1,
                   "錦城市分公司": 3, "雪峰市分公司": 2, "岷江市分公司": 1}

_SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫魏翁戴范方宋鄧"
_GIVEN = "志明俊傑建宏家豪冠宇承翰彥廷淑芬美玲雅婷怡君欣怡佳穎宗翰文彬國華素珍麗華秀英子軒思妤柏宇詠晴品妍偉誠振宇德明惠如"


@dataclass(frozen=True)
class Company:
    name: str
    level: str  # 總部 / 省公司 / 地市公司
    parent: str | None
    code: str  # prefix of activity and issue numbers, e.g. "DH" for 東海省公司 and its cities


@dataclass(frozen=True)
class Person:
    employee_id: str
    name: str
    company: str
    department: str
    department_type: str
    rank: str


@dataclass(frozen=True)
class Org:
    companies: tuple[Company, ...]
    jan: tuple[Person, ...]  # roster snapshot effective 2026-01-01
    jul: tuple[Person, ...]  # roster snapshot effective 2026-07-01 (leavers gone, joiners in, movers moved)
    movers: tuple[tuple[Person, Person], ...]  # (as in January, as in July)

    def company(self, name: str) -> Company:
        return next(c for c in self.companies if c.name == name)

    def snapshot_for_month(self, month: int) -> tuple[Person, ...]:
        """The snapshot in force for a month of 2026 (SPEC 2.1: the latest dated on or before its last day)."""
        return self.jul if month >= 7 else self.jan

    def province_of(self, company: str) -> str:
        """The province whose monthly files carry this company's rows (HQ reports for itself)."""
        c = self.company(company)
        return c.parent or c.name


def _companies() -> tuple[Company, ...]:
    codes = {"東海省公司": "DH", "南嶺省公司": "NL", "西川省公司": "XC"}
    result = [Company(HQ, "總部", None, "HQ")]
    for province, cities in PROVINCES.items():
        result.append(Company(province, "省公司", None, codes[province]))
        result.extend(Company(city, "地市公司", province, codes[province]) for city in cities)
    return tuple(result)


def _dept_table(level: str) -> tuple[tuple[str, str, int], ...]:
    return {"總部": HQ_DEPTS, "省公司": PROVINCE_DEPTS, "地市公司": CITY_DEPTS}[level]


def _ranks_for(level: str, size: int) -> list[str]:
    """Ranks of one department of ``size`` people: a few leaders, some level-3 managers, mostly staff."""
    leaders = 1 + (size >= 20) + (size >= 38)
    managers = max(1, size // 12) if level != "地市公司" else int(size >= 22)
    return [DEPT_LEADER] * leaders + [MANAGER_L3] * managers + [STAFF] * (size - leaders - managers)


class _Ids:
    """8-digit staff numbers with leading zeros ("00012345"), increasing with small seeded gaps."""

    def __init__(self, rng: random.Random, start: int) -> None:
        self._rng, self._next = rng, start

    def take(self) -> str:
        self._next += self._rng.randint(1, 3)
        return f"{self._next:08d}"


def _name(rng: random.Random) -> str:
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.85 else "")
    return rng.choice(_SURNAMES) + given


def _january(rng: random.Random, companies: tuple[Company, ...]) -> list[Person]:
    ids = _Ids(rng, 12_000)
    people: list[Person] = []
    for company in companies:
        for _ in range(COMPANY_LEADERS[company.name]):
            people.append(Person(ids.take(), _name(rng), company.name, LEADERSHIP_DEPT, OTHER, COMPANY_LEADER))
        for dept, dtype, base in _dept_table(company.level):
            size = base if company.level == "總部" else base + rng.randint(-2, 3)
            for rank in _ranks_for(company.level, size):
                people.append(Person(ids.take(), _name(rng), company.name, dept, dtype, rank))
    return people


def _july(rng: random.Random, companies: tuple[Company, ...], jan: list[Person]
          ) -> tuple[list[Person], list[tuple[Person, Person]]]:
    """Mid-year: about 3 % of staff leave, about 3 % join, and five people move to another company."""
    people = [p for p in jan if not (p.rank == STAFF and rng.random() < 0.03)]
    # Movers (never into or out of 濱江市分公司, whose leaders' Q3 shortfall is a planned scenario).
    candidates = [p for p in people if p.rank in (MANAGER_L3, STAFF) and p.company != "濱江市分公司"]
    moves = []
    targets = ("總部", "東海省公司", "西川省公司", "南嶺省公司", "錦城市分公司")
    for person, target in zip(rng.sample(candidates, len(targets)), targets, strict=True):
        if person.company == target:
            target = "總部"
        level = next(c.level for c in companies if c.name == target)
        dept, dtype, _ = rng.choice([d for d in _dept_table(level) if d[1] != OTHER])
        moved = replace(person, company=target, department=dept, department_type=dtype)
        moves.append((person, moved))
    moved_ids = {old.employee_id: new for old, new in moves}
    people = [moved_ids.get(p.employee_id, p) for p in people]
    ids = _Ids(rng, 30_000)
    for company in companies:
        depts = [d for d in _dept_table(company.level)]
        staff = sum(1 for p in jan if p.company == company.name)
        for _ in range(max(1, round(staff * 0.03))):
            dept, dtype, _ = rng.choice(depts)
            people.append(Person(ids.take(), _name(rng), company.name, dept, dtype, STAFF))
    return people, moves


def build_org(seed: int) -> Org:
    """The operator's companies and both roster snapshots for ``seed``."""
    rng = random.Random(f"org:{seed}")
    companies = _companies()
    jan = _january(rng, companies)
    jul, moves = _july(rng, companies, jan)
    return Org(companies, tuple(jan), tuple(jul), tuple(moves))
