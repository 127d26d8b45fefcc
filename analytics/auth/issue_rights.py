"""Who may record progress on an issue (SPEC 9, article 9.3). The page and the analytics both ask here."""

from __future__ import annotations

from collections.abc import Mapping

from analytics.auth.model import DEPARTMENT, LEAD, User
from analytics.auth.scope import CompanyTree
from analytics.textnorm import match_key


def can_update_issue(user: User | None, issue: Mapping, company_tree: object) -> bool:
    """Whether ``user`` may record a status, note or new due date on ``issue`` (a row of ``issue_one.sql``).

    Local mode (None) and admins: every issue. A lead department: the issues of its scope (the company an issue
    belongs to: its 責任單位 on the roster, else its raiser's company — the rule every read uses). An owner
    department: only issues whose 責任單位 is its company and whose 責任部門 is its department (both compared
    tolerantly, as everywhere). Viewers never.
    """
    if user is None or user.is_admin:
        return True
    if user.role == LEAD:
        return CompanyTree.coerce(company_tree).contains(user.company_key, issue.get("scope_company_key"))
    if user.role == DEPARTMENT:
        owner_company = issue.get("owner_key") or match_key(issue.get("owner_company"))
        return bool(owner_company) and owner_company == user.company_key and bool(user.department_key) and (
            match_key(issue.get("owner_department")) == user.department_key)
    return False


def can_read_issue(user: User | None, issue: Mapping, company_tree: object) -> bool:
    """Whether the issue lies in the user's read scope (its company within the user's company tree)."""
    if user is None or user.is_admin:
        return True
    return CompanyTree.coerce(company_tree).contains(user.company_key, issue.get("scope_company_key"))
