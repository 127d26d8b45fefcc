"""Words used across the product: vocabulary terms' labels come from analytics/schema.py, not from here."""

MESSAGES = {
    "ingest.loc.row": {"zh-Hant": "第 {row} 行", "en": "row {row}"},
    "common.db_busy": {
        "zh-Hant": "資料庫正被另一個匯入程序寫入，請稍候幾秒再試。",
        "en": "The database is being written by another import; please try again in a few seconds.",
    },
}
