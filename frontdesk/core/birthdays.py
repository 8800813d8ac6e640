"""Birthdays: when a client's next birthday falls, solar (公历) or lunar (农历).

Rules, so the desk and the care list agree:

- A solar Feb 29 birthday falls on Feb 28 in a year without Feb 29.
- A lunar birthday is the same lunar month and day in the current lunar year,
  converted to a solar date (:mod:`frontdesk.core.calendar`). A lunar month has 29 or 30
  days; a birthday on the 30th falls on the 29th when the month is short.
- A birthday in a leap month (闰月) falls in that leap month in a year that has
  it, and otherwise in the ordinary month of the same number (the usual custom).
- Lunar dates outside what the calendar knows (1900…2100) have no birthday.

:func:`check_birthday` checks a birthday as typed (:class:`BirthdayInput`): a real
day of that month in that calendar, a leap month only where the year has one, not
in the future.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from frontdesk.core.calendar import (
    Calendar,
    leap_month,
    lunar_month_days,
    lunar_to_solar,
    lunar_year_of,
)
from frontdesk.core.validation import check_choice, is_whole
from frontdesk.errors import ValidationError

WEEK_DAYS = 7
""""This week" on the desk: today and the six days after it."""


@dataclass(frozen=True)
class BirthdayInput:
    """A birthday as entered: solar or lunar month and day, the year if known."""

    calendar: Calendar | str
    month: int
    day: int
    year: int | None = None
    leap_month: bool = False
    """Lunar only: the birthday is in the leap month (闰月) of that number."""


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
        return lunar_year_of(today)
    except ValueError:
        return None


@lru_cache(maxsize=16384)
def lunar_birthday_in(year: int, month: int, day: int, leap: bool) -> dt.date | None:
    """The solar date of a lunar birthday in lunar ``year``; None outside the known years."""
    try:
        is_leap = leap and leap_month(year) == month
        return lunar_to_solar(year, month, min(day, lunar_month_days(year, month, is_leap)),
                              is_leap)
    except ValueError:
        return None


def check_birthday(b: BirthdayInput, today: dt.date) -> BirthdayInput:
    """The birthday as typed, checked; ValidationError naming the first wrong part."""
    calendar = check_choice(Calendar, b.calendar, "birthday_calendar")
    if not is_whole(b.month) or not 1 <= b.month <= 12:
        raise ValidationError("Choose a month from 1 to 12.", field="birth_month")
    if b.year is not None and (not is_whole(b.year) or not 1900 <= b.year <= today.year):
        raise ValidationError("Enter a birth year from 1900 to {last}.", field="birth_year",
                              last=today.year)
    lunar = calendar is Calendar.LUNAR
    born = _lunar_date(b) if lunar else _solar_date(b)
    if born is not None and born > today:
        raise ValidationError("That birthday is in the future.", field="birth_year")
    return BirthdayInput(calendar, b.month, b.day, b.year, lunar and bool(b.leap_month))


def _solar_date(b: BirthdayInput) -> dt.date | None:
    if b.leap_month:
        raise ValidationError("Only a lunar birthday can be in a leap month.",
                              field="birth_leap_month")
    days = cal.monthrange(2000 if b.year is None else b.year, b.month)[1]
    if b.year is not None and (b.month, b.day) == (2, 29) and days == 28:
        raise ValidationError("{year} is not a leap year: it has no 29 February.",
                              field="birth_day", year=b.year)
    if not is_whole(b.day) or not 1 <= b.day <= days:
        raise ValidationError("Month {month} has {days} days; choose a day from 1 to {days}.",
                              field="birth_day", month=b.month, days=days)
    return None if b.year is None else dt.date(b.year, b.month, b.day)


def _lunar_date(b: BirthdayInput) -> dt.date | None:
    if not is_whole(b.day) or not 1 <= b.day <= 30:
        raise ValidationError("A lunar month has 29 or 30 days; choose a day from 1 to 30.",
                              field="birth_day")
    if b.year is None:
        return None
    if b.leap_month and leap_month(b.year) != b.month:
        raise ValidationError("Lunar year {year} has no leap month {month}.",
                              field="birth_leap_month", year=b.year, month=b.month)
    try:
        solar = lunar_to_solar(b.year, b.month, b.day, bool(b.leap_month))
    except ValueError:
        raise ValidationError("Lunar month {month} of {year} has only 29 days.",
                              field="birth_day", month=b.month, year=b.year) from None
    return solar
