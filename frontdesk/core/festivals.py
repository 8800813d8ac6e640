"""Festivals (节日): the built-in list, and the solar date a festival falls on in a year.

A festival is fixed in one of three ways (:class:`FestivalRule`): a solar date
(元旦 1-1, 妇女节 3-8), a lunar date (春节 1-1, 中秋 8-15; day 0 is the last day of
the lunar month, so 除夕 is 12-0 whether 腊月 has 29 days or 30), or the n-th
weekday of a solar month (Mother's Day, the second Sunday of May). Lunar dates go
through :mod:`frontdesk.core.calendar`.

:data:`BUILT_IN` is the list a new store starts with; a store switches one off,
says it needs no gift, or adds its own day as a ``festival`` row
(:mod:`frontdesk.services.care.settings` merges the two). ``gift`` marks the
festivals on which major clients get a gift (domain/001: 端午, 中秋, 元宵 and 春节).
Names are English source texts, translated by the screens and the CLI.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
import enum
from dataclasses import dataclass

from frontdesk.core.calendar import FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, lunar_month_days
from frontdesk.core.calendar import lunar_to_solar as _lunar_to_solar


class FestivalRule(enum.StrEnum):
    SOLAR = "solar"
    """A fixed solar date (元旦 1-1, 妇女节 3-8)."""
    LUNAR = "lunar"
    """A fixed lunar date (春节 1-1, 中秋 8-15); day 0 is the month's last day (除夕)."""
    NTH_WEEKDAY = "nth_weekday"
    """The ``day``-th ``weekday`` of a solar month (Mother's Day: the 2nd Sunday of May)."""


@dataclass(frozen=True)
class FestivalDay:
    """How a festival is fixed in the year, and whether major clients get a gift on it."""

    code: str
    name: str
    rule: FestivalRule
    month: int
    day: int
    weekday: int | None = None
    """0 Monday … 6 Sunday, for :attr:`FestivalRule.NTH_WEEKDAY` (``day`` is then the n-th)."""
    gift: bool = False
    enabled: bool = True
    built_in: bool = True


BUILT_IN: tuple[FestivalDay, ...] = (
    FestivalDay("new_year", "New Year's Day", FestivalRule.SOLAR, 1, 1),
    FestivalDay("spring_festival", "Spring Festival", FestivalRule.LUNAR, 1, 1, gift=True),
    FestivalDay("lantern", "Lantern Festival", FestivalRule.LUNAR, 1, 15, gift=True),
    FestivalDay("womens_day", "Women's Day", FestivalRule.SOLAR, 3, 8),
    FestivalDay("mothers_day", "Mother's Day", FestivalRule.NTH_WEEKDAY, 5, 2, weekday=6),
    FestivalDay("dragon_boat", "Dragon Boat Festival", FestivalRule.LUNAR, 5, 5, gift=True),
    FestivalDay("qixi", "Qixi Festival", FestivalRule.LUNAR, 7, 7),
    FestivalDay("mid_autumn", "Mid-Autumn Festival", FestivalRule.LUNAR, 8, 15, gift=True),
    FestivalDay("double_ninth", "Double Ninth Festival", FestivalRule.LUNAR, 9, 9),
    FestivalDay("laba", "Laba Festival", FestivalRule.LUNAR, 12, 8),
    FestivalDay("new_years_eve", "New Year's Eve", FestivalRule.LUNAR, 12, 0),
)
"""The festivals a new store greets its clients on (除夕 is day 0: the last of 腊月)."""


def festival_date(festival: FestivalDay, year: int) -> dt.date | None:
    """The solar date of ``festival`` in Gregorian ``year``; None when it has none that year
    (a lunar date outside the calendar's years, a day the month does not have)."""
    if festival.rule is FestivalRule.SOLAR:
        return _solar(year, festival.month, festival.day)
    if festival.rule is FestivalRule.NTH_WEEKDAY:
        return _nth_weekday(year, festival.month, festival.day, festival.weekday or 0)
    return _lunar_in_gregorian_year(year, festival.month, festival.day)


def festival_dates(year: int, festivals: tuple[FestivalDay, ...] = BUILT_IN,
                   ) -> list[tuple[dt.date, FestivalDay]]:
    """Every enabled festival's dates in Gregorian ``year``, in date order (a late lunar
    date may fall twice in one: 腊八 was on 2022-01-10 and again on 2022-12-30)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    dated = [(when, f) for f in festivals if f.enabled
             for when, _ in festival_days_between(f, first, last)]
    return sorted(dated, key=lambda pair: (pair[0], pair[1].code))


def festival_days_between(festival: FestivalDay, first: dt.date, last: dt.date,
                          ) -> list[tuple[dt.date, int]]:
    """Each date of ``festival`` from ``first`` to ``last`` (both included), in order, with
    the year it is the festival of in its own calendar: the lunar year for a lunar date (除夕
    on 2027-02-05 is lunar 2026's), the Gregorian year otherwise. That year tells two
    occurrences apart even when a Gregorian year has the same lunar date twice."""
    found = []
    for year in range(first.year - 1, last.year + 1):
        if festival.rule is FestivalRule.LUNAR:
            when = _lunar(year, festival.month, festival.day)
        else:
            when = festival_date(festival, year)
        if when is not None and first <= when <= last:
            found.append((when, year))
    return found


def _solar(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date | None:
    """The ``nth`` (1…5; -1 the last) ``weekday`` of the month; None if the month has none."""
    days = [d for d in range(1, cal.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    try:
        return dt.date(year, month, days[nth - 1 if nth > 0 else nth])
    except IndexError:
        return None


def _lunar_in_gregorian_year(year: int, month: int, day: int) -> dt.date | None:
    """The lunar ``month``/``day`` that falls in Gregorian ``year`` (late lunar dates, such as
    腊八 or 除夕, fall in the next Gregorian year: the one asked for is the lunar year before)."""
    for lunar_year in (year - 1, year):
        when = _lunar(lunar_year, month, day)
        if when is not None and when.year == year:
            return when
    return None


def _lunar(lunar_year: int, month: int, day: int) -> dt.date | None:
    if not FIRST_LUNAR_YEAR <= lunar_year <= LAST_LUNAR_YEAR:
        return None
    length = lunar_month_days(lunar_year, month)
    if day == 0:
        day = length
    if not 1 <= day <= length:
        return None
    return _lunar_to_solar(lunar_year, month, day)
