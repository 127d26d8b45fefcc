"""Messages of the upload scope rules (issue #12 findings 2, 4, 5): rows a lead may not write, batches it may not
see or roll back."""

MESSAGES = {
    "store.scope.role": {
        "zh-Hant": "{user} 的角色不能匯入資料：整個檔案未匯入。請由本公司的牽頭部門或管理員上載。",
        "en": "{user}'s role cannot import data: the whole file was refused. Ask your company's lead department or "
              "an administrator to upload it.",
    },
    "store.scope.file_outside": {
        "zh-Hant": "檔案含有 {scope} 範圍以外的公司：{companies}。整個檔案未匯入。請只上載本公司範圍內的資料；"
                   "其他公司的資料由其牽頭部門或管理員匯入。",
        "en": "The file holds companies outside {scope}'s scope: {companies}. The whole file was refused. Upload "
              "only your own scope's data; other companies' data is imported by their lead department or an "
              "administrator.",
    },
    "store.scope.roster_outside": {
        "zh-Hant": "公司「{value}」不在 {scope} 的範圍內：此列未匯入。此公司的名冊請由其牽頭部門或管理員匯入。",
        "en": "Company \"{value}\" is outside {scope}'s scope: this row was not imported. Its roster is imported by "
              "its own lead department or an administrator.",
    },
    "store.scope.roster_level": {
        "zh-Hant": "{company} 在名冊中的層級是「{stored}」，上載不能改為「{value}」：此列未匯入。公司的層級與上級公司"
                   "決定各人可看的範圍，只有管理員可以調整；請把此列的層級改回「{stored}」後重新上載，如確需調整請聯絡管理員。",
        "en": "{company} is a \"{stored}\" on the roster; an upload cannot make it \"{value}\": this row was not "
              "imported. A company's level and parent decide who sees what, so only an administrator changes them: "
              "set the level back to \"{stored}\" and upload again, or ask an administrator.",
    },
    "store.scope.roster_parent": {
        "zh-Hant": "{company} 在名冊中的上級公司是「{stored}」，上載不能改為「{value}」：此列未匯入。上級公司只有管理員"
                   "可以調整；請把此列的上級公司改回「{stored}」後重新上載，如確需調整請聯絡管理員。",
        "en": "{company}'s parent company on the roster is \"{stored}\"; an upload cannot change it to \"{value}\": "
              "this row was not imported. Only an administrator changes a parent company: set it back to "
              "\"{stored}\" and upload again, or ask an administrator.",
    },
    "store.scope.roster_new_hq": {
        "zh-Hant": "新公司 {company} 的層級是「總部」：只有管理員可以新增總部，此列未匯入。請檢查層級，或請管理員匯入。",
        "en": "The new company {company} has level 總部 (headquarters): only an administrator adds one, so this row "
              "was not imported. Check the level or ask an administrator to import it.",
    },
    "store.scope.roster_new_above": {
        "zh-Hant": "新公司 {company} 的層級「{value}」不低於 {scope}：牽頭部門只能新增本公司範圍內、層級較低的公司"
                   "（例如本省的地市公司），此列未匯入。請修正層級與上級公司，或請管理員匯入。",
        "en": "The new company {company} (level \"{value}\") would not rank below {scope}: a lead department may only "
              "add companies below its own inside its scope (e.g. a city of its province), so this row was not "
              "imported. Fix the level and parent company, or ask an administrator.",
    },
    "store.scope.roster_new_outside": {
        "zh-Hant": "新公司 {company} 的上級公司「{value}」不在 {scope} 的範圍內：此列未匯入。請把上級公司填為 {scope} "
                   "或其範圍內的公司，或請管理員匯入。",
        "en": "The parent company \"{value}\" of the new company {company} is outside {scope}'s scope: this row was "
              "not imported. Name {scope} or a company of its scope as the parent, or ask an administrator.",
    },
    "store.scope.issue_foreign": {
        "zh-Hant": "問題編號 {value} 已屬於 {scope} 範圍以外的公司：上載不能更改其他公司的問題，此列未匯入。"
                   "如這是新問題，請改用本公司的問題編號；如確需更正，請由該公司或管理員處理。",
        "en": "Issue {value} already belongs to a company outside {scope}'s scope: an upload cannot change another "
              "company's issue, so this row was not imported. Give a new issue your own company's number; a "
              "correction is made by that company or an administrator.",
    },
    "store.scope.issue_outside": {
        "zh-Hant": "此問題會歸屬 {company}（責任單位，空白時為提出人的公司），不在 {scope} 的範圍內：此列未匯入。"
                   "請檢查責任單位或提出人工號。",
        "en": "This issue would belong to {company} (its 責任單位, else its raiser's company), outside {scope}'s "
              "scope: this row was not imported. Check the owner company or the raiser's 工號.",
    },
    "store.scope.contact_outside": {
        "zh-Hant": "公司「{value}」不在 {scope} 的範圍內：不能為其他公司登記聯絡人（提醒郵件會寄給他們），此列未匯入。",
        "en": "Company \"{value}\" is outside {scope}'s scope: contacts (who receive its reminders) cannot be set for "
              "another company, so this row was not imported.",
    },
    "store.scope.rollback_denied": {
        "zh-Hant": "您的角色不能回滾批次 {batch}：只有管理員及該批次所涉公司範圍的牽頭部門可以回滾。",
        "en": "Your role cannot roll back batch {batch}: only administrators and the lead department whose scope "
              "holds every company the batch touched can.",
    },
    "store.scope.plan_foreign": {
        "zh-Hant": "計畫編號 {value} 已屬於 {scope} 範圍以外的公司：上載不能更改其他公司的計畫，此列未匯入。"
                   "如這是新計畫，請改用本公司的計畫編號。",
        "en": "Plan {value} already belongs to a company outside {scope}'s scope: an upload cannot change another "
              "company's plan, so this row was not imported. Give a new plan your own company's number.",
    },
    "store.scope.plan_outside": {
        "zh-Hant": "公司「{value}」不在 {scope} 的範圍內：不能為其他公司登記計畫，此列未匯入。",
        "en": "Company \"{value}\" is outside {scope}'s scope: plans cannot be filed for another company, so this row "
              "was not imported.",
    },
}
