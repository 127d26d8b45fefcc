"""Interface text of plans (issue #14, SPEC 2.6, 4.6): the importer's plan rules, the 計畫 page, the CLI."""

MESSAGES: dict[str, dict[str, str]] = {
    # importer (SPEC 2.6)
    "ui.table.plans": {"zh-Hant": "穿越計畫", "en": "Plans"},  # the table's name on the import and batches pages
}
