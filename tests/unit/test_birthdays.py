"""Next birthday, solar and lunar: new-year edges, leap months, Feb 29, year boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.birthdays import birthday_flags, days_until_birthday, next_birthday
from frontdesk.core.calendar import Calendar, lunar_to_solar

D = dt.date


@pytest.mark.parametrize(("month", "day", "today", "expected"), [
    (11, 23, D(2026, 11, 23), D(2026, 11, 23)),   # today
    (11, 24, D(2026, 11, 23), D(2026, 11, 24)),
    (11, 22, D(2026, 11, 23), D(2027, 11, 22)),   # just passed: next year
    (1, 2, D(2026, 12, 30), D(2027, 1, 2)),       # across the year boundary
    (12, 31, D(2026, 12, 31), D(2026, 12, 31)),
])
def test_solar_next_birthday(month: int, day: int, today: dt.date, expected: dt.date) -> None:
    assert next_birthday(Calendar.SOLAR, month, day, False, today) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (D(2026, 2, 1), D(2026, 2, 28)),    # common year: Feb 28
    (D(2026, 3, 1), D(2027, 2, 28)),
    (D(2027, 3, 1), D(2028, 2, 29)),    # leap year: the day itself
    (D(2028, 2, 28), D(2028, 2, 29)),   # not the 28th in a leap year
])
def test_feb_29_falls_on_feb_28_in_common_years(today: dt.date, expected: dt.date) -> None:
    assert next_birthday("solar", 2, 29, False, today) == expected


def test_lunar_new_year_edge() -> None:
    # Lunar new year 2026 is Feb 17; the 1st of the 1st month, seen from either side.
    assert lunar_to_solar(2026, 1, 1) == D(2026, 2, 17)
    assert next_birthday(Calendar.LUNAR, 1, 1, False, D(2026, 2, 16)) == D(2026, 2, 17)
    assert next_birthday(Calendar.LUNAR, 1, 1, False, D(2026, 2, 17)) == D(2026, 2, 17)
    assert next_birthday(Calendar.LUNAR, 1, 1, False, D(2026, 2, 18)) == D(2027, 2, 6)


def test_lunar_30th_falls_on_29th_of_a_short_month() -> None:
    # The 12th month of lunar 2025 has 29 days (除夕 is Feb 16, 2026); 2029's has 30.
    assert next_birthday(Calendar.LUNAR, 12, 30, False, D(2026, 1, 1)) == D(2026, 2, 16)
    assert next_birthday(Calendar.LUNAR, 12, 30, False, D(2029, 6, 1)) == D(2030, 2, 2)


def test_lunar_birthday_across_the_solar_year_boundary() -> None:
    # Lunar 2026-12-01 is Jan 8, 2027; lunar 11-20 has just passed on Dec 30, 2026.
    assert next_birthday(Calendar.LUNAR, 12, 1, False, D(2026, 12, 30)) == D(2027, 1, 8)
    later = next_birthday(Calendar.LUNAR, 11, 20, False, D(2026, 12, 30))
    assert later == lunar_to_solar(2027, 11, 20)
    assert later is not None and later.year == 2027


def test_leap_month_birthday_uses_the_leap_month_when_the_year_has_one() -> None:
    # 2025 has a leap 6th month: 6/10 is Jul 4, leap 6/10 is Aug 3. 2026 has none.
    assert next_birthday(Calendar.LUNAR, 6, 10, True, D(2025, 7, 1)) == D(2025, 8, 3)
    assert next_birthday(Calendar.LUNAR, 6, 10, False, D(2025, 7, 1)) == D(2025, 7, 4)
    assert next_birthday(Calendar.LUNAR, 6, 10, False, D(2025, 7, 5)) == D(2026, 7, 23)
    assert next_birthday(Calendar.LUNAR, 6, 10, True, D(2025, 8, 4)) == D(2026, 7, 23)


@pytest.mark.parametrize(("calendar", "month", "day"), [
    (None, 5, 5), (Calendar.SOLAR, None, 5), (Calendar.SOLAR, 5, None),
    (Calendar.SOLAR, 2, 30), (Calendar.SOLAR, 13, 1), (Calendar.LUNAR, 13, 1),
    (Calendar.LUNAR, 5, 31),
])
def test_unknown_or_impossible_birthday_is_none(calendar: Calendar | None, month: int | None,
                                                day: int | None) -> None:
    assert next_birthday(calendar, month, day, False, D(2026, 11, 23)) is None
    assert days_until_birthday(calendar, month, day, False, D(2026, 11, 23)) is None
    assert birthday_flags(calendar, month, day, False, D(2026, 11, 23)) == (False, False)


def test_days_until_and_the_week_window() -> None:
    today = D(2026, 11, 23)
    assert days_until_birthday(Calendar.SOLAR, 11, 23, False, today) == 0
    assert birthday_flags(Calendar.SOLAR, 11, 23, False, today) == (True, True)
    assert birthday_flags(Calendar.SOLAR, 11, 29, False, today) == (False, True)   # 6 days
    assert birthday_flags(Calendar.SOLAR, 11, 30, False, today) == (False, False)  # 7 days
    assert days_until_birthday(Calendar.SOLAR, 11, 22, False, today) == 364
