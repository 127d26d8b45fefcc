"""The demo year as the files lead departments really send (SPEC 2, issue #2 item 7), in import order.

Each reporting unit has its own habits, so the importer's tolerance is exercised by ordinary files:
- 總部: a system export with English headers and ISO dates; its roster has a merged title and an instructions sheet.
- 東海省公司: a title row merged above the headers ("東海省公司2026年10月流程穿越記錄"), dates typed as 2026/3/5,
  a group's 工號 listed in one cell separated by 、.
- 南嶺省公司: Excel date cells, header aliases (穿越人工號, 日期, 時長), one row per participant, individual rows without
  穿越編號; January's roster and log share one workbook (two sheets).
- 西川省公司: the log as CSV in GB18030 with Simplified headers and values (网络拨测), dates as 2026年3月5日; its roster
  uses alias headers and values (員工編號, 省分公司, 部門經理, 普通員工).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import opencc

from analytics import schema
from analytics.demo.activities import MONTHS, Activity
from analytics.demo.issues import Issue, tracked_in_month, tracking_date
from analytics.demo.org import DEPT_LEADER, JAN_SNAPSHOT, JUL_SNAPSHOT, STAFF, Org, Person
from analytics.demo.sheets import Sheet, write_csv, write_xlsx

_T2S = opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    """Character conversion plus the mainland word 网络 for 網路 (an alias the tolerant matcher must know, SPEC 3)."""
    return _T2S.convert(text).replace("网路", "网络")

LOG_HEADERS = ["穿越編號", "工號", "姓名", "穿越日期", "穿越類別", "穿越項目", "穿越主題", "組織方式", "穿越地域",
               "被穿越單位", "時長(小時)", "需被穿越單位支持", "告知日期", "總結提交日期", "記錄已交被穿越單位",
               "問題建議數", "備註"]
NANLING_HEADERS = ["穿越編號", "穿越人工號", "穿越人", "日期", "穿越類別", "穿越項目", "穿越主題", "組織方式", "穿越地域",
                   "被穿越單位", "時長", "需被穿越單位支持", "告知日期", "總結日期", "記錄已交被穿越單位", "問題建議數", "備註"]
ENGLISH_HEADERS = ["Activity ID", "Employee ID", "Name", "Date", "Category", "Item", "Theme", "Mode", "Scope",
                   "Target unit", "Hours", "Needs target support", "Notified on", "Summary submitted on", "Copy sent",
                   "Issues raised", "Note"]
ROSTER_HEADERS = ["工號", "姓名", "公司", "層級", "上級公司", "部門", "部門類別", "職級", "生效日期"]
ROSTER_ALIAS_HEADERS = ["員工編號", "姓名", "所屬公司", "公司層級", "上級單位", "所屬部門", "部門類型", "職務級別", "生效日期"]
ISSUE_HEADERS = ["問題編號", "穿越編號", "提出人工號", "提出日期", "類型", "問題類別", "問題描述", "責任單位", "責任部門",
                 "狀態", "計畫完成日期", "解決日期", "最新進展", "工單號"]
_EN = {"常規穿越": "Routine walkthrough", "專項穿越": "Special-topic walkthrough", "客戶接待日": "Customer reception day",
       "個人穿越": "Individual", "小組穿越": "Group", "大規模穿越": "Large-scale", "本地": "Local", "跨地": "Cross-region"}
_HOURS_NUMBER = {"半天": 4.0, "全天": 8.0, "4小時": 4.0, "4.5h": 4.5, "3.5h": 3.5}


@dataclass(frozen=True)
class DemoFile:
    path: Path  # where it was written
    imported_at: dt.datetime  # when a lead department would have uploaded it (the demo dates its batch so)


def _date(value: dt.date | None, style: str) -> object:
    if value is None:
        return None
    return {"slash": f"{value.year}/{value.month}/{value.day}", "cjk": f"{value.year}年{value.month}月{value.day}日",
            "iso": value.isoformat(), "dot": f"{value.year}.{value.month}.{value.day}", "excel": value}[style]


def _yes_no(value: bool | None, yes: str = "是", no: str = "否") -> str | None:
    return None if value is None else (yes if value else no)


def _log_rows(acts: list[Activity], style: str, *, joined: bool, blank_individual_ids: bool,
              english: bool = False) -> list[list[object]]:
    """Rows of a walkthrough log; ``joined`` lists a group's 工號 in one cell separated by 、 (SPEC 2.2)."""
    rows = []
    for a in acts:
        names = a.names or [p.name for p in a.participants]
        date = "10/5/2026" if a.fault == "ambiguous_date" else _date(a.date, style)
        hours = _HOURS_NUMBER.get(a.hours, a.hours) if english and isinstance(a.hours, str) else a.hours
        yes, no = ("Y", "N") if english else ("是", "否")
        common = [date, _EN.get(a.category, a.category) if english else a.category, a.item, a.theme,
                  _EN[a.mode] if english else a.mode, _EN[a.scope] if english else a.scope, a.target_unit, hours,
                  _yes_no(a.needs_support, yes, no), _date(a.notified_on, style), _date(a.summary_on, style),
                  _yes_no(a.copy_sent, yes, no)]
        activity_id = None if blank_individual_ids and a.mode == "個人穿越" else a.activity_id
        if joined and len(a.participants) > 1:
            rows.append([activity_id, "、".join(p.employee_id for p in a.participants), "、".join(names), *common,
                         None, a.note])
            continue
        for person, name, k in zip(a.participants, names, a.issues_raised, strict=True):
            rows.append([activity_id, person.employee_id, name, *common, k, a.note])
    return rows


