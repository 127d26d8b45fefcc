"""Messages of issue #11's import-side corrections (SPEC 4.5)."""

MESSAGES: dict[str, dict[str, str]] = {
    "ingest.resolved_before_raised": {
        "zh-Hant": "解決日期早於{raised_column} {raised}；請更正其中一個日期後重新匯入此列。",
        "en": "The resolution date is before {raised_column} {raised}; correct one of the two dates and import "
              "this row again.",
    },
}
