"""Birthdays: when a client's next birthday falls, solar (公历) or lunar (农历).

Rules, so the desk and the care list agree:

- A solar Feb 29 birthday falls on Feb 28 in a year without Feb 29.
- A lunar birthday is the same lunar month and day in the current lunar year,
  converted to a solar date with :mod:`lunardate`. A lunar month has 29 or 30
  days; a birthday on the 30th falls on the 29th when the month is short.
- A birthday in a leap month (闰月) falls in that leap month in a year that has
  it, and otherwise in the ordinary month of the same number (the usual custom).
- Lunar dates outside what :mod:`lunardate` knows (1900…2099) have no birthday.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lunardate import LunarDate  # type: ignore[import-untyped]

from frontdesk.models import Calendar

WEEK_DAYS = 7
""""This week" on the desk: today and the six days after it."""


def next_birthday(calendar: Calendar | str | None, month: int | None, day: int | None,
                  leap: bool, today: dt.date) -> dt.date | None:
    """The first birthday on or after ``today``; None when the birthday is unknown or invalid.

    Args:
        calendar: ``solar`` or ``lunar`` (a :class:`Calendar` or its value).
        month, day: the birthday's month and day in that calendar.
        leap: the lunar birthday is in a leap month (ignored for solar birthdays).
        today: the local date at the store.
    """
    if calendar is None or not month or not day:
        return None
    if Calendar(calendar) is Calendar.LUNAR:
        return _next_lunar(month, day, leap, today)
    return _next_solar(month, day, today)


def days_until_birthday(calendar: Calendar | str | None, month: int | None, day: int | None,
                        leap: bool, today: dt.date) -> int | None:
    """Days from ``today`` to the next birthday (0 on the day itself); None when unknown."""
    when = next_birthday(calendar, month, day, leap, today)
    return None if when is None else (when - today).days


def birthday_flags(calendar: Calendar | str | None, month: int | None, day: int | None,
                   leap: bool, today: dt.date) -> tuple[bool, bool]:
    """(birthday today, birthday within this week: today and the next six days)."""
    days = days_until_birthday(calendar, month, day, leap, today)
    if days is None:
        return False, False
    return days == 0, days < WEEK_DAYS


def _next_solar(month: int, day: int, today: dt.date) -> dt.date | None:
    for year in (today.year, today.year + 1):
        when = solar_birthday_in(year, month, day)
        if when is None:
            return None
        if when >= today:
            return when
    return None  # pragma: no cover - next year's date is always after today


def solar_birthday_in(year: int, month: int, day: int) -> dt.date | None:
    """The solar birthday in ``year`` (Feb 29 → Feb 28 in common years); None if invalid."""
    if month == 2 and day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _next_lunar(month: int, day: int, leap: bool, today: dt.date) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    lunar_year = _lunar_year_of(today)
    if lunar_year is None:
        return None
    for year in (lunar_year, lunar_year + 1):
        when = lunar_birthday_in(year, month, day, leap)
        if when is not None and when >= today:
            return when
    return None


def _lunar_year_of(today: dt.date) -> int | None:
    try:
        return _lunar_year_cached(today)
    except (ValueError, IndexError):
        return None


@lru_cache(maxsize=64)
def _lunar_year_cached(today: dt.date) -> int:
    year: int = LunarDate.from_solar_date(today.year, today.month, today.day).year
    return year


@lru_cache(maxsize=16384)
def lunar_birthday_in(year: int, month: int, day: int, leap: bool) -> dt.date | None:
    """The solar date of a lunar birthday in lunar ``year``; None outside the known years."""
    try:
        is_leap = leap and LunarDate.leap_month_for_year(year) == month
    except ValueError:
        return None
    for candidate in (day, 29) if day == 30 else (day,):
        try:
            when: dt.date = LunarDate(year, month, candidate, is_leap).to_solar_date()
            return when
        except ValueError as exc:
            if "year" in str(exc):
                return None
    return None
