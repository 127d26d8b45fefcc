"""Interface text of plans (issue #14, SPEC 2.6, 4.6): the importer's plan rules, the 計畫 page, the CLI."""

MESSAGES: dict[str, dict[str, str]] = {
    # importer (SPEC 2.6)
    "plans.err.deadline": {
        "zh-Hant": "無法識別的報備截止日「{value}」：請填 月-日，例如 01-31。",
        "en": "Unrecognised filing deadline \"{value}\": write month-day, e.g. 01-31.",
    },
    "ui.table.plans": {"zh-Hant": "穿越計畫", "en": "Plans"},  # the table's name on the import and batches pages
}

MESSAGES.update({
    "ui.period.half_fmt.1": {"zh-Hant": "{year}年上半年", "en": "{year} H1"},
    "ui.period.half_fmt.2": {"zh-Hant": "{year}年下半年", "en": "{year} H2"},
    # the 計畫 page (SPEC 4.6)
    "ui.nav.plans": {"zh-Hant": "計畫", "en": "Plans"},
    "ui.plans.title": {"zh-Hant": "穿越計畫", "en": "Walkthrough plans"},
    "ui.plans.intro": {
        "zh-Hant": "各公司的年度/階段計畫是否已報總部備案（條例第7條）、計畫與實際完成、未來 {days} 天的計畫穿越及"
                   "告知被穿越單位的截止日（第8.1–8.2條），以及逾期未完成的個人計畫。數字截至 {as_of}。",
        "en": "Whether each company filed its annual or phase plan with 總部 (article 7), plan against actual, the "
              "planned walks of the next {days} days with the date by which the target unit must be notified "
              "(articles 8.1–8.2), and overdue individual plans. Figures as of {as_of}.",
    },
    "ui.plans.no_plans": {
        "zh-Hant": "還沒有穿越計畫。請在「資料匯入」上傳含「穿越計畫」工作表的檔案（範本中有此工作表）：年度計畫、階段計畫"
                   "填計畫期間與計畫次數，個人計畫填工號與計畫日期。",
        "en": "There are no plans yet. Upload a file with a 穿越計畫 (plans) sheet on the import page (the template "
              "has one): annual and phase plans give a period and a planned count, individual plans an employee ID "
              "and a planned date.",
    },
    "ui.plans.settings": {"zh-Hant": "設定", "en": "Settings"},
    "ui.plans.deadline": {"zh-Hant": "年度計畫報備截止日（月-日）", "en": "Filing deadline of the annual plan (month-day)"},
    "ui.plans.deadline_help": {
        "zh-Hant": "在此日期之後才報備（或階段計畫在此之後才涵蓋全年）為「逾期報備」。預設 01-31。",
        "en": "A plan filed after this day (or phase plans completing the year after it) is late. Default 01-31.",
    },
    "ui.plans.window": {"zh-Hant": "計畫日期前後容許天數", "en": "Days either side of the planned date"},
    "ui.plans.window_help": {
        "zh-Hant": "同一工號在計畫日期前後這些天內有穿越記錄（計畫指定類別/項目時須相同），計畫即算完成。預設 7。",
        "en": "A walk by the same person within this many days of the planned date (of the plan's category and item "
              "when it names them) carries out the plan. Default 7.",
    },
    "ui.plans.m.filed": {"zh-Hant": "已按時報備", "en": "Filed on time"},
    "ui.plans.m.overdue": {"zh-Hant": "逾期個人計畫", "en": "Overdue individual plans"},
    "ui.plans.m.overdue_help": {
        "zh-Hant": "計畫日期加容許天數已過、仍無對應穿越的個人計畫。今年另有已完成 {done} 項、待執行 {upcoming} 項。",
        "en": "Individual plans whose date plus the window has passed with no matching walk. This year also {done} "
              "done and {upcoming} upcoming.",
    },
    "ui.plans.m.unplanned": {"zh-Hant": "無計畫的穿越", "en": "Walks without a plan"},
    "ui.plans.m.unplanned_help": {
        "zh-Hant": "今年截至當日、沒有對應個人計畫的穿越人次（僅為統計，不算違規）。",
        "en": "Person-walks this year up to the date with no matching individual plan (a figure, not a failure).",
    },
    "ui.plans.m.reported": {"zh-Hant": "事前報備率", "en": "Reported in advance"},
    "ui.plans.m.reported_help": {
        "zh-Hant": "穿越人次中，在穿越日或之前已向牽頭部門報備個人計畫的比例（第8.2條）。",
        "en": "Share of person-walks whose individual plan was filed with the lead department on or before the walk "
              "date (article 8.2).",
    },
    "ui.plans.filed_title": {"zh-Hant": "年度計畫報備（公司 × 年度）", "en": "Annual plans filed (company × year)"},
    "ui.plans.filed_caption": {
        "zh-Hant": "每格：報備狀態與完成報備（涵蓋全年）的日期；截止日 {deadline}。階段計畫合起來涵蓋全年即算報備。",
        "en": "Each cell: the status and the date the plans came to cover the whole year; deadline {deadline}. Phase "
              "plans that together cover the year count as filed.",
    },
    "ui.plans.filed.filed": {"zh-Hant": "已報備", "en": "Filed"},
    "ui.plans.filed.late": {"zh-Hant": "逾期報備", "en": "Late"},
    "ui.plans.filed.missing": {"zh-Hant": "未報備", "en": "Missing"},
    "ui.plans.filed.pending": {"zh-Hant": "未到截止日", "en": "Not yet due"},
    "ui.plans.filed.gap": {"zh-Hant": "未涵蓋 {days} 天", "en": "{days} days not covered"},
    "ui.plans.actual_title": {"zh-Hant": "公司計畫與實際", "en": "Company plan against actual"},
    "ui.plans.company": {"zh-Hant": "公司", "en": "Company"},
    "ui.plans.actual_none": {
        "zh-Hant": "{company} 在 {year} 年沒有年度或階段計畫。請上傳其計畫（計畫類型 年度計畫 / 階段計畫）。",
        "en": "{company} has no annual or phase plan for {year}. Upload its plan (計畫類型 年度計畫 or 階段計畫).",
    },
    "ui.plans.by_month_title": {"zh-Hant": "各部門每月完成的穿越活動", "en": "Activities done by department and month"},
    "ui.plans.by_month_caption": {
        "zh-Hant": "「計畫」為該部門（空白 = 全公司）今年計畫行的計畫次數合計；各月為完成的活動數（截至 {as_of}）。",
        "en": "Planned: the planned counts of this year's plan lines of the department (blank = the whole company); "
              "each month: activities done (up to {as_of}).",
    },
    "ui.plans.whole_company": {"zh-Hant": "（全公司）", "en": "(whole company)"},
    "ui.plans.upcoming_title": {"zh-Hant": "未來 {days} 天的計畫穿越", "en": "Planned walks in the next {days} days"},
    "ui.plans.upcoming_caption": {
        "zh-Hant": "需被穿越單位支持的穿越須在計畫日期前 3 天（大規模穿越 7 天）告知該單位；截止日在 3 天內或已過者標出。",
        "en": "A walk needing the target unit's support must notify it 3 days before (large-scale: 7 days); "
              "deadlines within 3 days or passed are flagged.",
    },
    "ui.plans.upcoming_none": {
        "zh-Hant": "{start} 至 {end} 沒有待執行的個人計畫。", "en": "No upcoming individual plans from {start} to {end}.",
    },
    "ui.plans.overdue_title": {"zh-Hant": "逾期未完成的個人計畫（按人員）", "en": "Overdue individual plans by person"},
    "ui.plans.overdue_none": {"zh-Hant": "{year} 年截至 {as_of} 沒有逾期的個人計畫。",
                              "en": "No overdue individual plans in {year} as of {as_of}."},
    "ui.plans.notice.passed": {"zh-Hant": "⚠ 已過告知截止日", "en": "⚠ notice deadline passed"},
    "ui.plans.notice.due_soon": {"zh-Hant": "⚠ 3 天內須告知", "en": "⚠ notify within 3 days"},
    "ui.plans.notice.ok": {"zh-Hant": "尚有時間", "en": "in time"},
    "ui.plans.notice.none": {"zh-Hant": "無需告知", "en": "no notice needed"},
    "ui.plans.actual.met": {"zh-Hant": "已完成", "en": "Met"},
    "ui.plans.actual.in_progress": {"zh-Hant": "進行中", "en": "In progress"},
    "ui.plans.actual.missed": {"zh-Hant": "未完成", "en": "Missed"},
    "ui.plans.actual.not_started": {"zh-Hant": "未開始", "en": "Not started"},
    "ui.plans.download": {"zh-Hant": "下載 Excel", "en": "Download Excel"},
    "ui.plans.col.company": {"zh-Hant": "公司", "en": "Company"},
    "ui.plans.col.level": {"zh-Hant": "層級", "en": "Level"},
    "ui.plans.col.plan_id": {"zh-Hant": "計畫編號", "en": "Plan ID"},
    "ui.plans.col.department": {"zh-Hant": "部門", "en": "Department"},
    "ui.plans.col.period": {"zh-Hant": "計畫期間", "en": "Period"},
    "ui.plans.col.planned": {"zh-Hant": "計畫", "en": "Planned"},
    "ui.plans.col.done": {"zh-Hant": "完成", "en": "Done"},
    "ui.plans.col.share": {"zh-Hant": "完成率", "en": "Done share"},
    "ui.plans.col.status": {"zh-Hant": "狀態", "en": "Status"},
    "ui.plans.col.filed_on": {"zh-Hant": "報備日期", "en": "Filed on"},
    "ui.plans.col.planned_on": {"zh-Hant": "計畫日期", "en": "Planned on"},
    "ui.plans.col.employee_id": {"zh-Hant": "工號", "en": "Employee ID"},
    "ui.plans.col.name": {"zh-Hant": "姓名", "en": "Name"},
    "ui.plans.col.category": {"zh-Hant": "穿越類別", "en": "Category"},
    "ui.plans.col.item": {"zh-Hant": "穿越項目", "en": "Item"},
    "ui.plans.col.mode": {"zh-Hant": "組織方式", "en": "Mode"},
    "ui.plans.col.target_unit": {"zh-Hant": "被穿越單位", "en": "Target unit"},
    "ui.plans.col.notice_deadline": {"zh-Hant": "告知截止日", "en": "Notify by"},
    "ui.plans.col.notice": {"zh-Hant": "告知", "en": "Notice"},
    "ui.plans.col.overdue": {"zh-Hant": "逾期計畫數", "en": "Overdue plans"},
    "ui.plans.col.first_planned_on": {"zh-Hant": "最早計畫日期", "en": "Earliest planned date"},
    "ui.plans.col.last_planned_on": {"zh-Hant": "最近計畫日期", "en": "Latest planned date"},
    "ui.plans.col.total": {"zh-Hant": "合計", "en": "Total"},
    "ui.plans.sheet.filed": {"zh-Hant": "報備", "en": "Filed"},
    "ui.plans.sheet.actual": {"zh-Hant": "計畫與實際", "en": "Plan vs actual"},
    "ui.plans.sheet.by_month": {"zh-Hant": "部門每月", "en": "By department and month"},
    "ui.plans.sheet.upcoming": {"zh-Hant": "未來穿越", "en": "Upcoming"},
    "ui.plans.sheet.overdue": {"zh-Hant": "逾期", "en": "Overdue"},
})

