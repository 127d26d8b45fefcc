"""The stored shape of the data tables (migrations 0001, 0005, 0007) and the SPEC 2.5 keys, as identifier allow-lists.

The columns are read from ``analytics/schema.py`` plus the few the store derives; ``tests/store/test_stored_shape.py``
compares them with the migrated database.

Every identifier that the store puts into SQL text comes from the constants below, never from a file's content.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics import schema

AUDIT_COLUMNS = ("batch_id", "source_row")  # bookkeeping: not compared when deciding "updated" vs "unchanged"


@dataclass(frozen=True)
class StoredTable:
    name: str  # table in the database (also schema.TABLES key)
    columns: tuple[str, ...]  # stored columns (see _stored)
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


def _stored(name: str, derived: tuple[str, ...], key: tuple[str, ...]) -> StoredTable:
    """The columns of ``schema.TABLES[name]`` (the single source: a column added there is stored here), then the
    ``derived`` ones the store computes from them (match keys, the activity key, a period's dates), then the audit
    columns. The order is not the DDL's: every statement names its columns."""
    return StoredTable(name, (*(c.key for c in schema.TABLES[name].columns), *derived, *AUDIT_COLUMNS), key)


ROSTER = _stored("roster", ("company_key", "parent_key", "department_key"),
                 ("company_key", "effective_date", "employee_id"))
WALKTHROUGHS = _stored("walkthroughs", ("activity_key",), ("activity_key", "employee_id"))
ISSUES = _stored("issues", ("category_is_standard", "owner_company_key"), ("issue_id",))
# SPEC 2.7 (migration 0007): department_key is '' for the company's lead department (a blank 部門), so the key
# compares with = like the others.
CONTACTS = _stored("contacts", ("company_key", "department_key"), ("company_key", "department_key", "email"))
# SPEC 2.6 (migration 0005): company plans and individual plans in one table, keyed by 計畫編號.
PLANS = _stored("plans", ("company_key", "department_key", "period_start", "period_end"), ("plan_id",))
STORED: dict[str, StoredTable] = {t.name: t for t in (ROSTER, WALKTHROUGHS, ISSUES, CONTACTS, PLANS)}
# Commit order within one file (the roster first so the log's warnings see it).
ORDER: tuple[str, ...] = tuple(k for k in schema.IMPORT_ORDER if k in STORED)
