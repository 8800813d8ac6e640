"""The sheet's words come from the translation files, in the language asked for."""

from __future__ import annotations

import dataclasses

from frontdesk.services.sheet.words import SheetWords
from frontdesk.ui.clients.sheet_words import sheet_words
from frontdesk.ui.i18n import Translations, translator_for

SAME_IN_BOTH = {"bmi"}  # printed as "BMI" in Chinese too


def test_english_words_are_the_source_texts_and_the_defaults() -> None:
    assert sheet_words("en") == SheetWords()


def test_every_printed_word_has_a_chinese_translation() -> None:
    zh, en = sheet_words("zh_CN"), SheetWords()
    for f in dataclasses.fields(SheetWords):
        if f.name not in SAME_IN_BOTH | {"language"}:
            assert getattr(zh, f.name) != getattr(en, f.name), f.name
    assert zh.lunar != en.lunar
    for table in ("gender_names", "method_names", "condition_names", "skin_type_names",
                  "client_type_names", "trend_names"):
        zh_names, en_names = getattr(zh, table), getattr(en, table)
        assert zh_names.keys() == en_names.keys(), table
        assert [k for k in en_names if zh_names[k] == en_names[k]] == (
            ["bmi"] if table == "trend_names" else []), table


def test_the_sheet_keeps_its_own_chinese_where_the_screens_differ() -> None:
    zh = sheet_words("zh_CN")
    assert zh.condition_names["heavy_makeup"] == "浓妆（粉底等）"  # screens: 粉底等浓妆
    assert zh.trend_names["body_fat"] == "体脂" and zh.body_fat == "体脂率"
    assert zh.method_names == {"instrument": "仪器检测", "observed": "看摸问"}
    assert (zh.list_separator, zh.tested_with) == ("、", "{date}（{method}）")
    assert zh.lunar.text(4, 8, 2001, leap=True) == "农历2001年闰四月初八"


def test_a_sheet_prints_in_its_own_language_whatever_the_screens_are_in(
        translations: Translations) -> None:
    translations.apply("en")
    translate = translator_for("zh_CN")
    assert translate("SheetWords", "Client analysis sheet") == "客情分析表"
    assert translate("SheetWords", "Body fat", "trend chart") == "体脂"
    assert translate("SheetWords", "no such text") == "no such text"
    translations.apply("zh_CN")
    assert translator_for("en")("SheetWords", "Client analysis sheet") == "Client analysis sheet"
