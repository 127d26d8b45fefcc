"""Issue progress recorded in the app (SPEC 9, article 9.3; keys ``store.issue_update.`` and ``ui.progress.``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "store.issue_update.batch_name": {"zh-Hant": "問題進展更新 {issue}", "en": "Progress update {issue}"},
    "store.issue_update.done": {
        "zh-Hant": "已記錄問題 {issue} 的進展（批次 {batch}）。", "en": "Progress on issue {issue} recorded (batch {batch}).",
    },
    "store.issue_update.not_found": {
        "zh-Hant": "在您的權限範圍內找不到問題 {issue}。請確認問題編號。",
        "en": "There is no issue {issue} in your scope. Check the issue ID.",
    },
    "store.issue_update.denied": {
        "zh-Hant": "您可以查看問題 {issue}，但不能更新它：只有其責任部門、所屬公司的牽頭部門或管理員可以記錄進展。",
        "en": "You may read issue {issue} but not update it: only its owner department, its company's lead "
              "department or an administrator records progress.",
    },
    "store.issue_update.bad_status": {
        "zh-Hant": "狀態「{value}」不在詞表中（待處理、處理中、已解決、已關閉）。",
        "en": "Status \"{value}\" is not in the vocabulary (open, in progress, resolved, closed).",
    },
    "store.issue_update.note_too_long": {
        "zh-Hant": "進展說明有 {n} 字，上限為 {limit} 字；請精簡後再送出。",
        "en": "The progress note has {n} characters; the limit is {limit}. Shorten it and send again.",
    },
    "store.issue_update.due_before_raised": {
        "zh-Hant": "計畫完成日期 {due} 早於提出日期 {raised}；請選擇之後的日期。",
        "en": "The due date {due} is before the date raised {raised}; choose a later date.",
    },
    "store.issue_update.nothing": {
        "zh-Hant": "狀態、進展說明與計畫完成日期都沒有變更，未記錄任何內容。",
        "en": "Status, note and due date are unchanged; nothing was recorded.",
    },
    "ui.progress.title": {"zh-Hant": "問題進展", "en": "Issue progress"},
    "ui.progress.intro": {
        "zh-Hant": "輸入問題編號查看其處理歷程；責任部門、所屬公司的牽頭部門或管理員可在此記錄新狀態、進展說明與新的計畫完成日期（條例第9.3條）。",
        "en": "Enter an issue ID to see its history; its owner department, its company's lead department or an "
              "administrator records a new status, a progress note and a revised due date here (article 9.3).",
    },
    "ui.progress.issue_id": {"zh-Hant": "問題編號", "en": "Issue ID"},
    "ui.progress.header": {
        "zh-Hant": "**{issue}** · {owner} {department} · 提出於 {raised} · 目前狀態：{status} · 計畫完成 {due}",
        "en": "**{issue}** · {owner} {department} · raised {raised} · status now: {status} · due {due}",
    },
    "ui.progress.timeline": {"zh-Hant": "處理歷程", "en": "History"},
    "ui.progress.col.when": {"zh-Hant": "時間", "en": "When"},
    "ui.progress.col.who": {"zh-Hant": "記錄人", "en": "By"},
    "ui.progress.col.source": {"zh-Hant": "來源", "en": "From"},
    "ui.progress.col.change": {"zh-Hant": "狀態", "en": "Status"},
    "ui.progress.col.note": {"zh-Hant": "進展說明", "en": "Note"},
    "ui.progress.col.due": {"zh-Hant": "計畫完成日期", "en": "Due on"},
    "ui.progress.source.app": {"zh-Hant": "系統內更新", "en": "In the app"},
    "ui.progress.source.import": {"zh-Hant": "檔案匯入", "en": "File import"},
    "ui.progress.form": {"zh-Hant": "記錄新進展", "en": "Record progress"},
    "ui.progress.status": {"zh-Hant": "新狀態", "en": "New status"},
    "ui.progress.note": {"zh-Hant": "進展說明", "en": "Progress note"},
    "ui.progress.note_help": {
        "zh-Hant": "做了什麼、下一步是什麼；最多 1000 字。", "en": "What was done and what comes next; at most 1000 characters.",
    },
    "ui.progress.due": {"zh-Hant": "計畫完成日期", "en": "Due on"},
    "ui.progress.submit": {"zh-Hant": "送出進展", "en": "Record"},
    "ui.progress.read_only": {
        "zh-Hant": "您可以查看此問題的歷程；記錄進展需由其責任部門、所屬公司的牽頭部門或管理員進行。",
        "en": "You can read this issue's history; progress is recorded by its owner department, its company's lead "
              "department or an administrator.",
    },
    "ui.progress.mine": {"zh-Hant": "本部門負責的未關閉問題", "en": "Open issues your department owns"},
    "ui.progress.mine_none": {
        "zh-Hant": "目前沒有由 {company} {department} 負責的未關閉問題。",
        "en": "No open issue is owned by {company} {department} right now.",
    },
}
