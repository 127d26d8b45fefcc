"""Messages of issue #11's import-side corrections (SPEC 4.5)."""

MESSAGES: dict[str, dict[str, str]] = {
    "ingest.resolved_before_raised": {
        "zh-Hant": "解決日期早於{raised_column} {raised}；請更正其中一個日期後重新匯入此列。",
        "en": "The resolution date is before {raised_column} {raised}; correct one of the two dates and import "
              "this row again.",
    },
    # item 7: a file that corrects an earlier import
    "store.summary.replaced": {
        "zh-Hant": "更正批次 {batch}：該批次已回滾，本檔案取代其資料（同一交易完成）。",
        "en": "Corrects batch {batch}: that batch was rolled back and this file replaces its rows (one transaction).",
    },
    "store.replaces_refused": {
        "zh-Hant": "此檔案要更正批次 {batch}，但該批次無法回滾：{reason} 資料庫未作任何變更。",
        "en": "This file is to correct batch {batch}, but that batch cannot be rolled back: {reason} Nothing was "
              "changed.",
    },
    "cli.import.replaces_one_file": {
        "zh-Hant": "--replaces 只能搭配一個檔案：一個更正檔取代一個較早的批次。",
        "en": "--replaces takes exactly one file: one corrected file replaces one earlier batch.",
    },
    "ui.batches.col.replaces": {"zh-Hant": "更正", "en": "Corrects"},
    "ui.batches.replaces_cell": {"zh-Hant": "取代批次 {batch}", "en": "replaces batch {batch}"},
    "ui.import.replaces_toggle": {
        "zh-Hant": "此檔案更正先前的一次匯入", "en": "This file corrects an earlier import",
    },
    "ui.import.replaces_help": {
        "zh-Hant": "選擇要更正的批次：匯入時該批次會先回滾，再匯入此檔案，兩者在同一交易中完成；沒有穿越編號的資料列不會重複計算。",
        "en": "Choose the batch to correct: it is rolled back and this file imported in one transaction, so rows "
              "without a 穿越編號 are not counted twice.",
    },
    "ui.import.replaces_pick": {"zh-Hant": "要更正的批次", "en": "Batch to correct"},
    "ui.import.replaces_option": {
        "zh-Hant": "批次 {batch} · {file} · {when}", "en": "batch {batch} · {file} · {when}",
    },
    "ui.import.replaces_one_file": {
        "zh-Hant": "更正先前的匯入時，一次只能上傳一個檔案。", "en": "To correct an earlier import, upload exactly one file.",
    },
    "ui.import.replaces_none": {
        "zh-Hant": "目前沒有您可以更正的有效批次。", "en": "There is no active batch that you may correct.",
    },
}
