"""The two calendars a birthday can be kept in: solar (公历) and lunar (农历).

Every lunar question the program asks goes through the four functions below, so
the library that answers them can be changed in one place. Today that is
``borax`` (MIT licence): the lunar calendar as published by the Purple Mountain
Observatory, tabulated for lunar years 1900…2100, a table lookup of about 15 µs.
``tests/unit/test_calendar.py`` checks it on every day of 1930–2060 against
``tyme4py`` (MIT), which computes the calendar astronomically.

(``lunardate``, used before, is GPL-licensed and has six wrong month lengths in
1933, 1954 and 1978: a client born in those months got the wrong birthday.)

Lunar months are numbered 1…12; a leap month (闰月) repeats the number of the
month before it and is told apart by ``leap=True``.
"""

from __future__ import annotations

import datetime as dt
import enum
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
