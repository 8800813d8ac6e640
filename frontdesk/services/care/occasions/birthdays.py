"""Birthdays (生日祝福), solar or lunar (农历), ``days_ahead`` before the day.

The birthdays falling in the scanned days (moved on by ``days_ahead``) are turned into
the (month, day) pairs a client could have written down for them, in each calendar:

- solar: the day's own month and day, and 29 February on a common year's 28 February;
- lunar: the day's lunar month and day (a client born in a leap month whose number this
  year does not double falls in the ordinary month: the same pair), and day 30 on the
  29th, last day, of a short month.

Those pairs are looked up by ``ix_client_birthday`` (birth_month, birth_day); each
candidate is then checked exactly by :func:`~frontdesk.core.birthdays.solar_birthday_in`
and :func:`~frontdesk.core.birthdays.lunar_birthday_in`, the rules the desk shows.

Occasion ``birthday:<client>:<year>``: the year of the birthday in its own calendar
(the lunar year for a lunar birthday: lunar 冬月 dates can fall twice in one Gregorian
year). On the first scan the birthdays of the next ``days_ahead`` days are due at once
(:class:`~frontdesk.services.care.occasions.common.Ahead`). The channel is the client's
tier plan's: a gift (with the plan's gift types), a call, or a message. Reason
``birthday``; detail: calendar, month, day, leap, age (when the birth year is known).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import ColumnElement, Row, and_, false, or_, select
from sqlalchemy.orm import Session

from frontdesk.core.birthdays import lunar_birthday_in, solar_birthday_in
from frontdesk.core.calendar import (
    FIRST_LUNAR_YEAR,
    LAST_LUNAR_YEAR,
    Calendar,
    lunar_month_days,
    solar_to_lunar,
)
from frontdesk.models import Client
from frontdesk.models.care import CareKind
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.occasions.common import (
    Ahead,
    channel_of,
    days,
    gift_detail,
    live_client,
)

Pair = tuple[int, int]
Candidate = Row[int, str, Calendar | None, int | None, int | None, bool, int | None]


def solar_pairs(first: dt.date, last: dt.date) -> set[Pair]:
    """The (month, day) of every solar birthday that can fall from ``first`` to ``last``."""
    pairs = set()
    for day in days(first, last):
        pairs.add((day.month, day.day))
        if (day.month, day.day) == (2, 28) and solar_birthday_in(day.year, 2, 29) == day:
            pairs.add((2, 29))
    return pairs


def lunar_pairs(first: dt.date, last: dt.date) -> set[Pair]:
    """The lunar (month, day) of every lunar birthday that can fall from ``first`` to ``last``
    (leap or not: the pair is the same; day 30 too on the last day of a 29-day month)."""
    pairs = set()
    for day in days(first, last):
        try:
            lunar = solar_to_lunar(day)
        except ValueError:
            continue
        pairs.add((lunar.month, lunar.day))
        if lunar.day == 29 and lunar_month_days(lunar.year, lunar.month, lunar.leap) == 29:
            pairs.add((lunar.month, 30))
    return pairs


def by_pairs(calendar: Calendar, pairs: Iterable[Pair]) -> list[ColumnElement[bool]]:
    """``birth_month = m AND birth_day IN (…)`` for each month in ``calendar``: one index
    range each (terms of one flat OR, which both databases read by ``ix_client_birthday``)."""
    months: dict[int, list[int]] = {}
    for month, day in sorted(pairs):
        months.setdefault(month, []).append(day)
    return [and_(Client.birth_month == m, Client.birth_day.in_(d),
                 Client.birthday_calendar == calendar) for m, d in months.items()]


def _lunar_years(first: dt.date, last: dt.date) -> range:
    """The lunar years whose dates can fall from ``first`` to ``last``."""
    low = max(first.year - 1, FIRST_LUNAR_YEAR)
    return range(low, min(last.year, LAST_LUNAR_YEAR) + 1)


def occurrences(calendar: Calendar, month: int, day: int, leap: bool,
                first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, int]]:
    """Each birthday from ``first`` to ``last``, with the year it is the birthday of."""
    if calendar is Calendar.LUNAR:
        for year in _lunar_years(first, last):
            when = lunar_birthday_in(year, month, day, leap)
            if when is not None and first <= when <= last:
                yield when, year
        return
    for year in range(first.year, last.year + 1):
        when = solar_birthday_in(year, month, day)
        if when is not None and first <= when <= last:
            yield when, year


class BirthdaySource:
    """Birthday greetings, gifts or calls, ``days_ahead`` before each birthday."""

    kind: CareKind = CareKind.BIRTHDAY

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = ctx.rules[self.kind]
        if not rule.enabled:
            return
        ahead = Ahead(rule.days_ahead, first, last, ctx.first_scan)
        for row in self._candidates(s, ctx.branch_id, ahead.start, ahead.end):
            calendar = Calendar(row.birthday_calendar)
            for when, year in occurrences(calendar, row.birth_month, row.birth_day,
                                          row.birth_leap_month, ahead.start, ahead.end):
                yield self._draft(ctx, row, calendar, when, year, ahead.due(when))

    @staticmethod
    def _candidates(s: Session, branch_id: int, start: dt.date,
                    end: dt.date) -> list[Candidate]:
        solar, lunar = solar_pairs(start, end), lunar_pairs(start, end)
        rows = s.execute(
            select(Client.id, Client.tier, Client.birthday_calendar, Client.birth_month,
                   Client.birth_day, Client.birth_leap_month, Client.birth_year)
            .where(live_client(branch_id), or_(false(), *by_pairs(Calendar.SOLAR, solar),
                                               *by_pairs(Calendar.LUNAR, lunar)))
            .order_by(Client.id)).all()
        return list(rows)

    def _draft(self, ctx: ScanContext, row: Candidate,
               calendar: Calendar, when: dt.date, year: int, due: dt.date) -> TaskDraft:
        channel, gifts = channel_of(ctx, row.tier)
        detail: dict[str, int | str] = {
            "calendar": calendar.value, "month": row.birth_month, "day": row.birth_day,
            "leap": int(bool(row.birth_leap_month) and calendar is Calendar.LUNAR),
            **gift_detail(gifts)}
        if row.birth_year:
            detail["age"] = year - row.birth_year
        return TaskDraft(kind=self.kind, occasion=f"birthday:{row.id}:{year}", due_on=due,
                         client_id=row.id, channel=channel, event_on=when, reason="birthday",
                         detail=detail, gift_types=gifts)
