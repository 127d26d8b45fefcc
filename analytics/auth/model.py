"""Who is signed in and what they may do (SPEC 8): roles, the ``User`` record and the typed refusals."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from analytics.errors import UserFacingError
from analytics.textnorm import match_key


class Role(StrEnum):
    """The roles of SPEC 8, the one list of them (issue #13 item 8). A member equals its text ("admin" == ADMIN),
    so the users file, the audit log and ``User.role`` keep plain strings."""

    ADMIN = "admin"
    LEAD = "lead"  # the lead department (牽頭部門) of a company: uploads and rolls back for its scope
    VIEWER = "viewer"  # an executive: reads its company's scope
    # An owner department (SPEC 9, article 9.3): reads its company's scope like a viewer and records progress on the
    # issues whose 責任單位 is its company and 責任部門 its department.
    DEPARTMENT = "department"


ADMIN, LEAD, VIEWER, DEPARTMENT = Role.ADMIN, Role.LEAD, Role.VIEWER, Role.DEPARTMENT
ROLES: tuple[str, ...] = tuple(Role)
IMPORTING_ROLES: tuple[str, ...] = (ADMIN, LEAD)  # who may open the import and batches pages


@dataclass(frozen=True)
class User:
    """A signed-in person.

    ``company`` is the company name as the administrator typed it (shown to people); ``company_key`` is its
    ``match_key`` (the identity used by scopes, SPEC 2). Admins have no company: ``None`` means everything.
    """

    username: str
    display_name: str
    role: str
    company: str | None = None
    department: str | None = None  # role department only: the 責任部門 it answers for

    def __post_init__(self) -> None:
        # A lead or viewer without a company would otherwise read as "everything": refuse to build one.
        if self.role not in ROLES:
            raise AuthError(f"unknown role {self.role!r} for {self.username}")
        if self.role != ADMIN and not match_key(self.company):  # blank or invisible-only names too
            raise AuthError(f"{self.username}: role {self.role} needs a company")
        if self.role == DEPARTMENT and not match_key(self.department):
            raise AuthError(f"{self.username}: role {self.role} needs a department")

    @property
    def company_key(self) -> str | None:
        """``match_key(company)``, or ``None`` for an admin (everything)."""
        if self.role == ADMIN or not self.company:
            return None
        return match_key(self.company)

    @property
    def department_key(self) -> str | None:
        """``match_key(department)`` for a department user, else None."""
        return match_key(self.department) or None if self.role == DEPARTMENT else None

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN


class AuthError(UserFacingError):
    """A refusal the user can read (bad input to the user store, a missing users file, ...)."""


class ScopeDenied(AuthError, PermissionError):
    """The requested company scope lies outside the signed-in user's (SPEC 8: enforced where data is read)."""

    def __init__(self, message: str, *, username: str, requested: str | None, allowed: str | None) -> None:
        super().__init__(message)
        self.username = username
        self.requested = requested
        self.allowed = allowed


class RoleDenied(AuthError, PermissionError):
    """The signed-in user's role may not do this (e.g. a viewer uploading)."""
