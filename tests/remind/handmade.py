"""A hand-made store for the reminder tests: one city company, its lead department and two departments.

Roster (2026-01-01), 廣州市分公司 (地市公司), 市場部 (主要業務部門): 001 張經理 公司領導, 002 李員工 員工, 003 王員工 員工.
Walkthroughs: 002 on 2026-08-10. As of 2026-08-20 the open periods are 2026Q3 and 2026-08:
- CITY-MGR-Q 2026Q3: population {001}, nobody went → in_progress, owed 001.
- CITY-DEPT-Q 2026Q3 市場部: population 3, participants {002}: 1/3 < 0.5 → in_progress, owed 001, 003.
- CITY-RECEPT-M 2026-08: population {001} (公司領導), no 客戶接待日 → in_progress, owed 001.
  → the lead department's list: 4 rows (RECEPT 001, then Q3: CITY-DEPT-Q 001, 003, CITY-MGR-Q 001).
Issues owned by 廣州市分公司 / 市場部 as of 2026-08-20:
- Q1 due 08-10 處理中 → overdue; Q6 due 08-20 (the as-of day: not yet overdue) → due soon, 0 days left;
  Q2 due 08-25 → due soon, 5 days left; Q3 due 08-28 (8 days) → outside the 7-day window; Q4 closed → out;
  Q7 raised 08-25, after the as-of date → out. Q5 belongs to 網路部 (overdue, due 08-05).
Contacts: lead@ (lead department, zh-Hant), chen@ (市場部, English), wang@ (網路部), kefu@ (客服部: nothing due,
so no message). → 3 messages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.store.importer import import_files

AS_OF = dt.date(2026, 8, 20)

ROSTER = ("工號,姓名,公司,層級,上級公司,部門,部門類別,職級,生效日期\n"
          "001,張經理,廣州市分公司,地市公司,廣東省公司,市場部,主要業務部門,公司領導,2026-01-01\n"
          "002,李員工,廣州市分公司,地市公司,廣東省公司,市場部,主要業務部門,員工,2026-01-01\n"
          "003,王員工,廣州市分公司,地市公司,廣東省公司,市場部,主要業務部門,員工,2026-01-01\n")
LOG = "工號,穿越日期,穿越類別,穿越項目\n002,2026-08-10,常規穿越,門市客戶扮演\n"
ISSUES = ("問題編號,提出日期,問題描述,責任單位,責任部門,狀態,計畫完成日期,解決日期\n"
          "Q1,2026-07-01,櫃台排隊過長,廣州市分公司,市場部,處理中,2026-08-10,\n"
          "Q2,2026-07-02,=cmd|' /C calc'!A0,廣州市分公司,市場部,待處理,2026-08-25,\n"
          "Q3,2026-07-03,宣傳單過期,廣州市分公司,市場部,待處理,2026-08-28,\n"
          "Q4,2026-07-04,已處理的問題,廣州市分公司,市場部,已解決,2026-08-01,2026-07-30\n"
          "Q5,2026-07-05,網路撥測失敗,廣州市分公司,網路部,處理中,2026-08-05,\n"
          "Q6,2026-07-06,<b>系統</b>卡頓,广州市分公司,市场部,處理中,2026-08-20,\n"
          "Q7,2026-08-25,晚提出的問題,廣州市分公司,市場部,待處理,2026-08-22,\n")
CONTACTS = ("公司,部門,姓名,電子郵件,語言\n"
            "廣州市分公司,,李牽頭,lead@example.com,\n"
            "廣州市分公司,市場部,陳市場,chen@example.com,英文\n"
            "廣州市分公司,網路部,王網路,wang@example.com,\n"
            "廣州市分公司,客服部,劉客服,kefu@example.com,\n")


def build_store(db: Path) -> Path:
    files = [(name, text.encode("utf-8")) for name, text in
             (("roster.csv", ROSTER), ("log.csv", LOG), ("issues.csv", ISSUES), ("contacts.csv", CONTACTS))]
    results = import_files(files, db_path=db, user="test")
    assert [r.status for r in results] == ["imported"] * 4, [(r.file_name, r.problems) for r in results]
    return db
