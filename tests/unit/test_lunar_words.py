"""A lunar date in words: 农历1999年正月廿三, checked against both calendar libraries."""

from __future__ import annotations

import pytest
from borax.calendars.lunardate import LunarDate  # type: ignore[import-untyped]
from tyme4py.lunar import LunarMonth

from frontdesk.core.calendar import LunarWording, lunar_day_name, lunar_month_name

ZH = LunarWording(dated="农历{year}年{month_name}{day_name}", undated="农历{month_name}{day_name}",
                  leap_dated="农历{year}年{month_name}{day_name}",
                  leap_undated="农历{month_name}{day_name}")


def test_day_names_are_tyme4pys() -> None:
    days = LunarMonth.from_ym(2001, 1).get_days()  # a month of 30 days
    assert [lunar_day_name(d) for d in range(1, 31)] == [day.get_name() for day in days]


def test_month_names_are_boraxs_with_leap_months_marked() -> None:
    assert [lunar_month_name(m) for m in range(1, 13)] == [
        LunarDate(2001, m, 1).cn_month + "月" for m in range(1, 13)]  # …十月, 冬月, 腊月
    assert lunar_month_name(4, leap=True) == "闰四月"


def test_a_birthday_reads_as_people_write_it() -> None:
    assert ZH.text(1, 23, 1999) == "农历1999年正月廿三"
    assert ZH.text(4, 8, 2001, leap=True) == "农历2001年闰四月初八"
    assert ZH.text(12, 30) == "农历腊月三十"
    english = LunarWording()
    assert english.text(1, 23, 1999) == "lunar 1999, month 1 day 23"
    assert english.text(4, 8, leap=True) == "lunar leap month 4 day 8"


@pytest.mark.parametrize(("month", "day"), [(0, 1), (13, 1), (1, 0), (1, 31)])
def test_there_is_no_such_lunar_month_or_day(month: int, day: int) -> None:
    with pytest.raises(ValueError):
        LunarWording().text(month, day)
