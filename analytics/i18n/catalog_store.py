"""Messages of the store: import outcomes, database warnings, batches, rollback, backup/restore/check."""

MESSAGES = {
    # connections
    "store.no_database": {
        "zh-Hant": "尚無資料庫：請先匯入檔案，或執行 `python -m analytics demo` 載入示範資料。",
        "en": "No database yet: import files or run `python -m analytics demo`.",
    },
    "store.db_unreadable": {
        "zh-Hant": "無法開啟資料庫 {path}：{error}。如檔案損壞，請以 `python -m analytics restore 備份檔` 還原。",
        "en": "Cannot open the database {path}: {error}. If it is damaged, restore a backup with "
              "`python -m analytics restore FILE`.",
    },
    "store.db_unwritable": {
        "zh-Hant": "無法在 {path} 寫入資料庫的新版本：{error}。請確認磁碟空間（約需資料庫大小的兩倍）與資料夾權限後再試。",
        "en": "Cannot write the next version of the database in {path}: {error}. Check the free disk space (about "
              "twice the database's size is needed) and the folder's permissions, then try again.",
    },
    # import outcome per file
    "store.status.imported": {"zh-Hant": "{file}：已全部匯入（批次 {batch}）", "en": "{file}: imported (batch {batch})"},
    "store.status.partial": {
        "zh-Hant": "{file}：部分匯入（批次 {batch}），有資料列被退回，請下載退回清單修正後重新上傳",
        "en": "{file}: partly imported (batch {batch}); some rows were rejected: download them, fix and re-upload",
    },
    "store.status.rejected": {"zh-Hant": "{file}：整個檔案未匯入", "en": "{file}: the whole file was rejected"},
    "store.status.already_imported": {
        "zh-Hant": "{file}：與批次 {batch} 完全相同，已匯入過，未作任何變更",
        "en": "{file}: identical to batch {batch}, already imported; nothing changed",
    },
    "store.summary.counts": {
        "zh-Hant": "{table}：新增 {new}、更新 {updated}、未變 {unchanged}、退回 {rejected}、提示 {warnings}",
        "en": "{table}: new {new}, updated {updated}, unchanged {unchanged}, rejected {rejected}, warnings {warnings}",
    },
    "store.summary.removed": {
        "zh-Hant": "名冊快照中有 {n} 人不在本檔案內，已自該快照移除",
        "en": "{n} staff of the replaced roster snapshots are not in this file and were removed from them",
    },
    "store.summary.more": {"zh-Hant": "……另有 {n} 則訊息", "en": "… and {n} more messages", "en.one": "… and {n} more message"},
    "store.severity.error": {"zh-Hant": "錯誤", "en": "error"},
    "store.severity.warning": {"zh-Hant": "提示", "en": "warning"},
    "store.severity.notice": {"zh-Hant": "說明", "en": "notice"},
    "store.progress.reading": {"zh-Hant": "讀取中", "en": "reading"},
    "store.progress.table": {"zh-Hant": "寫入{table}", "en": "writing {table}"},
    "store.progress.committing": {"zh-Hant": "提交中", "en": "committing"},
    "store.progress.done": {"zh-Hant": "完成", "en": "done"},
    # file-level refusals
    "store.file_not_found": {
        "zh-Hant": "找不到檔案「{value}」，請檢查路徑。", "en": "File \"{value}\" not found; check the path.",
    },
    "store.file_unreadable": {
        "zh-Hant": "無法讀取檔案「{value}」：{error}。", "en": "Cannot read file \"{value}\": {error}.",
    },
    "store.parse_failed": {
        "zh-Hant": "讀取檔案時發生未預期的問題（{error}），請另存為 .xlsx 後重試。",
        "en": "Unexpected problem while reading the file ({error}); save it as .xlsx and try again.",
    },
    "store.commit_failed": {
        "zh-Hant": "寫入資料庫時失敗（{error}），整個檔案已撤回，資料庫維持原狀。請稍後重試。",
        "en": "Writing to the database failed ({error}); the whole file was undone and the database is unchanged. "
              "Please try again later.",
    },
    "store.strict_rejected": {
        "zh-Hant": "嚴格模式：檔案有 {rows} 列被退回、共 {errors} 個錯誤，整個檔案未匯入。請修正後重新上傳。",
        "en": "Strict mode: {rows} rows rejected ({errors} errors), so the whole file was not imported. "
              "Fix them and upload again.",
    },
    "store.no_valid_rows": {
        "zh-Hant": "檔案中沒有可匯入的資料列，請下載退回清單修正後重新上傳。",
        "en": "The file has no row that could be imported; download the rejected rows, fix them and upload again.",
    },
    "store.already_imported": {
        "zh-Hant": "此檔案與批次 {batch} 完全相同，已匯入過。", "en": "This file is identical to batch {batch}.",
    },
    # warnings that need the database (SPEC 2.2)
    "store.warn.unmatched_employee": {
        "zh-Hant": "工號 {value} 不在人員名冊中：仍計入穿越量，但不計入配額。請確認工號或補充名冊。",
        "en": "Employee ID {value} is not on the roster: counted in volume but not for quotas. "
              "Check the ID or add the person to the roster.",
    },
    "store.warn.name_mismatch": {
        "zh-Hant": "姓名「{value}」與名冊中工號 {employee_id} 的姓名「{roster_name}」不符，請確認工號是否正確。",
        "en": "Name \"{value}\" differs from the roster's name \"{roster_name}\" for employee ID {employee_id}; "
              "check the ID.",
    },
    "store.warn.unknown_owner_company": {
        "zh-Hant": "責任單位「{value}」不在任何人員名冊中：問題仍會匯入，但不會出現在任何公司的範圍內。"
                   "請確認單位名稱與名冊的「公司」一致，或先匯入該單位的名冊。",
        "en": "Owner unit \"{value}\" is on no roster: the issue is imported but shows in no company's scope. "
              "Check that the name is written as on the roster's 公司 column, or import that unit's roster first.",
    },
    "store.missing_column": {
        "zh-Hant": "此工作表缺少必填欄「{column}」：整個檔案未匯入。請在該工作表加入此欄（範本中有）後重新上傳。",
        "en": "The sheet has no column \"{column}\", which is required: the whole file was refused. "
              "Add the column to the sheet (the template has it) and upload again.",
    },
    # batches and rollback
    "store.rollback.done": {
        "zh-Hant": "批次 {batch} 已回滾：其寫入的資料已移除，被取代的資料已還原。",
        "en": "Batch {batch} rolled back: its rows were removed and what it replaced was restored.",
    },
    "store.rollback.not_found": {"zh-Hant": "找不到批次 {batch}。", "en": "There is no batch {batch}."},
    "store.rollback.not_active": {
        "zh-Hant": "批次 {batch} 的狀態為「{status}」，無需回滾。",
        "en": "Batch {batch} is {status}; there is nothing to roll back.",
    },
    "store.rollback.blocked": {
        "zh-Hant": "無法回滾批次 {batch}：之後的批次 {later} 又修改了它寫入的資料。請先回滾批次 {first}。",
        "en": "Cannot roll back batch {batch}: later batch(es) {later} changed its rows. Roll back batch {first} first.",
    },
    "store.batch_status.active": {"zh-Hant": "有效", "en": "active"},
    "store.batch_status.rolled_back": {"zh-Hant": "已回滾", "en": "rolled back"},
    "store.batch_status.rejected": {"zh-Hant": "已退回", "en": "rejected"},
    "store.archive_missing": {
        "zh-Hant": "批次 {batch} 的原始檔案不在封存目錄中。", "en": "The original file of batch {batch} is not in the archive.",
    },
    # backup / restore / check
    "store.backup.done": {"zh-Hant": "已備份至 {path}（{size} 位元組）", "en": "Backed up to {path} ({size} bytes)"},
    "store.backup.same_file": {
        "zh-Hant": "備份檔不可與資料庫為同一檔案。", "en": "The backup file must not be the database itself.",
    },
    "store.restore.invalid": {
        "zh-Hant": "{path} 不是有效的備份：{reason}。資料庫未變更。",
        "en": "{path} is not a valid backup: {reason}. The database was not changed.",
    },
    "store.restore.done": {
        "zh-Hant": "已自 {path} 還原；原資料庫保留為 {bak}。",
        "en": "Restored from {path}; the previous database is kept as {bak}.",
    },
    "store.restore.missing": {"zh-Hant": "找不到備份檔 {path}。", "en": "Backup file {path} not found."},
    "store.check.ok": {"zh-Hant": "資料庫檢查通過（結構版本 {version}）。", "en": "Database OK (schema version {version})."},
    "store.check.version": {
        "zh-Hant": "結構版本為 {found}，應為 {expected}。", "en": "Schema version is {found}, expected {expected}.",
    },
    "store.check.duplicates": {
        "zh-Hant": "{table} 有 {n} 個重複的鍵。", "en": "{table} has {n} duplicate keys.",
    },
    "store.check.orphans": {
        "zh-Hant": "{table} 有 {n} 列所屬批次不存在或非有效狀態。",
        "en": "{table} has {n} rows whose batch is missing or not active.",
    },
    "store.check.history": {
        "zh-Hant": "{n} 個問題的狀態與其狀態歷程的最後一筆不一致。",
        "en": "{n} issues have a status that differs from the last entry of their status history.",
    },
    "store.check.history_orphans": {
        "zh-Hant": "狀態歷程有 {n} 列屬於不存在的問題或非有效批次。",
        "en": "{n} status-history rows belong to a missing issue or a batch that is not active.",
    },
    "store.check.undo": {
        "zh-Hant": "{table} 有 {n} 列屬於非有效批次。", "en": "{table} has {n} rows of batches that are not active.",
    },
    "store.check.archive": {
        "zh-Hant": "批次 {batches} 的原始檔案不在封存目錄中。", "en": "The originals of batches {batches} are missing from the archive.",
    },
    "store.check.problems": {"zh-Hant": "資料庫檢查發現問題：", "en": "The database check found problems:"},
}
