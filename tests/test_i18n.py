"""Every message exists in Traditional Chinese and English; Simplified is derived with mainland vocabulary."""

import string

from analytics.i18n import LANGUAGES, _catalogue, t


def test_every_message_has_traditional_and_english_with_the_same_placeholders():
    formatter = string.Formatter()
    for key, texts in _catalogue().items():
        assert texts.get("zh-Hant"), key
        assert texts.get("en"), key
        fields = {name for text in (texts["zh-Hant"], texts["en"]) for _, name, _, _ in formatter.parse(text) if name}
        for lang in ("zh-Hant", "en"):
            used = {name for _, name, _, _ in formatter.parse(texts[lang]) if name}
            assert used == fields, (key, lang, used, fields)


def test_simplified_is_derived_from_traditional():
    assert t("ingest.loc.row", "zh-Hans", row=17) == "第 17 行"
    assert "数据库" in t("common.db_busy", "zh-Hans")


def test_unknown_language_falls_back_to_traditional():
    assert t("ingest.loc.row", "fr", row=2) == t("ingest.loc.row", "zh-Hant", row=2)


def test_languages_offered():
    assert LANGUAGES == ("zh-Hant", "zh-Hans", "en")


def test_month_names_come_from_cldr_not_the_server_locale(monkeypatch):
    """Issue #13 item 5: strftime("%b") followed the process's LC_TIME; Babel's data does not."""
    import locale

    from analytics.i18n.formats import month_label, month_short, month_year
    from ui.state import format_period

    abbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    try:
        locale.setlocale(locale.LC_TIME, "")
    except locale.Error:  # that locale is not installed here: the assertion below still holds
        pass
    try:
        assert [month_short(m, "en") for m in range(1, 13)] == abbreviations
        assert month_short(7, "zh-Hant") == "7月" and month_label("2026-12", "zh-Hans") == "12月"
        assert month_year(2026, 7, "en") == "Jul 2026" and month_year(2026, 7, "zh-Hant") == "2026年7月"
        assert [format_period("2026-07", lang) for lang in LANGUAGES] == ["2026年7月", "2026年7月", "Jul 2026"]
    finally:
        locale.setlocale(locale.LC_TIME, "C")


def test_english_counts_follow_the_plural_rules():
    from analytics.i18n.formats import plural_form

    assert [plural_form(n, "en") for n in (0, 1, 2, 21)] == ["other", "one", "other", "other"]
    assert plural_form(1, "zh-Hant") == "other"
    assert t("ui.import.commit", "en", n=1) == "Import 1 file"
    assert t("ui.import.commit", "en", n=3) == "Import 3 files"
    assert t("ui.import.commit", "zh-Hant", n=1) == "確認匯入 1 個檔案"
    assert t("remind.count.overdue", "en", n=1) == "1 overdue issue"
    assert t("remind.count.overdue", "en", n=0) == "0 overdue issues"


def test_one_list_of_mainland_words():
    from analytics import textnorm
    from analytics.i18n import catalog_ui

    assert not hasattr(catalog_ui, "MAINLAND_UI_WORDS")  # the second list is gone: textnorm.MAINLAND_WORDS is it
    assert textnorm.to_simplified_ui("登入伺服器的使用者") == "登录服务器的用户"
    assert "扩展名" in t("ingest.not_spreadsheet", "zh-Hans") and "副文件名" not in t("ingest.not_spreadsheet", "zh-Hans")
    assert t("ingest.no_rows", "zh-Hans", table="名册").endswith("没有数据行。")  # ingest texts get the words too


def _allowed_groups() -> list[set[str]]:
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "analytics" / "i18n" / "duplicates_allowed.txt"
    lines = (line.split("#", 1)[0].split() for line in path.read_text(encoding="utf-8").splitlines())
    return [set(keys) for keys in lines if keys]


def shared_texts_not_allowed(catalogue: dict, template, allowed: list[set[str]]) -> list[tuple[str, str, list]]:
    """(language, text, keys) for each text that several keys share without standing on one allow-list line."""
    found = []
    for lang in LANGUAGES:
        by_text: dict[str, set[str]] = {}
        for key in catalogue:
            by_text.setdefault(template(key, lang), set()).add(key)
        found += [(lang, text, sorted(keys)) for text, keys in by_text.items()
                  if len(keys) > 1 and not any(keys <= group for group in allowed)]
    return found


def test_one_key_per_meaning():
    """No two keys with the same text in one language unless listed in analytics/i18n/duplicates_allowed.txt."""
    from analytics.i18n import _template

    assert shared_texts_not_allowed(_catalogue(), _template, _allowed_groups()) == []


def test_the_duplicate_check_finds_a_repeated_text():
    catalogue = {"a.x": {"zh-Hant": "達標", "en": "Met"}, "b.y": {"zh-Hant": "達標", "en": "met"},
                 "c.z": {"zh-Hant": "其他", "en": "Other"}}

    def template(key, lang):
        return catalogue[key]["zh-Hant" if lang == "zh-Hans" else lang]

    assert shared_texts_not_allowed(catalogue, template, []) == [("zh-Hant", "達標", ["a.x", "b.y"]),
                                                                 ("zh-Hans", "達標", ["a.x", "b.y"])]
    assert shared_texts_not_allowed(catalogue, template, [{"a.x", "b.y"}]) == []


def test_every_key_in_all_three_languages_and_plural_forms_share_placeholders():
    from analytics.i18n import _template

    formatter = string.Formatter()
    for key, texts in _catalogue().items():
        assert all(_template(key, lang).strip() for lang in LANGUAGES), key
        for form in [f for f in texts if f.startswith("en.")]:
            used = {name for _, name, _, _ in formatter.parse(texts[form]) if name}
            assert used == {name for _, name, _, _ in formatter.parse(texts["en"]) if name}, (key, form)
