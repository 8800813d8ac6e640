"""One term per concept, on the consultation form, the printed sheet and the screens.

The Chinese words are read from the translation file the program ships
(``resources/translations/frontdesk_zh_CN.ts``) and from the sheet's words, so a
translation that brings back 技师, 痘痘等级 or 疼痛部位 fails here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Role
from frontdesk.models.care import CallOutcome, CareKind
from frontdesk.ui.care.labels import kind_name, outcome_name
from frontdesk.ui.clients.common import birthday_text
from frontdesk.ui.clients.sheet_words import sheet_words
from frontdesk.ui.i18n import Translations
from frontdesk.ui.labels import role_name

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "frontdesk_zh_CN.ts"
# A word the program no longer uses, and the one it uses for that concept.
RETIRED = {
    "技师": "美容师 / 经络师", "痘痘": "暗疮", "疼痛部位": "酸痛部位", "心里": "心理",
    "目测": "看摸问", "看、摸、问": "看摸问", "会员号": "会员卡号", "会员编号": "会员卡号",
    "部分付款": "组合支付", "未到店": "爽约",
}
# Sources naming one concept: every context translates them alike.
ONE_TERM = ("Beautician / therapist", "Pain areas", "Nervous", "Member no.", "Plan notes",
            "Acne", "Skin notes", "Client type", "How to handle", "Churn warning",
            "Spending drop", "Follow-up call", "Client manager")


def _translations() -> dict[str, set[str]]:
    """Each source text's translations, across the contexts that use it."""
    out: dict[str, set[str]] = defaultdict(set)
    for message in ET.parse(TS).getroot().iter("message"):
        out[message.findtext("source") or ""].add(message.findtext("translation") or "")
    return out


def test_the_translations_use_no_retired_word() -> None:
    texts = {t for translations in _translations().values() for t in translations}
    assert {word: sorted(t for t in texts if word in t) for word in RETIRED
            if any(word in t for t in texts)} == {}
    assert sorted(t for t in texts if re.search(r"(?<!会员)卡号", t)) == []  # 会员卡号


def test_a_concept_is_translated_alike_wherever_it_appears() -> None:
    translations = _translations()
    assert {s: translations[s] for s in ONE_TERM if len(translations[s]) != 1} == {}


def test_the_sheet_uses_the_forms_words() -> None:
    zh = sheet_words("zh_CN")
    assert (zh.acne_grade, zh.pain_areas, zh.plan_notes, zh.member_no) == (
        "暗疮等级", "酸痛部位", "方案说明", "会员卡号")
    assert zh.method_names["observed"] == "看摸问"
    assert zh.client_type_names["nervous"] == "心理紧张"
    assert zh.lunar.text(1, 23, 1999) == "农历1999年正月廿三"


def test_the_screens_write_a_lunar_birthday_as_the_sheet_does(
        translations: Translations) -> None:
    lunar = BirthdayInput(Calendar.LUNAR, 1, 23, 1999)
    assert birthday_text(lunar) == "农历1999年正月廿三"
    assert birthday_text(BirthdayInput(Calendar.LUNAR, 4, 8, None, leap_month=True)) == (
        "农历闰四月初八")
    translations.apply("en")
    assert birthday_text(lunar) == "lunar 1999, month 1 day 23" == sheet_words("en").lunar.text(
        1, 23, 1999)


def test_the_care_list_speaks_the_stores_words(translations: Translations) -> None:
    """domain/003's words: 流失预警, 消费异动, 生日祝福, 节日问候, 回访, 客户经理."""
    assert [kind_name(k) for k in (CareKind.CHURN, CareKind.SPENDING_DROP, CareKind.BIRTHDAY,
                                   CareKind.FESTIVAL, CareKind.FOLLOW_UP)] == [
        "流失预警", "消费异动", "生日祝福", "节日问候", "护理回访"]
    assert role_name(Role.CLIENT_MANAGER) == "客户经理"
    assert outcome_name(CallOutcome.BOOKED) == "已预约到店"
