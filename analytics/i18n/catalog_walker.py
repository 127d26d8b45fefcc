"""Interface text of the walker view (SPEC 9, article 9.1; keys ``ui.walker.``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.nav.walker": {"zh-Hant": "個人穿越", "en": "Walker view"},
    "ui.walker.title": {"zh-Hant": "個人穿越檢視", "en": "A walker's own view"},
    "ui.walker.intro": {
        "zh-Hant": "輸入工號或姓名，查看此人今年的穿越記錄、每條配額規則下的達標情況，以及其提出問題的處理進度（條例第9.1條）。"
                   "網址會保留所選的人，可直接分享。",
        "en": "Enter an employee ID or a name to see the person's walks this year, their standing in every quota "
              "rule that covers them, and the progress of the issues they raised (article 9.1). The address keeps "
              "the person, so the link can be shared.",
    },
    "ui.walker.no_data": {
        "zh-Hant": "還沒有人員名冊與穿越記錄。", "en": "There is no roster or walkthrough log yet.",
    },
    "ui.walker.search": {"zh-Hant": "工號或姓名", "en": "Employee ID or name"},
    "ui.walker.search_help": {
        "zh-Hant": "完整工號，或姓名的一部分；只會找到您權限範圍內的人員。",
        "en": "A full employee ID, or part of a name; only people inside your scope are found.",
    },
    "ui.walker.pick": {"zh-Hant": "符合的人員", "en": "Matching people"},
    "ui.walker.pick_option": {"zh-Hant": "{employee_id} · {name} · {company} {department}",
                              "en": "{employee_id} · {name} · {company} {department}"},
    "ui.walker.more_matches": {
        "zh-Hant": "只列出前 {n} 位符合者；請輸入更完整的姓名或工號。",
        "en": "Only the first {n} matches are listed; type more of the name or the full employee ID.",
    },
    "ui.walker.not_found": {
        "zh-Hant": "在您的權限範圍內找不到「{text}」。請確認工號或姓名，或在側邊欄選擇其他公司範圍。",
        "en": "Nobody matching \"{text}\" in your scope. Check the employee ID or name, or choose another company "
              "scope in the sidebar.",
    },
    "ui.walker.prompt": {
        "zh-Hant": "請在上方輸入工號或姓名。", "en": "Type an employee ID or a name above.",
    },
    "ui.walker.person": {
        "zh-Hant": "**{name}**（{employee_id}）· {company} · {department} · {rank} — 名冊 {effective_date}，統計至 {as_of}",
        "en": "**{name}** ({employee_id}) · {company} · {department} · {rank} — roster of {effective_date}, "
              "figures as of {as_of}",
    },
    "ui.walker.walks": {"zh-Hant": "{year} 年穿越次數", "en": "Walks in {year}"},
    "ui.walker.hours": {"zh-Hant": "穿越時長", "en": "Hours walked"},
    "ui.walker.hours_value": {"zh-Hant": "{hours} 小時", "en": "{hours} h"},
    "ui.walker.owed": {"zh-Hant": "尚欠的配額", "en": "Quotas still owed"},
    "ui.walker.owed_help": {
        "zh-Hant": "仍在進行的期間內，所屬單位尚未達標而本人尚未參與的配額規則數。",
        "en": "Quota rules in periods still open where the unit has not met the target and the person has not "
              "walked yet.",
    },
    "ui.walker.issues": {"zh-Hant": "提出的問題", "en": "Issues raised"},
    "ui.walker.open_overdue": {"zh-Hant": "未關閉 / 逾期", "en": "Open / overdue"},
    "ui.walker.standing_title": {"zh-Hant": "配額達標情況", "en": "Quota standing"},
    "ui.walker.standing_caption": {
        "zh-Hant": "本人所屬的每條配額規則與期間（至 {as_of} 已開始的期間）：本人是否已參與，以及所屬單位的結果。"
                   "客戶接待日規則每月只需一名領導參加，單位已達標時本人不再欠。",
        "en": "Every quota rule and period (started by {as_of}) whose population holds the person: whether the "
              "person has walked, and the unit's result. A customer reception day rule needs one leader a month: "
              "once the unit has met it, the person owes nothing more.",
    },
    "ui.walker.standing_none": {
        "zh-Hant": "此人不屬於 {year} 年任何配額規則的考核人群（職級、部門類別或層級不在規則範圍內）。",
        "en": "The person belongs to no quota rule's population in {year} (rank, department type or level not "
              "covered).",
    },
    "ui.walker.col.rule": {"zh-Hant": "配額規則", "en": "Quota rule"},
    "ui.walker.col.period": {"zh-Hant": "期間", "en": "Period"},
    "ui.walker.col.unit": {"zh-Hant": "考核單位", "en": "Unit"},
    "ui.walker.col.mine": {"zh-Hant": "本人", "en": "This person"},
    "ui.walker.col.unit_status": {"zh-Hant": "單位結果", "en": "Unit result"},
    "ui.walker.col.unit_value": {"zh-Hant": "單位數值", "en": "Unit figure"},
    "ui.walker.col.target_unit": {"zh-Hant": "被穿越單位", "en": "Unit walked"},
    "ui.walker.col.days": {"zh-Hant": "處理天數", "en": "Days"},
    "ui.walker.col.state": {"zh-Hant": "處理情況", "en": "State"},
    "ui.walker.mine.counted": {"zh-Hant": "已參與", "en": "Walked"},
    "ui.walker.mine.qualified": {"zh-Hant": "已參加（合格）", "en": "Took part (qualifies)"},
    "ui.walker.mine.owed": {"zh-Hant": "尚未參與", "en": "Not yet"},
    "ui.walker.mine.missed": {"zh-Hant": "未參與", "en": "Did not walk"},
    "ui.walker.mine.not_needed": {"zh-Hant": "未參與（單位已達標）", "en": "Not needed (unit met)"},
    "ui.walker.share_value": {"zh-Hant": "{participants}/{population} 人（{pct}）",
                              "en": "{participants}/{population} people ({pct})"},
    "ui.walker.count_value": {"zh-Hant": "{n} 人合格（目標 {target}）", "en": "{n} qualifying (target {target})"},
    "ui.walker.walks_title": {"zh-Hant": "穿越記錄", "en": "Walks"},
    "ui.walker.walks_none": {
        "zh-Hant": "{year} 年至 {as_of} 沒有此人的穿越記錄。", "en": "No walk of this person in {year} up to {as_of}.",
    },
    "ui.walker.issues_title": {"zh-Hant": "提出的問題與進度", "en": "Issues raised and their progress"},
    "ui.walker.issues_none": {
        "zh-Hant": "至 {as_of}，此人沒有提出（在您權限範圍內的）問題或建議。",
        "en": "Up to {as_of} the person raised no issue or suggestion (inside your scope).",
    },
    "ui.walker.state.closed": {"zh-Hant": "已關閉", "en": "Closed"},
    "ui.walker.state.overdue": {"zh-Hant": "逾期", "en": "Overdue"},
    "ui.walker.state.open": {"zh-Hant": "處理中", "en": "Open"},
    "ui.walker.download": {"zh-Hant": "下載此人的明細（Excel）", "en": "Download this person's lists (Excel)"},
    "ui.walker.sheet.standing": {"zh-Hant": "配額", "en": "Quotas"},
    "ui.walker.sheet.walks": {"zh-Hant": "穿越記錄", "en": "Walks"},
    "ui.walker.sheet.issues": {"zh-Hant": "問題", "en": "Issues"},
}
