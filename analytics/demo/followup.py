"""The demo's follow-up data (issue #15 item 6): a contacts workbook, two provinces' submitted Q3 reports, and
progress that owner departments recorded in the app.

Contacts: every company's lead department (blank 部門) plus its 市場部, 客戶服務部 and 網路部 (the departments that
own most issues), addresses on the reserved domain example.com; 西川省公司 and its cities read Simplified Chinese,
總部's 網路部 English (the 語言 column). The file goes in after the last monthly file, through the ordinary importer.
Reports: 東海省公司 and 南嶺省公司 submitted their 2026Q3 report to 總部 on 2026-10-12 (西川省公司 has not), so the
各省上報 section shows both states.
App updates: on the morning after the last import, 東海省公司's 市場部, 客戶服務部 and 網路部 (users of role
``department``) and its lead department record progress on open issues they own, through the same
``record_issue_update`` the 問題跟蹤 page uses; so 問題進展 shows timelines that mix imports and app entries. Only
open issues not yet due are touched and none is closed, so the demo's closed, open and overdue figures stay those of
the imported files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.demo.files import DemoFile
from analytics.demo.org import Org
from analytics.demo.sheets import Sheet, write_xlsx
from analytics.schema import CLOSED_STATUSES, STATUS

SQL_DIR = Path(__file__).resolve().parent.parent / "sql" / "demo"

CONTACT_HEADERS = ["公司", "部門", "姓名", "電子郵件", "工號", "語言"]
CONTACT_DEPARTMENTS = {"市場部": "marketing", "客戶服務部": "service", "網路部": "network"}
REPORTED_PROVINCES = ("東海省公司", "南嶺省公司")
REPORT_PERIOD = "2026Q3"
REPORT_AS_OF = dt.date(2026, 9, 30)
REPORTED_AT = dt.datetime(2026, 10, 12, 10, 0)


def contact_rows(org: Org) -> list[list[object]]:
    rows: list[list[object]] = []
    for company in org.companies:
        code = company.code.lower() + str(org.companies.index(company))
        language = "簡體中文" if "西川" in company.name or company.parent == "西川省公司" else "繁體中文"
        staff = [p for p in org.jul if p.company == company.name]
        leader = next((p for p in staff if p.department == "辦公室"), None)
        rows.append([company.name, "", f"{leader.name if leader else company.name}", f"lead.{code}@example.com",
                     leader.employee_id if leader else "", language])
        for department, slug in CONTACT_DEPARTMENTS.items():
            person = next((p for p in staff if p.department == department), None)
            if person is None:
                continue
            lang = "英文" if company.level == "總部" and department == "網路部" else language
            rows.append([company.name, department, person.name, f"{slug}.{code}@example.com", person.employee_id,
                         lang])
    return rows


def write_contacts_file(out_dir: Path, org: Org, after: dt.datetime) -> DemoFile:
    path = Path(out_dir) / "2026-11" / "聯繫人名單.xlsx"
    write_xlsx(path, [Sheet("聯繫人", CONTACT_HEADERS, contact_rows(org))])
    return DemoFile(path, after + dt.timedelta(minutes=5))


def submit_demo_reports(db_path: Path) -> int:
    """The two provinces' Q3 reports, made from the loaded data and recorded as submitted by user "demo"."""
    from analytics.report.submit import build_upward_report, submit_report

    for province in REPORTED_PROVINCES:
        report = build_upward_report(db_path, province, REPORT_PERIOD, as_of=REPORT_AS_OF)
        submit_report(db_path, report, user=None, actor="demo", now=REPORTED_AT)
    return len(REPORTED_PROVINCES)


UPDATING_COMPANY = "東海省公司"
UPDATES_AT = dt.datetime(2026, 11, 25, 9, 0)  # the morning after the last import (2026-11-24 18:05)
# (username, role, department whose issues are updated, how many, note): what each department reports.
APP_UPDATES = (
    ("dh.market", "department", "市場部", 3, "已約談營業廳店長，整改方案已下發，下週回訪確認。"),
    ("dh.service", "department", "客戶服務部", 2, "已修訂話術並完成班組培訓，待抽查錄音驗證。"),
    ("dh.network", "department", "網路部", 2, "已派單至網優中心，基站參數調整中。"),
    ("dh.lead", "lead", "業務支撐部", 1, "牽頭部門督辦：請於新計畫完成日期前回覆整改結果。"),
)
REVISED_BY_DAYS = 14  # a revised 計畫完成日期: two weeks later than the one imported


def record_demo_issue_updates(db_path: Path, today: dt.date) -> int:
    """The app updates described above; returns how many were recorded. Each moves 待處理 to 處理中 (處理中 stays),
    adds the department's note and pushes the 計畫完成日期 back by REVISED_BY_DAYS."""
    from analytics.auth.model import User
    from analytics.store.connection import connect
    from analytics.store.issue_updates import IssueUpdate, record_issue_update

    sql = (SQL_DIR / "update_candidates.sql").read_text(encoding="utf-8")
    recorded = 0
    for index, (username, role, department, count, note) in enumerate(APP_UPDATES):
        user = User(username, username, role, company=UPDATING_COMPANY,
                    department=department if role == "department" else None)
        with connect(db_path, read_only=True) as con:
            rows = con.execute(sql, {"company": UPDATING_COMPANY, "department": department, "today": today,
                                     "n": count, "closed_statuses": list(CLOSED_STATUSES)}).fetchall()
        for offset, (issue_id, _status, due_on, _raised) in enumerate(rows):
            update = IssueUpdate(issue_id, STATUS.canonical("in_progress"), note, due_on + dt.timedelta(days=REVISED_BY_DAYS))
            at = UPDATES_AT + dt.timedelta(minutes=20 * index + 3 * offset)
            result = record_issue_update(db_path, update, user=user, now=at)
            if not result.ok:
                raise RuntimeError(f"demo issue update {issue_id} refused: {result.message}")
            recorded += 1
    return recorded
