"""Tolerant text matching (SPEC 2): one folding function used for headers, vocabulary values and names.

``match_key`` folds away what lead departments' spreadsheets vary in without meaning anything:
surrounding and inner whitespace (including line breaks and the ideographic space), full-width vs
half-width forms (NFKC), letter case, and Traditional vs Simplified characters. Both sides of every
comparison go through the same function, so we convert *to Simplified*: Traditional→Simplified is
many-to-one (後/后, 發/髮 → 后, 发), which is what equality needs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
# Interface text in Simplified Chinese: character conversion plus the words where mainland usage differs and the
# meaning stays the same — the one list of Taiwan → mainland word variants (issue #13 item 5), applied in this order
# (longer entries before the words they contain). 列 is a column on the mainland, so a table row (列 in Taiwan)
# becomes 行 where the text means a row. Not OpenCC's tw2sp: its phrase table rewrites 簡報 to 演示文稿 and 指標 to
# 指针.
MAINLAND_WORDS: dict[str, str] = {
    "网路": "网络", "资料库": "数据库", "资料": "数据", "汇入": "导入", "纪录": "记录", "软体": "软件", "品质": "质量",
    "档案": "文件", "萤幕": "屏幕",
    "使用者名称": "用户名", "使用者档": "用户文件", "使用者": "用户", "副档名": "扩展名", "档名": "文件名",
    "登入": "登录", "登出": "退出登录", "伺服器": "服务器", "帐号": "账号", "帐龄": "账龄",
    "产生": "生成", "范本": "模板", "载入": "加载", "点选": "点击", "选取": "选择", "栏位": "字段",
    "指令": "命令", "设定": "设置", "网络介面": "网络接口", "连线": "连接", "稽核": "审计", "示范": "演示",
    "营运商": "运营商", "辨识": "识别", "汇整": "汇总", "唯读": "只读", "存取": "访问", "联络": "联系",
    "标头": "请求头", "预设": "默认",
    "} 列": "} 行", "表头列": "表头行", "数据列": "数据行", "有效列": "有效行", "拒绝列": "拒绝行", "的列": "的行",
    "一列": "一行", "多少列": "多少行", "列数": "行数",
}
# Phrase-level Taiwan → mainland conversion (網路 → 网络, 線上 → 在线): used only to recognise mainland spellings
# of headers and terms in uploaded files, never to write interface text.
_TW2SP = opencc.OpenCC("tw2sp")
_WHITESPACE = re.compile(r"\s+", re.UNICODE)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)


@lru_cache(maxsize=200_000)
def match_key(value: object) -> str:
    """Fold ``value`` to the key used for tolerant comparison; ``None`` folds to ``""``."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(_ZERO_WIDTH)
    text = _WHITESPACE.sub("", text).casefold()
    return _T2S.convert(text)


def clean_text(value: object) -> str:
    """Trim a free-text cell for storage: NFKC-free (keep what the user wrote), outer whitespace removed."""
    if value is None:
        return ""
    return str(value).translate(_ZERO_WIDTH).strip()


def normalize_id(value: object) -> str:
    """A staff or issue number as text: half-width, no whitespace, upper case, leading zeros kept."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(_ZERO_WIDTH)
    return _WHITESPACE.sub("", text).upper()


def to_simplified_ui(text: str) -> str:
    """Interface text in Simplified Chinese with mainland vocabulary."""
    simplified = _T2S.convert(text)
    for taiwan, mainland in MAINLAND_WORDS.items():
        simplified = simplified.replace(taiwan, mainland)
    return simplified


def mainland_phrasing(text: str) -> str:
    """``text`` as a mainland writer would phrase it, to accept such spellings on input (SPEC 2 tolerant matching)."""
    return _TW2SP.convert(text)
