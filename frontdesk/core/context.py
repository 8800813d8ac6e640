"""Who is acting, in which role, and what time it is: passed into services, never globals."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, field


class Role(enum.StrEnum):
    """A staff member's role; what each may do is in :mod:`frontdesk.core.permissions`."""

    RECEPTIONIST = "receptionist"  # 前台
    CONSULTANT = "consultant"  # 顾问
    THERAPIST = "therapist"  # beautician 美容师 / therapist 经络师
    CLIENT_MANAGER = "client_manager"  # 客户经理 / 客服: the due list of the clients in their book
    COMPLAINT_HANDLER = "complaint_handler"  # 投诉处理专员: owns complaint cases
    QUALITY_INSPECTOR = "quality_inspector"  # 质检: spot-checks care calls, reads the reports
    MANAGER = "manager"  # 店长
    ADMIN = "admin"


Clock = Callable[[], dt.datetime]
"""Returns the current time as an aware UTC datetime. Injected so tests can pick the date."""


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_today(clock: Clock) -> dt.date:
    """Today's date where the store is (the machine's local time zone)."""
    return clock().astimezone().date()


def local_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC start and end of a local calendar day (where the store is)."""
    start = dt.datetime.combine(day, dt.time()).astimezone()
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).astimezone()
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member on whose behalf a service acts.

    Only the sign-in makes one (:mod:`frontdesk.services.staff.auth`), from the staff
    row in the database, and signs it: ``signature`` is an HMAC of the other fields
    under a key this process drew at start. Every permission check verifies it
    (:mod:`frontdesk.core.permissions`), so an actor built by hand, or a signed one
    with its role replaced, is refused.
    """

    staff_id: int
    username: str
    display_name: str
    role: Role
    branch_id: int
    signature: bytes = field(default=b"", repr=False)
