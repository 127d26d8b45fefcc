"""Interface text of plans (issue #14, SPEC 2.6, 4.6): the importer's plan rules, the 計畫 page, the CLI."""

MESSAGES: dict[str, dict[str, str]] = {
    # importer (SPEC 2.6)
    "plans.err.deadline": {
        "zh-Hant": "無法識別的報備截止日「{value}」：請填 月-日，例如 01-31。",
        "en": "Unrecognised filing deadline \"{value}\": write month-day, e.g. 01-31.",
    },
    "ui.table.plans": {"zh-Hant": "穿越計畫", "en": "Plans"},  # the table's name on the import and batches pages
}
