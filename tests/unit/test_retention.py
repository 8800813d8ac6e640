"""The backup retention rule: the newest of each of the last 7 days, 4 weeks and 12 months."""

from __future__ import annotations

import datetime as dt

from frontdesk.core.retention import Retention, keep, newest

TZ = dt.timezone(dt.timedelta(hours=8))


def _at(day: dt.date, hour: int = 21) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), TZ)


def test_a_backup_every_day_for_two_years_keeps_20_reaching_a_year_back() -> None:
    last = dt.date(2026, 11, 23)  # a Monday
    days = [last - dt.timedelta(days=n) for n in range(730)]
    kept = keep((d, _at(d)) for d in days)
    daily = {last - dt.timedelta(days=n) for n in range(7)}  # 17 … 23 November
    weekly = {last, dt.date(2026, 11, 22), dt.date(2026, 11, 15), dt.date(2026, 11, 8)}
    monthly = {last, dt.date(2025, 12, 31)} | {_month_end(2026, m) for m in range(1, 11)}
    assert kept == daily | weekly | monthly
    assert len(kept) == 20 and min(kept) == dt.date(2025, 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def test_within_a_day_the_newest_backup_stands_for_it() -> None:
    day = dt.date(2026, 11, 23)
    kept = keep(((day, h), _at(day, h)) for h in (9, 13, 21, 8))
    assert kept == {(day, 21)}


def test_days_without_backups_do_not_count() -> None:
    """A salon closed for weeks keeps its last seven working days, not seven empty ones."""
    worked = [dt.date(2026, 11, 23) - dt.timedelta(days=3 * n) for n in range(10)]
    kept = keep((d, _at(d)) for d in worked)
    assert set(worked[:7]) <= kept


def test_a_smaller_rule_and_the_newest_few() -> None:
    days = [dt.date(2026, 11, 23) - dt.timedelta(days=n) for n in range(30)]
    assert keep(((d, _at(d)) for d in days), Retention(daily=2, weekly=0, monthly=0)) == \
        set(days[:2])
    assert newest(((d, _at(d)) for d in days), 3) == set(days[:3])
