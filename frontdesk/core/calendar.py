"""The two calendars a birthday can be kept in: solar (公历) and lunar (农历).

Every lunar question the program asks goes through the functions below, so
the library that answers them can be changed in one place. Today that is
``borax`` (MIT licence): the lunar calendar as published by the Purple Mountain
Observatory, tabulated for lunar years 1900…2100, a table lookup of about 15 µs.
``tests/unit/test_calendar.py`` checks it on every day of 1930–2060 against
``tyme4py`` (MIT), which computes the calendar astronomically.

(``lunardate``, used before, is GPL-licensed and has six wrong month lengths in
1933, 1954 and 1978: a client born in those months got the wrong birthday.)

Lunar months are numbered 1…12; a leap month (闰月) repeats the number of the
month before it and is told apart by ``leap=True``. :class:`LunarWording` writes a
lunar date in words (``农历1999年正月廿三``), with the Chinese names of its months and days.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from functools import lru_cache

from borax.calendars.lunardate import LCalendars, LunarDate  # type: ignore[import-untyped]

FIRST_LUNAR_YEAR = 1900
LAST_LUNAR_YEAR = 2100
"""The lunar years this calendar knows; dates outside raise :class:`ValueError`."""


class Calendar(enum.StrEnum):
    SOLAR = "solar"  # 公历
    LUNAR = "lunar"  # 农历


def _check_year(year: int) -> None:
    if not FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR:
        raise ValueError(f"lunar year {year} is outside {FIRST_LUNAR_YEAR}…{LAST_LUNAR_YEAR}")


@lru_cache(maxsize=256)
def leap_month(year: int) -> int | None:
    """The number of the month a lunar year doubles (闰月), or None when it has none."""
    _check_year(year)
    month = int(LCalendars.leap_month(year))
    return month or None


@lru_cache(maxsize=4096)
def lunar_month_days(year: int, month: int, leap: bool = False) -> int:
    """29 or 30: the length of lunar ``month`` (the leap one when ``leap``) of ``year``.

    Raises ValueError for a month the year does not have.
    """
    if leap and leap_month(year) != month:
        raise ValueError(f"lunar year {year} has no leap month {month}")
    if not 1 <= month <= 12:
        raise ValueError(f"no lunar month {month}")
    return int(LCalendars.ndays(year, month, int(leap)))


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of a lunar date; ValueError when that lunar date does not exist."""
    if not 1 <= day <= lunar_month_days(year, month, leap):
        raise ValueError(f"lunar month {month} of {year} has no day {day}")
    solar: dt.date = LunarDate(year, month, day, int(leap)).to_solar_date()
    return solar


@lru_cache(maxsize=64)
def lunar_year_of(day: dt.date) -> int:
    """The lunar year a solar date falls in (it starts at the Spring Festival, 春节)."""
    try:
        year: int = LunarDate.from_solar_date(day.year, day.month, day.day).year
    except ValueError:
        raise ValueError(f"{day} is outside the lunar years this calendar knows") from None
    return year


@dataclass(frozen=True)
class LunarDay:
    """A day of the lunar calendar: its year, month (the leap one when ``leap``) and day."""

    year: int
    month: int
    day: int
    leap: bool = False


@lru_cache(maxsize=4096)
def solar_to_lunar(day: dt.date) -> LunarDay:
    """The lunar date of a solar date; ValueError outside the lunar years this calendar knows."""
    try:
        lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    except ValueError:
        raise ValueError(f"{day} is outside the lunar years this calendar knows") from None
    return LunarDay(int(lunar.year), int(lunar.month), int(lunar.day), bool(lunar.leap))


_MONTH_NAMES = ("正月", "二月", "三月", "四月", "五月", "六月",
                "七月", "八月", "九月", "十月", "冬月", "腊月")
_DIGITS = "一二三四五六七八九十"


def lunar_month_name(month: int, leap: bool = False) -> str:
    """A lunar month as it is written in Chinese: ``正月``, ``闰四月``, ``腊月``."""
    if not 1 <= month <= 12:
        raise ValueError(f"no lunar month {month}")
    return ("闰" if leap else "") + _MONTH_NAMES[month - 1]


def lunar_day_name(day: int) -> str:
    """A lunar day in Chinese: ``初一``…``初十``, ``十一``, ``二十``, ``廿三``, ``三十``."""
    if not 1 <= day <= 30:
        raise ValueError(f"no lunar day {day}")
    if day <= 10:
        return "初" + _DIGITS[day - 1]
    if day in (20, 30):
        return _DIGITS[day // 10 - 1] + "十"
    return ("十", "廿")[day // 10 - 1] + _DIGITS[day % 10 - 1]


@dataclass(frozen=True)
class LunarWording:
    """How one language writes a lunar date (a birthday), in four templates.

    Each template may use ``{year}``, ``{month}`` and ``{day}`` (numbers) and
    ``{month_name}`` and ``{day_name}`` (the Chinese names, ``闰四月``, ``廿三``), so the
    Chinese wording reads ``农历1999年正月廿三`` while the English one says
    ``lunar 1999, month 1 day 23``. The screens and the printed sheet both fill one from
    the translation files; the defaults are the English source texts.
    """

    dated: str = "lunar {year}, month {month} day {day}"
    undated: str = "lunar month {month} day {day}"
    leap_dated: str = "lunar {year}, leap month {month} day {day}"
    leap_undated: str = "lunar leap month {month} day {day}"

    def text(self, month: int, day: int, year: int | None = None, leap: bool = False) -> str:
        """The lunar date worded; ``year`` None or 0 when it is not known."""
        if leap:
            template = self.leap_dated if year else self.leap_undated
        else:
            template = self.dated if year else self.undated
        return template.format(year=year or "", month=month, day=day,
                               month_name=lunar_month_name(month, leap),
                               day_name=lunar_day_name(day))
