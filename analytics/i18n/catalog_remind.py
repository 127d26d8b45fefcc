"""Interface text of contacts, reminders and the upward report to 總部 (issue #15, SPEC 2.7, 9)."""

MESSAGES = {
    # reminder messages
    "remind.subject": {"zh-Hant": "【流程穿越】提醒 {who}：{what}", "en": "[Walkthrough] Reminder for {who}: {what}"},
    "remind.count.overdue": {"zh-Hant": "逾期問題 {n} 項", "en": "{n} overdue issues"},
    "remind.count.due_soon": {"zh-Hant": "7 天內到期問題 {n} 項", "en": "{n} issues due within 7 days"},
    "remind.count.owed": {"zh-Hant": "尚未穿越 {n} 人次", "en": "{n} people still owing a walkthrough"},
    "remind.count.planned": {"zh-Hant": "告知期限將至的計畫 {n} 項", "en": "{n} planned walks near their notice deadline"},
    "remind.greeting": {"zh-Hant": "{name} 您好：", "en": "Dear {name},"},
    "remind.intro_dept": {
        "zh-Hant": "截至 {as_of}，貴部門負責的以下問題已逾期或將於 7 天內到期，請盡快處理並更新進展。",
        "en": "As of {as_of}, the issues below owned by your department are overdue or due within 7 days; "
              "please act on them and update their progress.",
    },
    "remind.intro_lead": {
        "zh-Hant": "截至 {as_of}，貴公司以下人員在進行中的考核期內尚未完成流程穿越；另列出告知期限將至的穿越計畫。",
        "en": "As of {as_of}, the people below have not yet done a walkthrough in a quota period that is still open; "
              "planned walks near their notice deadline are listed too.",
    },
    "remind.footer": {
        "zh-Hant": "本郵件由流程穿越 analytics 自動發送；明細見附件 Excel。內容未變時不會重複發送。",
        "en": "Sent automatically by 流程穿越 analytics; the attached Excel file holds the lists. "
              "The same content is never sent twice.",
    },
    "remind.section.overdue": {"zh-Hant": "逾期問題", "en": "Overdue issues"},
    "remind.section.due_soon": {"zh-Hant": "7 天內到期的問題", "en": "Issues due within 7 days"},
    "remind.section.owed": {"zh-Hant": "尚未穿越的人員", "en": "People who still owe a walkthrough"},
    "remind.section.planned": {"zh-Hant": "告知期限將至的穿越計畫", "en": "Planned walks near their notice deadline"},
    "remind.sheet.overdue": {"zh-Hant": "逾期問題", "en": "Overdue"},
    "remind.sheet.due_soon": {"zh-Hant": "即將到期", "en": "Due soon"},
    "remind.sheet.owed": {"zh-Hant": "尚未穿越", "en": "Owed"},
    "remind.sheet.planned": {"zh-Hant": "穿越計畫", "en": "Planned walks"},
    "remind.col.issue_id": {"zh-Hant": "問題編號", "en": "Issue ID"},
    "remind.col.due_on": {"zh-Hant": "計畫完成日期", "en": "Due on"},
    "remind.col.days_left": {"zh-Hant": "剩餘天數", "en": "Days left"},
    "remind.col.status": {"zh-Hant": "狀態", "en": "Status"},
    "remind.col.category": {"zh-Hant": "問題類別", "en": "Category"},
    "remind.col.owner_department": {"zh-Hant": "責任部門", "en": "Owner department"},
    "remind.col.description": {"zh-Hant": "問題描述", "en": "Description"},
    "remind.col.progress": {"zh-Hant": "最新進展", "en": "Progress"},
    "remind.col.rule": {"zh-Hant": "考核規則", "en": "Rule"},
    "remind.col.period": {"zh-Hant": "期間", "en": "Period"},
    "remind.col.period_end": {"zh-Hant": "期間截止", "en": "Period ends"},
    "remind.col.employee_id": {"zh-Hant": "工號", "en": "Employee ID"},
    "remind.col.name": {"zh-Hant": "姓名", "en": "Name"},
    "remind.col.department": {"zh-Hant": "部門", "en": "Department"},
    "remind.col.rank": {"zh-Hant": "職級", "en": "Rank"},
    "remind.col.planned_on": {"zh-Hant": "計畫日期", "en": "Planned on"},
    "remind.col.notice_deadline": {"zh-Hant": "告知期限", "en": "Notice deadline"},
    "remind.col.target_unit": {"zh-Hant": "被穿越單位", "en": "Target unit"},
    # command line
    "remind.cli.summary": {
        "zh-Hant": "提醒執行 #{run}：{messages} 封郵件，已發送（或寫出）{sent}，內容相同略過 {skipped}，失敗 {failed}",
        "en": "Reminder run #{run}: {messages} messages, {sent} sent (or written), {skipped} skipped as already "
              "sent, {failed} failed",
    },
    "remind.cli.failure": {"zh-Hant": "  失敗 {email}：{reason}", "en": "  failed {email}: {reason}"},
    # 系統管理
    "remind.admin.title": {"zh-Hant": "提醒郵件", "en": "Reminders"},
    "remind.admin.caption": {
        "zh-Hant": "最近的提醒執行（python -m analytics remind）：何時、由誰、截至日期與發送結果。",
        "en": "The last reminder runs (python -m analytics remind): when, by whom, as of which date, and outcome.",
    },
    "remind.admin.empty": {"zh-Hant": "尚未執行過提醒。", "en": "No reminder run yet."},
    "remind.admin.col.started_at": {"zh-Hant": "開始時間", "en": "Started"},
    "remind.admin.col.finished_at": {"zh-Hant": "結束時間", "en": "Finished"},
    "remind.admin.col.run_by": {"zh-Hant": "執行者", "en": "Run by"},
    "remind.admin.col.as_of": {"zh-Hant": "截至日期", "en": "As of"},
    "remind.admin.col.mode": {"zh-Hant": "方式", "en": "Mode"},
    "remind.admin.col.messages": {"zh-Hant": "郵件數", "en": "Messages"},
    "remind.admin.col.sent": {"zh-Hant": "已發送", "en": "Sent"},
    "remind.admin.col.skipped": {"zh-Hant": "略過（已發送過）", "en": "Skipped (already sent)"},
    "remind.admin.col.failed": {"zh-Hant": "失敗", "en": "Failed"},
    "remind.admin.col.failures": {"zh-Hant": "失敗原因", "en": "Failures"},
    "remind.admin.mode.out": {"zh-Hant": "試行（寫出 .eml）", "en": "Dry run (.eml files)"},
    "remind.admin.mode.send": {"zh-Hant": "SMTP 發送", "en": "SMTP delivery"},
    "remind.admin.unfinished": {"zh-Hant": "未完成", "en": "not finished"},
}
