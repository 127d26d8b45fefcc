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
    # Short rule names (issue #16.4): what labels a row of a heatmap or a table people read; the code and the full
    # wording are in the tooltip on the pages and in the rule table of the briefing.
    "rule.short.HQ-MGR-Y": {"zh-Hant": "總部經理年度 ≥30%", "en": "HQ managers ≥30% a year"},
    "rule.short.HQ-STAFF-Y": {"zh-Hant": "總部員工年度 ≥10%", "en": "HQ staff ≥10% a year"},
    "rule.short.PROV-LEAD-Y": {"zh-Hant": "省公司領導每年一次", "en": "Province leaders yearly"},
    "rule.short.PROV-DEPT-Y": {"zh-Hant": "省公司部門年度 ≥50%", "en": "Province depts ≥50% a year"},
    "rule.short.PROV-RECEPT-M": {"zh-Hant": "省公司每月接待日", "en": "Province reception day"},
    "rule.short.CITY-MGR-Q": {"zh-Hant": "地市經理每季一次", "en": "City managers quarterly"},
    "rule.short.CITY-DEPT-Q": {"zh-Hant": "地市部門每季 ≥50%", "en": "City depts ≥50% a quarter"},
    "rule.short.CITY-RECEPT-M": {"zh-Hant": "地市每月接待日", "en": "City reception day"},
}
