"""Issues raised on the demo walkthroughs and how they progress, month by month (SPEC 2.3, 4.4; article 9).

Each issue has a life: 待處理 when raised, 處理中 from a start date, then 已解決 or 已關閉 (or still open). The
monthly tracking file for a month lists the issues raised by its last day that were not already closed before it
began, with their status on that day, so importing the files in order builds a real status history.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass

import opencc

from analytics.demo.activities import LAST_DAY, Activity
from analytics.demo.org import CITY_DEPTS, HQ_DEPTS, PROVINCE_DEPTS, Org
from analytics.schema import STATUS

_OPEN, _IN_PROGRESS, _RESOLVED, _CLOSED = (STATUS.canonical(c) for c in ("open", "in_progress", "resolved", "closed"))

HYPERLINK_TEXT = '=HYPERLINK("http://x","y")'  # must come back verbatim and be neutralised on export (SPEC 6)
CATEGORIES = (("服務規範", 20), ("業務流程", 22), ("IT系統支撐", 16), ("網路質量", 14), ("渠道與環境", 10),
              ("資費計費", 9), ("產品體驗", 7), ("其他", 2))
NON_STANDARD = ("營業廳排隊", "寬頻裝維", "實名登記")  # kept as given and flagged (SPEC 2.3)
_OWNER_DEPTS = {"服務規範": ("客戶服務部",), "業務流程": ("市場部",), "IT系統支撐": ("資訊科技部", "業務支撐部", "網路部"),
                "網路質量": ("網路部",), "渠道與環境": ("市場部",), "資費計費": ("賬務中心", "業務支撐部", "市場部"),
                "產品體驗": ("市場部",), "其他": ("辦公室",)}
_PHRASES = {"服務規範": "營業員未主動告知資費變更", "業務流程": "辦理流程需重複填寫資料", "IT系統支撐": "受理系統高峰期響應慢",
            "網路質量": "室內信號弱、通話斷續", "渠道與環境": "營業廳叫號屏故障", "資費計費": "套餐到期提醒不及時",
            "產品體驗": "手機營業廳查詢入口層級過深", "其他": "客戶建議延長週末營業時間"}
_T2S = opencc.OpenCC("t2s")


@dataclass(frozen=True)
class Issue:
    issue_id: str
    activity_id: str | None
    raised_by: str | None
    raised_on: dt.date
    kind: str
    category: str
    description: str
    owner_company: str  # as written in the tracking files (sometimes in Simplified characters)
    owner_department: str
    due_on: dt.date | None
    started_on: dt.date | None  # becomes 處理中
    closed_on: dt.date | None
    closed_status: str | None  # 已解決 / 已關閉
    resolved_written: bool  # False: closed without 解決日期 (a warning)
    work_order_id: str | None

    def status_at(self, day: dt.date) -> str:
        if self.closed_on is not None and self.closed_on <= day:
            return self.closed_status or _RESOLVED
        if self.started_on is not None and self.started_on <= day:
            return _IN_PROGRESS
        return _OPEN

    def progress_at(self, day: dt.date) -> str | None:
        return {_OPEN: None, _IN_PROGRESS: f"已轉{self.owner_department}跟進", _RESOLVED: "已完成整改並回訪",
                _CLOSED: "經核實不予採納"}[self.status_at(day)]


def _owner(rng: random.Random, org: Org, company: str, category: str) -> tuple[str, str]:
    c = next((c for c in org.companies if c.name == company), None)
    if c is None or rng.random() < 0.10:
        owner = "總部"
    elif c.parent and rng.random() < 0.22:
        owner = c.parent
    else:
        owner = company
    level = org.company(owner).level
    depts = {d for d, _, _ in {"總部": HQ_DEPTS, "省公司": PROVINCE_DEPTS, "地市公司": CITY_DEPTS}[level]}
    dept = next((d for d in _OWNER_DEPTS[category] if d in depts), "辦公室")
    written = _T2S.convert(owner) if rng.random() < 0.02 else owner
    return written, dept


def build_issues(org: Org, activities: list[Activity], seed: int, links: set[str]) -> list[Issue]:
    """Issues for every participant row's 問題建議數; ``links`` holds the activity numbers written in the log."""
    rng = random.Random(f"issues:{seed}")
    seq: dict[str, int] = {}
    result: list[Issue] = []
    for act in sorted(activities, key=lambda a: (a.date, a.activity_id)):
        if act.fault is not None:
            continue  # the row is rejected by the importer: nothing was raised on it
        linked = act.activity_id if act.activity_id in links else None
        code = act.activity_id.split("-")[0]
        for person, k in zip(act.participants, act.issues_raised, strict=True):
            for _ in range(k):
                seq[code] = seq.get(code, 0) + 1
                raised = min(act.date + dt.timedelta(days=rng.randint(0, 5)), LAST_DAY)
                standard = rng.random() < 0.98
                category = (rng.choices([c for c, _ in CATEGORIES], [w for _, w in CATEGORIES])[0] if standard
                            else rng.choice(NON_STANDARD))
                owner, dept = _owner(rng, org, person.company, category if standard else "其他")
                description = f"{act.target_unit}：{_PHRASES.get(category, '客戶反映' + category + '問題')}"
                if code == "DH" and raised.month == 3 and not any(i.description == HYPERLINK_TEXT for i in result):
                    description = HYPERLINK_TEXT
                started = raised + dt.timedelta(days=rng.randint(1, 20))
                r = rng.random()
                if r < 0.68:
                    closed, status = started + dt.timedelta(days=rng.randint(3, 75)), _RESOLVED
                elif r < 0.76:
                    closed, status = started + dt.timedelta(days=rng.randint(2, 30)), _CLOSED
                else:
                    closed, status = None, None
                    started = started if rng.random() < 0.7 else None
                due = raised + dt.timedelta(days=rng.choice((15, 30, 45, 60, 90))) if rng.random() < 0.9 else None
                group_shared = len(act.participants) > 1 and linked and rng.random() < 0.3
                result.append(Issue(
                    f"WT-{code}-{seq[code]:05d}", linked, None if group_shared else person.employee_id, raised,
                    "建議" if rng.random() < 0.25 else "問題", category, description, owner, dept, due, started,
                    closed, status, rng.random() >= 0.03,
                    f"GD{raised:%Y%m%d}{seq[code]:04d}" if rng.random() < 0.6 else None))
    return result


def tracking_date(month: int) -> dt.date:
    """The day a month's tracking file describes: its last day, or yesterday for the current month."""
    return min(dt.date(2026, month, calendar.monthrange(2026, month)[1]), LAST_DAY)


def tracked_in_month(issues: list[Issue], month: int) -> list[Issue]:
    """Issues listed in the month's tracking file: raised by its date and not closed before the month began."""
    first, day = dt.date(2026, month, 1), tracking_date(month)
    return [i for i in issues if i.raised_on <= day and not (i.closed_on is not None and i.closed_on < first)]
