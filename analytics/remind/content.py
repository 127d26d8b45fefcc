"""What each contact is reminded of (SPEC 9), read from the store as of a date.

- A department contact (公司 + 部門): the open issues its department owns (責任單位/責任部門) that are overdue or due
  within ``DUE_WINDOW_DAYS`` days (analytics.metrics.issues' base query, so "overdue" means what it means there).
- A lead-department contact (公司, blank 部門): the people of its own company who still owe a walkthrough for a
  quota rule whose period is open on the as-of date and not yet met (analytics.metrics.quotas), and the planned
  walks whose notice deadline is near. The plans analytics (issue #14) are not on this branch: the caller passes
  them in through ``planned_walks`` (a seam; see docs/reminders.md).

The lead department gets its own company only (not the cities that roll up to a province): each company's lead
department has its own contacts, and a province-wide list of names would be too long to act on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.i18n import t
from analytics.metrics.quotas import compute_quota_results, load_owed_people
from analytics.metrics.sqlfiles import load_composed, used_params
from analytics.remind.sql import load_sql
from analytics.schema import LANGUAGE
from analytics.textnorm import match_key

DUE_WINDOW_DAYS = 7
ISSUE_COLUMNS = ("issue_id", "due_on", "days_left", "status", "category", "owner_department", "description",
                 "progress")
OWED_COLUMNS = ("rule", "period", "period_end", "employee_id", "name", "department", "rank")
# The seam for issue #14's plans: (con, contact, as_of) -> rows with these columns (planned walks of the contact's
# company whose notice deadline is within 3 days or passed, SPEC 4.6).
PLAN_COLUMNS = ("employee_id", "name", "planned_on", "notice_deadline", "target_unit")
PlannedWalks = Callable[[duckdb.DuckDBPyConnection, "Contact", dt.date], pd.DataFrame]


@dataclass(frozen=True)
class Contact:
    company: str
    company_key: str
    department: str | None  # None: the company's lead department
    department_key: str  # '' for the lead department
    name: str
    email: str
    employee_id: str | None
    language: str  # canonical term of schema.LANGUAGE

    @property
    def is_lead(self) -> bool:
        return not self.department_key

    @property
    def lang(self) -> str:
        """The interface language code (zh-Hant, zh-Hans, en); zh-Hant when unknown (SPEC 2.7 default)."""
        for term in LANGUAGE.terms:
            if term.canonical == self.language:
                return term.code
        return "zh-Hant"


@dataclass
class ReminderContent:
    contact: Contact
    as_of: dt.date
    overdue: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ISSUE_COLUMNS))
    due_soon: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ISSUE_COLUMNS))
    owed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=OWED_COLUMNS))
    planned: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PLAN_COLUMNS))
    problem: str | None = None  # why this contact could not be served (e.g. its 公司 is on no roster)

    @property
    def is_empty(self) -> bool:
        """Nothing to remind of: no message is built (a reminder that says "nothing" trains people to ignore it)."""
        return self.problem is None and self._no_rows()

    def _no_rows(self) -> bool:
        return all(f.empty for f in (self.overdue, self.due_soon, self.owed, self.planned))


def _on_roster(con: duckdb.DuckDBPyConnection, company_key: str) -> bool:
    return con.execute(load_sql("company_on_roster"), {"company_key": company_key}).fetchone() is not None


def load_contacts(con: duckdb.DuckDBPyConnection) -> list[Contact]:
    return [Contact(*row) for row in con.execute(load_sql("contacts_list")).fetchall()]


def load_department_issues(con: duckdb.DuckDBPyConnection, contact: Contact, as_of: dt.date
                           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(overdue, due within DUE_WINDOW_DAYS days) open issues owned by the contact's company and department."""
    sql = load_composed("issues_due_window", "issues_base")
    params = {"as_of": as_of, "scope_keys": [contact.company_key], "company_key": contact.company_key,
              "window_days": DUE_WINDOW_DAYS}
    frame = con.execute(sql, used_params(sql, params)).df()
    if not frame.empty:
        mine = [match_key(d) == contact.department_key for d in frame["owner_department"]]
        frame = frame[mine]
    overdue = frame[frame["is_overdue"].astype(bool)] if not frame.empty else frame
    soon = frame[~frame["is_overdue"].astype(bool)] if not frame.empty else frame
    return (overdue.reindex(columns=ISSUE_COLUMNS).reset_index(drop=True),
            soon.reindex(columns=ISSUE_COLUMNS).reset_index(drop=True))


def load_owed_in_open_periods(con: duckdb.DuckDBPyConnection, contact: Contact, as_of: dt.date) -> pd.DataFrame:
    """People of the contact's company who still owe a walkthrough for a rule result that is ``in_progress``."""
    results = compute_quota_results(con, as_of.year, as_of=as_of, scope=contact.company_key)
    if results.empty:
        return pd.DataFrame(columns=OWED_COLUMNS)
    # open = the period holds the as-of date (a future period is in_progress too, SPEC 4.5, but nobody owes it yet)
    starts = pd.to_datetime(results["period_start"]).dt.date
    ends = pd.to_datetime(results["period_end"]).dt.date
    open_results = results[(results["company_key"] == contact.company_key) & (results["status"] == "in_progress")
                           & (starts <= as_of) & (ends >= as_of)]
    frames = []
    for row in open_results.itertuples(index=False):
        people = load_owed_people(con, row.rule, row.period, company=contact.company_key,
                                  department=row.department if isinstance(row.department, str) else None)
        if not people.empty:
            frames.append(people.assign(period_end=row.period_end))
    if not frames:
        return pd.DataFrame(columns=OWED_COLUMNS)
    owed = pd.concat(frames, ignore_index=True)
    owed["period_end"] = pd.to_datetime(owed["period_end"]).dt.date
    return owed.reindex(columns=OWED_COLUMNS).sort_values(["period_end", "rule", "department", "employee_id"],
                                                          kind="stable").reset_index(drop=True)


def build_contents(con: duckdb.DuckDBPyConnection, as_of: dt.date, *,
                   planned_walks: PlannedWalks | None = None) -> list[ReminderContent]:
    """One content per contact, in contact order (empty contents included; the caller skips them)."""
    out: list[ReminderContent] = []
    for contact in load_contacts(con):
        content = ReminderContent(contact, as_of)
        if not _on_roster(con, contact.company_key):
            # a typo in the contacts file must not stop everyone else's reminders: reported as a failure instead
            content.problem = t("remind.err.unknown_company", "zh-Hant", company=contact.company)
            out.append(content)
            continue
        if contact.is_lead:
            content.owed = load_owed_in_open_periods(con, contact, as_of)
            if planned_walks is not None:
                content.planned = planned_walks(con, contact, as_of).reindex(columns=PLAN_COLUMNS)
        else:
            content.overdue, content.due_soon = load_department_issues(con, contact, as_of)
        out.append(content)
    return out
