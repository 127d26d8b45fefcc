"""Interface text of the walker's documents (issue #14 item 4, SPEC 4.6, articles 8.1-8.3): the 穿越任務書 (.docx),
the 穿越總結表 (.xlsx), their commands and the download box on the 計畫 page."""

MESSAGES: dict[str, dict[str, str]] = {
    # errors (analytics.documents.plans, the commands)
    "docs.err.unknown_plan": {
        "zh-Hant": "找不到計畫編號「{plan_id}」：請核對編號，或先在「資料匯入」上傳含此計畫的「穿越計畫」工作表。",
        "en": "There is no plan \"{plan_id}\": check the ID, or first upload the 穿越計畫 (plans) sheet holding it.",
    },
    "docs.err.out_of_scope": {
        "zh-Hant": "計畫「{plan_id}」屬於{company}，不在您可查看的範圍（{scope}）內，無法產生其文件。",
        "en": "Plan \"{plan_id}\" belongs to {company}, outside the scope you may see ({scope}): no documents for it.",
    },
    "docs.err.company_plan": {
        "zh-Hant": "計畫「{plan_id}」是{kind}：穿越任務書與穿越總結表只為個人計畫產生（填工號與計畫日期的行）。",
        "en": "Plan \"{plan_id}\" is a company plan ({kind}): task books and summary forms are made for individual "
              "plans (rows with an employee ID and a planned date).",
    },
    "docs.err.no_person_plans": {
        "zh-Hant": "工號 {employee_id} 在 {month} 沒有個人計畫：請核對工號與月份（YYYY-MM）。",
        "en": "Employee {employee_id} has no individual plan in {month}: check the ID and the month (YYYY-MM).",
    },
    "docs.err.person_out_of_scope": {
        "zh-Hant": "工號 {employee_id} 在 {month} 的計畫不在您可查看的範圍（{scope}）內。",
        "en": "The plans of employee {employee_id} in {month} are outside the scope you may see ({scope}).",
    },
    "docs.err.month": {
        "zh-Hant": "無法識別的月份「{value}」：請填 YYYY-MM，例如 2026-10。",
        "en": "Unrecognised month \"{value}\": write YYYY-MM, e.g. 2026-10.",
    },
    "docs.err.args": {
        "zh-Hant": "請指定 --plan 計畫編號，或同時指定 --person 工號 與 --month YYYY-MM。",
        "en": "Give --plan PLAN_ID, or both --person EMPLOYEE_ID and --month YYYY-MM.",
    },
    "docs.cli.written": {
        "zh-Hant": "已寫入 {path}（{n} 個計畫）",
        "en": "Wrote {path} ({n} plan(s))",
    },
    # the task book (.docx)
    "docs.tb.title": {"zh-Hant": "穿越任務書", "en": "Walkthrough task book"},
    "docs.tb.subtitle": {
        "zh-Hant": "計畫編號 {plan_id} · 依流程穿越工作第八條編製 · 產生於 {date}",
        "en": "Plan {plan_id} · prepared under article 8 of the walkthrough rules · made on {date}",
    },
    "docs.tb.page": {"zh-Hant": "第 {page} 頁", "en": "Page {page}"},
    "docs.tb.plan": {"zh-Hant": "穿越安排", "en": "The walk"},
    "docs.tb.notice": {"zh-Hant": "告知被穿越單位", "en": "Notice to the target unit"},
    "docs.tb.notice_needed": {
        "zh-Hant": "本次穿越需要被穿越單位提前準備或現場支持：請於 {deadline} 前（穿越前至少 {days} 天）告知{unit}，"
                   "並將告知日期填入穿越總結表（第八條第二款）。",
        "en": "This walk needs the target unit to prepare or support it: notify {unit} by {deadline} (at least "
              "{days} days before the walk) and write the date you did so on the summary form (article 8.2).",
    },
    "docs.tb.notice_late": {
        "zh-Hant": "⚠ 產生本任務書時告知截止日（{deadline}）已過：請立即告知被穿越單位，或與其協商改期。",
        "en": "⚠ The notice deadline ({deadline}) had passed when this task book was made: notify the target unit "
              "at once, or agree a new date with it.",
    },
    "docs.tb.notice_none": {
        "zh-Hant": "本次穿越不需被穿越單位提前準備或現場支持：無需告知，自行獨立完成（第八條第二款）。",
        "en": "This walk needs no preparation or support from the target unit: no notice is needed; carry it out "
              "on your own (article 8.2).",
    },
    "docs.tb.unit_unknown": {"zh-Hant": "被穿越單位（計畫未指定，請向牽頭部門確認）",
                             "en": "the target unit (the plan names none: ask the lead department)"},
    "docs.tb.checklist": {"zh-Hant": "穿越要點", "en": "What to look at"},
    "docs.tb.checklist_caption": {
        "zh-Hant": "依穿越項目「{item}」整理；現場逐項記錄所見所聞。",
        "en": "For the item \"{item}\"; note on the spot what you see and hear for each point.",
    },
    "docs.tb.checklist_general": {
        "zh-Hant": "計畫未指定穿越項目：以下為通用要點；現場逐項記錄所見所聞。",
        "en": "The plan names no item: these are the general points; note on the spot what you see and hear.",
    },
    "docs.tb.record": {"zh-Hant": "穿越記錄", "en": "Record of the walk"},
    "docs.tb.record.date": {"zh-Hant": "實際穿越日期", "en": "Date walked"},
    "docs.tb.record.hours": {"zh-Hant": "時長（小時）", "en": "Hours"},
    "docs.tb.record.notified": {"zh-Hant": "告知被穿越單位日期", "en": "Target unit notified on"},
    "docs.tb.record.people": {"zh-Hant": "交流的一線員工 / 部門", "en": "Front-line staff / departments met"},
    "docs.tb.issues": {"zh-Hant": "發現的問題與意見建議", "en": "Issues and suggestions found"},
    "docs.tb.issues.no": {"zh-Hant": "序號", "en": "No."},
    "docs.tb.issues.kind": {"zh-Hant": "問題 / 建議", "en": "Issue / suggestion"},
    "docs.tb.issues.text": {"zh-Hant": "描述", "en": "Description"},
    "docs.tb.issues.owner": {"zh-Hant": "建議責任單位 / 部門", "en": "Suggested owner"},
    "docs.tb.notes": {"zh-Hant": "備註", "en": "Notes"},
    "docs.tb.after": {
        "zh-Hant": "穿越後請及時填寫穿越總結表（{form}），一周內交本公司流程穿越牽頭部門，並將穿越記錄與總結表複印一份"
                   "交被穿越單位留存（第八條第三、四款，第九條第一款）。",
        "en": "After the walk, fill in the summary form ({form}) promptly, hand it to your company's lead "
              "department within a week, and give the target unit a copy of your record and the form (articles "
              "8.3, 8.4 and 9.1).",
    },
    "docs.f.plan_id": {"zh-Hant": "計畫編號", "en": "Plan ID"},
    "docs.f.walker": {"zh-Hant": "穿越人", "en": "Walker"},
    "docs.f.company": {"zh-Hant": "公司 / 部門", "en": "Company / department"},
    "docs.f.planned_on": {"zh-Hant": "計畫日期", "en": "Planned date"},
    "docs.f.target_unit": {"zh-Hant": "被穿越單位（地點）", "en": "Target unit (where)"},
    "docs.f.category": {"zh-Hant": "穿越類別", "en": "Category"},
    "docs.f.item": {"zh-Hant": "穿越項目", "en": "Item"},
    "docs.f.theme": {"zh-Hant": "穿越主題", "en": "Theme"},
    "docs.f.mode": {"zh-Hant": "組織方式", "en": "Mode"},
    "docs.f.needs_support": {"zh-Hant": "需被穿越單位支持", "en": "Needs the target unit's support"},
    "docs.f.notice_deadline": {"zh-Hant": "告知截止日", "en": "Notice deadline"},
    "docs.f.notify": {"zh-Hant": "應告知單位", "en": "Unit to notify"},
    "docs.f.filed_on": {"zh-Hant": "報備日期", "en": "Filed on"},
    "docs.v.yes": {"zh-Hant": "是", "en": "Yes"},
    "docs.v.no": {"zh-Hant": "否", "en": "No"},
    "docs.v.not_on_roster": {"zh-Hant": "（不在名冊）", "en": "(not on the roster)"},
    "docs.v.no_notice": {"zh-Hant": "不需告知", "en": "No notice needed"},
    "docs.v.unnamed": {"zh-Hant": "未指定", "en": "Not given"},
    # the summary form (.xlsx)
    "docs.sf.sheet.walk": {"zh-Hant": "穿越總結", "en": "Summary"},
    "docs.sf.sheet.issues": {"zh-Hant": "問題建議", "en": "Issues"},
    "docs.sf.title": {"zh-Hant": "穿越總結表", "en": "Walkthrough summary form"},
    "docs.sf.walk_help": {
        "zh-Hant": "請在下表填寫實際穿越日期（必填）、時長、告知日期、總結提交日期、記錄已交被穿越單位與問題建議數；"
                   "其他欄已按計畫預填，有變更時直接修改。填好後在「資料匯入」上傳本檔（或 python -m analytics import），"
                   "即成為穿越記錄與問題；請勿修改表頭。",
        "en": "Fill in the date you walked (required), hours, the notice date, the date you hand in this form, "
              "whether the target unit got a copy, and the number of issues; the other cells come from the plan: "
              "correct them if something changed. Then upload this file on the import page (or python -m analytics "
              "import): it becomes walkthrough rows and issues. Do not change the header row.",
    },
    "docs.sf.issue_help": {
        "zh-Hant": "每條問題或建議填一行。必填：問題編號（建議 {example} 起依序編號，不可重複）、提出日期、問題描述、狀態"
                   "（新問題填 待處理）。穿越編號請填 {activity_id}、提出人工號填 {employee_id}，問題才會連到這次穿越。"
                   "空白行不會匯入。",
        "en": "One row per issue or suggestion. Required: an issue ID (e.g. {example} and on, never repeated), the "
              "date raised, a description and a status (待處理 for a new issue). Write {activity_id} as 穿越編號 and "
              "{employee_id} as 提出人工號 so the issue links to this walk. Blank rows are not imported.",
    },
    # the 計畫 page: the download box
    "ui.plans.docs_title": {"zh-Hant": "穿越任務書與總結表", "en": "Task books and summary forms"},
    "ui.plans.docs_caption": {
        "zh-Hant": "為個人計畫產生穿越任務書（Word）與預填的穿越總結表（Excel）。總結表填好後在「資料匯入」上傳，"
                   "即成為穿越記錄與問題，計畫也會顯示為已完成。",
        "en": "Make the task book (Word) and a pre-filled summary form (Excel) of an individual plan. Uploaded on the "
              "import page once filled in, the form becomes walkthrough rows and issues, and the plan shows as done.",
    },
    "ui.plans.docs_by": {"zh-Hant": "產生範圍", "en": "For"},
    "ui.plans.docs_by.plan": {"zh-Hant": "單一計畫", "en": "One plan"},
    "ui.plans.docs_by.person": {"zh-Hant": "某人某月的全部計畫", "en": "A person's plans of a month"},
    "ui.plans.docs_plan": {"zh-Hant": "計畫", "en": "Plan"},
    "ui.plans.docs_plan_help": {
        "zh-Hant": "列出本年度可查看範圍內、計畫日期最近的個人計畫；其他計畫請輸入計畫編號。",
        "en": "The individual plans of the year in your scope, nearest planned date first; type an ID for others.",
    },
    "ui.plans.docs_plan_id": {"zh-Hant": "或輸入計畫編號", "en": "Or type a plan ID"},
    "ui.plans.docs_person": {"zh-Hant": "工號", "en": "Employee ID"},
    "ui.plans.docs_month": {"zh-Hant": "月份", "en": "Month"},
    "ui.plans.docs_taskbook": {"zh-Hant": "下載穿越任務書（.docx）", "en": "Download the task book (.docx)"},
    "ui.plans.docs_form": {"zh-Hant": "下載穿越總結表（.xlsx）", "en": "Download the summary form (.xlsx)"},
    "ui.plans.docs_ready": {"zh-Hant": "{n} 個計畫：{plans}", "en": "{n} plan(s): {plans}"},
    "ui.plans.docs_none": {
        "zh-Hant": "{year} 年在您的範圍內沒有個人計畫：上傳填了工號與計畫日期的「穿越計畫」行後即可產生文件。",
        "en": "No individual plans in {year} in your scope: upload 穿越計畫 rows with an employee ID and a planned "
              "date to make documents.",
    },
}
