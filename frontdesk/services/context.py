"""Who is acting and what time it is: passed into services, never read from globals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from frontdesk.models import Role

Clock = Callable[[], dt.datetime]
"""Returns the current time as an aware UTC datetime. Injected so tests can pick the date."""


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def local_today(clock: Clock) -> dt.date:
    """Today's date where the store is (the machine's local time zone)."""
    return clock().astimezone().date()


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member on whose behalf a service acts."""

    staff_id: int
    username: str
    display_name: str
    role: Role
    branch_id: int
