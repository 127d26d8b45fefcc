"""Interface text of sign-in, roles, scopes and the admin page (part "auth")."""


MESSAGES = {
    # roles
    "auth.role.admin": {"zh-Hant": "管理員", "en": "Administrator"},
    "auth.role.lead": {"zh-Hant": "牽頭部門", "en": "Lead department"},
    "auth.role.viewer": {"zh-Hant": "檢視者", "en": "Viewer"},
    "auth.role.department": {"zh-Hant": "責任部門", "en": "Owner department"},
    "auth.role.local": {"zh-Hant": "本機使用者", "en": "Local user"},
    "auth.scope.all": {"zh-Hant": "全部公司", "en": "All companies"},
    # sidebar
    "auth.local_mode": {"zh-Hant": "本機模式：未啟用登入，可存取全部資料",
                        "en": "Local mode: no sign-in, full access"},
    "auth.local_mode_help": {
        "zh-Hant": "伺服器只接受本機（127.0.0.1）連線，且尚未建立使用者。多人使用請見 docs/security.md。",
        "en": "The server accepts only local (127.0.0.1) connections and no users exist. For a team, see "
              "docs/security.md.",
    },
    "auth.signed_in_as": {"zh-Hant": "已登入：{name}（{role}）", "en": "Signed in: {name} ({role})"},
    "auth.signed_in_scope": {"zh-Hant": "資料範圍：{scope}", "en": "Data scope: {scope}"},
    "auth.logout": {"zh-Hant": "登出", "en": "Sign out"},
    # sign-in form
    "auth.login.title": {"zh-Hant": "流程穿越 analytics", "en": "流程穿越 analytics"},
    "auth.login.form": {"zh-Hant": "登入", "en": "Sign in"},
    "auth.login.username": {"zh-Hant": "使用者名稱", "en": "User name"},
    "auth.login.password": {"zh-Hant": "密碼", "en": "Password"},
    "auth.login.submit": {"zh-Hant": "登入", "en": "Sign in"},
    "auth.login.failed": {"zh-Hant": "使用者名稱或密碼不正確。", "en": "The user name or password is incorrect."},
    "auth.login.help": {
        "zh-Hant": "帳號由管理員以指令 `python -m analytics users add` 建立；忘記密碼請聯絡管理員。",
        "en": "Accounts are created by an administrator with `python -m analytics users add`; if you forgot your "
              "password, ask them.",
    },
    "auth.login.wait": {
        "zh-Hant": "登入失敗次數過多，請於 {seconds} 秒後再試（此期間不檢查密碼）。",
        "en": "Too many failed sign-ins: try again in {seconds} s (no password is checked until then).",
    },
    "auth.login.error": {"zh-Hant": "無法登入：{error}", "en": "Cannot sign in: {error}"},
    "auth.login.user_gone": {"zh-Hant": "您的帳號已被移除或密碼已變更，請重新登入。",
                             "en": "Your account was removed or its password changed; please sign in again."},
    # refusal to serve without users on a non-loopback address
    "auth.refuse.title": {"zh-Hant": "尚未設定使用者，拒絕對外提供服務", "en": "No users configured: not serving"},
    "auth.refuse.body": {
        "zh-Hant": "此伺服器綁定於 {address}，其他電腦可以連線，但使用者檔 {path} 不存在或沒有使用者。"
                   "為保護資料，在建立至少一位使用者之前不會顯示任何內容。請在伺服器上執行：",
        "en": "This server is bound to {address}, so other computers can reach it, but the users file {path} does "
              "not exist or holds no users. To protect the data nothing is shown until at least one user exists. "
              "On the server, run:",
    },
    "auth.refuse.after": {
        "zh-Hant": "然後重新整理此頁。只在本機使用時，請以 --server.address 127.0.0.1 啟動。",
        "en": "Then reload this page. For local use only, start with --server.address 127.0.0.1.",
    },
    "auth.refuse.proxied": {
        "zh-Hant": "此頁經由反向代理（X-Forwarded-For 等標頭）送達，其他電腦可以連線，但使用者檔 {path} 不存在或沒有"
                   "使用者。為保護資料，在建立至少一位使用者之前不會顯示任何內容。請在伺服器上執行：",
        "en": "This page came through a reverse proxy (X-Forwarded-For or similar headers), so other computers can "
              "reach it, but the users file {path} does not exist or holds no users. To protect the data nothing is "
              "shown until at least one user exists. On the server, run:",
    },
    "auth.refuse.after_proxied": {
        "zh-Hant": "然後重新整理此頁。只在本機使用時，請不經代理直接開啟 http://127.0.0.1:埠號。",
        "en": "Then reload this page. For local use only, open http://127.0.0.1:PORT directly, not through the proxy.",
    },
    "auth.refuse.host": {
        "zh-Hant": "此頁以主機名稱 {host} 開啟，但本機模式只接受 localhost、127.0.0.1 或 [::1]。其他網站可以把自己的名稱"
                   "指向本機（DNS rebinding）來讀取資料，所以不會顯示任何內容。",
        "en": "This page was opened as {host}, but local mode accepts only localhost, 127.0.0.1 or [::1]. Another web "
              "site can point its own name at this machine (DNS rebinding) to read the data, so nothing is shown.",
    },
    "auth.refuse.after_host": {
        "zh-Hant": "請直接開啟 http://127.0.0.1:埠號。要以其他名稱或從其他電腦使用，請先建立使用者（上面的指令）。",
        "en": "Open http://127.0.0.1:PORT directly. To use another name or other computers, create users first "
              "(the command above).",
    },
    "auth.trusted_proxies_error": {
        "zh-Hant": "信任的代理設定有誤，為安全起見停止服務：{error}",
        "en": "The trusted proxy setting is invalid; not serving, to be safe: {error}",
    },
    "auth.all_interfaces": {"zh-Hant": "所有網路介面", "en": "all network interfaces"},
    "auth.users_file_error": {
        "zh-Hant": "使用者檔有誤，為安全起見停止服務：{error}",
        "en": "The users file is invalid; not serving, to be safe: {error}",
    },
    # roles and scopes on pages
    "auth.role_denied": {"zh-Hant": "此頁僅限{roles}使用。", "en": "This page is for {roles} only."},
    "auth.scope_denied": {
        "zh-Hant": "您無權查看「{scope}」的資料，已改為顯示您的範圍「{allowed}」。",
        "en": "You may not read data of “{scope}”; showing your own scope “{allowed}” instead.",
    },
    "auth.import_denied": {"zh-Hant": "無法匯入：{reason}", "en": "Cannot import: {reason}"},
    # admin page
    "auth.admin.title": {"zh-Hant": "系統管理", "en": "Administration"},
    "auth.admin.audit": {"zh-Hant": "稽核紀錄", "en": "Audit log"},
    "auth.admin.audit_caption": {
        "zh-Hant": "誰在何時做了什麼：登入、匯入、回復、使用者變更。時間為伺服器時間。",
        "en": "Who did what and when: sign-ins, imports, rollbacks, user changes. Times are server time.",
    },
    "auth.admin.users": {"zh-Hant": "使用者", "en": "Users"},
    "auth.admin.users_cli": {
        "zh-Hant": "使用者只能在伺服器上以指令管理（此處唯讀）：`python -m analytics users add 名稱 --role "
                   "admin|lead|viewer --company 公司`、`users passwd 名稱`、`users remove 名稱`。使用者檔：{path}",
        "en": "Users are managed on the server from the command line only (read-only here): `python -m analytics "
              "users add NAME --role admin|lead|viewer --company COMPANY`, `users passwd NAME`, `users remove NAME`. "
              "Users file: {path}",
    },
    "auth.admin.no_users": {"zh-Hant": "尚未建立使用者（本機模式）。", "en": "No users yet (local mode)."},
    "auth.admin.filter_actor": {"zh-Hant": "使用者", "en": "User"},
    "auth.admin.filter_action": {"zh-Hant": "動作", "en": "Action"},
    "auth.admin.filter_dates": {"zh-Hant": "日期區間", "en": "Date range"},
    "auth.admin.filter_text": {"zh-Hant": "內容包含", "en": "Details contain"},
    "auth.admin.any": {"zh-Hant": "（全部）", "en": "(any)"},
    "auth.admin.count": {"zh-Hant": "共 {n} 筆", "en": "{n} entries", "en.one": "{n} entry"},
    "auth.admin.download": {"zh-Hant": "下載稽核紀錄 (.xlsx)", "en": "Download the audit log (.xlsx)"},
    "auth.admin.empty": {"zh-Hant": "沒有符合條件的稽核紀錄。", "en": "No audit entries match."},
    "auth.admin.no_db": {"zh-Hant": "尚無資料庫，因此沒有稽核紀錄。", "en": "No database yet, so no audit log."},
    "auth.col.at": {"zh-Hant": "時間", "en": "When"},
    "auth.col.actor": {"zh-Hant": "使用者", "en": "Who"},
    "auth.col.action": {"zh-Hant": "動作", "en": "Action"},
    "auth.col.detail": {"zh-Hant": "內容", "en": "Details"},
    "auth.col.username": {"zh-Hant": "使用者名稱", "en": "User name"},
    "auth.col.display_name": {"zh-Hant": "姓名", "en": "Name"},
    "auth.col.role": {"zh-Hant": "角色", "en": "Role"},
    "auth.col.company": {"zh-Hant": "公司", "en": "Company"},
    # audit actions (the store's own actions are shown as stored when not listed here)
    "auth.action.sign_in": {"zh-Hant": "登入", "en": "Signed in"},
    "auth.action.sign_in_failed": {"zh-Hant": "登入失敗", "en": "Sign-in failed"},
    "auth.action.sign_out": {"zh-Hant": "登出", "en": "Signed out"},
    "auth.action.user_add": {"zh-Hant": "新增使用者", "en": "User added"},
    "auth.action.user_remove": {"zh-Hant": "移除使用者", "en": "User removed"},
    "auth.action.user_passwd": {"zh-Hant": "變更密碼", "en": "Password changed"},
    "auth.action.scope_denied": {"zh-Hant": "越權查詢遭拒", "en": "Scope refused"},
    "auth.action.import": {"zh-Hant": "匯入", "en": "Import"},
    "auth.action.import_rejected": {"zh-Hant": "匯入遭拒", "en": "Import rejected"},
    "auth.action.rollback": {"zh-Hant": "回復匯入", "en": "Rollback"},
}