def _roster_rows(people: list[Person], org: Org, effective: object, *, aliases: bool) -> list[list[object]]:
    rows = []
    for p in people:
        c = org.company(p.company)
        level, rank = c.level, p.rank
        if aliases:  # the spellings this province's HR system uses (SPEC 3 aliases)
            level = {"省公司": "省分公司", "地市公司": "市分公司"}.get(level, level)
            rank = {DEPT_LEADER: "部門經理", STAFF: "普通員工"}.get(rank, rank)
        rows.append([p.employee_id, p.name, p.company, level, c.parent, p.department, p.department_type, rank,
                     effective])
    return rows


def _issue_rows(issues: list[Issue], day: dt.date, style: str) -> list[list[object]]:
    rows = []
    for i in issues:
        status = i.status_at(day)
        closed = status in schema.CLOSED_STATUSES
        resolved = i.closed_on if closed and i.resolved_written else None
        rows.append([i.issue_id, i.activity_id, i.raised_by, _date(i.raised_on, style), i.kind, i.category,
                     i.description, i.owner_company, i.owner_department, status, _date(i.due_on, style),
                     _date(resolved, style), i.progress_at(day), i.work_order_id])
    return rows


def _in_province(org: Org, people: tuple[Person, ...], province: str) -> list[Person]:
    return [p for p in people if org.province_of(p.company) == province]


def _write_rosters(out: Path, org: Org, people: tuple[Person, ...], day: dt.date, with_nanling_log: list | None
                   ) -> list[Path]:
    tag = f"{day:%Y-%m}"
    hq = [p for p in people if p.company == "總部"]
    help_sheet = Sheet("填表說明", ["說明"], [["每人一行；工號請保留前導零。"], ["層級：總部 / 省公司 / 地市公司。"]])
    paths = [out / tag / f"總部人員名冊_{day:%Y%m%d}.xlsx", out / tag / f"東海省公司人員名冊_{tag}.xlsx",
             out / tag / f"西川省公司人員名冊_{tag}.xlsx"]
    write_xlsx(paths[0], [Sheet("人員名冊", ROSTER_HEADERS, _roster_rows(hq, org, day, aliases=False),
                                titles=[f"總部人員名冊（{day.year}年{day.month}月{day.day}日生效）"]), help_sheet])
    write_xlsx(paths[1], [Sheet("名冊", ROSTER_HEADERS, _roster_rows(_in_province(org, people, "東海省公司"), org,
                                                                    _date(day, "slash"), aliases=False))])
    write_xlsx(paths[2], [Sheet("Sheet1", ROSTER_ALIAS_HEADERS, _roster_rows(
        _in_province(org, people, "西川省公司"), org, _date(day, "cjk"), aliases=True))])
    nanling = Sheet("人員名冊", ROSTER_HEADERS, _roster_rows(_in_province(org, people, "南嶺省公司"), org, day,
                                                           aliases=False), date_format="yyyy-mm-dd")
    if with_nanling_log is not None:
        path = out / tag / "南嶺省公司_2026年1月_名冊及穿越記錄.xlsx"
        log = Sheet("1月穿越記錄", NANLING_HEADERS, with_nanling_log, date_format="yyyy-mm-dd")
        write_xlsx(path, [nanling, log])
    else:
        path = out / tag / f"南嶺省公司人員名冊_{tag}.xlsx"
        write_xlsx(path, [nanling])
    return [*paths, path]


