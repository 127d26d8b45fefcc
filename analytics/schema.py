"""The data contract of SPEC.md sections 2 and 3: the single source of truth.

The importer, its validation messages, the downloadable template workbook, the docs' column tables and the
store's column lists are all derived from the definitions below; ``tests/test_schema_contract.py`` fails
when one of them drifts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from analytics.textnorm import match_key


class ColumnType(StrEnum):
    TEXT = "text"  # free text, stored trimmed as written
    ID = "id"  # identifier kept as text: leading zeros kept, half-width, no whitespace
    ID_LIST = "id_list"  # 工號 cell of the log: several IDs separated by 、,，;；/ or spaces
    DATE = "date"
    HOURS = "hours"  # 0 < h <= 24; also 半天 = 4, 全天/一天 = 8, "4小時", "3.5h"
    INT = "int"  # integer >= 0
    VOCAB = "vocab"  # one term of a vocabulary of SPEC 3
    YESNO = "yesno"  # SPEC 3.10
    EMAIL = "email"  # an e-mail address (SPEC 2.7), stored in lower case
    PERIOD = "period"  # a calendar period (SPEC 2.6): 2026, 2026H1, 2026Q3, 2026-07; stored as its code


@dataclass(frozen=True)
class Term:
    canonical: str  # the Traditional Chinese term stored in the database
    code: str  # the English key, also accepted as input
    en: str  # English label for the interface
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    key: str
    title: str
    terms: tuple[Term, ...]

    @property
    def canonical_values(self) -> tuple[str, ...]:
        return tuple(t.canonical for t in self.terms)

    def lookup_table(self) -> dict[str, str]:
        """Folded spelling (canonical, code, English label, alias) -> canonical term."""
        table: dict[str, str] = {}
        for term in self.terms:
            for spelling in (term.canonical, term.code, term.en, *term.aliases):
                table[match_key(spelling)] = term.canonical
        return table

    def parse(self, value: object) -> str | None:
        return self.lookup_table().get(match_key(value))

    def canonical(self, code: str) -> str:
        """The stored term of the English key ``code`` (KeyError for an unknown key: a typo fails at import)."""
        for term in self.terms:
            if term.code == code:
                return term.canonical
        raise KeyError(f"{self.key}: {code}")

    def english(self, canonical: str) -> str:
        for term in self.terms:
            if term.canonical == canonical:
                return term.en
        return canonical


def _vocab(key: str, title: str, *terms: Term) -> Vocabulary:
    return Vocabulary(key, title, terms)


LEVEL = _vocab(
    "level",
    "層級",
    Term("總部", "hq", "HQ", ("headquarters",)),
    Term("省公司", "province", "Province company", ("省(區、市)公司", "省分公司", "省區市公司")),
    Term("地市公司", "city", "City company", ("地市分公司", "市分公司", "市公司")),
)
RANK = _vocab(
    "rank",
    "職級",
    Term("公司領導", "company_leader", "Company leader"),
    Term(
        "部門領導",
        "dept_leader",
        "Department leader",
        ("部門經理", "部門總經理", "部門副總經理", "一級經理", "二級經理"),
    ),
    Term("三級經理", "manager_l3", "Level-3 manager"),
    Term("員工", "staff", "Staff", ("普通員工", "一般員工")),
)
DEPARTMENT_TYPE = _vocab(
    "department_type",
    "部門類別",
    Term("主要業務部門", "business", "Main business department", ("業務部門",)),
    Term("支撐部門", "support", "Support department"),
    Term("其他部門", "other", "Other department", ("其他",)),
)
CATEGORY = _vocab(
    "category",
    "穿越類別",
    Term("常規穿越", "routine", "Routine walkthrough"),
    Term("專項穿越", "special", "Special-topic walkthrough"),
    Term("客戶接待日", "reception_day", "Customer reception day", ("客戶接待日活動",)),
)
ITEM = _vocab(
    "item",
    "穿越項目",
    Term("門市客戶扮演", "store_mystery_customer", "Store: acting as customer"),
    Term("門市客戶接待", "store_reception", "Store: receiving customers"),
    Term("門市業務受理", "store_service", "Store: processing orders"),
    Term("客服熱線歷史錄音收聽", "hotline_recordings", "Hotline: recorded calls"),
    Term("客服熱線線上旁聽", "hotline_live", "Hotline: live listening"),
    Term("集團客戶拜訪", "enterprise_visit", "Enterprise customer visit"),
    Term("投訴案例分析", "complaint_analysis", "Complaint case analysis"),
    Term("新業務體驗", "new_service_trial", "New service trial"),
    Term("電子渠道體驗", "e_channel_trial", "E-channel trial"),
    Term("延伸服務", "extended_service", "Extended service"),
    Term("網路撥測", "network_dial_test", "Network dial test", ("网络拨测", "網絡撥測")),
    Term("其他", "other", "Other"),
)
MODE = _vocab(
    "mode",
    "組織方式",
    Term("個人穿越", "individual", "Individual", ("個人",)),
    Term("小組穿越", "group", "Group", ("小組",)),
    Term("大規模穿越", "large_scale", "Large-scale", ("大規模", "大規模穿越活動")),
)
SCOPE = _vocab(
    "scope",
    "穿越地域",
    Term("本地", "local", "Local", ("本地穿越",)),
    Term("跨地", "cross_region", "Cross-region", ("跨地穿越", "跨省", "跨市")),
)
KIND = _vocab(
    "kind",
    "類型",
    Term("問題", "issue", "Issue"),
    Term("建議", "suggestion", "Suggestion", ("意見建議",)),
)
ISSUE_CATEGORY = _vocab(
    "issue_category",
    "問題類別",
    Term("服務規範", "service_standards", "Service standards"),
    Term("業務流程", "business_process", "Business process"),
    Term("IT系統支撐", "it_support", "IT systems"),
    Term("網路質量", "network_quality", "Network quality", ("网络质量", "網絡質量")),
    Term("渠道與環境", "channel_environment", "Channels and environment"),
    Term("資費計費", "tariff_billing", "Tariffs and billing"),
    Term("產品體驗", "product_experience", "Product experience"),
    Term("其他", "other", "Other"),
)
YESNO = _vocab(
    "yesno",
    "是/否",
    Term("是", "yes", "Yes", ("Y", "true", "1", "√", "✓", "T")),
    Term("否", "no", "No", ("N", "false", "0", "×", "✗", "F")),
)
STATUS = _vocab(
    "status",
    "狀態",
    Term("待處理", "open", "Open", ("待分派", "未處理")),
    Term("處理中", "in_progress", "In progress", ("跟蹤中", "落實中")),
    Term("已解決", "resolved", "Resolved", ("已完成", "已落實")),
    Term("已關閉", "closed", "Closed", ("不予採納", "已撤銷")),
)
# The language a contact's reminders are written in (SPEC 2.7, an optional column; see docs/reminders.md).
LANGUAGE = _vocab(
    "language",
    "語言",
    Term("繁體中文", "zh-Hant", "Traditional Chinese", ("繁體", "正體中文", "繁中")),
    Term("簡體中文", "zh-Hans", "Simplified Chinese", ("簡體", "簡中")),
    Term("英文", "en", "English", ("英語",)),
)
# 計畫類型 of SPEC 2.6: company plans (annual, phase) and individual plans.
PLAN_KIND = _vocab(
    "plan_kind",
    "計畫類型",
    Term("年度計畫", "annual", "Annual plan", ("年度計劃", "年計畫", "全年計畫")),
    Term("階段計畫", "phase", "Phase plan", ("階段計劃", "季度計畫", "半年計畫", "月度計畫")),
    Term("個人計畫", "individual", "Individual plan", ("個人計劃", "個人穿越計畫")),
)
COMPANY_PLAN_KINDS: tuple[str, ...] = (PLAN_KIND.canonical("annual"), PLAN_KIND.canonical("phase"))
# SPEC 4.5: an issue counts as closed in one of these statuses; every other status is open. The SQL reads them
# through the /*schema.closed_statuses*/ marker (analytics/metrics/sqlfiles.py), Python imports them from here.
CLOSED_STATUSES: tuple[str, ...] = (STATUS.canonical("resolved"), STATUS.canonical("closed"))
OPEN_STATUS: str = STATUS.canonical("open")  # the status of an issue before anything was recorded for it

VOCABULARIES: dict[str, Vocabulary] = {
    v.key: v
    for v in (LEVEL, RANK, DEPARTMENT_TYPE, CATEGORY, ITEM, MODE, SCOPE, KIND, ISSUE_CATEGORY, YESNO, STATUS,
              LANGUAGE, PLAN_KIND)
}


@dataclass(frozen=True)
class Column:
    header: str  # canonical Traditional Chinese header
    key: str  # English key: database column name, also accepted as a header
    type: ColumnType
    required: bool = False
    vocab: str | None = None  # key into VOCABULARIES for VOCAB columns
    default: object = None  # value used when the cell is blank (canonical form)
    aliases: tuple[str, ...] = ()  # other header spellings besides Simplified/Traditional variants
    en: str = ""  # English header for the interface
    note: str = ""  # the rule, as shown in the template and docs (Chinese)
    note_en: str = ""

    def header_spellings(self) -> tuple[str, ...]:
        return (self.header, self.key, self.en, *self.aliases)


@dataclass(frozen=True)
class Table:
    key: str
    title: str  # Traditional Chinese name
    title_en: str
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...] = field(default=())  # store key of SPEC 2.5 (column keys)

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def header_lookup(self) -> dict[str, str]:
        """Folded header spelling -> column key."""
        return {match_key(s): c.key for c in self.columns for s in c.header_spellings()}


C = ColumnType

ROSTER = Table(
    "roster",
    "人員名冊",
    "Staff roster",
    (
        Column("工號", "employee_id", C.ID, True, aliases=("員工編號", "員工工號", "人員編號"), en="Employee ID",
               note="必填；同一檔案內不可重複；保留前導零", note_en="required; unique in the file; leading zeros kept"),
        Column("姓名", "name", C.TEXT, True, en="Name", note="必填", note_en="required"),
        Column("公司", "company", C.TEXT, True, aliases=("所屬公司", "單位", "公司名稱"), en="Company",
               note="必填，例如 總部、廣東省公司、廣州市分公司", note_en="required, e.g. 總部, 廣東省公司"),
        Column("層級", "level", C.VOCAB, True, vocab="level", aliases=("公司層級",), en="Level",
               note="必填：總部 / 省公司 / 地市公司", note_en="required: HQ / province / city"),
        Column("上級公司", "parent_company", C.TEXT, aliases=("上級單位",), en="Parent company",
               note="地市公司必填（所屬省公司）", note_en="required for city companies (their province company)"),
        Column("部門", "department", C.TEXT, True, aliases=("所屬部門", "部門名稱"), en="Department",
               note="必填", note_en="required"),
        Column("部門類別", "department_type", C.VOCAB, vocab="department_type", default="其他部門",
               aliases=("部門類型",), en="Department type",
               note="選填：主要業務部門 / 支撐部門 / 其他部門（預設）", note_en="optional; default 其他部門"),
        Column("職級", "rank", C.VOCAB, True, vocab="rank", aliases=("職務級別", "崗位級別"), en="Rank",
               note="必填：公司領導 / 部門領導 / 三級經理 / 員工", note_en="required"),
        Column("生效日期", "effective_date", C.DATE, en="Effective date",
               note="選填；預設為匯入日期", note_en="optional; default: the import date"),
    ),
    natural_key=("company", "effective_date", "employee_id"),
)

WALKTHROUGHS = Table(
    "walkthroughs",
    "穿越記錄",
    "Walkthrough log",
    (
        Column("穿越編號", "activity_id", C.ID, aliases=("活動編號", "穿越活動編號"), en="Activity ID",
               note="選填；同一編號的多行為同一次活動（多名參與人）", note_en="optional; rows sharing it are one activity"),
        Column("工號", "employee_id", C.ID_LIST, True, aliases=("穿越人工號", "員工編號", "員工工號"), en="Employee ID",
               note="必填；一格可填多個工號，以 、 , ; / 或空格分隔", note_en="required; several IDs may share a cell"),
        Column("姓名", "name", C.TEXT, aliases=("穿越人", "穿越人姓名"), en="Name",
               note="選填；與名冊不符時提示", note_en="optional; a mismatch with the roster is a warning"),
        Column("穿越日期", "date", C.DATE, True, aliases=("日期", "活動日期"), en="Date",
               note="必填，例如 2026-10-05", note_en="required, e.g. 2026-10-05"),
        Column("穿越類別", "category", C.VOCAB, True, vocab="category", aliases=("類別",), en="Category",
               note="必填：常規穿越 / 專項穿越 / 客戶接待日", note_en="required"),
        Column("穿越項目", "item", C.VOCAB, vocab="item", aliases=("項目",), en="Item",
               note="常規穿越必填", note_en="required for routine walkthroughs"),
        Column("穿越主題", "theme", C.TEXT, aliases=("主題",), en="Theme",
               note="選填；專項穿越未填時提示", note_en="optional; a warning when a special walkthrough has none"),
        Column("組織方式", "mode", C.VOCAB, vocab="mode", default="個人穿越", aliases=("穿越方式",), en="Mode",
               note="選填：個人穿越（預設）/ 小組穿越 / 大規模穿越", note_en="optional; default individual"),
        Column("穿越地域", "scope", C.VOCAB, vocab="scope", default="本地", aliases=("地域",), en="Scope",
               note="選填：本地（預設）/ 跨地", note_en="optional; default local"),
        Column("被穿越單位", "target_unit", C.TEXT, aliases=("穿越單位", "被穿越地"), en="Target unit",
               note="選填", note_en="optional"),
        Column("時長(小時)", "hours", C.HOURS, aliases=("時長", "時長（小時）", "時長小時", "小時數"), en="Hours",
               note="選填；0 < 時長 ≤ 24，亦可填 半天 / 全天", note_en="optional; 0 < hours ≤ 24; 半天 = 4, 全天 = 8"),
        Column("需被穿越單位支持", "needs_support", C.YESNO, default="否",
               aliases=("需支持", "需被穿越單位支援"), en="Needs target support",
               note="選填：是 / 否（預設）", note_en="optional; default no"),
        Column("告知日期", "notified_on", C.DATE, aliases=("告知被穿越單位日期",), en="Notified on",
               note="選填", note_en="optional"),
        Column("總結提交日期", "summary_on", C.DATE, aliases=("總結日期", "總結表提交日期"), en="Summary submitted on",
               note="選填", note_en="optional"),
        Column("記錄已交被穿越單位", "copy_sent", C.YESNO, aliases=("記錄已交", "已交被穿越單位"), en="Copy sent",
               note="選填：是 / 否", note_en="optional"),
        Column("問題建議數", "issues_raised", C.INT, aliases=("問題數", "問題及建議數"), en="Issues raised",
               note="選填；整數 ≥ 0", note_en="optional; integer ≥ 0"),
        Column("備註", "note", C.TEXT, aliases=("說明",), en="Note", note="選填", note_en="optional"),
    ),
    natural_key=("activity_key", "employee_id"),
)

ISSUES = Table(
    "issues",
    "問題跟蹤",
    "Issue tracking",
    (
        Column("問題編號", "issue_id", C.ID, True, aliases=("問題ID", "編號"), en="Issue ID",
               note="必填，不可重複", note_en="required, unique"),
        Column("穿越編號", "activity_id", C.ID, aliases=("活動編號",), en="Activity ID",
               note="選填；關聯穿越記錄", note_en="optional link to the log"),
        Column("提出人工號", "raised_by", C.ID, aliases=("提出人",), en="Raised by",
               note="選填", note_en="optional"),
        Column("提出日期", "raised_on", C.DATE, True, aliases=("提出時間",), en="Raised on",
               note="必填", note_en="required"),
        Column("類型", "kind", C.VOCAB, vocab="kind", default="問題", en="Kind",
               note="選填：問題（預設）/ 建議", note_en="optional; default issue"),
        Column("問題類別", "category", C.TEXT, default="其他", aliases=("問題分類",), en="Category",
               note="選填，預設 其他；標準類別以外的值照錄並提示", note_en="optional; non-standard values are kept and flagged"),
        Column("問題描述", "description", C.TEXT, True, aliases=("描述", "問題內容"), en="Description",
               note="必填", note_en="required"),
        Column("責任單位", "owner_company", C.TEXT, aliases=("責任公司",), en="Owner company",
               note="選填", note_en="optional"),
        Column("責任部門", "owner_department", C.TEXT, en="Owner department", note="選填", note_en="optional"),
        Column("狀態", "status", C.VOCAB, True, vocab="status", aliases=("處理狀態", "問題狀態"), en="Status",
               note="必填：待處理 / 處理中 / 已解決 / 已關閉", note_en="required"),
        Column("計畫完成日期", "due_on", C.DATE, aliases=("計劃完成日期", "計畫完成時間"), en="Due on",
               note="選填", note_en="optional"),
        Column("解決日期", "resolved_on", C.DATE, aliases=("完成日期", "解決時間"), en="Resolved on",
               note="選填；不可早於提出日期；已解決/已關閉未填時提示",
               note_en="optional; not before 提出日期; a warning when a closed status has none"),
        Column("最新進展", "progress", C.TEXT, aliases=("進展", "處理進展"), en="Progress", note="選填", note_en="optional"),
        Column("工單號", "work_order_id", C.ID, aliases=("工單編號",), en="Work order",
               note="選填；工單系統中的編號", note_en="optional; the work-order system's number"),
    ),
    natural_key=("issue_id",),
)

CONTACTS = Table(
    "contacts",
    "聯繫人",
    "Contacts",
    (
        Column("公司", "company", C.TEXT, True, aliases=("所屬公司", "公司名稱"), en="Company",
               note="必填：聯繫人所屬公司（名冊中的公司）", note_en="required: the contact's company (a roster company)"),
        Column("部門", "department", C.TEXT, aliases=("所屬部門", "部門名稱"), en="Department",
               note="選填；空白 = 該公司的牽頭部門", note_en="optional; blank = the company's lead department"),
        Column("姓名", "name", C.TEXT, True, aliases=("聯繫人", "聯繫人姓名"), en="Name",
               note="必填", note_en="required"),
        Column("電子郵件", "email", C.EMAIL, True, aliases=("郵箱", "電郵", "電子郵箱", "郵件地址", "E-mail"),
               en="Email", note="必填，有效的電子郵件地址", note_en="required, a valid e-mail address"),
        Column("工號", "employee_id", C.ID, aliases=("員工編號", "員工工號"), en="Employee ID",
               note="選填；關聯名冊中的人員", note_en="optional; links the contact to a roster person"),
        Column("語言", "language", C.VOCAB, vocab="language", default="繁體中文", aliases=("郵件語言",),
               en="Language", note="選填：繁體中文（預設）/ 簡體中文 / 英文", note_en="optional; default 繁體中文"),
    ),
    natural_key=("company", "department", "email"),
)

PLANS = Table(
    "plans",
    "穿越計畫",
    "Plans",
    (
        Column("計畫編號", "plan_id", C.ID, True, aliases=("計劃編號", "計畫ID"), en="Plan ID",
               note="必填，不可重複", note_en="required, unique"),
        Column("計畫類型", "plan_kind", C.VOCAB, True, vocab="plan_kind", aliases=("計劃類型", "計畫種類"),
               en="Plan kind", note="必填：年度計畫 / 階段計畫 / 個人計畫", note_en="required: annual / phase / individual"),
        Column("公司", "company", C.TEXT, True, aliases=("所屬公司", "公司名稱"), en="Company",
               note="必填：計畫所屬公司（名冊中的公司）", note_en="required: the company whose plan it is"),
        Column("部門", "department", C.TEXT, aliases=("所屬部門", "部門名稱"), en="Department",
               note="選填：公司計畫所屬部門", note_en="optional: the department a company-plan line is for"),
        Column("計畫期間", "period", C.PERIOD, aliases=("計劃期間", "期間"), en="Period",
               note="年度/階段計畫必填，例如 2026、2026H1、2026Q3、2026-07；年度計畫須為整年",
               note_en="required for annual/phase plans: 2026, 2026H1, 2026Q3, 2026-07; an annual plan is a year"),
        Column("計畫次數", "planned_count", C.INT, aliases=("計劃次數", "計畫穿越次數"), en="Planned count",
               note="年度/階段計畫必填：期間內計畫的穿越活動數，整數 ≥ 1",
               note_en="required for annual/phase plans: planned activities in the period, integer ≥ 1"),
        Column("工號", "employee_id", C.ID, aliases=("穿越人工號", "員工編號", "員工工號"), en="Employee ID",
               note="個人計畫必填", note_en="required for individual plans"),
        Column("計畫日期", "planned_on", C.DATE, aliases=("計劃日期", "計畫穿越日期"), en="Planned on",
               note="個人計畫必填：預定的穿越日期", note_en="required for individual plans: the intended walk date"),
        Column("穿越類別", "category", C.VOCAB, vocab="category", aliases=("類別",), en="Category",
               note="選填：常規穿越 / 專項穿越 / 客戶接待日", note_en="optional"),
        Column("穿越項目", "item", C.VOCAB, vocab="item", aliases=("項目",), en="Item",
               note="選填", note_en="optional"),
        Column("穿越主題", "theme", C.TEXT, aliases=("主題",), en="Theme", note="選填", note_en="optional"),
        Column("組織方式", "mode", C.VOCAB, vocab="mode", aliases=("穿越方式",), en="Mode",
               note="選填：個人穿越 / 小組穿越 / 大規模穿越", note_en="optional"),
        Column("被穿越單位", "target_unit", C.TEXT, aliases=("穿越單位", "被穿越地"), en="Target unit",
               note="選填", note_en="optional"),
        Column("需被穿越單位支持", "needs_support", C.YESNO, default="否",
               aliases=("需支持", "需被穿越單位支援"), en="Needs target support",
               note="選填：是 / 否（預設）", note_en="optional; default no"),
        Column("報備日期", "filed_on", C.DATE, aliases=("備案日期", "報送日期", "上報日期"), en="Filed on",
               note="選填：計畫報備日期（公司計畫報總部；個人計畫報牽頭部門）；預設為匯入日期",
               note_en="optional: when the plan was filed; default the import date"),
    ),
    natural_key=("plan_id",),
)

TABLES: dict[str, Table] = {t.key: t for t in (ROSTER, WALKTHROUGHS, ISSUES, CONTACTS, PLANS)}

# The order in which tables of one file are committed: the roster first, so that warnings about the log
# (姓名 differs from the roster) see the staff imported in the same file.
IMPORT_ORDER: tuple[str, ...] = ("roster", "walkthroughs", "issues", "contacts", "plans")

# Separators of several 工號 in one cell of the log (SPEC 2.2).
ID_LIST_SEPARATORS = "、,，;；/ \t\n\u3000"
