"""Messages of the demo loader and ``python -m analytics demo``."""

MESSAGES = {
    "demo.refuse_nonempty": {
        "zh-Hant": "資料庫 {path} 已有資料，示範資料不會覆蓋它。請用 --db 指定新的資料庫檔案，或加上 --force 清空後重建。",
        "en": "The database {path} already holds data; the demo will not overwrite it. Use --db with a new file, "
              "or add --force to wipe it and rebuild.",
    },
    "demo.done": {
        "zh-Hant": "示範資料已載入 {db}（{seconds:.1f} 秒）。",
        "en": "Demo data loaded into {db} ({seconds:.1f} s).",
    },
    "demo.files": {
        "zh-Hant": "檔案：{files} 個（{out}），其中 {partial} 個有被拒絕的行，共 {rejected} 行被拒絕、{warnings} 條提示。",
        "en": "Files: {files} ({out}); {partial} with rejected rows, {rejected} rows rejected, {warnings} warnings.",
    },
    "demo.companies": {
        "zh-Hant": "公司：總部 {hq} 家、省公司 {provinces} 家、地市公司 {cities} 家；名冊人員 {staff} 人。",
        "en": "Companies: {hq} HQ, {provinces} province, {cities} city; {staff} staff on the roster.",
    },
    "demo.walks": {
        "zh-Hant": "穿越記錄：{rows} 人次、{activities} 次活動；問題：{issues} 條，未關閉 {open} 條。",
        "en": "Walkthroughs: {rows} person-times in {activities} activities; issues: {issues}, {open} still open.",
    },
    "demo.quotas": {
        "zh-Hant": "2026 年指標結果（截至 {as_of}）：達標 {met}、進行中 {in_progress}、未達標 {missed}、不適用 {na}。",
        "en": "2026 quota results (as of {as_of}): {met} met, {in_progress} in progress, {missed} missed, {na} n/a.",
    },
}
