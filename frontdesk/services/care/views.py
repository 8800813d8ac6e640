"""What the care services hand the screens and the terminal: plain, frozen data.

The due list (:class:`DueList`) is the day's open tasks in the day's order
(:class:`~frontdesk.services.care.settings.CareStage`, then priority, then due
date), each a :class:`DueTask` with the client's card and a suggested message;
:class:`DueCounts` is the cheap count the navigation's badge shows;
:class:`StaffDay` a staff member's open and done counts for the day;
:class:`ScanResult` what a scan made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from frontdesk.models.care import CareChannel, CareKind, CareStatus, GiftType
from frontdesk.services.care.settings import CareStage


class _Task(Protocol):
    @property
    def client_id(self) -> int | None: ...
    @property
    def kind(self) -> CareKind: ...


def is_batch(task: _Task) -> bool:
    """A batch message (to every consenting client of its tiers): a task with no client,
    except a complaint's deadline, whose complainant may not be a client."""
    return task.client_id is None and task.kind is not CareKind.COMPLAINT_DEADLINE


@dataclass(frozen=True)
class DueTask:
    """One task on the due list, with what the person working it needs to see."""

    task_id: int
    version: int
    kind: CareKind
    stage: CareStage
    due_on: dt.date
    event_on: dt.date | None
    priority: int
    channel: CareChannel
    status: CareStatus
    marketing: bool
    client_id: int | None
    """None for a batch message (``recipients`` says how many it goes to)."""
    client_name: str
    phone: str
    """Masked (138****5678) unless the actor may see it (a manager, or the client's own
    client manager)."""
    tier: str
    """The client's tier, by name ('' for none)."""
    visits: int
    last_visit_on: dt.date | None
    assigned_to_id: int | None
    assigned_to_name: str
    central: bool
    reason: str
    detail: Mapping[str, int | str]
    """The numbers behind the task (median interval, spend before and after…)."""
    gift_types: tuple[GiftType, ...]
    suggested_message: str
    """The library's message for it, filled in and signed ('' for a call with no script)."""
    recipients: int = 0
    """For a batch message: how many clients it goes to now (consent is read live)."""
    allergies: str = ""

    @property
    def is_batch(self) -> bool:
        return is_batch(self)


@dataclass(frozen=True)
class DueList:
    """The open tasks due on or before ``day`` that the actor works (or filtered to one staff
    member, one kind), in the day's order; counts of all of them, by kind and by stage."""

    day: dt.date
    tasks: tuple[DueTask, ...]
    by_kind: Mapping[CareKind, int] = field(default_factory=dict)
    by_stage: Mapping[CareStage, int] = field(default_factory=dict)
    more: int = 0
    """Tasks left out past the page (the list shows the first page of a long day)."""

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True)
class DueCounts:
    """What the navigation's badge shows: open tasks due by today, and those new since the
    last count (for the notification)."""

    open: int
    overdue: int
    by_stage: Mapping[CareStage, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StaffDay:
    """One staff member's care work for a day (a manager's overview)."""

    staff_id: int | None
    """None: the store's pool (unassigned, or cared for centrally)."""
    name: str
    open: int
    done: int
    skipped: int = 0


@dataclass(frozen=True)
class ScanResult:
    """What one scan did: the days it covered (catching up the days the program was
    closed) and how many tasks it made of each kind (none when run again)."""

    first_day: dt.date | None
    last_day: dt.date | None
    made: Mapping[CareKind, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.made.values())
