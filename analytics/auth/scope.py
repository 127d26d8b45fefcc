"""Scope rules of SPEC 8: which companies a user may read, upload for and roll back.

A scope is a company key (``match_key`` of its name) and includes what rolls up to it (SPEC 4.3): 總部 includes all
companies, a province includes itself and its cities, a city itself. ``None`` means everything. The pages pass
``effective_scope(...)`` — never the raw value from the URL or the sidebar — to the metrics functions, so the
scope is enforced where data is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from analytics.auth.model import LEAD, ROLES, RoleDenied, ScopeDenied, User
from analytics.company_tree import CompanyTree  # re-exported: callers import it from here
from analytics.textnorm import match_key


def allowed_scope_key(user: User | None) -> str | None:
    """The widest scope ``user`` may read: their company key, or ``None`` (everything) in local mode or for admins."""
    if user is None or user.is_admin:
        return None
    return user.company_key


def _user_sees_everything(user: User | None, tree: CompanyTree) -> bool:
    root = allowed_scope_key(user)
    return root is None or tree.is_hq(root)


def effective_scope(user: User | None, requested_scope_key: str | None, company_tree: object) -> str | None:
    """The scope to pass to the metrics functions for ``user`` asking for ``requested_scope_key``.

    ``None`` requested means "as wide as allowed": everything for admins, local mode and 總部 users, else the
    user's own company. A request outside the user's scope raises ``ScopeDenied`` (SPEC 8).
    """
    tree = CompanyTree.coerce(company_tree)
    requested = match_key(requested_scope_key) or None  # keys are match_key-folded; folding is idempotent
    root = allowed_scope_key(user)
    if requested is None:
        return None if _user_sees_everything(user, tree) else root
    if tree.contains(root, requested):
        return requested
    raise ScopeDenied(
        f"{user.username} 無權查看此公司範圍 / {user.username} may not read this company scope",
        username=user.username,
        requested=requested,
        allowed=root,
    )


def can_import(user: User | None, parsed_company_keys: Iterable[str | None], company_tree: object = None) -> bool:
    """Whether ``user`` may upload a file touching these companies (SPEC 8: leads for their scope).

    Rows whose company is unknown (``None``/empty: a 工號 not on the roster, an issue without 責任單位) cannot
    land in another company's scope, so they do not block a lead's upload.
    """
    if user is None or user.is_admin:
        return True
    if user.role != LEAD:
        return False
    tree = CompanyTree.coerce(company_tree)
    root = user.company_key
    return all(tree.contains(root, key) for key in parsed_company_keys if key)


def require_import(user: User | None, parsed_company_keys: Iterable[str | None], company_tree: object = None) -> None:
    """``can_import`` or a ``RoleDenied`` with a sentence naming the companies outside the user's scope."""
    keys = [k for k in parsed_company_keys if k]
    if can_import(user, keys, company_tree):
        return
    if user.role != LEAD:
        raise RoleDenied(f"{user.username}（{user.role}）不能匯入資料 / {user.username} ({user.role}) cannot import")
    tree = CompanyTree.coerce(company_tree)
    outside = sorted({k for k in keys if not tree.contains(user.company_key, k)})
    raise RoleDenied(
        f"檔案含有 {user.company} 範圍以外的公司：{'、'.join(outside)} / the file holds companies outside "
        f"{user.company}'s scope: {', '.join(outside)}"
    )


def _batch_companies(batch: Mapping) -> list[str]:
    """The companies a batch touched: its ``companies`` list, else a single ``company_key`` when one is given."""
    found = batch.get("companies")
    if found is None or isinstance(found, str):
        found = [batch.get("company_key")]
    return [str(c) for c in list(found) if isinstance(c, str) and c]


def _importer_company(batch: Mapping, users: Mapping[str, User] | None) -> str | None:
    if users is None:
        from analytics.auth.users import UserStore

        users = {u.username: u for u in UserStore.load().users()}
    importer = users.get(str(batch.get("imported_by") or "").lower())
    return importer.company_key if importer is not None else None


def can_read_batch(user: User | None, batch: Mapping, company_tree: object = None,
                   users: Mapping[str, User] | None = None) -> bool:
    """Whether ``user`` may see ``batch`` (a row of ``list_batches``) on 匯入紀錄 and download its original file.

    Admins (and local mode) see every batch. Anyone else sees a batch when every company it touched
    (``batch["companies"]``, recorded at import time, issue #12 finding 4) lies in their scope: the original file
    holds names and 工號 of all of them. A batch that touched no known company (a refused file, rows of 工號 on no
    roster) counts for the company of the user who imported it (looked up in ``users``, by default the users
    file); when that cannot be told either (the command line, a removed user), it is for admins only.
    """
    if user is None or user.is_admin:
        return True
    tree = CompanyTree.coerce(company_tree)
    companies = _batch_companies(batch) or [k for k in [_importer_company(batch, users)] if k]
    return bool(companies) and all(tree.contains(user.company_key, key) for key in companies)


def can_rollback(user: User | None, batch: Mapping, company_tree: object = None,
                 users: Mapping[str, User] | None = None) -> bool:
    """Whether ``user`` may roll back ``batch`` (a row of ``list_batches``): admins (and local mode) any batch; a
    lead the batches it may read (``can_read_batch``: every company the batch touched is in its scope). Viewers
    and owner departments never roll back."""
    if user is None or user.is_admin:
        return True
    if user.role != LEAD:
        return False
    return can_read_batch(user, batch, company_tree, users)


def visible_batches(user: User | None, batches: object, company_tree: object = None,
                    users: Mapping[str, User] | None = None) -> object:
    """The rows of the ``list_batches`` frame that ``user`` may see (``can_read_batch``), in the same order."""
    if user is None or user.is_admin or len(batches) == 0:
        return batches
    if users is None:
        from analytics.auth.users import UserStore

        users = {u.username: u for u in UserStore.load().users()}
    tree = CompanyTree.coerce(company_tree)
    keep = [can_read_batch(user, row, tree, users) for row in batches.to_dict("records")]
    return batches[keep].reset_index(drop=True)


def role_label_key(role: str) -> str:
    """The i18n key naming a role."""
    return f"auth.role.{role if role in ROLES else 'local'}"
