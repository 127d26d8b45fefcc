"""Users, roles, scopes and the audit log (SPEC 8). No streamlit here: ``ui/auth.py`` draws the sign-in."""

from analytics.auth.model import ADMIN, LEAD, ROLES, VIEWER, AuthError, RoleDenied, ScopeDenied, User
from analytics.auth.scope import (
    CompanyTree,
    allowed_scope_key,
    can_import,
    can_rollback,
    effective_scope,
    require_import,
)
from analytics.auth.users import UserStore, users_path

__all__ = [
    "ADMIN", "LEAD", "ROLES", "VIEWER", "AuthError", "CompanyTree", "RoleDenied", "ScopeDenied", "User", "UserStore",
    "allowed_scope_key", "can_import", "can_rollback", "effective_scope", "require_import",
    "users_path",
]
