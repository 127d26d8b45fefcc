"""简体中文 interface text (issue: Simplified wording): character conversion plus mainland words.

Each expected text is the mainland phrasing written by hand, not computed by the code under test.
"""

from __future__ import annotations

import pytest

from analytics.i18n import t


@pytest.mark.parametrize(("key", "expected"), [
    ("ui.nav.quality", "数据质量"),  # 資料品質: textnorm's own words (资料 → 数据, 品质 → 质量)
    ("auth.login.form", "登录"),  # 登入
    ("auth.logout", "退出登录"),  # 登出
    ("auth.login.username", "用户名"),  # 使用者名稱
    ("ui.home.template_button", "下载模板 (.xlsx)"),  # 範本
    ("brief.label.generated", "生成日期"),  # 產生日期
    ("brief.tbl.ageing", "未结案问题账龄"),  # 帳齡
    ("ui.import.col.valid", "有效行"),  # a table row is 列 in Taiwan, 行 on the mainland (列 = column)
    ("ui.import.preview_summary", "可导入 {valid} 行 · 将被拒绝 {rejected} 行 · 错误 {errors} · 提示 {warnings} · "
                                  "说明 {notices}"),
    ("ui.an.discipline.unit_only", None),  # 列出 (to list) keeps 列
])
def test_mainland_wording(key, expected):
    text = t(key, "zh-Hans")
    if expected is None:
        assert "列出" in text
    else:
        assert text == expected


def test_traditional_text_is_untouched():
    assert t("ui.import.col.valid", "zh-Hant") == "有效列"
    assert t("auth.login.form", "zh-Hant") == "登入"