def write_files(out: Path, org: Org, activities: list[Activity], issues: list[Issue]) -> list[DemoFile]:
    """Write every file of the year under ``out`` (one folder per month); return them in import order."""
    files: list[DemoFile] = []
    by = {(a.company, a.month): [] for a in activities}
    for a in activities:
        by[(a.company, a.month)].append(a)
    for month in MONTHS:
        day, tag = tracking_date(month), f"2026-{month:02d}"
        nanling_log = _log_rows(by.get(("南嶺省公司", month), []), "excel", joined=False, blank_individual_ids=True)
        if month in (1, 7):
            snapshot_day = JAN_SNAPSHOT if month == 1 else JUL_SNAPSHOT
            people = org.snapshot_for_month(month)
            paths = _write_rosters(out, org, people, snapshot_day, nanling_log if month == 1 else None)
            if month == 1:  # the roster-and-log workbook arrives with January's logs
                paths, combined = paths[:-1], paths[-1]
            files += [DemoFile(p, dt.datetime.combine(snapshot_day, dt.time(9, i))) for i, p in enumerate(paths)]
        at = dt.datetime.combine(day, dt.time(17, 0))
        hq = out / tag / f"{tag}_HQ_walkthrough_log.xlsx"
        write_xlsx(hq, [Sheet("log", ENGLISH_HEADERS, _log_rows(by.get(("總部", month), []), "iso", joined=False,
                                                                 blank_individual_ids=False, english=True))])
        dh = out / tag / f"東海省公司2026年{month}月流程穿越記錄.xlsx"
        dh_rows = [r[:15] + r[16:] for r in _log_rows(by.get(("東海省公司", month), []), "slash", joined=True,
                                                       blank_individual_ids=False)]  # no 問題建議數 column
        write_xlsx(dh, [Sheet(f"{month}月", LOG_HEADERS[:15] + LOG_HEADERS[16:], dh_rows,
                              titles=[f"東海省公司2026年{month}月流程穿越記錄", f"填報單位：東海省公司流程穿越牽頭部門　截至 {day:%Y-%m-%d}"])])
        paths = [hq, dh]
        if month == 1:
            paths.append(combined)  # January's 南嶺 log is the second sheet of its roster workbook
        else:
            nl = out / tag / f"南嶺省公司_{tag}_穿越記錄.xlsx"
            write_xlsx(nl, [Sheet("穿越記錄", NANLING_HEADERS, nanling_log, date_format="yyyy-mm-dd")])
            paths.append(nl)
        xc = out / tag / f"西川省公司_2026年{month}月穿越記錄.csv"
        xc_rows = [[_simplified(v) if isinstance(v, str) and i not in (1, 2) else v for i, v in enumerate(row)]
                   for row in _log_rows(by.get(("西川省公司", month), []), "cjk", joined=False,
                                        blank_individual_ids=False)]  # 工號 and 姓名 kept as on the roster
        write_csv(xc, [_simplified(h) for h in LOG_HEADERS], xc_rows, encoding="gb18030")
        paths.append(xc)
        files += [DemoFile(p, at + dt.timedelta(minutes=i)) for i, p in enumerate(paths)]
        style = "dot" if month == 8 else "excel"
        tracked = tracked_in_month(issues, month)
        sheet = Sheet("問題跟蹤", ISSUE_HEADERS, _issue_rows(tracked, day, style),
                      titles=[] if month == 8 else [f"2026年{month}月流程穿越問題跟蹤表（截至{day.month}月{day.day}日）"])
        path = out / tag / f"2026年{month}月問題跟蹤表.xlsx"
        write_xlsx(path, [sheet])
        files.append(DemoFile(path, dt.datetime.combine(day, dt.time(18, 0))))
    return files
