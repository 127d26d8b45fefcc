"""Messages of the importer's reading side (analytics/ingest) and of the template workbook.

Each message says what is wrong and what to do; the location (file › sheet › row › column = "value") is
added by ``Problem.location``. Placeholders: ``{value}`` and ``{column}`` are always available.
"""

MESSAGES = {
    # ------------------------------------------------------------ whole file
    "ingest.file_empty": {
        "zh-Hant": "檔案是空的（0 位元組）；請重新匯出或選擇正確的檔案。",
        "en": "The file is empty (0 bytes); export it again or choose the right file.",
    },
    "ingest.file_too_large": {
        "zh-Hant": "檔案有 {size_mb} MB，超過上限 {limit_mb} MB；請按月或按公司分成幾個檔案。",
        "en": "The file is {size_mb} MB, above the {limit_mb} MB limit; split it by month or company.",
    },
    "ingest.not_spreadsheet": {
        "zh-Hant": "這不是試算表檔案（可能是圖片、PDF 或壓縮檔改了副檔名）；請上傳 Excel（.xlsx/.xls）或 CSV 檔。",
        "en": "This is not a spreadsheet (perhaps a picture, PDF or archive with a changed extension); "
              "upload an Excel (.xlsx/.xls) or CSV file.",
    },
    "ingest.markup_not_spreadsheet": {
        "zh-Hant": "這是網頁或 XML 格式的檔案（常見於系統匯出的「.xls」）；請用 Excel 開啟後另存為 .xlsx 再上傳。",
        "en": "This is a web page or XML file (common for system exports named .xls); open it in Excel, "
              "save it as .xlsx and upload that.",
    },
    "ingest.file_corrupt": {
        "zh-Hant": "檔案已損壞或不完整，無法讀取；請用 Excel 開啟確認後重新存檔再上傳。",
        "en": "The file is damaged or incomplete and cannot be read; open it in Excel, save it again and re-upload.",
    },
    "ingest.zip_bomb": {
        "zh-Hant": "檔案解壓後異常龐大（超過 500 MB 或壓縮比異常），為保護系統已拒絕；請上傳正常的 Excel 檔。",
        "en": "The file would expand to an abnormal size (over 500 MB or an absurd compression ratio) and was "
              "refused to protect the system; upload an ordinary Excel file.",
    },
    "ingest.sheet_too_large": {
        "zh-Hant": "工作表的資料範圍過大（約 {cells:,} 個儲存格，上限 {limit:,}），可能有遠處的儲存格誤填了內容；"
                   "請刪除資料以外多餘的列與欄後再上傳。",
        "en": "A sheet spans too many cells (about {cells:,}; the limit is {limit:,}), perhaps because of a stray "
              "cell far from the data; delete the rows and columns beyond the data and upload again.",
    },
    "ingest.encrypted": {
        "zh-Hant": "活頁簿設有密碼保護，無法讀取；請在 Excel 移除密碼（檔案 › 資訊 › 保護活頁簿）後另存再上傳。",
        "zh-Hans": "工作簿设有密码保护，无法读取；请在 Excel 中取消密码（文件 › 信息 › 保护工作簿）后另存再上传。",
        "en": "The workbook is password-protected; remove the password in Excel (File › Info › Protect Workbook), "
              "save it without a password and upload again.",
    },
    "ingest.workbook_too_large": {
        "zh-Hant": "活頁簿各工作表的資料範圍合計過大（約 {cells:,} 個儲存格，上限 {limit:,}）；請把資料分成幾個檔案，"
                   "或刪除資料以外多餘的列與欄（在 Excel 按 Ctrl+End 可看到最後一格）後再上傳。",
        "en": "The sheets of this workbook span too many cells together (about {cells:,}; the limit is {limit:,}); "
              "split the data into several files, or delete the rows and columns beyond the data (Ctrl+End in Excel "
              "shows the last cell) and upload again.",
    },
    "ingest.sheet_beyond_excel": {
        "zh-Hant": "工作表中有儲存格位於 Excel 的範圍之外（超過 {rows:,} 列或 {columns:,} 欄），這不是 Excel 存出的檔案"
                   "（可能遭竄改或已損壞）；請用 Excel 開啟後另存為 .xlsx 再上傳。",
        "en": "A sheet has a cell outside Excel's grid (beyond {rows:,} rows or {columns:,} columns), so the file "
              "was not saved by Excel (tampered with or damaged); open it in Excel, save it as .xlsx and upload "
              "again.",
    },
    "ingest.strings_too_large": {
        "zh-Hant": "活頁簿中的文字表異常龐大（約 {size_mb} MB，上限 {limit_mb} MB），為保護系統已拒絕；"
                   "請刪除用不到的工作表與內容後另存，再上傳。",
        "en": "The workbook's table of texts is abnormally large (about {size_mb} MB; the limit is {limit_mb} MB) "
              "and was refused to protect the system; delete unused sheets and content, save and upload again.",
    },
    "ingest.parse_memory": {
        "zh-Hant": "讀取這個檔案所需的記憶體超出上限，已停止讀取（系統與其他使用者不受影響）；檔案可能在遠處有誤填的"
                   "儲存格，或已損壞。請用 Excel 開啟，按 Ctrl+End 找到最後一格，刪除資料以外的列與欄後另存為 .xlsx 再上傳，"
                   "或把資料分成幾個較小的檔案。",
        "en": "Reading this file needed more memory than allowed, so reading was stopped (the system and other users "
              "are not affected); the file may have a stray cell far from the data, or be damaged. Open it in Excel, "
              "press Ctrl+End to find the last cell, delete the rows and columns beyond the data, save as .xlsx and "
              "upload again, or split the data into smaller files.",
    },
    "ingest.parse_timeout": {
        "zh-Hant": "讀取這個檔案超過 {seconds} 秒仍未完成，已停止（系統與其他使用者不受影響）；請刪除資料以外多餘的"
                   "工作表、列與欄後另存為 .xlsx 再上傳，或把資料分成幾個較小的檔案。",
        "en": "Reading this file took longer than {seconds} seconds and was stopped (the system and other users are "
              "not affected); delete the sheets, rows and columns beyond the data, save as .xlsx and upload again, "
              "or split the data into smaller files.",
    },
    "ingest.too_many_files": {
        "zh-Hant": "一次最多讀取 {limit} 個檔案；這個檔案未讀取。請先匯入前 {limit} 個，再上傳其餘的檔案。",
        "en": "At most {limit} files are read at a time; this file was not read. Import the first {limit}, then "
              "upload the others.",
    },
    "ingest.nul_bytes": {
        "zh-Hant": "檔案含有 NUL 位元組，不是純文字 CSV（可能已損壞，或是沒有 BOM 的 UTF-16）；"
                   "請在 Excel 另存為「CSV UTF-8」或 .xlsx 再上傳。",
        "en": "The file contains NUL bytes, so it is not a plain-text CSV (damaged, or UTF-16 without a BOM); "
              "save it from Excel as \"CSV UTF-8\" or .xlsx and upload again.",
    },
    "ingest.bad_encoding": {
        "zh-Hant": "無法辨識文字編碼（支援 UTF-8、GB18030/GBK、Big5、帶 BOM 的 UTF-16）；請另存為「CSV UTF-8」再上傳。",
        "en": "The text encoding is not recognised (UTF-8, GB18030/GBK, Big5 and UTF-16 with BOM are supported); "
              "save as \"CSV UTF-8\" and upload again.",
    },
    "ingest.csv_malformed": {
        "zh-Hant": "CSV 格式錯誤（第 {line} 行附近，可能是引號未配對）；請用 Excel 開啟後另存再上傳。",
        "en": "The CSV is malformed near line {line} (perhaps an unmatched quote); open it in Excel, save and "
              "re-upload.",
    },
    "ingest.unexpected": {
        "zh-Hant": "讀取檔案時發生未預期的問題，檔案未匯入；請另存為 .xlsx 後再試，仍失敗請聯絡管理員。",
        "en": "An unexpected problem occurred while reading the file, so nothing was imported; save it as .xlsx "
              "and try again, and contact the administrator if it still fails.",
    },
    "ingest.no_table": {
        "zh-Hant": "檔案中沒有可識別的資料表：表頭須位於前 15 行內，且包含某一資料表的全部必填欄位 — {requirements}。"
                   "請下載範本，照範本的表頭填寫。",
        "zh-Hans": "文件中没有可识别的数据表：表头须位于前 15 行内，且包含某一数据表的全部必填字段 — {requirements}。"
                   "请下载模板，按模板的表头填写。",
        "en": "No table was recognised: the header row must be within the first 15 rows and hold every required "
              "header of one table — {requirements}. Download the template and use its headers.",
    },
    # ------------------------------------------------------------ sheets and columns
    "ingest.hidden_sheet": {
        "zh-Hant": "隱藏的工作表已略過；若其中有資料，請在 Excel 取消隱藏後重新上傳。",
        "en": "Hidden sheet skipped; if it holds data, unhide it in Excel and upload again.",
    },
    "ingest.hidden_sheet_read": {
        "zh-Hant": "此工作表是隱藏的；活頁簿中沒有可見的資料表，因此已從這張隱藏的工作表讀取「{table}」。"
                   "請確認這正是要匯入的資料（在 Excel 中於工作表標籤按右鍵 →「取消隱藏」可看到它）。",
        "en": "This sheet is hidden; no visible sheet holds a table, so \"{table}\" was read from this hidden sheet. "
              "Check that this is the data you mean to import (in Excel, right-click a sheet tab → Unhide shows it).",
    },
    "ingest.sheet_not_recognised": {
        "zh-Hant": "此工作表不是可識別的資料表（例如說明頁），已略過。",
        "en": "This sheet is not a recognised table (for example an instructions sheet) and was skipped.",
    },
    "ingest.sheet_missing_headers": {
        "zh-Hant": "此工作表像是「{table}」，但缺少必填欄位：{missing}；已略過。請補上這些表頭後重新上傳。",
        "en": "This sheet looks like \"{table}\" but lacks the required headers {missing}; it was skipped. "
              "Add these headers and upload again.",
    },
    "ingest.no_rows": {
        "zh-Hant": "已識別為「{table}」，但表頭下沒有資料列。",
        "en": "Recognised as \"{table}\", but there are no data rows below the header.",
    },
    "ingest.unknown_column": {
        "zh-Hant": "不是「{table}」的欄位，已忽略。",
        "en": "Not a column of \"{table}\"; ignored.",
    },
    "ingest.duplicate_column": {
        "zh-Hant": "與前面的欄位「{first}」意義相同，此欄已忽略；請刪除重複的欄位。",
        "en": "Means the same as the earlier column \"{first}\"; this one was ignored. Delete the duplicate column.",
    },
    # ------------------------------------------------------------ cells
    "ingest.required": {
        "zh-Hant": "必填欄位為空；請填寫。",
        "en": "Required but blank; fill it in.",
    },
    "ingest.cell_too_long": {
        "zh-Hant": "儲存格達到或超過 Excel 上限 {limit} 個字元（讀到 {length} 個，超出部分會被截斷）；請縮短內容。",
        "en": "The cell reaches or exceeds Excel's limit of {limit} characters ({length} read; anything longer is "
              "cut off); shorten it.",
    },
    "ingest.cell_nul": {
        "zh-Hant": "儲存格含有 {count} 個 NUL 字元（檔案在此處已損壞，例如匯出中斷）；此列未匯入，"
                   "其他列照常匯入。請核對並重新輸入這一格，再上傳這一列。",
        "en": "The cell contains {count} NUL character(s): the file is damaged here (an export cut off, for "
              "example). This row was not imported; the other rows were. Check and retype this cell, then upload "
              "the row again.",
    },
    "ingest.unreadable_value": {
        "zh-Hant": "無法讀取此值；請改為純文字或數字。",
        "en": "This value cannot be read; enter plain text or a number.",
    },
    "ingest.bad_date": {
        "zh-Hant": "不是可識別的日期；請改為 年-月-日，例如 2026-10-05。",
        "en": "Not a recognised date; use year-month-day, e.g. 2026-10-05.",
    },
    "ingest.bad_email": {  # SPEC 2.7 contacts (issue #15); here because the reader's codes live in this catalogue
        "zh-Hant": "不是有效的電子郵件地址；請改為例如 wang.xm@example.com 的寫法。",
        "en": "Not a valid e-mail address; write it like wang.xm@example.com.",
    },
    "ingest.date_ambiguous": {
        "zh-Hant": "日期格式有歧義（月/日或日/月），請改為 {suggestion}",
        "en": "Ambiguous date (month/day or day/month); write it as {suggestion}",
    },
    "ingest.date_ambiguous_either": {
        "zh-Hant": "日期格式有歧義（月/日或日/月），請改為 {first} 或 {second}（年-月-日）",
        "en": "Ambiguous date (month/day or day/month); write it as {first} or {second} (year-month-day)",
    },
    "ingest.date_impossible": {
        "zh-Hant": "日期不存在（例如 2 月 30 日）；請更正。",
        "en": "No such date (e.g. 30 February); correct it.",
    },
    "ingest.date_out_of_range": {
        "zh-Hant": "年份須在 {min} 至 {max} 之間；請檢查是否打錯。",
        "en": "The year must be between {min} and {max}; check for a typo.",
    },
    "ingest.bad_hours": {
        "zh-Hant": "時長應為小時數（例如 4、3.5、4小時、3.5h），或 半天 / 全天；請更正。",
        "en": "Hours must be a number of hours (4, 3.5, 4小時, 3.5h) or 半天 / 全天; correct it.",
    },
    "ingest.hours_range": {
        "zh-Hant": "時長須大於 0 且不超過 24 小時；請更正。",
        "en": "Hours must be more than 0 and at most 24; correct it.",
    },
    "ingest.bad_int": {
        "zh-Hant": "應為 0 或正整數；請更正。",
        "en": "Must be a whole number of 0 or more; correct it.",
    },
    "ingest.int_not_whole": {
        "zh-Hant": "應為整數，不能有小數；請更正。",
        "en": "Must be a whole number, without decimals; correct it.",
    },
    "ingest.int_negative": {
        "zh-Hant": "不能為負數；請更正。",
        "en": "Cannot be negative; correct it.",
    },
    "ingest.int_too_large": {
        "zh-Hant": "數值超過 {max}，應是打錯；請更正。",
        "en": "Above {max}, which must be a typo; correct it.",
    },
    "ingest.bad_yesno": {
        "zh-Hant": "應填 {allowed}（亦接受 Y/N、√/×、1/0）；請更正。",
        "en": "Must be {allowed} (Y/N, √/×, 1/0 also accepted); correct it.",
    },
    "ingest.bad_vocab": {
        "zh-Hant": "不是允許的值；請填 {allowed} 其中之一。",
        "en": "Not an allowed value; use one of {allowed}.",
    },
    # ------------------------------------------------------------ row rules
    "ingest.parent_required": {
        "zh-Hant": "層級為 地市公司 時必須填寫上級公司（所屬省公司）；請補上。",
        "en": "A city company must name its parent (province) company; fill it in.",
    },
    "ingest.item_required": {
        "zh-Hant": "穿越類別為 常規穿越 時必須填寫穿越項目；請補上。",
        "en": "A routine walkthrough needs an item; fill it in.",
    },
    "ingest.theme_missing": {
        "zh-Hant": "專項穿越未填穿越主題；已匯入，建議補上主題。",
        "en": "A special-topic walkthrough without a theme; imported, but add the theme.",
    },
    "ingest.reception_hours_missing": {
        "zh-Hant": "客戶接待日未填時長；已匯入，但不能計入接待日（半天以上）考核，請補上時長。",
        "en": "A customer reception day without hours; imported, but it cannot count for the reception-day "
              "quota (half a day or more). Add the hours.",
    },
    "ingest.category_nonstandard": {
        "zh-Hant": "不是標準問題類別（{allowed}）；已照錄匯入並標記，建議改為標準類別。",
        "en": "Not a standard issue category ({allowed}); kept as written and flagged. Consider a standard one.",
    },
    "ingest.resolved_missing": {
        "zh-Hant": "狀態為 {status} 但未填解決日期；已匯入，無法計算解決天數，請補上。",
        "en": "Status {status} without a resolution date; imported, but days-to-close cannot be computed. Add it.",
    },
    "ingest.names_not_split": {
        "zh-Hant": "工號有 {ids} 個、姓名有 {names} 個，無法一一對應；已匯入但這些列不帶姓名（以名冊為準）。",
        "en": "{ids} IDs but {names} names, so they cannot be paired; imported without names "
              "(the roster supplies them).",
    },
    "ingest.duplicate_id": {
        "zh-Hant": "與第 {first_row} 行重複；同一檔案內不可重複，此列未匯入，請刪除或合併。",
        "en": "Duplicates row {first_row}; it must be unique within the file. This row was not imported; "
              "delete or merge it.",
    },
    "ingest.duplicate_id_other_sheet": {
        "zh-Hant": "與工作表「{first_sheet}」第 {first_row} 行重複；同一檔案內不可重複，此列未匯入，請刪除或合併。",
        "en": "Duplicates row {first_row} of sheet \"{first_sheet}\"; it must be unique within the file. This row "
              "was not imported; delete or merge it.",
    },
    "ingest.duplicate_participant": {
        "zh-Hant": "同一活動、同一工號已在第 {first_row} 行出現；此列未匯入，請刪除重複列。",
        "en": "The same person in the same activity already appears in row {first_row}; this row was not "
              "imported. Delete the duplicate.",
    },
    "ingest.duplicate_participant_other_sheet": {
        "zh-Hant": "同一活動、同一工號已在工作表「{first_sheet}」第 {first_row} 行出現；此列未匯入，請刪除重複列。",
        "en": "The same person in the same activity already appears in row {first_row} of sheet "
              "\"{first_sheet}\"; this row was not imported. Delete the duplicate.",
    },
    # ------------------------------------------------------------ template workbook
    "ingest.template.instructions_title": {
        "zh-Hant": "流程穿越資料範本 — 填寫說明",
        "en": "Process walkthrough data template — how to fill it in",
    },
    "ingest.template.instructions": {
        "zh-Hant": "每個工作表是一種資料表：{tables}。第一行是表頭，請勿修改；從第二行起每行一筆資料。"
                   "範例列可直接刪除或覆蓋。系統依表頭識別資料表，與工作表名稱、檔名無關；"
                   "表頭的簡體/繁體、全形/半形與空白均可容忍。日期請寫成 2026-10-05。"
                   "灰色註解說明每欄的規則；下拉選單列出允許的值。",
        "en": "Each sheet is one table: {tables}. The first row is the header; do not change it. One record per row "
              "from row 2. The example row may be deleted or overwritten. Tables are recognised by their headers, "
              "not by sheet or file name; Simplified/Traditional, full/half width and spaces are tolerated. "
              "Write dates as 2026-10-05. Each header's comment gives its rule; drop-downs list allowed values.",
    },
    "ingest.template.col_table": {"zh-Hant": "資料表", "en": "Table"},
    "ingest.template.col_header": {"zh-Hant": "欄位", "en": "Header"},
    "ingest.template.col_required": {"zh-Hant": "必填", "en": "Required"},
    "ingest.template.col_rule": {"zh-Hant": "規則", "en": "Rule"},
    "ingest.template.col_allowed": {"zh-Hant": "允許的值", "en": "Allowed values"},
    "ingest.template.yes": {"zh-Hant": "是", "en": "yes"},
    "ingest.template.no": {"zh-Hant": "否", "en": "no"},
    "ingest.template.sheet_instructions": {"zh-Hant": "說明", "en": "Instructions"},
    "ingest.template.bad_value_title": {"zh-Hant": "值不在清單內", "en": "Value not in the list"},
    "ingest.template.bad_value": {
        "zh-Hant": "請從下拉清單選擇允許的值。",
        "en": "Choose an allowed value from the drop-down list.",
    },
    "ingest.template.written": {"zh-Hant": "範本已寫入 {path}", "en": "Template written to {path}"},
    # plans (SPEC 2.6, issue #14)
    "ingest.bad_period": {
        "zh-Hant": "不是可識別的期間；請填 2026（年度）、2026H1（半年）、2026Q3（季度）或 2026-07（月份）。",
        "en": "Not a recognised period; write 2026 (year), 2026H1 (half-year), 2026Q3 (quarter) or 2026-07 (month).",
    },
    "ingest.plan_period_required": {
        "zh-Hant": "計畫類型為 {kind} 時必須填寫計畫期間，例如 2026 或 2026H1；請補上。",
        "en": "A {kind} needs a period, e.g. 2026 or 2026H1; fill it in.",
    },
    "ingest.plan_count_required": {
        "zh-Hant": "計畫類型為 {kind} 時必須填寫計畫次數（期間內計畫的穿越活動數）；請補上。",
        "en": "A {kind} needs a planned count (activities planned in the period); fill it in.",
    },
    "ingest.plan_count_min": {
        "zh-Hant": "計畫次數至少為 1；請更正或刪除此列。",
        "en": "The planned count must be at least 1; correct it or delete the row.",
    },
    "ingest.plan_employee_required": {
        "zh-Hant": "個人計畫必須填寫工號；請補上。",
        "en": "An individual plan needs the walker's employee ID; fill it in.",
    },
    "ingest.plan_date_required": {
        "zh-Hant": "個人計畫必須填寫計畫日期（預定的穿越日期）；請補上。",
        "en": "An individual plan needs the planned walk date; fill it in.",
    },
    "ingest.plan_annual_year": {
        "zh-Hant": "年度計畫的計畫期間應為整年，例如 {year}；半年、季度或月份請改用 階段計畫。",
        "en": "An annual plan covers a whole year, e.g. {year}; use 階段計畫 (phase plan) for a half-year, quarter or "
              "month.",
    },
}
