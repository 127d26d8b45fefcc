"""SPEC 2: tolerant matching ignores whitespace, width, case and Traditional/Simplified differences."""

import pytest

from analytics.textnorm import clean_text, match_key, normalize_id


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("穿越日期", " 穿越\n日期 "),  # inner and surrounding whitespace, line breaks
        ("時長(小時)", "時長（小時）"),  # full-width parentheses
        ("工號", "工号"),  # Traditional vs Simplified
        ("問題類別", "问题类别"),
        ("Employee_ID", "employee_id"),  # case
        ("IT系統支撐", "ＩＴ系统支撑"),  # full-width letters + Simplified
        ("廣州市分公司", "广州市分公司"),
        ("2026", "２０２６"),  # full-width digits
        ("穿越日期", "穿越\u3000日期"),  # ideographic space
    ],
)
def test_equivalent_spellings_fold_to_one_key(left, right):
    assert match_key(left) == match_key(right)


@pytest.mark.parametrize(("left", "right"), [("總部", "省公司"), ("網路", "網絡撥測"), ("員工", "員工1")])
def test_different_words_stay_different(left, right):
    assert match_key(left) != match_key(right)


def test_none_folds_to_empty():
    assert match_key(None) == ""


def test_ids_keep_leading_zeros_and_fold_width():
    assert normalize_id(" ００１２３ ") == "00123"
    assert normalize_id("ab 12") == "AB12"


def test_clean_text_keeps_what_the_user_wrote_inside():
    assert clean_text("  門市 客戶扮演 \n") == "門市 客戶扮演"
