"""Interface text of the analysis pages: 穿越量, 問題跟蹤, 流程規範, 資料品質 (keys ``ui.an.``)."""


_COLUMNS = {
    "employee_id": ("工號", "Employee ID"),
    "name": ("姓名", "Name"),
    "rows": ("行數", "Rows"),
    "first_date": ("首次日期", "First date"),
    "last_date": ("最近日期", "Last date"),
    "company": ("公司", "Company"),
    "department": ("部門", "Department"),
    "level": ("層級", "Level"),
    "date": ("穿越日期", "Date"),
    "category": ("穿越類別", "Category"),
    "item": ("穿越項目", "Item"),
    "mode": ("組織方式", "Mode"),
    "needs_support": ("需被穿越單位支持", "Needs target support"),
    "activity_id": ("穿越編號", "Activity ID"),
    "notified_on": ("告知日期", "Notified on"),
    "summary_on": ("總結提交日期", "Summary submitted on"),
    "copy_sent": ("記錄已交被穿越單位", "Copy sent"),
    "issues_raised": ("問題建議數", "Issues raised"),
    "issue_id": ("問題編號", "Issue ID"),
    "raised_on": ("提出日期", "Raised on"),
    "due_on": ("計畫完成日期", "Due on"),
    "days_overdue": ("逾期天數", "Days overdue"),
    "status": ("狀態", "Status"),
    "kind": ("類型", "Kind"),
    "issue_category": ("問題類別", "Issue category"),
    "owner_company": ("責任單位", "Owner company"),
    "owner_department": ("責任部門", "Owner department"),
    "raised_by": ("提出人工號", "Raised by"),
    "description": ("問題描述", "Description"),
    "progress": ("最新進展", "Progress"),
    "work_order_id": ("工單號", "Work order"),
    "month": ("月份", "Month"),
    "file_name": ("檔案", "File"),
    "imported_at": ("匯入時間", "Imported at"),
    "table": ("資料表", "Table"),
    "sheet": ("工作表", "Sheet"),
    "source_row": ("行號", "Row"),
    "column_header": ("欄位", "Column"),
    "value": ("值", "Value"),
    "message": ("說明", "Message"),
    "issues": ("問題數", "Issues"),
    "total": ("總數", "Total"),
    "closed": ("已關閉", "Closed"),
    "open": ("未關閉", "Open"),
    "overdue": ("逾期", "Overdue"),
    "share": ("佔比", "Share"),
    "cumulative_share": ("累計佔比", "Cumulative share"),
    "standard": ("標準類別", "Standard category"),
    "check": ("檢查項", "Check"),
    "applicable": ("適用行數", "Applicable rows"),
    "passing": ("合格行數", "Passing rows"),
    "rate": ("合格率", "Rate"),
    "resolution_rate": ("解決率", "Resolution rate"),
    "hours": ("時長(小時)", "Hours"),
    "missing_months": ("未報送月數", "Months without a log"),
}

