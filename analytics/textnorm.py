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
# Interface text in Simplified Chinese: character conversion plus the few words where mainland usage differs and
# the meaning stays the same. Not OpenCC's tw2sp: its phrase table rewrites 簡報 to 演示文稿 and 指標 to 指针.
# Phrase-level Taiwan → mainland conversion (網路 → 网络, 線上 → 在线): used only to recognise mainland spellings
# of headers and terms in uploaded files, never to write interface text.
_TW2SP = opencc.OpenCC("tw2sp")
_MAINLAND_WORDS = {"网路": "网络", "资料库": "数据库", "资料": "数据", "汇入": "导入", "纪录": "记录", "软体": "软件", "品质": "质量", "档案": "文件", "萤幕": "屏幕"}
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
    for taiwan, mainland in _MAINLAND_WORDS.items():
        simplified = simplified.replace(taiwan, mainland)
    return simplified


def mainland_phrasing(text: str) -> str:
    """``text`` as a mainland writer would phrase it, to accept such spellings on input (SPEC 2 tolerant matching)."""
    return _TW2SP.convert(text)
