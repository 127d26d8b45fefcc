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
