"""A case's deadlines: the store's hours by severity, and the current stage's ``due_at``.

Intake is due ``acknowledge_hours`` after the complaint was received; investigation
and resolution together ``resolve_hours`` after it was received (after the reopen,
for a reopened case); feedback ``feedback_hours`` after the resolution; a closed case
is due never. The defaults are :data:`~.views.DEFAULT_DEADLINES`; a store's
``complaint_deadline`` row for a severity overrides them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.validation import check_choice, is_whole
from frontdesk.errors import ValidationError
from frontdesk.models.complaint import (
    Complaint,
    ComplaintDeadline,
    ComplaintSeverity,
    ComplaintStage,
)
from frontdesk.services.complaints.views import DEFAULT_DEADLINES, Deadlines

MAX_HOURS = 24 * 90
"""No deadline is further than 90 days."""


def deadlines_in(s: Session, branch_id: int) -> tuple[Deadlines, ...]:
    """Every severity's deadlines in the store, low to high."""
    saved = {row.severity: row for row in s.scalars(
        select(ComplaintDeadline).where(ComplaintDeadline.branch_id == branch_id))}
    return tuple(_of(saved.get(severity)) or DEFAULT_DEADLINES[severity]
                 for severity in ComplaintSeverity)


def deadlines_for(s: Session, branch_id: int, severity: ComplaintSeverity) -> Deadlines:
    row = s.scalar(select(ComplaintDeadline).where(ComplaintDeadline.branch_id == branch_id,
                                                   ComplaintDeadline.severity == severity))
    return _of(row) or DEFAULT_DEADLINES[severity]


def _of(row: ComplaintDeadline | None) -> Deadlines | None:
    if row is None:
        return None
    return Deadlines(row.severity, row.acknowledge_hours, row.resolve_hours, row.feedback_hours)


def due_at(s: Session, case: Complaint, stage: ComplaintStage, now: dt.datetime,
           *, reopened: bool = False) -> dt.datetime | None:
    """When ``case`` entering ``stage`` now is due (None: closed)."""
    hours = deadlines_for(s, case.branch_id, case.severity)
    if stage is ComplaintStage.INTAKE:
        return case.received_at + dt.timedelta(hours=hours.acknowledge_hours)
    if stage is ComplaintStage.INVESTIGATION:
        start = now if reopened else case.received_at
        return start + dt.timedelta(hours=hours.resolve_hours)
    if stage is ComplaintStage.RESOLUTION:
        return case.due_at
    if stage is ComplaintStage.FEEDBACK:
        return now + dt.timedelta(hours=hours.feedback_hours)
    return None


def check_deadlines(rows: Sequence[Deadlines]) -> list[Deadlines]:
    """The rows a manager saves: one per severity at most, whole hours from 1 to 90 days,
    acknowledging no later than resolving."""
    seen: set[ComplaintSeverity] = set()
    clean = []
    for row in rows:
        severity = check_choice(ComplaintSeverity, row.severity, "severity")
        if severity in seen:
            raise ValidationError("Give each severity's deadlines once.", field="severity")
        seen.add(severity)
        hours = [_hours(row.acknowledge_hours, "acknowledge_hours"),
                 _hours(row.resolve_hours, "resolve_hours"),
                 _hours(row.feedback_hours, "feedback_hours")]
        if hours[0] > hours[1]:
            raise ValidationError("A complaint is acknowledged before it is resolved: the "
                                  "hours to acknowledge are at most the hours to resolve.",
                                  field="acknowledge_hours")
        clean.append(Deadlines(severity, *hours))
    return clean


def _hours(value: object, field: str) -> int:
    if not is_whole(value) or not 1 <= value <= MAX_HOURS:
        raise ValidationError("A deadline is a whole number of hours, from 1 to {n}.",
                              field=field, n=MAX_HOURS)
    return value


def save_in(s: Session, actor: Actor, now: dt.datetime, rows: Sequence[Deadlines]) -> None:
    """Write the store's rows for these severities (checked by :func:`check_deadlines`)."""
    for row in rows:
        saved = s.scalar(select(ComplaintDeadline).where(
            ComplaintDeadline.branch_id == actor.branch_id,
            ComplaintDeadline.severity == row.severity))
        if saved is None:
            saved = ComplaintDeadline(branch_id=actor.branch_id, severity=row.severity)
            s.add(saved)
        saved.acknowledge_hours, saved.resolve_hours = row.acknowledge_hours, row.resolve_hours
        saved.feedback_hours, saved.updated_at = row.feedback_hours, now
        saved.updated_by_id = actor.staff_id
