"""Interface text of the dashboard shell and its pages: overview, compliance, import, batches (keys ``ui.``)."""

MESSAGES = {
    # app and navigation
    "ui.app.title": {"zh-Hant": "流程穿越 analytics", "en": "流程穿越 analytics"},
    "ui.nav.section.overview": {"zh-Hant": "總覽", "en": "Overview"},
    "ui.nav.section.analysis": {"zh-Hant": "分析", "en": "Analysis"},
    "ui.nav.section.data": {"zh-Hant": "資料", "en": "Data"},
    "ui.nav.section.admin": {"zh-Hant": "管理", "en": "Administration"},
    "ui.nav.home": {"zh-Hant": "總覽", "en": "Overview"},
    "ui.nav.compliance": {"zh-Hant": "配額達標", "en": "Quota compliance"},
    "ui.nav.volume": {"zh-Hant": "穿越量", "en": "Volume"},
    "ui.nav.issues": {"zh-Hant": "問題跟蹤", "en": "Issues"},
    "ui.nav.discipline": {"zh-Hant": "流程規範", "en": "Process discipline"},
    "ui.nav.quality": {"zh-Hant": "資料品質", "en": "Data quality"},
    "ui.nav.briefing": {"zh-Hant": "簡報", "en": "Briefing"},
    "ui.nav.import": {"zh-Hant": "資料匯入", "en": "Import data"},
    "ui.nav.batches": {"zh-Hant": "匯入紀錄", "en": "Import history"},
    "ui.nav.admin": {"zh-Hant": "系統管理", "en": "Administration"},
    # sidebar
    "ui.sidebar.scope": {"zh-Hant": "公司範圍", "en": "Company scope"},
    "ui.sidebar.scope_help": {
        "zh-Hant": "省公司包含其地市公司；總部包含全部公司。",
        "en": "A province company includes its cities; 總部 (HQ) includes every company.",
    },
    "ui.scope.all": {"zh-Hant": "全部公司", "en": "All companies"},
    "ui.sidebar.period_kind": {"zh-Hant": "期間類型", "en": "Period type"},
    "ui.period.kind.year": {"zh-Hant": "年", "en": "Year"},
    "ui.period.kind.quarter": {"zh-Hant": "季", "en": "Quarter"},
    "ui.period.kind.month": {"zh-Hant": "月", "en": "Month"},
    "ui.sidebar.period": {"zh-Hant": "期間", "en": "Period"},
    "ui.period.year_fmt": {"zh-Hant": "{year}年", "en": "{year}"},
    "ui.period.quarter_fmt": {"zh-Hant": "{year}年第{q}季", "en": "{year} Q{q}"},
    "ui.sidebar.as_of": {"zh-Hant": "統計截至", "en": "As of"},
    "ui.sidebar.as_of_help": {
        "zh-Hant": "進行中的期間以此日期判斷達標進度與逾期問題。",
        "en": "Progress of unfinished periods and overdue issues are judged on this date.",
    },
    "ui.sidebar.level": {"zh-Hant": "層級", "en": "Level"},
    "ui.level.all": {"zh-Hant": "全部層級", "en": "All levels"},
    "ui.sidebar.language": {"zh-Hant": "語言 Language", "en": "Language 語言"},
    # statuses of quota results and pace (SPEC 4.1)
    # shared widgets
    "ui.download.xlsx": {"zh-Hant": "下載 Excel", "en": "Download Excel"},
    "ui.empty.hint": {
        "zh-Hant": "請換一個期間或公司範圍，或先到「資料匯入」上傳穿越記錄。",
        "en": "Choose another period or company scope, or upload walkthrough logs on the Import data page.",
    },
    "ui.empty.no_data_period": {
        "zh-Hant": "此期間與範圍沒有資料。",
        "en": "There is no data for this period and scope.",
    },
    "ui.error.unexpected": {
        "zh-Hant": "這一部分暫時無法顯示（{detail}）。其餘頁面不受影響；若持續出現，請把這段文字告知管理員。",
        "en": "This part cannot be shown right now ({detail}). Other pages are unaffected; "
              "if it persists, send this text to your administrator.",
    },
    # overview / welcome
    "ui.home.welcome_title": {"zh-Hant": "歡迎使用 流程穿越 analytics", "en": "Welcome to 流程穿越 analytics"},
    "ui.home.welcome_intro": {
        "zh-Hant": "彙整各公司每月的流程穿越記錄與問題跟蹤表，自動計算配額達標、穿越量、問題解決進度與流程規範，"
                   "並產生服務分析會簡報。資料庫目前是空的，請選擇一種方式開始：",
        "en": "Collects each company's monthly walkthrough logs and issue trackers, computes quota compliance, "
              "volume, resolution progress and process discipline, and produces the service-analysis briefing. "
              "The database is empty; choose how to start:",
    },
    "ui.home.step_template": {"zh-Hant": "① 下載範本", "en": "① Download the template"},
    "ui.home.step_template_text": {
        "zh-Hant": "人員名冊、穿越記錄、問題跟蹤三張表的標準表頭與填寫說明。",
        "en": "Standard headers and filling rules of the roster, the walkthrough log and the issue tracker.",
    },
    "ui.home.template_button": {"zh-Hant": "下載範本 (.xlsx)", "en": "Download template (.xlsx)"},
    "ui.home.step_import": {"zh-Hant": "② 匯入資料", "en": "② Import your files"},
    "ui.home.step_import_text": {
        "zh-Hant": "上傳 Excel 或 CSV，先預覽辨識結果與錯誤，再確認匯入。",
        "en": "Upload Excel or CSV files, preview what was recognised and any errors, then commit.",
    },
    "ui.home.step_demo": {"zh-Hant": "③ 先看示範資料", "en": "③ Try the demo data"},
    "ui.home.step_demo_text": {
        "zh-Hant": "載入一家虛構營運商一整年的名冊、穿越記錄與問題，立即體驗各頁面。",
        "en": "Load a fictional operator's year of rosters, walkthroughs and issues to explore every page.",
    },
    "ui.home.demo_button": {"zh-Hant": "載入示範資料", "en": "Load the demo data"},
    "ui.home.demo_running": {"zh-Hant": "正在產生並匯入示範資料……", "en": "Generating and importing the demo data…"},
    "ui.home.demo_failed": {"zh-Hant": "示範資料載入失敗：", "en": "Loading the demo data failed:"},
    "ui.home.demo_done": {"zh-Hant": "示範資料已載入。", "en": "The demo data is loaded."},
    "ui.home.title": {"zh-Hant": "總覽", "en": "Overview"},
    "ui.home.caption": {
        "zh-Hant": "{scope} · {period} · 統計截至 {as_of}",
        "en": "{scope} · {period} · as of {as_of}",
    },
    # import page (SPEC 2.4-2.5)
    "ui.table.roster": {"zh-Hant": "人員名冊", "en": "Staff roster"},
    "ui.table.walkthroughs": {"zh-Hant": "穿越記錄", "en": "Walkthrough log"},
    "ui.table.issues": {"zh-Hant": "問題跟蹤", "en": "Issue tracking"},
    "ui.import.title": {"zh-Hant": "資料匯入", "en": "Import data"},
    "ui.import.intro": {
        "zh-Hant": "上傳人員名冊、穿越記錄或問題跟蹤表（.xlsx、.xlsm、.xls、.csv，每個檔案上限 {limit} MB）。"
                   "系統依表頭辨識表格，與檔名及工作表名稱無關；先預覽，確認後才寫入。重複匯入相同資料只會更新，不會重複計算。",
        "en": "Upload staff rosters, walkthrough logs or issue trackers (.xlsx, .xlsm, .xls, .csv; up to {limit} MB "
              "per file). Tables are recognised by their headers, not by file or sheet names; preview first, then "
              "commit. Importing the same data again updates it and never double counts.",
    },
    "ui.import.not_allowed": {
        "zh-Hant": "您的角色只能檢視資料；匯入由牽頭部門或管理員進行。",
        "en": "Your role can only view data; imports are done by the lead department or an administrator.",
    },
    "ui.import.template_expander": {"zh-Hant": "下載範本", "en": "Download the template"},
    "ui.import.strict": {"zh-Hant": "嚴格模式", "en": "Strict mode"},
    "ui.import.strict_help": {
        "zh-Hant": "開啟後，檔案中只要有任何錯誤就整個檔案不匯入；關閉時只略過有錯誤的列。",
        "en": "When on, any error rejects the whole file; when off, only the rows with errors are left out.",
    },
    "ui.import.uploader": {"zh-Hant": "拖放或選擇檔案（可多選）", "en": "Drag and drop or choose files (several allowed)"},
    "ui.import.uploader_help": {"zh-Hant": "每個檔案上限 {limit} MB。", "en": "Up to {limit} MB per file."},
    "ui.import.too_large": {
        "zh-Hant": "「{name}」超過 {limit} MB 的上傳上限，未讀取。請分月或分公司拆成較小的檔案再上傳。",
        "en": "“{name}” exceeds the {limit} MB upload limit and was not read. Split it by month or company and "
              "upload the parts.",
    },
    "ui.import.preview_summary": {
        "zh-Hant": "可匯入 {valid} 列 · 將被拒絕 {rejected} 列 · 錯誤 {errors} · 提示 {warnings} · 說明 {notices}",
        "en": "{valid} rows to import · {rejected} rows rejected · {errors} errors · {warnings} warnings · "
              "{notices} notices",
    },
    "ui.import.problems": {"zh-Hant": "錯誤與提示（{n}）", "en": "Errors and warnings ({n})"},
    # the preview is the import's dry run (issue #16 item 10): what pressing the button will do
    "ui.import.plan_status.imported": {"zh-Hant": "將全部匯入", "en": "Will be imported"},
    "ui.import.plan_status.partial": {"zh-Hant": "將部分匯入", "en": "Will be partly imported"},
    "ui.import.plan_status.rejected": {"zh-Hant": "將不會匯入", "en": "Will be rejected"},
    "ui.import.plan_status.already_imported": {"zh-Hant": "先前已匯入", "en": "Already imported"},
    "ui.import.plan_already": {
        "zh-Hant": "此檔案與批次 {batch} 完全相同，先前已匯入：確認匯入不會有任何變更，因此不列入本次匯入。"
                   "如要更正該批次，請上傳修正後的檔案。",
        "en": "This file is identical to batch {batch}, which is already imported: importing it would change "
              "nothing, so it is left out. To correct that batch, upload the corrected file.",
    },
    "ui.import.plan_counts": {
        "zh-Hant": "確認匯入後：新增 {new} 列 · 更新 {updated} 列 · 未變 {unchanged} 列",
        "en": "On import: {new} new rows · {updated} updated · {unchanged} unchanged",
    },
    "ui.import.not_recognised": {"zh-Hant": "未辨識（略過）", "en": "Not recognised (skipped)"},
    "ui.import.hidden": {"zh-Hant": "隱藏工作表（略過）", "en": "Hidden sheet (skipped)"},
    "ui.import.col.sheet": {"zh-Hant": "工作表", "en": "Sheet"},
    "ui.import.col.table": {"zh-Hant": "辨識為", "en": "Recognised as"},
    "ui.import.col.table_name": {"zh-Hant": "表格", "en": "Table"},
    "ui.import.col.header_row": {"zh-Hant": "表頭列", "en": "Header row"},
    "ui.import.col.rows_found": {"zh-Hant": "資料列", "en": "Rows found"},
    "ui.import.col.valid": {"zh-Hant": "有效列", "en": "Valid rows"},
    "ui.import.col.rejected": {"zh-Hant": "拒絕列", "en": "Rejected rows"},
    "ui.import.col.severity": {"zh-Hant": "類別", "en": "Severity"},
    "ui.import.col.location": {"zh-Hant": "位置", "en": "Where"},
    "ui.import.col.message": {"zh-Hant": "說明", "en": "What to do"},
    "ui.import.severity.error": {"zh-Hant": "錯誤", "en": "Error"},
    "ui.import.severity.warning": {"zh-Hant": "提示", "en": "Warning"},
    "ui.import.severity.notice": {"zh-Hant": "說明", "en": "Notice"},
    "ui.import.commit": {"zh-Hant": "確認匯入 {n} 個檔案", "en": "Import {n} files", "en.one": "Import {n} file"},
    "ui.import.commit_strict": {"zh-Hant": "確認匯入 {n} 個檔案（嚴格模式）", "en": "Import {n} files (strict)",
                                "en.one": "Import {n} file (strict)"},
    "ui.import.committing": {"zh-Hant": "正在匯入……", "en": "Importing…"},
    "ui.import.results": {"zh-Hant": "匯入結果", "en": "Import results"},
    "ui.import.batch": {"zh-Hant": "批次 #{batch}", "en": "batch #{batch}"},
    "ui.import.status.imported": {"zh-Hant": "已匯入", "en": "Imported"},
    "ui.import.status.partial": {"zh-Hant": "部分匯入", "en": "Partly imported"},
    "ui.import.status.rejected": {"zh-Hant": "未匯入", "en": "Rejected"},
    "ui.import.status.already_imported": {"zh-Hant": "先前已匯入（未變更）", "en": "Already imported (no change)"},
    "ui.import.count.new": {"zh-Hant": "新增", "en": "New"},
    "ui.import.count.updated": {"zh-Hant": "更新", "en": "Updated"},
    "ui.import.count.unchanged": {"zh-Hant": "未變", "en": "Unchanged"},
    "ui.import.count.rejected": {"zh-Hant": "拒絕", "en": "Rejected"},
    "ui.import.count.warnings": {"zh-Hant": "提示", "en": "Warnings"},
    "ui.import.rejects_download": {
        "zh-Hant": "下載未匯入的列（含原因，可修正後重新上傳）",
        "en": "Download the rejected rows (with reasons, ready to fix and re-upload)",
    },
    "ui.import.rejected_rows": {"zh-Hant": "未匯入的列：{table}（{n}）", "en": "Rejected rows: {table} ({n})"},
    "ui.import.clear_results": {"zh-Hant": "清除結果", "en": "Clear results"},
    # quota rules (SPEC 4.1, article 6)
    # compliance page
    "ui.compliance.title": {"zh-Hant": "配額達標", "en": "Quota compliance"},
    "ui.compliance.caption": {"zh-Hant": "{scope} · {period} · 統計截至 {as_of}",
                              "en": "{scope} · {period} · as of {as_of}"},
    "ui.compliance.empty_period": {
        "zh-Hant": "{period} 在此範圍內沒有可評估的配額。",
        "en": "No quota result falls in {period} in this scope.",
    },
    "ui.compliance.view": {"zh-Hant": "檢視", "en": "View"},
    "ui.compliance.view.rule": {"zh-Hant": "單一規則", "en": "One rule"},
    "ui.compliance.view.company": {"zh-Hant": "各公司 × 規則", "en": "Companies × rules"},
    "ui.compliance.matrix.caption": {
        "zh-Hant": "每格為該公司在此規則下本期間所有單位與期間的結果：顏色取最差者，數字為達標 / 可評估。"
                   "最落後的公司排在最上方（未達標最多，其次有風險最多、達標比例最低）。點選格子開啟該規則。",
        "en": "Each cell holds every unit and period of the company for the rule in this period: the colour is the "
              "worst of them, the figure met / evaluated. Companies furthest behind come first (most missed, then "
              "most at risk, then lowest share met). Click a cell to open that rule.",
    },
    "ui.compliance.matrix.hover": {
        "zh-Hant": "達標 {met} / {evaluated} · 未達標 {missed} · 有風險 {at_risk}",
        "en": "met {met} of {evaluated} · missed {missed} · at risk {at_risk}",
    },
    "ui.compliance.matrix.table": {"zh-Hant": "公司 × 規則明細", "en": "Companies × rules table"},
    "ui.compliance.col.company": {"zh-Hant": "公司", "en": "Company"},
    "ui.compliance.col.rule": {"zh-Hant": "配額規則", "en": "Quota rule"},
    "ui.compliance.col.met_of": {"zh-Hant": "達標 / 可評估", "en": "Met / evaluated"},
    "ui.compliance.col.missed": {"zh-Hant": "未達標", "en": "Missed"},
    "ui.compliance.col.at_risk": {"zh-Hant": "有風險", "en": "At risk"},
    "ui.compliance.empty": {
        "zh-Hant": "{year} 年在此範圍內沒有可評估的配額（需要人員名冊）。",
        "en": "No quota can be evaluated for {year} in this scope (a staff roster is needed).",
    },
    "ui.compliance.rule": {"zh-Hant": "配額規則", "en": "Quota rule"},
    "ui.compliance.rows_capped": {
        "zh-Hant": "共 {total} 個單位，圖中顯示落後最多的 {shown} 個；請縮小公司範圍查看其餘單位。",
        "en": "{total} units; the chart shows the {shown} furthest behind. Narrow the company scope to see the rest.",
    },
    "ui.compliance.click_hint": {
        "zh-Hant": "點選格子查看尚未穿越的人員。藍色為進行中且進度正常，黃色為進行中但有落後風險。",
        "en": "Click a cell to see who has not gone yet. Blue: in progress and on track; amber: in progress "
              "but at risk.",
    },
    "ui.compliance.table": {"zh-Hant": "明細表（可點選一列）", "en": "Results table (select a row)"},
    "ui.compliance.pick_cell": {
        "zh-Hant": "在上方熱力圖點選一個格子（或在明細表選一列），即可列出尚未完成穿越的人員並下載名單。",
        "en": "Click a heatmap cell (or select a row of the table) to list the people who still owe a "
              "walkthrough and download the list.",
    },
    "ui.compliance.drill_title": {"zh-Hant": "{unit} · {period}", "en": "{unit} · {period}"},
    "ui.compliance.drill_figures": {
        "zh-Hant": "達成 {value}（{participants} / {population} 人）",
        "en": "{value} ({participants} of {population} people)",
    },
    "ui.compliance.nobody_owes": {"zh-Hant": "所有人員均已完成。", "en": "Everyone has gone."},
    "ui.compliance.owed_caption.share": {
        "zh-Hant": "尚未開展穿越的人員：{n} 人",
        "en": "{n} people have not done a walkthrough yet",
    },
    "ui.compliance.owed_caption.count": {
        "zh-Hant": "尚未參加半天（≥ 4 小時）客戶接待日的人員：{n} 人",
        "en": "{n} people have not attended a half-day (≥ 4 h) customer reception day yet",
    },
    "ui.compliance.owed_download": {
        "zh-Hant": "下載名單（每個部門一個工作表）",
        "en": "Download the list (one sheet per department)",
    },
    "ui.compliance.owed_all_download": {
        "zh-Hant": "下載 {period} 範圍內全部待穿越名單（{n} 人，每個部門一個工作表）",
        "en": "Download everyone in scope who still owes for {period} ({n} people, one sheet per department)",
    },
    "ui.compliance.pace.on_track": {
        "zh-Hant": "進度正常：目前 {participants} / {population} 人，按目前速度期末約 {projected} 人。"
                   "距目標尚需 {needed} 人，剩 {weeks} 週，每週約 {per_week} 人。",
        "en": "On track: {participants} of {population} so far, about {projected} by the end at this pace. "
              "{needed} more needed in {weeks} weeks, about {per_week} a week.",
    },
    "ui.compliance.pace.at_risk": {
        "zh-Hant": "有落後風險：目前 {participants} / {population} 人，按目前速度期末約 {projected} 人。"
                   "距目標尚需 {needed} 人，剩 {weeks} 週，每週需 {per_week} 人。",
        "en": "At risk: {participants} of {population} so far, about {projected} by the end at this pace. "
              "{needed} more needed in {weeks} weeks: {per_week} a week.",
    },
    "ui.compliance.pace.not_started": {
        "zh-Hant": "期間尚未開始：共需 {needed} 人，{weeks} 週內每週約 {per_week} 人。",
        "en": "The period has not started: {needed} people needed, about {per_week} a week over {weeks} weeks.",
    },
    "ui.compliance.col.unit": {"zh-Hant": "單位", "en": "Unit"},
    "ui.compliance.col.period": {"zh-Hant": "期間", "en": "Period"},
    "ui.compliance.col.status": {"zh-Hant": "狀態", "en": "Status"},
    "ui.compliance.col.value": {"zh-Hant": "達成", "en": "Value"},
    "ui.compliance.col.population": {"zh-Hant": "應參與人數", "en": "Population"},
    "ui.compliance.col.participants": {"zh-Hant": "已參與人數", "en": "Participants"},
    "ui.compliance.col.needed_per_week": {"zh-Hant": "每週需新增", "en": "Needed per week"},
    "ui.owed.col.employee_id": {"zh-Hant": "工號", "en": "Employee ID"},
    "ui.owed.col.name": {"zh-Hant": "姓名", "en": "Name"},
    "ui.owed.col.company": {"zh-Hant": "公司", "en": "Company"},
    "ui.owed.col.department": {"zh-Hant": "部門", "en": "Department"},
    "ui.owed.col.rank": {"zh-Hant": "職級", "en": "Rank"},
    "ui.owed.sheet_empty": {"zh-Hant": "名單", "en": "List"},
    # overview headline figures
    "ui.home.vs_previous": {"zh-Hant": "箭頭為與上一期間（{period}）相比的變化。",
                            "en": "The arrow shows the change against the previous period ({period})."},
    "ui.home.activities": {"zh-Hant": "穿越活動", "en": "Activities"},
    "ui.home.person_times": {"zh-Hant": "參與人次", "en": "Person-times"},
    "ui.home.participants": {"zh-Hant": "參與人數", "en": "Participants"},
    "ui.home.issues_raised": {"zh-Hant": "提出問題建議", "en": "Issues raised"},
    "ui.home.resolution_rate": {"zh-Hant": "問題解決率", "en": "Resolution rate"},
    "ui.home.resolution_help": {
        "zh-Hant": "已解決及已關閉 ÷ 全部問題（統計至期間末或統計截至日，取較早者）；箭頭為與上一期間末相比。",
        "en": "Resolved and closed ÷ all issues, at the period's end or the as-of date, whichever is earlier; "
              "the arrow compares with the end of the previous period.",
    },
    "ui.home.overdue": {"zh-Hant": "逾期未解決", "en": "Overdue issues"},
    "ui.home.overdue_help": {
        "zh-Hant": "未關閉且計畫完成日期已過的問題（統計至期間末或統計截至日，取較早者）。",
        "en": "Open issues past their planned completion date, at the period's end or the as-of date, "
              "whichever is earlier.",
    },
    "ui.home.quota_met": {"zh-Hant": "配額達標", "en": "Quota results met"},
    "ui.home.quota_at_risk": {"zh-Hant": "進行中有風險", "en": "In progress, at risk"},
    "ui.home.quota_missed": {"zh-Hant": "未達標", "en": "Missed"},
    "ui.home.future": {
        "zh-Hant": "{period}在 {as_of} 還沒開始：還沒有任何穿越或問題可計，配額結果都還沒有人參與（未開始），也不與上一期間比較。",
        "en": "{period} has not started on {as_of}: no walkthrough or issue counts yet, its quota results have "
              "nobody yet (not started), and there is no comparison with the previous period.",
    },
    "ui.home.empty_period": {
        "zh-Hant": "{period}截至 {as_of} 沒有任何穿越記錄，也沒有新提出的問題。",
        "en": "{period} has no walkthrough and no new issue up to {as_of}.",
    },
    "ui.home.no_issues_yet": {
        "zh-Hant": "截至此日尚無任何問題，解決率無從計算（不是 0%）。",
        "en": "No issue exists yet on this date, so there is no resolution rate (it is not 0 %).",
    },
    "ui.home.quota_on_track": {"zh-Hant": "進行中進度正常", "en": "In progress, on track"},
    "ui.home.quota_help": {
        "zh-Hant": "此期間內各配額規則的評估單位（公司或部門 × 期間）按狀態計數；不含人數為 0 的單位。",
        "en": "Units evaluated by the quota rules in this period (company or department × period), by status; "
              "units with nobody to count are left out.",
    },
    "ui.home.trend_title": {"zh-Hant": "{year} 年每月穿越趨勢", "en": "Walkthroughs by month, {year}"},
    "ui.home.trend_axis": {"zh-Hant": "次數 / 人數", "en": "Count"},
    "ui.home.laggards_title": {"zh-Hant": "達標進度最落後的單位", "en": "Units furthest behind"},
    "ui.home.no_laggards": {"zh-Hant": "此期間沒有未達標或有風險的單位。",
                            "en": "No unit has missed or is at risk in this period."},
    "ui.home.col.rule": {"zh-Hant": "規則", "en": "Rule"},
    "ui.home.to_compliance": {"zh-Hant": "前往配額達標查看全部", "en": "See all in Quota compliance"},
    # batches page (SPEC 2.5)
    "ui.batches.title": {"zh-Hant": "匯入紀錄", "en": "Import history"},
    "ui.batches.caption": {
        "zh-Hant": "每次匯入都是一個批次：誰、何時、哪個檔案、新增與更新多少列。選取一列可下載原始檔案或撤銷該批次；"
                   "撤銷會還原該批次所取代的資料。",
        "en": "Every import is a batch: who, when, which file, how many rows were added and updated. Select a row "
              "to download the original file or roll the batch back; a rollback restores what the batch replaced.",
    },
    "ui.batches.empty": {"zh-Hant": "尚未匯入任何檔案。", "en": "No file has been imported yet."},
    "ui.batches.pick": {"zh-Hant": "在上表選取一個批次，可下載原始檔案或撤銷匯入。",
                        "en": "Select a batch above to download its original file or roll it back."},
    "ui.batches.col.batch": {"zh-Hant": "批次", "en": "Batch"},
    "ui.batches.col.file": {"zh-Hant": "檔案", "en": "File"},
    "ui.batches.col.imported_at": {"zh-Hant": "匯入時間", "en": "Imported at"},
    "ui.batches.col.imported_by": {"zh-Hant": "匯入人", "en": "Imported by"},
    "ui.batches.col.status": {"zh-Hant": "狀態", "en": "Status"},
    "ui.batches.col.rejected": {"zh-Hant": "拒絕列", "en": "Rejected rows"},
    "ui.batches.col.strict": {"zh-Hant": "嚴格模式", "en": "Strict"},
    "ui.batches.col.rolled_back": {"zh-Hant": "撤銷（時間 · 人）", "en": "Rolled back (when · who)"},
    "ui.batches.count_cell": {"zh-Hant": "新增 {new} · 更新 {updated}", "en": "{new} new · {updated} updated"},
    "ui.batches.yes": {"zh-Hant": "是", "en": "Yes"},
    "ui.batches.status.active": {"zh-Hant": "有效", "en": "Active"},
    "ui.batches.status.rolled_back": {"zh-Hant": "已撤銷", "en": "Rolled back"},
    "ui.batches.status.rejected": {"zh-Hant": "未匯入", "en": "Rejected"},
    "ui.batches.download_original": {"zh-Hant": "下載原始檔案", "en": "Download the original file"},
    "ui.batches.rollback": {"zh-Hant": "撤銷此批次", "en": "Roll back this batch"},
    "ui.batches.rollback_denied": {
        "zh-Hant": "只有管理員或該公司的牽頭部門可以撤銷此批次。",
        "en": "Only an administrator or the company's lead department may roll back this batch.",
    },
    "ui.batches.confirm_text": {
        "zh-Hant": "撤銷批次 **#{batch}**（{file}）會刪除它寫入的資料，並還原它所取代的資料。此操作會記錄在稽核日誌中。",
        "en": "Rolling back batch **#{batch}** ({file}) deletes the rows it wrote and restores what it replaced. "
              "This is recorded in the audit log.",
    },
    "ui.batches.confirm_input": {"zh-Hant": "請輸入批次號碼 {batch} 以確認", "en": "Type the batch number {batch} to confirm"},
    "ui.batches.confirm_button": {"zh-Hant": "確認撤銷批次 #{batch}", "en": "Roll back batch #{batch}"},
}
