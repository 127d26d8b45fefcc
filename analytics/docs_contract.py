"""Generate ``docs/data-contract.md`` from ``analytics/schema.py`` (STYLE 6, 9: docs from the same code).

Run ``python -m analytics.docs_contract`` after changing the schema; ``tests/test_schema_contract.py`` fails
while the committed file differs from what this module renders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analytics.ingest.values import EXCEL_CELL_LIMIT, MAX_YEAR, MIN_YEAR
from analytics.schema import IMPORT_ORDER, TABLES, VOCABULARIES, Column, ColumnType, Table

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "data-contract.md"

_TYPE_NAMES = {
    ColumnType.TEXT: ("文字", "text"),
    ColumnType.ID: ("編號（文字）", "ID (text)"),
    ColumnType.ID_LIST: ("編號清單", "ID list"),
    ColumnType.DATE: ("日期", "date"),
    ColumnType.HOURS: ("小時數", "hours"),
    ColumnType.INT: ("整數 ≥ 0", "integer ≥ 0"),
    ColumnType.VOCAB: ("詞表", "vocabulary"),
    ColumnType.YESNO: ("是/否", "yes/no"),
    ColumnType.EMAIL: ("電子郵件", "e-mail"),
    ColumnType.PERIOD: ("期間", "period"),
}

_INTRO = f"""# 資料契約 Data contract

> 本文件由 `python -m analytics.docs_contract` 依 `analytics/schema.py` 產生，請勿手動修改。
> Generated from `analytics/schema.py` by `python -m analytics.docs_contract`; do not edit by hand.

各資料表以 Excel（.xlsx / .xlsm / .xls）或 CSV 上傳；一個活頁簿可放多張表，每張一個工作表。系統**只依表頭**
識別資料表，與檔名、工作表名無關。表頭與值的比對忽略空白與換行、全形/半形、大小寫與繁簡差異；下表的別名與
英文鍵（key）亦可。

The tables arrive as Excel or CSV; one workbook may hold several, one per sheet. A table is recognised by its
headers only. Header and value matching ignores whitespace and line breaks, full/half width, case and
Traditional/Simplified differences; the aliases and English keys below are accepted too.

## 讀取規則 Parsing rules

- 表頭列：前 15 行內第一個包含某資料表全部必填欄位的行；其上的標題列、合併儲存格、空白行略過。
  Header row: the first row within the first 15 holding every required header of a table.
- 表頭與詞表值另接受大陸用詞的寫法（例如 客服热线在线旁听 對應 客服熱線線上旁聽），由繁簡詞彙轉換自動產生。
  Headers and terms are also matched in their mainland wording (線上 → 在线), derived by phrase conversion.
- 垂直合併的儲存格（例如同一小組活動合併的 穿越編號、日期）視為每一列都填了該值。
  Vertically merged cells count as filled on every row they cover.
- 空白列略過（不算錯誤）；不認識的欄位忽略並提示；隱藏工作表略過並提示。活頁簿中沒有可見的資料表時，改讀隱藏的
  工作表，並以警告指出是哪一張（請確認是要匯入的資料）。
  Blank rows are skipped; unknown columns are ignored with a notice; hidden sheets are skipped with a notice.
  When no visible sheet holds a table, the hidden sheets are read instead, with a warning naming each one.
- 日期：Excel 日期、Excel 序號、`2026-10-05`、`2026/10/5`、`2026.10.5`、`2026年10月5日`、`20261005`、全形數字，
  可帶時間；年份須在 {MIN_YEAR}–{MAX_YEAR}。`10/5/2026` 這類月/日或日/月順序不明的寫法整列拒收。
  Dates: Excel dates and serials, the forms above, with or without a time; `10/5/2026` is ambiguous and rejected.
- 時長：0 < 小時 ≤ 24；`半天` = 4，`全天` / `一天` = 8，`4小時`、`3.5h` 亦可。
- 整數 ≥ 0：`3`、`3.0` 可；`3.5`、`-1`、文字拒收。
- 編號以文字保存，保留前導零；數字儲存格 `3664.0` 讀作 `3664`。
- 穿越記錄的工號一格可填多人（以 、 , ， ; ； / 或空格分隔），每人一列；姓名個數相同時同樣拆分。
- 單格達到 {EXCEL_CELL_LIMIT:,} 字元（Excel 上限；更長的內容讀取時已被截斷）的列拒收；CSV 中更長的儲存格
  （例如超過 131,072 字元）同樣只拒收該列，不拒收整個檔案。
  A cell of {EXCEL_CELL_LIMIT:,} characters or more rejects its row (a longer CSV cell too), never the whole file.
- 含 NUL 字元（U+0000，檔案損壞處）的儲存格整列拒收，其他列照常匯入。
  A cell holding NUL (a damaged spot) rejects its row; the other rows are imported.
- CSV：UTF-8（可帶 BOM）、GB18030/GBK、Big5、UTF-16（帶或不帶 BOM）；逗號、Tab 或分號分隔，自動判斷。
- 同一檔案內工號（名冊）、問題編號（問題跟蹤）、同一活動同一工號（穿越記錄）、同一公司同一部門同一電子郵件（聯繫人）、計畫編號（穿越計畫）不可重複：後出現的列拒收並指出首次出現的列。
  Within one file, later duplicates are rejected naming the first row.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _column_row(column: Column) -> str:
    zh_type, en_type = _TYPE_NAMES[column.type]
    if column.vocab:
        zh_type, en_type = f"{zh_type}：{VOCABULARIES[column.vocab].title}", f"{en_type}: {column.vocab}"
    cells = [
        column.header, f"`{column.key}`", column.en, f"{zh_type} / {en_type}", "✔" if column.required else "",
        str(column.default) if column.default is not None else "", "、".join(column.aliases), column.note,
        column.note_en,
    ]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table_section(table: Table) -> list[str]:
    lines = [
        f"## {table.title} {table.title_en} (`{table.key}`)",
        "",
        "| 表頭 header | key | English | 類型 type | 必填 required | 預設 default | 別名 aliases | 規則 | rule |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [_column_row(c) for c in table.columns]
    key = "、".join(f"`{k}`" for k in table.natural_key)
    lines += ["", f"匯入鍵 Import key: {key}", ""]
    return lines


def _vocabulary_section() -> list[str]:
    lines = ["## 詞表 Vocabularies", "",
             "第一欄為資料庫保存的標準值；代碼、英文名與別名皆可輸入（繁簡體皆可）。",
             "The canonical term is stored; the code, English label and aliases are accepted as input.", ""]
    for vocabulary in VOCABULARIES.values():
        lines += [f"### {vocabulary.title} (`{vocabulary.key}`)", "",
                  "| 標準值 canonical | 代碼 code | English | 別名 aliases |", "|---|---|---|---|"]
        for term in vocabulary.terms:
            cells = [term.canonical, f"`{term.code}`", term.en, "、".join(term.aliases)]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return lines


def render_data_contract() -> str:
    """The Markdown text of docs/data-contract.md."""
    lines = [_INTRO]
    for key in IMPORT_ORDER:
        lines += _table_section(TABLES[key])
    lines += _vocabulary_section()
    return "\n".join(lines).rstrip() + "\n"


def write_data_contract(path: Path = DOC_PATH) -> Path:
    """Write the rendered contract to ``path`` (default docs/data-contract.md)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_data_contract(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_data_contract(Path(sys.argv[1]) if len(sys.argv) > 1 else DOC_PATH))
