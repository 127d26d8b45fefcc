"""Interface text of contacts, reminders and the upward report to 總部 (issue #15, SPEC 2.7, 9)."""

MESSAGES = {
    "ui.table.contacts": {"zh-Hant": "聯繫人", "en": "Contacts"},  # the table's name on the import and batches pages
    # reminder messages
    "remind.subject": {"zh-Hant": "【流程穿越】提醒 {who}：{what}", "en": "[Walkthrough] Reminder for {who}: {what}"},
    "remind.count.overdue": {"zh-Hant": "逾期問題 {n} 項", "en": "{n} overdue issues", "en.one": "{n} overdue issue"},
    "remind.count.due_soon": {"zh-Hant": "7 天內到期問題 {n} 項", "en": "{n} issues due within 7 days",
                               "en.one": "{n} issue due within 7 days"},
    "remind.count.owed": {"zh-Hant": "尚未穿越 {n} 人次", "en": "{n} people still owing a walkthrough"},
    "remind.count.planned": {"zh-Hant": "告知期限將至的計畫 {n} 項", "en": "{n} planned walks near their notice deadline",
                              "en.one": "{n} planned walk near its notice deadline"},
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
    "remind.err.unknown_company": {
        "zh-Hant": "聯繫人的公司「{company}」不在人員名冊中：請更正聯繫人表的公司名稱後重新匯入",
        "en": "the contact's company '{company}' is on no roster: correct the company in the contacts file and import "
              "it again",
    },
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
    # upward report (SPEC 9.4)
    "report.err.not_province": {"zh-Hant": "{company} 不是省公司：上報總部的報告以省公司為單位。",
                                "en": "{company} is not a province company: reports to 總部 are made per province."},
    "report.err.denied": {"zh-Hant": "只有 {province} 的牽頭部門或管理員可以上報此省的報告。",
                          "en": "Only the lead department of {province} or an administrator may submit its report."},
    "report.err.ranking_denied": {"zh-Hant": "各省上報與排名只供總部與管理員查看。",
                                  "en": "The provinces' reports and ranking are for 總部 and administrators only."},
    "report.cli.written": {"zh-Hant": "已寫入 {path}", "en": "Written: {path}"},
    "report.cli.submitted": {"zh-Hant": "已上報：{province} {period}（資料批次 {batch}）",
                             "en": "Submitted: {province} {period} (data batch {batch})"},
    "report.page.title": {"zh-Hant": "上報總部", "en": "Report to 總部"},
    "report.page.caption": {
        "zh-Hant": "產生 {province} {period} 的上報報告（本簡報 + 固定格式數據表），並標記為已上報。",
        "en": "Make the report of {province} for {period} (this briefing + the fixed-format data sheet) and mark it "
              "submitted.",
    },
    "report.page.submit": {"zh-Hant": "產生並上報總部", "en": "Make and submit to 總部"},
    "report.page.done": {"zh-Hant": "已上報：{province} {period}（資料截至 {at}，資料批次 {batch}）。",
                         "en": "Submitted: {province} {period} (data as of {at}, data batch {batch})."},
    "report.page.download_sheet": {"zh-Hant": "下載上報數據表 (.xlsx)", "en": "Download the data sheet (.xlsx)"},
    "report.page.download_brief": {"zh-Hant": "下載上報簡報 (.docx)", "en": "Download the report briefing (.docx)"},
    "report.page.last": {"zh-Hant": "上次上報：{at}，由 {who}（資料批次 {batch}）。",
                         "en": "Last submitted: {at} by {who} (data batch {batch})."},
    "report.page.not_yet": {"zh-Hant": "本期尚未上報。", "en": "Not yet submitted for this period."},
    "report.hq.title": {"zh-Hant": "各省上報", "en": "Provinces' reports"},
    "report.hq.caption": {
        "zh-Hant": "{period}：{n} 個省公司中已上報 {done} 個。排名依考核達標比例、解決率、逾期問題（少者優先）、"
                   "每百人穿越次數；變化為與上期（{previous}）相比。",
        "en": "{period}: {done} of {n} province companies have submitted. Ranked on share of quota results met, "
              "resolution rate, overdue issues (fewer first) and activities per 100 staff; change against the "
              "previous period ({previous}).",
    },
    "report.hq.empty": {"zh-Hant": "尚無省公司資料。", "en": "No province company on the roster yet."},
    "report.col.rank": {"zh-Hant": "名次", "en": "Rank"},
    "report.col.company": {"zh-Hant": "省公司", "en": "Province"},
    "report.col.submitted": {"zh-Hant": "已上報", "en": "Submitted"},
    "report.col.submitted_at": {"zh-Hant": "上報時間", "en": "Submitted at"},
    "report.col.submitted_by": {"zh-Hant": "上報人", "en": "Submitted by"},
    "report.col.quota_share_met": {"zh-Hant": "考核達標比例", "en": "Quota results met"},
    "report.col.resolution_rate": {"zh-Hant": "解決率", "en": "Resolution rate"},
    "report.col.issues_overdue": {"zh-Hant": "逾期問題", "en": "Overdue issues"},
    "report.col.activities_per_100_staff": {"zh-Hant": "每百人穿越次數", "en": "Activities per 100 staff"},
    "report.col.change": {"zh-Hant": "{figure}變化", "en": "{figure} change"},
    "report.yes": {"zh-Hant": "是", "en": "Yes"},
    "report.no": {"zh-Hant": "否", "en": "No"},
}
