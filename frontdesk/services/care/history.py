"""A client's care: the history of calls, messages and gifts, and the profile's care section.

:func:`calls_in` is :meth:`~.tasks.CareService.calls_of`: every :class:`CareCall` logged
against the client (domain/003: 回访情况及时录入), newest first. :class:`ClientCareSection`
fills the profile's care section (the clients package's ``ClientCare`` extension point):
the client's open tasks (due, soonest first; marketing ones only while the client
consents) and then the recent calls, newest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, true, update
from sqlalchemy.orm import Session

from frontdesk.models import Client, Staff
from frontdesk.models.care import (
    CallOutcome,
    CareCall,
    CareChannel,
    CareKind,
    CareStatus,
    CareTask,
)
from frontdesk.services.care.due import OPEN_STATES
from frontdesk.services.clients.sections import CareSummary
from frontdesk.services.rows import check_row_id

HISTORY_MAX = 500
SECTION_OPEN = 10
SECTION_CALLS = 10


@dataclass(frozen=True)
class CallRow:
    """One call, message or gift logged against the client."""

    call_id: int
    at: dt.datetime
    channel: CareChannel
    outcome: CallOutcome
    note: str
    staff_id: int
    staff_name: str
    task_id: int | None
    kind: CareKind | None
    """The kind of task it was logged for (None: a call without a task)."""


def calls_in(s: Session, branch_id: int, client_id: int) -> tuple[CallRow, ...]:
    """The client's care history, newest first (at most :data:`HISTORY_MAX`)."""
    check_row_id(Client, client_id, "client_id")
    rows = s.execute(
        select(CareCall, Staff.display_name, CareTask.kind)
        .join(Staff, Staff.id == CareCall.staff_id)
        .outerjoin(CareTask, CareTask.id == CareCall.task_id)
        .where(CareCall.client_id == client_id, CareCall.branch_id == branch_id)
        .order_by(CareCall.at.desc(), CareCall.id.desc()).limit(HISTORY_MAX))
    return tuple(CallRow(c.id, c.at, c.channel, c.outcome, c.note, c.staff_id, name or "",
                         c.task_id, kind) for c, name, kind in rows)


class ClientCareSection:
    """The profile's care section: the client's open tasks, then the recent calls."""

    def care_of(self, s: Session, client_id: int) -> tuple[CareSummary, ...]:
        consents = bool(s.scalar(select(Client.consent_marketing).where(Client.id == client_id)))
        allowed = true() if consents else CareTask.marketing.is_(False)
        due = s.scalars(select(CareTask).where(
            CareTask.client_id == client_id, CareTask.status.in_(OPEN_STATES), allowed)
            .order_by(CareTask.due_on, CareTask.id).limit(SECTION_OPEN))
        summaries = [CareSummary(t.id, t.kind.value, t.due_on, None, "") for t in due]
        calls = s.execute(
            select(CareCall, CareTask.kind).outerjoin(CareTask, CareTask.id == CareCall.task_id)
            .where(CareCall.client_id == client_id)
            .order_by(CareCall.at.desc(), CareCall.id.desc()).limit(SECTION_CALLS))
        summaries += [CareSummary(c.task_id or 0, (kind or c.channel).value,
                                  c.at.astimezone().date(), c.at, c.outcome.value)
                      for c, kind in calls]
        return tuple(summaries)

    def marketing_withdrawn(self, s: Session, client_id: int, now: dt.datetime) -> int:
        """Close the client's open marketing tasks (skipped, "opted out"): an opt-out takes
        effect at once, and the due list's counts need not read the clients."""
        return withdraw_marketing(s, client_id, now)


OPTED_OUT = "opted out"
"""The note of a marketing task closed because its client withdrew consent."""


def withdraw_marketing(s: Session, client_id: int, now: dt.datetime) -> int:
    """Skip ``client_id``'s open marketing tasks (the client's row is locked by the caller,
    which is first in the lock order; the tasks come after it)."""
    done = s.execute(update(CareTask).where(
        CareTask.client_id == client_id, CareTask.status.in_(OPEN_STATES),
        CareTask.marketing.is_(True))
        .values(status=CareStatus.SKIPPED, note=OPTED_OUT, closed_at=now,
                version=CareTask.version + 1))
    return int(getattr(done, "rowcount", 0) or 0)
