"""The demo's follow-up data (issue #15 item 6): a contacts workbook, and two provinces' submitted Q3 reports.

Contacts: every company's lead department (blank 部門) plus its 市場部, 客戶服務部 and 網路部 (the departments that
own most issues), addresses on the reserved domain example.com; 西川省公司 and its cities read Simplified Chinese,
總部's 網路部 English (the 語言 column). The file goes in after the last monthly file, through the ordinary importer.
Reports: 東海省公司 and 南嶺省公司 submitted their 2026Q3 report to 總部 on 2026-10-12 (西川省公司 has not), so the
各省上報 section shows both states.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analytics.demo.files import DemoFile
from analytics.demo.org import Org
from analytics.demo.sheets import Sheet, write_xlsx

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