MESSAGES.update({
    "ui.plans.col.lines": {"zh-Hant": "計畫行數", "en": "Plan lines"},
    "plans.cli.title": {"zh-Hant": "穿越計畫 {year}（截至 {as_of}）", "en": "Plans {year} (as of {as_of})"},
    "plans.cli.filed": {"zh-Hant": "年度計畫報備（PLAN-FILED）", "en": "Annual plans filed (PLAN-FILED)"},
    "plans.cli.actual": {"zh-Hant": "公司計畫與實際", "en": "Company plan against actual"},
    "plans.cli.none": {"zh-Hant": "（無）", "en": "(none)"},
    "plans.cli.individual": {"zh-Hant": "個人計畫：完成 {done}、逾期 {overdue}、待執行 {upcoming}",
                             "en": "Individual plans: {done} done, {overdue} overdue, {upcoming} upcoming"},
    "plans.cli.walks": {"zh-Hant": "穿越人次 {walks}，其中無計畫 {unplanned}；事前報備率 {share}",
                        "en": "{walks} person-walks, {unplanned} without a plan; reported in advance {share}"},
    "plans.cli.upcoming": {"zh-Hant": "未來 {days} 天（自 {as_of}）的計畫穿越：{n} 項",
                           "en": "Planned walks in the {days} days from {as_of}: {n}"},
})
