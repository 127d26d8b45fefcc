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
    "status.met": {"zh-Hant": "達標", "en": "Met"},
    "status.in_progress": {"zh-Hant": "進行中", "en": "In progress"},
    "status.on_track": {"zh-Hant": "進度正常", "en": "On track"},
    "status.at_risk": {"zh-Hant": "有風險", "en": "At risk"},
    "status.not_started": {"zh-Hant": "未開始", "en": "Not started"},
    "status.missed": {"zh-Hant": "未達標", "en": "Missed"},
    "status.n/a": {"zh-Hant": "不適用", "en": "n/a"},
    "rule.name.HQ-MGR-Y": {"zh-Hant": "總部各部門三級經理及以上，年度參與 ≥ 30%",
                         "en": "HQ departments: level-3 managers and above, ≥ 30% a year"},
    "rule.name.HQ-STAFF-Y": {"zh-Hant": "總部各部門員工，年度參與 ≥ 10%", "en": "HQ departments: staff, ≥ 10% a year"},
    "rule.name.PROV-LEAD-Y": {"zh-Hant": "省公司部門領導及以上，每人每年至少一次",
                            "en": "Province: department leaders and above, each at least once a year"},
    "rule.name.PROV-DEPT-Y": {"zh-Hant": "省公司主要業務及支撐部門，年度參與 ≥ 50%",
                            "en": "Province: main business and support departments, ≥ 50% a year"},
    "rule.name.PROV-RECEPT-M": {"zh-Hant": "省公司每月至少一名部門領導以上參加半天客戶接待日",
                              "en": "Province: at least one leader a month at a half-day customer reception day"},
    "rule.name.CITY-MGR-Q": {"zh-Hant": "地市公司部門經理及以上，每人每季至少一次",
                           "en": "City: department managers and above, each at least once a quarter"},
    "rule.name.CITY-DEPT-Q": {"zh-Hant": "地市公司主要業務及支撐部門，每季參與 ≥ 50%",
                            "en": "City: main business and support departments, ≥ 50% a quarter"},
    "rule.name.CITY-RECEPT-M": {"zh-Hant": "地市公司每月至少一名公司領導參加半天客戶接待日",
                              "en": "City: at least one company leader a month at a half-day customer reception day"},
}
