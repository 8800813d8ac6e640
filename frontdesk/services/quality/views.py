"""What the spot-check service hands the screens: frozen views, no ORM rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontdesk.models.care import CallOutcome, CareChannel, CareKind
from frontdesk.models.survey import Verdict


@dataclass(frozen=True)
class StaffCalls:
    """How many care calls one staff member logged in the month."""

    staff_id: int
    name: str
    calls: int


@dataclass(frozen=True)
class MonthCalls:
    """The care calls of a month that a spot check can sample (all, or one staff's)."""

    month: dt.date
    calls: int
    staff: tuple[StaffCalls, ...]
    """Who made them, most calls first."""


@dataclass(frozen=True)
class CheckView:
    """One spot check: its month, who checks, its counts and its summary (质检总结)."""

    check_id: int
    month: dt.date
    inspector_id: int
    inspector_name: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    sampled: int
    passed: int
    failed: int
    content: str
    """What was checked (抽查内容)."""
    results: str
    problems: str
    fixes: str
    """The fixes and suggestions (解决办法及建议)."""
    version: int

    @property
    def pending(self) -> int:
        return self.sampled - self.passed - self.failed

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class ItemView:
    """One sampled call and its verdict."""

    item_id: int
    call_id: int
    client_id: int
    client_name: str
    phone: str
    """Masked (138****5678): the inspector judges the call, not the client."""
    staff_name: str
    at: dt.datetime
    channel: CareChannel
    outcome: CallOutcome
    call_note: str
    kind: CareKind | None
    """What the call's task was for (None: a call without a task)."""
    verdict: Verdict
    note: str
    """The inspector's note on the call."""


@dataclass(frozen=True)
class CheckDetail:
    """A spot check with its sampled calls, oldest call first."""

    check: CheckView
    items: tuple[ItemView, ...]
