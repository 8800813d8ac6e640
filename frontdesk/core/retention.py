"""Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months.

The rule counts days (weeks, months) that *have* a backup, as restic's
``--keep-daily 7 --keep-weekly 4 --keep-monthly 12`` does, not calendar days: a
salon closed for a fortnight still has its last seven days of work. Within a day
(an ISO week, a month) the newest backup stands for it; a backup kept for any
of the three reasons is kept. With a backup every day, that is at most 7 + 4 +
12 = 23 files, reaching a year back. Times are the store's local times.

Copies made before a schema upgrade or a restore are not daily work and follow a
simpler rule, :func:`newest`: the newest few of each kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


RULE = Retention()
COPIES_KEPT = 3
"""How many copies made before upgrades (and, apart, before restores) are kept."""


def _day(t: dt.datetime) -> object:
    return t.date()


def _week(t: dt.datetime) -> object:
    return t.isocalendar()[:2]


def _month(t: dt.datetime) -> object:
    return t.year, t.month


def _newest_per_period(ordered: list[tuple[K, dt.datetime]],
                       period: Callable[[dt.datetime], object], count: int) -> set[K]:
    """The newest key of each of the ``count`` most recent periods (``ordered`` newest first)."""
    kept: set[K] = set()
    seen: set[object] = set()
    for key, taken_at in ordered:
        bucket = period(taken_at)
        if bucket in seen:
            continue
        if len(seen) == count:
            break
        seen.add(bucket)
        kept.add(key)
    return kept


def keep(backups: Iterable[tuple[K, dt.datetime]], rule: Retention = RULE) -> set[K]:
    """The keys of the backups the rule keeps; the others may be deleted. Of two backups
    with the same time, the one given first counts as the newer."""
    ordered = sorted(backups, key=lambda item: item[1], reverse=True)
    return (_newest_per_period(ordered, _day, rule.daily)
            | _newest_per_period(ordered, _week, rule.weekly)
            | _newest_per_period(ordered, _month, rule.monthly))


def newest(backups: Iterable[tuple[K, dt.datetime]], count: int = COPIES_KEPT) -> set[K]:
    """The keys of the ``count`` newest backups."""
    ordered = sorted(backups, key=lambda item: item[1], reverse=True)
    return {key for key, _ in ordered[:count]}