MESSAGES = {
    **{f"ui.an.col.{key}": {"zh-Hant": zh, "en": en} for key, (zh, en) in _COLUMNS.items()},
    "ui.an.col.batch_id": {"zh-Hant": "批次", "en": "Batch"},
    # shared
    "ui.an.caption": {"zh-Hant": "{scope} · {period}", "en": "{scope} · {period}"},
    "ui.an.caption_as_of": {"zh-Hant": "{scope} · 統計截至 {as_of}", "en": "{scope} · as of {as_of}"},
    "ui.an.blank": {"zh-Hant": "（未填）", "en": "(blank)"},
    "ui.an.unmatched": {"zh-Hant": "不在名冊", "en": "Not on the roster"},
    "ui.an.count": {"zh-Hant": "數量", "en": "Count"},
    "ui.an.chart_limited": {
        "zh-Hant": "圖表只顯示前 {n} 項（共 {total} 項），完整清單見下表。",
        "en": "The chart shows the first {n} of {total}; the table below lists all of them.",
    },
    "ui.an.filter": {"zh-Hant": "篩選", "en": "Filter"},
    "ui.an.filter_placeholder": {
        "zh-Hant": "輸入任何文字（編號、單位、部門、描述…）",
        "en": "Type any text (ID, company, department, description…)",
    },
    "ui.an.rows_shown": {"zh-Hant": "顯示 {n} / {total} 行", "en": "Showing {n} of {total} rows"},
    "ui.table.capped": {
        "zh-Hant": "表中列出前 {shown} 行（共 {total} 行，已按緊急程度排序）；以上方搜尋縮小範圍，下載檔含全部 {total} 行。",
        "en": "The table lists the first {shown} of {total} rows (most urgent first); search above to narrow it, "
              "the download holds all {total}.",
    },
    "ui.an.yes": {"zh-Hant": "是", "en": "Yes"},
    "ui.an.no": {"zh-Hant": "否", "en": "No"},
    # 穿越量 volume (SPEC 4.3)
    "ui.an.volume.title": {"zh-Hant": "穿越量", "en": "Walkthrough volume"},
    "ui.an.volume.activities": {"zh-Hant": "活動數", "en": "Activities"},
    "ui.an.volume.person_times": {"zh-Hant": "人次", "en": "Person-times"},
    "ui.an.volume.distinct_participants": {"zh-Hant": "參與人數", "en": "Participants"},
    "ui.an.volume.activities_help": {
        "zh-Hant": "不重複的穿越活動數：同一穿越編號的多名參與人算一次活動。",
        "en": "Distinct walkthrough activities: participants sharing one activity ID count once.",
    },
    "ui.an.volume.person_times_help": {
        "zh-Hant": "參與人次：每名參與人每次活動一行。",
        "en": "Participant rows: one per participant per activity.",
    },
    "ui.an.volume.participants_help": {
        "zh-Hant": "期間內至少穿越一次的不重複人數（按工號）。",
        "en": "Distinct people (by employee ID) with at least one walkthrough in the period.",
    },
    "ui.an.volume.unmatched_rows": {"zh-Hant": "工號不在名冊的行", "en": "Rows with unknown IDs"},
    "ui.an.volume.unmatched_help": {
        "zh-Hant": "工號不在人員名冊的穿越行：計入總量，但不屬於任何公司，也不計入配額。",
        "en": "Walkthrough rows whose employee ID is on no roster: counted in the totals, in no company, "
              "and not for quotas.",
    },
    "ui.an.volume.unmatched_title": {
        "zh-Hant": "{year} 年不在名冊的工號（{n} 個）",
        "en": "Employee IDs of {year} not on the roster ({n})",
    },
    "ui.an.volume.unmatched_caption": {
        "zh-Hant": "請確認工號是否填錯，或補充匯入該公司的人員名冊。",
        "en": "Check the IDs for typing errors, or import the missing company roster.",
    },
    "ui.an.volume.unmatched_group": {"zh-Hant": "不在名冊", "en": "Not on the roster"},
    "ui.an.volume.by": {"zh-Hant": "分組", "en": "Group by"},
    "ui.an.volume.measure": {"zh-Hant": "指標", "en": "Measure"},
    "ui.an.volume.dim.category": {"zh-Hant": "穿越類別", "en": "Category"},
    "ui.an.volume.dim.item": {"zh-Hant": "穿越項目", "en": "Item"},
    "ui.an.volume.dim.mode": {"zh-Hant": "組織方式", "en": "Mode"},
    "ui.an.volume.dim.scope": {"zh-Hant": "穿越地域", "en": "Region"},
    "ui.an.volume.dim.company_rollup": {"zh-Hant": "公司（含下級）", "en": "Company (with subsidiaries)"},
    "ui.an.volume.dim.company": {"zh-Hant": "公司（本級）", "en": "Company (own staff)"},
    "ui.an.volume.dim.department": {"zh-Hant": "部門", "en": "Department"},
    "ui.an.volume.dim.level": {"zh-Hant": "層級", "en": "Level"},
    "ui.an.volume.chart_title": {"zh-Hant": "{period} · 按{dim}的{measure}", "en": "{measure} by {dim}, {period}"},
    "ui.an.volume.trend_title": {"zh-Hant": "{year} 年逐月趨勢", "en": "Monthly trend, {year}"},
    "ui.an.volume.running_mark": {"zh-Hant": "進行中", "en": "running"},
    "ui.an.volume.running_hover": {"zh-Hant": "本月進行中，統計至 {as_of}", "en": "month running, counted to {as_of}"},
    "ui.an.volume.running_caption": {
        "zh-Hant": "虛線：{month} 尚未結束，只統計至 {as_of}，數字仍會增加。",
        "en": "Dotted: {month} is still running; counted up to {as_of}, its figures will still grow.",
    },
    "ui.an.volume.level_not_applied": {
        "zh-Hant": "側欄的「層級」篩選只套用於按公司、部門或層級分組。",
        "en": "The sidebar's level filter applies when grouping by company, department or level.",
    },
    # 問題跟蹤 issues (SPEC 4.4)
    "ui.an.issues.title": {"zh-Hant": "問題跟蹤", "en": "Issue tracking"},
    "ui.an.issues.as_of_note": {
        "zh-Hant": "問題按「統計截至」日期計算（截至當日已提出的全部問題），不受期間與層級篩選影響。",
        "en": "Issues are counted as of the as-of date (every issue raised by then); the period and level filters "
              "do not apply.",
    },
    "ui.an.issues.total": {"zh-Hant": "問題總數", "en": "Issues"},
    "ui.an.issues.closed": {"zh-Hant": "已關閉", "en": "Closed"},
    "ui.an.issues.open": {"zh-Hant": "未關閉", "en": "Open"},
    "ui.an.issues.rate": {"zh-Hant": "解決率", "en": "Resolution rate"},
    "ui.an.issues.rate_help": {
        "zh-Hant": "已解決或已關閉的問題 ÷ 問題總數（提出日期在統計截至日之前）。",
        "en": "Resolved or closed issues ÷ all issues raised up to the as-of date.",
    },
    "ui.an.issues.overdue": {"zh-Hant": "逾期", "en": "Overdue"},
    "ui.an.issues.overdue_help": {
        "zh-Hant": "未關閉且計畫完成日期早於統計截至日。",
        "en": "Open, with a due date before the as-of date.",
    },
    "ui.an.issues.median": {"zh-Hant": "解決天數中位數", "en": "Median days to close"},
    "ui.an.issues.p90": {"zh-Hant": "解決天數 P90", "en": "Days to close, P90"},
    "ui.an.issues.days_help": {
        "zh-Hant": "解決日期 − 提出日期，按 {n} 個已填解決日期的已關閉問題計算。",
        "en": "Resolved on − raised on, over {n} closed issues with a resolution date.",
    },
    "ui.an.issues.days": {"zh-Hant": "{days} 天", "en": "{days} days"},
    "ui.an.issues.empty": {
        "zh-Hant": "統計截至 {as_of}，此範圍沒有問題記錄。",
        "en": "No issues in this scope up to {as_of}.",
    },
    "ui.an.issues.pareto_title": {"zh-Hant": "問題類別帕累托", "en": "Pareto of issue categories"},
    "ui.an.issues.pareto_count": {"zh-Hant": "問題數", "en": "Issues"},
    "ui.an.issues.pareto_cum": {"zh-Hant": "累計佔比", "en": "Cumulative share"},
    "ui.an.issues.standard": {"zh-Hant": "標準類別", "en": "Standard category"},
    "ui.an.issues.nonstandard": {"zh-Hant": "非標準類別", "en": "Non-standard category"},
    "ui.an.issues.nonstandard_note": {
        "zh-Hant": "標示 ⚠ 的是非標準類別（不在規定的 8 個類別內），已照錄；建議在來源表中改為標準類別。",
        "en": "Categories marked ⚠ are non-standard (outside the 8 standard ones) and kept as given; consider "
              "correcting them in the source sheets.",
    },
    "ui.an.issues.ageing_title": {"zh-Hant": "未關閉問題賬齡", "en": "Age of open issues"},
    "ui.an.issues.age.0-30": {"zh-Hant": "0–30 天", "en": "0–30 days"},
    "ui.an.issues.age.31-60": {"zh-Hant": "31–60 天", "en": "31–60 days"},
    "ui.an.issues.age.61-90": {"zh-Hant": "61–90 天", "en": "61–90 days"},
    "ui.an.issues.age.>90": {"zh-Hant": "90 天以上", "en": "Over 90 days"},
    "ui.an.issues.age_axis": {"zh-Hant": "自提出日期起天數", "en": "Days since raised"},
    "ui.an.issues.overdue_title": {"zh-Hant": "逾期問題清單", "en": "Overdue issues"},
    "ui.an.issues.overdue_none": {
        "zh-Hant": "統計截至 {as_of}，沒有逾期問題。",
        "en": "No overdue issues as of {as_of}.",
    },
    "ui.an.issues.owner_title": {"zh-Hant": "按責任單位", "en": "By owner"},
    "ui.an.issues.owner_by": {"zh-Hant": "責任歸屬", "en": "Owner"},
    "ui.an.issues.owner_by.owner_company": {"zh-Hant": "責任單位", "en": "Owner company"},
    "ui.an.issues.owner_by.owner_department": {"zh-Hant": "責任部門", "en": "Owner department"},
    "ui.an.issues.trend_title": {"zh-Hant": "未關閉問題趨勢（月末）", "en": "Open issues at each month end"},
    "ui.an.issues.trend_caption": {
        "zh-Hant": "依狀態變更紀錄重建：每次匯入時記下的狀態，月末時仍未關閉的問題數。",
        "en": "Rebuilt from the status history: issues still open at each month end, by the statuses recorded "
              "at each import.",
    },
    "ui.an.issues.trend_open": {"zh-Hant": "未關閉", "en": "Open"},
    "ui.an.issues.trend_closed": {"zh-Hant": "已關閉", "en": "Closed"},
    "ui.an.issues.trend_empty": {
        "zh-Hant": "這段期間還沒有狀態變更紀錄（紀錄從第一次匯入問題跟蹤表開始）。",
        "en": "No status history in this window yet (it starts with the first import of the issue sheet).",
    },
    # 流程規範 discipline (SPEC 4.2)
    "ui.an.discipline.title": {"zh-Hant": "流程規範", "en": "Process discipline"},
    "ui.an.check_help.NOTICE": {
        "zh-Hant": "需被穿越單位支持或大規模穿越：告知日期至少提前 3 天（大規模 7 天）；未填告知日期為不合格（第八條）。",
        "en": "Rows needing the visited unit's support or large-scale: notified at least 3 days before (large-scale "
              "7); a missing notice date fails (article 8).",
    },
    "ui.an.check_help.SUMMARY-7D": {
        "zh-Hant": "總結提交日期在穿越日期後 0–7 天內（第九條）。",
        "en": "Summary submitted 0–7 days after the walkthrough (article 9).",
    },
    "ui.an.check_help.COPY-SENT": {
        "zh-Hant": "記錄已交被穿越單位 = 是（第八條）。",
        "en": "Copy of the record given to the visited unit = yes (article 8).",
    },
    "ui.an.check_help.ISSUE-MIN1": {
        "zh-Hant": "該參與人有以穿越編號關聯、由本人提出（或未填提出人）的問題，或問題建議數 ≥ 1（第九條）。",
        "en": "The participant has an issue linked by activity ID raised by them (or with a blank raiser), or "
              "issues raised ≥ 1 (article 9).",
    },
    "ui.an.discipline.rates_title": {"zh-Hant": "各單位合格率", "en": "Pass rate by unit"},
    "ui.an.discipline.heatmap_hover": {
        "zh-Hant": "合格 {passing} / 適用 {applicable}",
        "en": "{passing} passing of {applicable} applicable",
    },
    "ui.an.discipline.not_applicable": {"zh-Hant": "不適用", "en": "n/a"},
    "ui.an.discipline.legend": {
        "zh-Hant": "格內為合格率；灰色表示該單位在此期間沒有需檢查的行。",
        "en": "Cells show the pass rate; grey means the unit had no rows the check applies to.",
    },
    "ui.an.discipline.select_hint": {
        "zh-Hant": "點選表格中的一行，下方只列出該單位的不合格明細；再點一次取消。",
        "en": "Select a row to list only that unit's failing rows below; select it again to clear.",
    },
    "ui.an.discipline.unit_only": {"zh-Hant": "只列出：{unit}", "en": "Showing only: {unit}"},
    "ui.an.discipline.failures_title": {"zh-Hant": "不合格明細", "en": "Failing rows"},
    "ui.an.discipline.choose_check": {"zh-Hant": "檢查項", "en": "Check"},
    "ui.an.discipline.failures_none": {
        "zh-Hant": "此期間與範圍內「{check}」沒有不合格的行。",
        "en": "No failing rows for “{check}” in this period and scope.",
    },
    "ui.an.discipline.failures_count": {
        "zh-Hant": "「{check}」不合格 {n} 行",
        "en": "{n} rows fail “{check}”",
    },
    # 資料品質 data quality
    "ui.an.quality.title": {"zh-Hant": "資料品質", "en": "Data quality"},
    "ui.an.quality.caption": {
        "zh-Hant": "{scope} · {year} 年 · 統計截至 {as_of}",
        "en": "{scope} · {year} · as of {as_of}",
    },
    "ui.an.quality.all_clear": {"zh-Hant": "沒有發現問題。", "en": "Nothing to fix."},
    "ui.an.quality.found": {"zh-Hant": "{n} 項", "en": "{n} found"},
    "ui.an.quality.section.silent_companies": {"zh-Hant": "未報送穿越記錄的公司", "en": "Companies without a log"},
    "ui.an.quality.section.unmatched_ids": {"zh-Hant": "不在名冊的工號", "en": "IDs not on the roster"},
    "ui.an.quality.section.warnings": {"zh-Hant": "匯入提示", "en": "Import warnings"},
    "ui.an.quality.section.nonstandard_categories": {"zh-Hant": "非標準問題類別", "en": "Non-standard categories"},
    "ui.an.quality.section.closed_without_resolved_on": {
        "zh-Hant": "已關閉但未填解決日期", "en": "Closed without a resolution date",
    },
    "ui.an.quality.section.reception_without_hours": {
        "zh-Hant": "客戶接待日未填時長", "en": "Reception days without hours",
    },
    "ui.an.quality.help.silent_companies": {
        "zh-Hant": "名冊上的公司在某月沒有任何本公司人員的穿越記錄（只看統計截至日已結束的月份；進行中的月份不算缺報）。"
                   "牽頭部門應每月收集穿越記錄（第九條）。",
        "en": "Roster companies with no walkthrough row of their staff in a month (months ended by the as-of "
              "date; the month still running is not counted as missing). Lead departments collect the logs every "
              "month (article 9).",
    },
    "ui.an.quality.help.unmatched_ids": {
        "zh-Hant": "這些工號的穿越行計入穿越量，但不屬於任何公司，也不計入配額。請更正工號或補充名冊。",
        "en": "Rows with these IDs count in the volume but belong to no company and not to quotas. Correct the IDs "
              "or import the roster.",
    },
    "ui.an.quality.help.warnings": {
        "zh-Hant": "匯入時已接受但需要注意的資料行（有效批次）。修正來源表後重新匯入即可更新。",
        "en": "Rows accepted at import that need attention (active batches). Fix the source sheet and re-import.",
    },
    "ui.an.quality.help.nonstandard_categories": {
        "zh-Hant": "不在規定 8 個類別內的問題類別，已照錄。建議改為：{allowed}。",
        "en": "Issue categories outside the 8 standard ones, kept as given. The standard ones: {allowed}.",
    },
    "ui.an.quality.help.closed_without_resolved_on": {
        "zh-Hant": "狀態為已解決或已關閉但沒有解決日期：無法計算解決天數。",
        "en": "Resolved or closed without a resolution date: days to close cannot be computed.",
    },
    "ui.an.quality.help.reception_without_hours": {
        "zh-Hant": "未填時長的客戶接待日無法證明滿半天，不計入接待日配額（第六條）。",
        "en": "A reception day without hours cannot show half a day and does not count for the reception-day "
              "quota (article 6).",
    },
    "ui.an.quality.grid_title": {"zh-Hant": "公司 × 月份 報送情況", "en": "Logs by company and month"},
    "ui.an.quality.grid.sent": {"zh-Hant": "已有記錄", "en": "Log received"},
    "ui.an.quality.grid.missing": {"zh-Hant": "沒有記錄", "en": "No log"},
    "ui.an.quality.grid.running": {"zh-Hant": "本月進行中，尚無記錄", "en": "Month running, no log yet"},
    "ui.an.quality.grid.future": {"zh-Hant": "尚未開始", "en": "Not yet started"},
    "ui.an.quality.grid_limited": {
        "zh-Hant": "方格只顯示缺報最多的 {n} 家公司（共 {total} 家），完整清單可下載。",
        "en": "The grid shows the {n} companies missing most months (of {total}); download the full list.",
    },
    "ui.an.quality.message_unknown": {"zh-Hant": "（{code}）", "en": "({code})"},
}

