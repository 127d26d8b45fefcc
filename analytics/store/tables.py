"""The stored shape of the three tables (migration 0001) and the SPEC 2.5 keys, as identifier allow-lists.

Every identifier that the store puts into SQL text comes from the constants below, never from a file's content.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics import schema

AUDIT_COLUMNS = ("batch_id", "source_row")  # bookkeeping: not compared when deciding "updated" vs "unchanged"


@dataclass(frozen=True)
class StoredTable:
    name: str  # table in the database (also schema.TABLES key)
    columns: tuple[str, ...]  # stored columns, in DDL order
    key: tuple[str, ...]  # SPEC 2.5 key as stored (company as company_key)

    @property
    def undo(self) -> str:
        return f"undo_{self.name}"

    @property
    def values(self) -> tuple[str, ...]:
        """Columns whose change makes a row "updated"."""
        return tuple(c for c in self.columns if c not in self.key and c not in AUDIT_COLUMNS)

    @property
    def data_columns(self) -> tuple[str, ...]:
        """Columns taken from the staged file (everything but batch_id)."""
        return tuple(c for c in self.columns if c != "batch_id")

    def key_match(self, left: str, right: str) -> str:
        return " and ".join(f"{left}.{c} = {right}.{c}" for c in self.key)

    def value_diff(self, left: str, right: str) -> str:
        return " or ".join(f"{left}.{c} is distinct from {right}.{c}" for c in self.values)

    def row_key_sql(self, alias: str) -> str:
        """The import_messages.row_key expression (see migration 0001)."""
        parts = [f"cast({alias}.{c} as varchar)" for c in self.key]
        return " || '|' || ".join(parts)

    def identifiers(self) -> dict[str, str]:
        """Identifier lists for analytics/sql/store/*.sql templates."""
        return {
            "table": self.name,
            "undo": self.undo,
            "cols": ", ".join(self.columns),
            "data_cols": ", ".join(self.data_columns),
            "t_cols": ", ".join(f"t.{c}" for c in self.columns),
            "key_cols": ", ".join(self.key),
            "key_match_ts": self.key_match("t", "s"),
            "key_match_tc": self.key_match("t", "c"),
            "value_diff_ts": self.value_diff("t", "s"),
        }


ROSTER = StoredTable(
    "roster",
    ("company", "company_key", "effective_date", "employee_id", "name", "level", "parent_company", "parent_key",
     "department", "department_key", "department_type", "rank", "batch_id", "source_row"),
    ("company_key", "effective_date", "employee_id"),
)
WALKTHROUGHS = StoredTable(
    "walkthroughs",
    ("activity_key", "employee_id", "activity_id", "name", "date", "category", "item", "theme", "mode", "scope",
     "target_unit", "hours", "needs_support", "notified_on", "summary_on", "copy_sent", "issues_raised", "note",
     "batch_id", "source_row"),
    ("activity_key", "employee_id"),
)
ISSUES = StoredTable(
    "issues",
    ("issue_id", "activity_id", "raised_by", "raised_on", "kind", "category", "category_is_standard", "description",
     "owner_company", "owner_company_key", "owner_department", "status", "due_on", "resolved_on", "progress",
     "work_order_id", "batch_id", "source_row"),
    ("issue_id",),
)
# SPEC 2.7 (migration 0007): department_key is '' for the company's lead department (a blank 部門), so the key
# compares with = like the others.
CONTACTS = StoredTable(
    "contacts",
    ("company", "company_key", "department", "department_key", "name", "email", "employee_id", "language",
     "batch_id", "source_row"),
    ("company_key", "department_key", "email"),
)
# SPEC 2.6 (migration 0005): company plans and individual plans in one table, keyed by 計畫編號.
PLANS = StoredTable(
    "plans",
    ("plan_id", "plan_kind", "company", "company_key", "department", "department_key", "period", "period_start",
     "period_end", "planned_count", "employee_id", "planned_on", "category", "item", "theme", "mode", "target_unit",
     "needs_support", "filed_on", "batch_id", "source_row"),
    ("plan_id",),
)
STORED: dict[str, StoredTable] = {t.name: t for t in (ROSTER, WALKTHROUGHS, ISSUES, CONTACTS, PLANS)}
# Commit order within one file (the roster first so the log's warnings see it).
ORDER: tuple[str, ...] = tuple(k for k in schema.IMPORT_ORDER if k in STORED)
