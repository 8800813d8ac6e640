"""Who is acting, in which role, and what time it is: passed into services, never globals."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass


class Role(enum.StrEnum):
    """A staff member's role; what each may do is in :mod:`frontdesk.core.permissions`."""

    RECEPTIONIST = "receptionist"  # 前台
    CONSULTANT = "consultant"  # 顾问
    THERAPIST = "therapist"  # beautician 美容师 / therapist 经络师
    MANAGER = "manager"  # 店长
    ADMIN = "admin"


Clock = Callable[[], dt.datetime]
"""Returns the current time as an aware UTC datetime. Injected so tests can pick the date."""


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
