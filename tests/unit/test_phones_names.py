"""Phone normalising and masking; pinyin keys with surname readings; name parts."""

from __future__ import annotations

import pytest

from frontdesk.core.names import name_keys, name_parts
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


@pytest.mark.parametrize(("name", "full", "initials"), [
    ("单田芳", "shantianfang", "stf"), ("曾国藩", "zengguofan", "zgf"), ("解缙", "xiejin", "xj"),
    ("仇英", "qiuying", "qy"), ("区志强", "ouzhiqiang", "ozq"), ("查良镛", "zhaliangyong", "zly"),
    ("朴树", "piaoshu", "ps"), ("欧阳娜娜", "ouyangnana", "oynn"), ("司马光", "simaguang", "smg"),
    ("张三", "zhangsan", "zs"), ("吕布", "lvbu", "lb"), ("Anna Lee", "annalee", "al"),
])
def test_pinyin_keys_read_surnames_right(name: str, full: str, initials: str) -> None:
    assert name_keys(name) == (full, initials)


def test_name_parts_skip_the_start_of_the_name() -> None:
    assert name_parts("欧阳娜娜") == {"阳", "娜", "阳娜", "娜娜", "阳娜娜"}
    assert name_parts("李") == set()


@pytest.mark.parametrize("e164", ["+8613800138000", "+861012345678", "+85291234567"])
def test_the_mainland_shortcut_agrees_with_phonenumbers(e164: str) -> None:
    import phonenumbers

    parsed = phonenumbers.parse(e164, None)
    national = str(parsed.national_number)
    assert mask_phone(e164).endswith(national[-4:])
    assert len(mask_phone(e164)) == len(national)
    assert display_phone(e164).replace(" ", "").endswith(national) or "+" in display_phone(e164)
