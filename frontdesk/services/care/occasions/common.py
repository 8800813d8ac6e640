"""What the calendar's and the cards' rules share: days and their UTC bounds, the client's
tier plan, the gift types' detail, the clients a rule may greet.

Dates are the store's local dates (:mod:`frontdesk.core.context`); stored times are UTC,
so a rule turns its scanned days into a UTC range before it asks an index.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_

from frontdesk.core.context import local_day_bounds
from frontdesk.models import Client
from frontdesk.models.care import CareChannel, GiftType
from frontdesk.services.care.drafts import ScanContext

LOCAL_SPECIALITY_NOTE = "not for local clients"
"""The detail's note beside a gift list holding local specialities (domain/001)."""


def days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every day from ``first`` to ``last``, both included."""
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


@dataclass(frozen=True)
class Ahead:
    """The events a rule ``days`` ahead tells of on the scanned days ``first`` … ``last``:
    those from ``first + days`` to ``last + days``, each due ``days`` before it. On the first
    scan, from ``first`` on: the events of the next few days are not missed for the program
    having been installed after their day to tell of them; they are due on ``first``."""

    days: int
    first: dt.date
    last: dt.date
    first_scan: bool = False

    @property
    def start(self) -> dt.date:
        return self.first if self.first_scan else self.first + dt.timedelta(days=self.days)

    @property
    def end(self) -> dt.date:
        return self.last + dt.timedelta(days=self.days)

    def due(self, event: dt.date) -> dt.date:
        return max(event - dt.timedelta(days=self.days), self.first)


def utc_range(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC start of local day ``first`` and the UTC end (exclusive) of local day ``last``."""
    return local_day_bounds(first)[0], local_day_bounds(last)[1]


def local_day(at: dt.datetime) -> dt.date:
    """The store's local date of a stored (UTC) time."""
    return at.astimezone().date()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative: back); the 31st becomes a shorter month's last."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, cal.monthrange(year, month)[1]))


def live_client(branch_id: int) -> ColumnElement[bool]:
    """The store's clients who have not been anonymised.

    Written so that no index on the branch is chosen (``branch_id + 0``): each rule reads
    its clients by the index of its own condition (birthdays, tier, last visit…), a few
    thousand of a million; without statistics SQLite would rather take
    ``ix_client_branch_id`` and read the whole store.
    """
    return and_(Client.branch_id + 0 == branch_id, Client.anonymised_at.is_(None))


def channel_of(ctx: ScanContext, tier_name: str) -> tuple[CareChannel, tuple[GiftType, ...]]:
    """How a client of the tier named ``tier_name`` is cared for, and the gifts it suggests:
    the tier plan's channel (no tier, or a tier without a plan: a message)."""
    plan = ctx.plan_by_tier_name(tier_name) if tier_name else None
    if plan is None:
        return CareChannel.MESSAGE, ()
    if plan.channel is CareChannel.GIFT:
        return CareChannel.GIFT, plan.gift_types
    return plan.channel, ()


def gift_detail(gifts: tuple[GiftType, ...]) -> dict[str, int | str]:
    """The detail of a gift task: the gift types, and the local specialities' caveat."""
    if not gifts:
        return {}
    detail: dict[str, int | str] = {"gifts": ",".join(g.value for g in gifts)}
    if GiftType.LOCAL_SPECIALITY in gifts:
        detail[GiftType.LOCAL_SPECIALITY.value] = LOCAL_SPECIALITY_NOTE
    return detail


def tier_names(ctx: ScanContext, *channels: CareChannel) -> tuple[str, ...]:
    """The names of the tiers whose plan uses one of ``channels``, in rank order."""
    plans = sorted(ctx.tier_plans.values(), key=lambda p: p.rank)
    return tuple(p.tier_name for p in plans if p.channel in channels)
