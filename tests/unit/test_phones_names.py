"""Phone normalising and masking; the readings of names and their search keys."""

from __future__ import annotations

import pytest

from frontdesk.core.names import MAX_READINGS, Grade, readings, search_keys
from frontdesk.core.phones import (
    display_phone,
    last4,
    mask_phone,
    mask_shown,
    normalise_phone,
)
from frontdesk.errors import ValidationError


@pytest.mark.parametrize("typed", ["13800138000", "138 0013 8000", "138-0013-8000",
                                   "+86 138 0013 8000", "0086 13800138000",
                                   "１３８００１３８０００", "(+86) 138.0013.8000"])
def test_any_form_of_a_mobile_number_normalises_to_e164(typed: str) -> None:
    assert normalise_phone(typed) == "+8613800138000"


@pytest.mark.parametrize("typed", ["", "12345", "1380013800", "abc", "+86 999 9999 9999"])
def test_bad_numbers_are_refused_with_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(typed)
    assert caught.value.field == "phone"


def test_mask_and_display() -> None:
    assert mask_phone("+8613812345678") == "138****5678"
    assert display_phone("+8613812345678") == "138 1234 5678"
    assert last4("+8613812345678") == "5678"
    assert mask_phone(None) == "" and last4(None) is None
    assert mask_phone("+85291234567").endswith("4567") and "*" in mask_phone("+85291234567")


@pytest.mark.parametrize(("e164", "shown"), [
    ("+8613812345678", ("+86138", "5678")), ("+861012345678", ("+86101", "5678")),
    ("+85291234567", ("+8529", "4567")), ("+390612345678", ("+3906", "5678")),
])
def test_mask_shown_is_what_the_mask_leaves_visible(e164: str, shown: tuple[str, str]) -> None:
    assert mask_shown(e164) == shown
    start, tail = shown
    masked = mask_phone(e164)
    assert e164.startswith(start) and masked.endswith(tail)
    assert start.endswith(masked.split("*")[0])  # the visible head, as it is stored


def _spelled(name: str) -> list[tuple[str, str]]:
    """(reading, initials) of each reading of a name, in order."""
    return [("".join(r), "".join(s[0] for s in r)) for r in readings(name)]


@pytest.mark.parametrize(("name", "full", "initials"), [
    ("单田芳", "shantianfang", "stf"), ("曾国藩", "zengguofan", "zgf"), ("解缙", "xiejin", "xj"),
    ("仇英", "qiuying", "qy"), ("区志强", "ouzhiqiang", "ozq"), ("查良镛", "zhaliangyong", "zly"),
    ("朴树", "piaoshu", "ps"), ("欧阳娜娜", "ouyangnana", "oynn"), ("司马光", "simaguang", "smg"),
    ("张三", "zhangsan", "zs"), ("吕布", "lvbu", "lb"), ("Anna Lee", "annalee", "al"),
])
def test_surnames_are_read_as_surnames(name: str, full: str, initials: str) -> None:
    assert _spelled(name) == [(full, initials)]


@pytest.mark.parametrize(("name", "spelled"), [
    # The given name read as a word (pypinyin's phrases), then the other common readings.
    ("李长青", [("lichangqing", "lcq"), ("lizhangqing", "lzq")]),
    ("王长江", [("wangchangjiang", "wcj"), ("wangzhangjiang", "wzj")]),
    ("王重阳", [("wangchongyang", "wcy"), ("wangzhongyang", "wzy")]),
    ("汪曾祺", [("wangcengqi", "wcq"), ("wangzengqi", "wzq")]),
    ("张朝晖", [("zhangzhaohui", "zzh"), ("zhangchaohui", "zch")]),
    ("林乐", [("linle", "ll"), ("linyue", "ly")]),
    ("周行", [("zhouxing", "zx"), ("zhouhang", "zh")]),
    ("张伟", [("zhangwei", "zw")]),  # no heteronym: one reading
])
def test_given_names_are_read_as_words_and_each_heteronym_both_ways(
        name: str, spelled: list[tuple[str, str]]) -> None:
    assert _spelled(name) == spelled


def test_rare_readings_pypinyin_knows_are_not_indexed() -> None:
    """重 may be read tong and 行 heng, but not in a name: those would only add wrong hits."""
    everything = {r for name in ("王重阳", "周行") for r, _ in _spelled(name)}
    assert not any("tong" in r or "heng" in r for r in everything)


def test_a_name_has_at_most_max_readings() -> None:
    # Four heteronyms: 2 ** 4 = 16 combinations, of which the first MAX_READINGS are kept.
    spelled = [r for r, _ in _spelled("李乐行朝长")]
    assert len(spelled) == MAX_READINGS == 4
    # The word reading, then one other reading at a time, left to right.
    assert spelled == ["lilexingchaozhang", "liyuexingchaozhang", "lilehangchaozhang",
                       "lilexingzhaozhang"]
    assert len(_spelled("乐" * 40)) == MAX_READINGS  # a long name costs no more


def test_search_keys_grade_every_way_a_name_is_found() -> None:
    keys = search_keys("李长青")
    assert {k: g for k, g in keys.items() if not k.isascii()} == {
        "李": Grade.PREFIX, "李长": Grade.PREFIX, "李长青": Grade.WHOLE,
        "长": Grade.INSIDE, "长青": Grade.INSIDE, "青": Grade.INSIDE}
    assert keys["lichangqing"] == keys["lizhangqing"] == Grade.WHOLE
    assert keys["lich"] == keys["lizh"] == keys["l"] == Grade.PREFIX
    assert keys["lcq"] == keys["lzq"] == Grade.INITIALS
    assert keys["lc"] == keys["lz"] == Grade.INITIALS_PREFIX
    assert "zhangqing" not in keys  # a reading is found from its start only
    assert search_keys("李") == {"李": Grade.WHOLE, "li": Grade.WHOLE, "l": Grade.PREFIX}


def test_name_runs_inside_the_name_up_to_three_characters() -> None:
    inside = {k for k, g in search_keys("欧阳娜娜").items() if g is Grade.INSIDE}
    assert inside == {"阳", "娜", "阳娜", "娜娜", "阳娜娜"}


@pytest.mark.parametrize("e164", ["+8613800138000", "+861012345678", "+85291234567"])
def test_the_mainland_shortcut_agrees_with_phonenumbers(e164: str) -> None:
    import phonenumbers

    parsed = phonenumbers.parse(e164, None)
    national = str(parsed.national_number)
    assert mask_phone(e164).endswith(national[-4:])
    assert len(mask_phone(e164)) == len(national)
    assert display_phone(e164).replace(" ", "").endswith(national) or "+" in display_phone(e164)
