"""A hand-made store for the plan tests (SPEC 4.6); every expected figure below is worked out from these rows.

Roster (2026-01-01): 總部 H01 (服務管理部); 東省公司 (省) P01 市場部, P02 客服部; 甲市分公司 (東省's city) C01, C02
市場部, C03 客服部; 乙市分公司 (東省's city) D01 市場部; 西省公司 (省) W01 市場部.

Company plans (deadline 01-31):
- A1 總部 年度 2026 ×4 filed 01-10 → filed.         - A2 東省 年度 2026 ×3 filed 02-05 → late.
- 甲: A3 階段 2026H1 (市場部) ×2 filed 01-20, A4 階段 2026Q3 ×1 filed 01-25, A5 階段 2026Q4 ×1 filed 01-30
  → the three cover the year on 01-30 → filed.
- 乙: A6 階段 2026H1 ×2 filed 01-15 only → a gap of H2 (184 days) → missing after the deadline.
- 西: A7 年度 2025 ×5 (another year) → missing for 2026 (365 days uncovered).
Walks (participant rows): W1 C02 03-17 常規/門市客戶扮演; W2 C03 04-18 常規/門市客戶接待; W3 C01 05-10
常規/門市業務受理; W4 C02 06-03 專項; W5 H01 02-10 常規/客服熱線線上旁聽; W6 P01 07-01 常規/網路撥測;
G1 = one group activity of P01 and P02 on 08-05 常規/延伸服務.
Individual plans:
- I1 C02 03-10 常規/門市客戶扮演 filed 03-01: W1 is +7 days → done (the window's edge), reported.
- I2 C03 04-10 常規/門市客戶接待 filed 04-01: W2 is +8 days → no match → overdue.
- I3 C01 05-10 常規/集團客戶拜訪 filed 05-01: W3 is that day but another item → overdue.
- I4 C02 06-10 (no category/item) filed 06-15: W4 is −7 days → done, but filed after the walk → not reported.
- I12 C01 08-01 filed 07-20: no walk → overdue.
- I5 D01 10-10 filed 09-20: 10-10 + 7 = 10-17 → upcoming as of 10-15 and 10-17, overdue as of 10-18.
- I6 C01 10-20 needs support, filed 10-01: notice by 10-17 (2 days after 10-15) → due_soon.
- I7 C03 10-26 大規模穿越 filed 10-01: notice by 10-19 (4 days) → ok.
- I8 P02 10-20 大規模穿越 filed 10-01: notice by 10-13 (7 days before; 3 days would give 10-17) → passed.
- I9 P01 11-05 needs support filed 10-01: outside the 14 days after 10-15.
- I10 P01 10-16 filed 10-01: no notice needed.
- I11 W01 10-22 needs support, filed 10-20: does not exist as of 10-15.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.store.importer import import_files

AS_OF = dt.date(2026, 10, 15)

ROSTER = (
    "工號,姓名,公司,層級,上級公司,部門,部門類別,職級,生效日期\n"
    "H01,總一,總部,總部,,服務管理部,主要業務部門,部門領導,2026-01-01\n"
    "P01,東一,東省公司,省公司,,市場部,主要業務部門,部門領導,2026-01-01\n"
    "P02,東二,東省公司,省公司,,客服部,支撐部門,員工,2026-01-01\n"
    "C01,甲一,甲市分公司,地市公司,東省公司,市場部,主要業務部門,公司領導,2026-01-01\n"
    "C02,甲二,甲市分公司,地市公司,東省公司,市場部,主要業務部門,員工,2026-01-01\n"
    "C03,甲三,甲市分公司,地市公司,東省公司,客服部,支撐部門,員工,2026-01-01\n"
    "D01,乙一,乙市分公司,地市公司,東省公司,市場部,主要業務部門,員工,2026-01-01\n"
    "W01,西一,西省公司,省公司,,市場部,主要業務部門,部門領導,2026-01-01\n"
)
LOG = (
    "穿越編號,工號,穿越日期,穿越類別,穿越項目,穿越主題\n"
    "W1,C02,2026-03-17,常規穿越,門市客戶扮演,\n"
    "W2,C03,2026-04-18,常規穿越,門市客戶接待,\n"
    "W3,C01,2026-05-10,常規穿越,門市業務受理,\n"
    "W4,C02,2026-06-03,專項穿越,,攜號轉網\n"
    "W5,H01,2026-02-10,常規穿越,客服熱線線上旁聽,\n"
    "W6,P01,2026-07-01,常規穿越,網路撥測,\n"
    "G1,P01、P02,2026-08-05,常規穿越,延伸服務,\n"
)
PLANS = (
    "計畫編號,計畫類型,公司,部門,計畫期間,計畫次數,工號,計畫日期,穿越類別,穿越項目,組織方式,需被穿越單位支持,報備日期\n"
    "A1,年度計畫,總部,,2026,4,,,,,,,2026-01-10\n"
    "A2,年度計畫,東省公司,,2026,3,,,,,,,2026-02-05\n"
    "A3,階段計畫,甲市分公司,市場部,2026H1,2,,,,,,,2026-01-20\n"
    "A4,階段計畫,甲市分公司,,2026Q3,1,,,,,,,2026-01-25\n"
    "A5,階段計畫,甲市分公司,,2026Q4,1,,,,,,,2026-01-30\n"
    "A6,階段計畫,乙市分公司,,2026H1,2,,,,,,,2026-01-15\n"
    "A7,年度計畫,西省公司,,2025,5,,,,,,,2025-01-05\n"
    "I1,個人計畫,甲市分公司,,,,C02,2026-03-10,常規穿越,門市客戶扮演,,,2026-03-01\n"
    "I2,個人計畫,甲市分公司,,,,C03,2026-04-10,常規穿越,門市客戶接待,,,2026-04-01\n"
    "I3,個人計畫,甲市分公司,,,,C01,2026-05-10,常規穿越,集團客戶拜訪,,,2026-05-01\n"
    "I4,個人計畫,甲市分公司,,,,C02,2026-06-10,,,,,2026-06-15\n"
    "I12,個人計畫,甲市分公司,,,,C01,2026-08-01,,,,,2026-07-20\n"
    "I5,個人計畫,乙市分公司,,,,D01,2026-10-10,,,,,2026-09-20\n"
    "I6,個人計畫,甲市分公司,,,,C01,2026-10-20,,,,是,2026-10-01\n"
    "I7,個人計畫,甲市分公司,,,,C03,2026-10-26,,,大規模穿越,,2026-10-01\n"
    "I8,個人計畫,東省公司,,,,P02,2026-10-20,,,大規模穿越,,2026-10-01\n"
    "I9,個人計畫,東省公司,,,,P01,2026-11-05,,,,是,2026-10-01\n"
    "I10,個人計畫,東省公司,,,,P01,2026-10-16,,,,,2026-10-01\n"
    "I11,個人計畫,西省公司,,,,W01,2026-10-22,,,,是,2026-10-20\n"
)


def build(db: Path) -> Path:
    files = [("roster.csv", ROSTER), ("log.csv", LOG), ("plans.csv", PLANS)]
    results = import_files([(n, c.encode("utf-8")) for n, c in files], db_path=db, user="test")
    assert [r.status for r in results] == ["imported"] * 3, [r.summary() for r in results]
    return db
