"""Words used across the product: vocabulary terms' labels come from analytics/schema.py, not from here."""

MESSAGES = {
    "ingest.loc.row": {"zh-Hant": "第 {row} 行", "en": "row {row}"},
    "common.db_busy": {
        "zh-Hant": "資料庫正被另一個匯入程序寫入，請稍候幾秒再試。",
        "en": "The database is being written by another import; please try again in a few seconds.",
    },
    "common.bad_time_zone": {
        "zh-Hant": "時區設定 {env}={value} 無法識別：請填 IANA 時區名稱（例如 Asia/Shanghai），或刪除此設定以使用預設的 {default}。",
        "en": "The time zone setting {env}={value} is not recognised: give an IANA zone name (e.g. Asia/Shanghai), "
              "or remove the setting to use the default {default}.",
    },
}
