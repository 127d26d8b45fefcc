"""A hand-made store of two provinces for the upward-report tests (all snapshots dated 2026-01-01).

Every company has one person, its 公司領導, in 辦公室 (其他部門: no department rules), so the rules that apply are
PROV-LEAD-Y + PROV-RECEPT-M (province) and CITY-MGR-Q + CITY-RECEPT-M (city). For 2026Q3 (as of 2026-09-30) the
results counted are those whose own period lies inside Q3 (the one rule, docs/metrics.md §6a; the year rule
PROV-LEAD-Y is not a result of the quarter): province 07/08/09 = 3, city Q3 + 07/08/09 = 4.
- 甲省公司 (a0: routine 07-10, reception day 8 h 08-05 → RECEPT 08 met, 07 and 09 missed: 1/3), 甲一市分公司 (a1:
  routine 07-15 → MGR-Q met, no reception day: 1/4), 甲二市分公司 (nothing: 0/4). Province scope: 2 of 11 met;
  3 activities, 3 staff → 100 per 100 staff; issue I1 (owner 甲一市分公司, due 08-01, open) → 1 issue, overdue 1,
  resolution 0.
- 乙省公司 (b0: reception days 8 h on 07-03, 08-03, 09-03 → 3/3), 乙一市分公司 (nothing: 0/4). Scope: 3 of 7;
  3 activities, 2 staff → 150; issue I2 (owner 乙省公司, closed 07-20) → resolution 1.0, overdue 0.
- 2026Q2 (as of 06-30): nobody had gone and no issue was raised yet → resolution none, no activity; the share met
  is 0.0 once quota results count only rows up to the as-of date (SPEC 4.5), so the test compares with the Q2 ranking.
Ranking for 2026Q3: 乙省公司 (3/7 = 0.43) first, 甲省公司 (2/11 = 0.18) second.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.store.importer import import_files

AS_OF = dt.date(2026, 9, 30)
ROSTER = ("工號,姓名,公司,層級,上級公司,部門,部門類別,職級,生效日期\n"
          "h0,總經理,總部,總部,,辦公室,其他部門,公司領導,2026-01-01\n"
          "a0,甲領導,甲省公司,省公司,,辦公室,其他部門,公司領導,2026-01-01\n"
          "a1,甲一領導,甲一市分公司,地市公司,甲省公司,辦公室,其他部門,公司領導,2026-01-01\n"
          "a2,甲二領導,甲二市分公司,地市公司,甲省公司,辦公室,其他部門,公司領導,2026-01-01\n"
          "b0,乙領導,乙省公司,省公司,,辦公室,其他部門,公司領導,2026-01-01\n"
          "b1,乙一領導,乙一市分公司,地市公司,乙省公司,辦公室,其他部門,公司領導,2026-01-01\n")
LOG = ("工號,穿越日期,穿越類別,穿越項目,時長(小時)\n"
       "a0,2026-07-10,常規穿越,門市客戶扮演,\n"
       "a0,2026-08-05,客戶接待日,,8\n"
       "a1,2026-07-15,常規穿越,門市業務受理,\n"
       "b0,2026-07-03,客戶接待日,,8\n"
       "b0,2026-08-03,客戶接待日,,8\n"
       "b0,2026-09-03,客戶接待日,,8\n")
ISSUES = ("問題編號,提出日期,問題描述,責任單位,狀態,計畫完成日期,解決日期\n"
          "I1,2026-07-01,排隊過長,甲一市分公司,處理中,2026-08-01,\n"
          "I2,2026-07-02,資費說明不清,乙省公司,已解決,2026-08-01,2026-07-20\n")


def build_provinces(db: Path) -> Path:
    files = [(n, s.encode("utf-8")) for n, s in (("roster.csv", ROSTER), ("log.csv", LOG), ("issues.csv", ISSUES))]
    results = import_files(files, db_path=db, user="test")
    assert [r.status for r in results] == ["imported"] * 3, [(r.file_name, r.problems) for r in results]
    return db
