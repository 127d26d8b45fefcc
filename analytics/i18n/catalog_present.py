"""Interface text of the presentation pass (issue #16 items 4, 8, 9, 11): count cards with their totals,
Streamlit's own texts that the app can set in the reader's language (keys ``ui.card.``, ``ui.st.``)."""


MESSAGES = {
    # a count card shows its total beside it and the share under it (issue #16 item 4)
    "ui.card.share": {"zh-Hant": "佔 {share}", "en": "{share} of the total"},
    "ui.card.quota_total_help": {
        "zh-Hant": "分母為此期間可評估的結果（不含不適用）。",
        "en": "Out of the results that could be evaluated in this period (n/a left out).",
    },
    "ui.card.na_help": {
        "zh-Hant": "人數為 0、無從評估的結果，分母為此期間全部結果。",
        "en": "Results with nobody to count, out of all results of the period.",
    },
    "ui.card.overdue_of_open": {"zh-Hant": "分母為未關閉的問題。", "en": "Out of the open issues."},
    # Streamlit's own uploader texts, drawn in the reader's language by CSS (ui.theme.streamlit_texts_css)
    "ui.st.upload_button": {"zh-Hant": "選擇檔案", "en": "Upload"},
    "ui.st.upload_limit": {"zh-Hant": "每個檔案上限 {limit} MB · Excel 或 CSV 檔", "en": "{limit}MB per file"},
}
