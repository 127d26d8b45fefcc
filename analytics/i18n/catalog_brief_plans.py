"""Briefing text of the section "plan against actual" (issue #14 item 6, SPEC 4.6): analytics/briefing/sections_plans.py.

Kept apart from catalog_brief.py so that the section's text is added without touching the other sections' text.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "brief.sec.plans": {"zh-Hant": "十、計畫與實際", "en": "10. Plan against actual"},
    "brief.sheet.plans": {"zh-Hant": "計畫與實際", "en": "Plans"},
    "brief.plans.none": {
        "zh-Hant": "沒有本期的穿越計畫：請在「資料匯入」上傳含「穿越計畫」工作表的檔案（年度/階段計畫與個人計畫）。",
        "en": "No plans for this period: upload a file with a 穿越計畫 (plans) sheet on the import page (annual, "
              "phase and individual plans).",
    },
    "brief.plans.whole_company": {"zh-Hant": "全公司", "en": "Whole company"},
    "brief.tbl.plans_company": {"zh-Hant": "各公司計畫報備、計畫與實際", "en": "Plans filed and carried out, by company"},
    "brief.tbl.plans_lines": {"zh-Hant": "年度/階段計畫與實際", "en": "Annual and phase plans against actual"},
    "brief.tbl.plans_overdue": {"zh-Hant": "逾期未執行的個人計畫", "en": "Overdue individual plans"},
    "brief.chart.plans": {"zh-Hant": "計畫次數與已完成次數", "en": "Planned against done"},
    "brief.col.plan_filed": {"zh-Hant": "年度計畫報備", "en": "Annual plan"},
    "brief.col.filed_on": {"zh-Hant": "報備日期", "en": "Filed on"},
    "brief.col.plan_period": {"zh-Hant": "計畫期間", "en": "Plan period"},
    "brief.col.planned": {"zh-Hant": "計畫次數", "en": "Planned"},
    "brief.col.plan_done": {"zh-Hant": "已完成次數", "en": "Done"},
    "brief.col.plan_share": {"zh-Hant": "完成率", "en": "Share done"},
    "brief.col.walks": {"zh-Hant": "穿越人次", "en": "Walks"},
    "brief.col.unplanned": {"zh-Hant": "無計畫人次", "en": "Unplanned"},
    "brief.col.reported_share": {"zh-Hant": "事前報備比例", "en": "Reported ahead"},
    "brief.col.overdue_plans": {"zh-Hant": "逾期個人計畫", "en": "Overdue plans"},
    "brief.col.plan_id": {"zh-Hant": "計畫編號", "en": "Plan ID"},
    "brief.col.planned_on": {"zh-Hant": "計畫日期", "en": "Planned on"},
    "brief.filed.filed": {"zh-Hant": "按時報備", "en": "Filed"},
    "brief.filed.late": {"zh-Hant": "逾期報備", "en": "Late"},
    "brief.filed.missing": {"zh-Hant": "未報備", "en": "Missing"},
    "brief.filed.pending": {"zh-Hant": "待報備", "en": "Not yet due"},
    "brief.s.plans_filed": {
        "zh-Hant": "{year} 年度計畫報備（截止日 {deadline}）：按時 {filed:,} 家、逾期 {late:,} 家、未報備 {missing:,} 家、"
                   "尚未到期 {pending:,} 家，共 {total:,} 家。",
        "en": "Annual plans {year} (due {deadline}): {filed:,} filed on time, {late:,} late, {missing:,} missing, "
              "{pending:,} not yet due, of {total:,} companies.",
    },
    "brief.s.plans_actual": {
        "zh-Hant": "本期涉及的年度/階段計畫 {lines:,} 條，計畫穿越 {planned:,} 次，截至 {as_of} 已完成 {done:,} 次"
                   "（{share:.1%}），其中 {met:,} 條已達成。",
        "en": "{lines:,} annual or phase plan lines cover the period: {planned:,} walkthroughs planned, {done:,} done "
              "by {as_of} ({share:.1%}); {met:,} lines met.",
    },
    "brief.s.plans_reported": {
        "zh-Hant": "本期穿越 {walks:,} 人次，其中 {reported:,} 人次在穿越前已報備個人計畫（事前報備比例 {share:.1%}），"
                   "{unplanned:,} 人次無對應的個人計畫。",
        "en": "{walks:,} walks this period: {reported:,} had an individual plan filed by the walk date ({share:.1%} "
              "reported ahead); {unplanned:,} had no matching plan.",
    },
    "brief.s.plans_overdue": {
        "zh-Hant": "計畫日期在本期的個人計畫 {plans:,} 項：已執行 {done:,} 項、逾期未執行 {overdue:,} 項（{people:,} 人）、"
                   "尚未到期 {upcoming:,} 項。",
        "en": "{plans:,} individual plans dated in the period: {done:,} done, {overdue:,} overdue ({people:,} people), "
              "{upcoming:,} upcoming.",
    },
}
