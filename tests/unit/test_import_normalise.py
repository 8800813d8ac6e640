"""Each kind of cell a store's sheet holds, normalised, and each one refused with its reason."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from frontdesk.core.calendar import Calendar
from frontdesk.core.phones import normalise_phone
from frontdesk.errors import ValidationError
from frontdesk.services.imports.fields import Birthday, Reason
from frontdesk.services.imports.normalise import (
    Invalid,
    cell_text,
    normalise_balance,
    normalise_birthday,
    normalise_gender,
    normalise_phone_cell,
)

TODAY = dt.date(2026, 12, 3)
SOLAR, LUNAR = Calendar.SOLAR, Calendar.LUNAR


@pytest.mark.parametrize(("cell", "e164"), [
    (13812345678, "+8613812345678"),
    (13812345678.0, "+8613812345678"),
    ("13812345678", "+8613812345678"),
    ("13812345678.0", "+8613812345678"),
    (" 138 1234 5678 ", "+8613812345678"),
    ("138-1234-5678", "+8613812345678"),
    ("+86 138 1234 5678", "+8613812345678"),
    ("+86-13812345678", "+8613812345678"),
    ("0086 13812345678", "+8613812345678"),
    ("8613812345678", "+8613812345678"),
    (8613812345678, "+8613812345678"),
    ("１３８１２３４５６７８", "+8613812345678"),
    ("＋８６ １３８－１２３４－５６７８", "+8613812345678"),
    ("021-6234 5678", "+862162345678"),
    ("+1 650 253 0000", "+16502530000"),
])
def test_a_phone_becomes_e164(cell, e164):
    assert normalise_phone_cell(cell) == e164


@pytest.mark.parametrize("cell", [None, ""])
def test_an_empty_phone_is_none(cell):
    assert normalise_phone_cell(cell) is None


@pytest.mark.parametrize("cell", [
    "1381234", 1381234, "12345678901", "138123456789", "138abcd5678", "13812345678/13987654321",
    1.5, float("nan"), True, dt.date(2020, 1, 1), "电话", "0"])
def test_a_wrong_phone_is_refused(cell):
    with pytest.raises(Invalid) as refused:
        normalise_phone_cell(cell)
    assert refused.value.reason is Reason.PHONE_INVALID
    assert refused.value.detail.startswith(f"phone {cell_text(cell)}: ")


def test_every_mobile_agrees_with_the_full_parse():
    """The shortcut for eleven digits from 1 (validity kept per five-digit prefix) says
    what phonenumbers says, for numbers of every prefix."""
    rng = random.Random(14)
    for prefix in range(10_000, 20_000):
        for tail in ("000000", "999999", f"{rng.randrange(10**6):06d}"):
            digits = f"{prefix}{tail}"
            try:
                expected: str | None = normalise_phone(digits)
            except ValidationError:
                expected = None
            try:
                got: str | None = normalise_phone_cell(digits)
            except Invalid:
                got = None
            assert got == expected, digits


@pytest.mark.parametrize(("cell", "gender"), [
    ("男", "male"), ("男性", "male"), ("先生", "male"), ("M", "male"), ("m", "male"),
    ("Male", "male"), (" MALE ", "male"), ("女", "female"), ("女性", "female"),
    ("女士", "female"), ("F", "female"), ("female", "female"), ("Ｆ", "female"),
    (None, None), ("", None),
])
def test_a_gender_is_read(cell, gender):
    assert normalise_gender(cell) == gender


@pytest.mark.parametrize("cell", ["x", "未知", "男女", "1", 1, True])
def test_another_gender_is_refused(cell):
    with pytest.raises(Invalid) as refused:
        normalise_gender(cell)
    assert refused.value.reason is Reason.GENDER_INVALID
    assert refused.value.detail.startswith(f"gender {cell_text(cell)}: ")


@pytest.mark.parametrize(("cell", "birthday"), [
    (dt.date(1990, 5, 3), Birthday(SOLAR, 5, 3, 1990)),
    (dt.datetime(1990, 5, 3, 0, 0), Birthday(SOLAR, 5, 3, 1990)),
    (dt.datetime(1990, 5, 3, 23, 59), Birthday(SOLAR, 5, 3, 1990)),
    ("1990年5月3日", Birthday(SOLAR, 5, 3, 1990)),
    ("1990 年 05 月 03 号", Birthday(SOLAR, 5, 3, 1990)),
    ("1990/5/3", Birthday(SOLAR, 5, 3, 1990)),
    ("1990-05-03", Birthday(SOLAR, 5, 3, 1990)),
    ("1990.5.3", Birthday(SOLAR, 5, 3, 1990)),
    ("19900503", Birthday(SOLAR, 5, 3, 1990)),
    (19900503, Birthday(SOLAR, 5, 3, 1990)),
    ("1990-05-03 00:00:00", Birthday(SOLAR, 5, 3, 1990)),
    ("１９９０／５／３", Birthday(SOLAR, 5, 3, 1990)),
    ("2000-02-29", Birthday(SOLAR, 2, 29, 2000)),
    ("5月3日", Birthday(SOLAR, 5, 3)),
    ("5/3", Birthday(SOLAR, 5, 3)),
    ("2月29日", Birthday(SOLAR, 2, 29)),
    ("农历三月初八", Birthday(LUNAR, 3, 8)),
    ("阴历三月初八", Birthday(LUNAR, 3, 8)),
    ("农历正月十五", Birthday(LUNAR, 1, 15)),
    ("农历一月初一", Birthday(LUNAR, 1, 1)),
    ("农历十月初十", Birthday(LUNAR, 10, 10)),
    ("农历冬月十九", Birthday(LUNAR, 11, 19)),
    ("农历十一月二十", Birthday(LUNAR, 11, 20)),
    ("农历十二月廿一", Birthday(LUNAR, 12, 21)),
    ("农历腊月廿九", Birthday(LUNAR, 12, 29)),
    ("农历腊月三十", Birthday(LUNAR, 12, 30)),
    ("农历腊月卅", Birthday(LUNAR, 12, 30)),
    ("农历3月8日", Birthday(LUNAR, 3, 8)),
    ("农历 3 月 8", Birthday(LUNAR, 3, 8)),
    ("农历1990年三月初八", Birthday(LUNAR, 3, 8, 1990)),
    ("农历1990/3/8", Birthday(LUNAR, 3, 8, 1990)),
    ("农历2020年闰四月十二", Birthday(LUNAR, 4, 12, 2020, leap_month=True)),
    ("阴历2020年闰4月12日", Birthday(LUNAR, 4, 12, 2020, leap_month=True)),
    ("农历闰四月十二", Birthday(LUNAR, 4, 12, None, leap_month=True)),
    ("农历2020年四月三十", Birthday(LUNAR, 4, 30, 2020)),
    ("三月初八(农历)", Birthday(LUNAR, 3, 8)),
    ("1990年3月8日（阴历）", Birthday(LUNAR, 3, 8, 1990)),
    ("农历：三月初八", Birthday(LUNAR, 3, 8)),
    ("阳历1990/5/3", Birthday(SOLAR, 5, 3, 1990)),
    ("5月3日(公历)", Birthday(SOLAR, 5, 3)),
    (None, None), ("", None),
])
def test_a_birthday_is_read(cell, birthday):
    assert normalise_birthday(cell, TODAY) == birthday


@pytest.mark.parametrize(("cell", "why"), [
    ("农历1988年闰四月十二", "Lunar year 1988 has no leap month 4."),
    ("农历1990年三月三十", "Lunar month 3 of 1990 has only 29 days."),
    ("农历2020年闰四月三十", "Lunar month 4 of 2020 has only 29 days."),
    ("1991-02-29", "1991 is not a leap year: it has no 29 February."),
    ("1990-04-31", "Month 4 has 30 days; choose a day from 1 to 30."),
    ("1990-13-01", "Choose a month from 1 to 12."),
    ("2月30日", "Month 2 has 29 days; choose a day from 1 to 29."),
    ("农历十三月初一", "not a date"),
    ("农历三月卅一", "not a date"),
    ("农历三月31", "A lunar month has 29 or 30 days; choose a day from 1 to 30."),
    (dt.date(2026, 12, 4), "That birthday is in the future."),
    (dt.datetime(2030, 1, 1), "Enter a birth year from 1900 to 2026."),
    ("1899-12-31", "Enter a birth year from 1900 to 2026."),
    ("5/3/1990", "not a date"),
    ("1990年5月", "not a date"),
    ("下个月", "not a date"),
    ("阳历三月初八", "not a date"),
    ("农历", "not a date"),
    (12345, "not a date"),
    (1.5, "not a date"),
    (True, "not a date"),
])
def test_a_wrong_birthday_is_refused(cell, why):
    with pytest.raises(Invalid) as refused:
        normalise_birthday(cell, TODAY)
    assert refused.value.reason is Reason.BIRTHDAY_INVALID
    assert refused.value.detail.startswith(f"birthday {cell_text(cell)}: {why}")


@pytest.mark.parametrize(("cell", "fen"), [
    ("¥1,234.50", 123450), ("￥1234.5", 123450), ("1234.5", 123450), ("1,234元", 123400),
    ("1234", 123400), (" ¥ 1 234.5 ", 123450), ("1234.500", 123450), ("RMB 88", 8800),
    ("0", 0), ("0.01", 1), ("１２３４．５", 123450), ("1,234,567.89", 123456789),
    (1234.5, 123450), (1234, 123400), (0.1, 10), (19.99, 1999), (0.07, 7),
    (100_000_000, 10_000_000_000), (None, None), ("", None),
])
def test_a_balance_becomes_fen(cell, fen):
    assert normalise_balance(cell) == fen


@pytest.mark.parametrize(("cell", "why"), [
    ("-5", "a balance cannot be negative"), ("¥-5", "a balance cannot be negative"),
    (-5, "a balance cannot be negative"), (-0.5, "a balance cannot be negative"),
    ("1.234", "more than two decimals"), (12.345, "more than two decimals"),
    (0.1 + 0.2, "more than two decimals"),
    (100_000_000.01, "more than ¥100,000,000.00"), ("100,000,001", "more than ¥100,000,000.00"),
    ("1,23", "not an amount of money"), ("abc", "not an amount of money"),
    ("¥", "not an amount of money"), ("-¥-5", "not an amount of money"),
    (float("inf"), "not an amount of money"), (True, "not an amount of money"),
    (dt.date(2020, 1, 1), "not an amount of money"),
])
def test_a_wrong_balance_is_refused(cell, why):
    with pytest.raises(Invalid) as refused:
        normalise_balance(cell)
    assert refused.value.reason is Reason.BALANCE_INVALID
    assert refused.value.detail == f"balance {cell_text(cell)}: {why}"


@pytest.mark.parametrize(("cell", "text"), [
    (None, ""), ("  a b  ", "a b"), (13812345678.0, "13812345678"), (1.25, "1.25"),
    (7, "7"), (True, "TRUE"), (dt.date(1990, 5, 3), "1990-05-03"),
    (dt.datetime(1990, 5, 3), "1990-05-03"),
    (dt.datetime(1990, 5, 3, 8, 30), "1990-05-03 08:30:00"),
])
def test_a_cell_as_text_in_a_detail(cell, text):
    assert cell_text(cell) == text
