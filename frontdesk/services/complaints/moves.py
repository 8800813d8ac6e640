"""A case's moves, inside the caller's transaction: lock, check, move, record.

:func:`locked_case` takes the client's lock, then the complaint's (the README's lock
order: client → … → voucher → complaint → … → care task), and claims the version the
screen showed with one guarded ``UPDATE … WHERE version = :v``: of two terminals
moving the same case, the second finds the version gone and is told who moved it
(ConflictError), nothing written. :func:`transition` allows only
:data:`~frontdesk.models.complaint.ALLOWED_MOVES`; each move closes the stage's care
tasks, sets the new stage's deadline and task, and is a :class:`ComplaintStep`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Staff
from frontdesk.models.complaint import (
    ALLOWED_MOVES,
    Complaint,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.writers import lock_client
from frontdesk.services.complaints.care_tasks import close_stage_tasks, open_stage_task
from frontdesk.services.complaints.deadlines import due_at
from frontdesk.services.rows import get_row, locked_row


def case_of(s: Session, actor: Actor, complaint_id: int) -> Complaint:
    """The store's case (not locked); NotFound otherwise."""
    case = get_row(s, Complaint, complaint_id)
    if case is None or case.branch_id != actor.branch_id:
        raise NotFound("There is no complaint number {id}.", field="complaint_id",
                       id=complaint_id)
    return case


def locked_case(s: Session, actor: Actor, complaint_id: int, version: int) -> Complaint:
    """The case locked after its client, its ``version`` claimed (see the module docstring)."""
    client_id = case_of(s, actor, complaint_id).client_id
    if client_id is not None:
        lock_client(s, actor, client_id)
    case = locked_row(s, Complaint, complaint_id)
    assert case is not None
    claimed = s.execute(update(Complaint).where(Complaint.id == case.id,
                                                Complaint.version == version)
                        .values(version=Complaint.version + 1)
                        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise moved_meanwhile(s, case)
    case.version = version + 1
    return case


def moved_meanwhile(s: Session, case: Complaint) -> ConflictError:
    last = s.execute(select(Staff.display_name, ComplaintStep.at)
                     .outerjoin(Staff, Staff.id == ComplaintStep.staff_id)
                     .where(ComplaintStep.complaint_id == case.id)
                     .order_by(ComplaintStep.id.desc()).limit(1)).first()
    who = (last[0] or "") if last else ""
    at = last[1].astimezone().strftime("%H:%M") if last else ""
    return ConflictError("{name} changed this complaint meanwhile (at {time}); the case now "
                         "shows it as it is.", field="version", name=who, time=at)


def check_move(case: Complaint, to: ComplaintStage) -> None:
    """Refuse a move :data:`ALLOWED_MOVES` does not allow, saying what is allowed."""
    if to in ALLOWED_MOVES[case.stage]:
        return
    if case.stage is ComplaintStage.INTAKE:
        raise ValidationError("A complaint at intake can only move to investigation.",
                              field="stage")
    if case.stage is ComplaintStage.INVESTIGATION:
        raise ValidationError("A complaint under investigation can only move to resolution.",
                              field="stage")
    if case.stage is ComplaintStage.RESOLUTION:
        raise ValidationError("A complaint in resolution can only move to feedback.",
                              field="stage")
    if case.stage is ComplaintStage.FEEDBACK:
        raise ValidationError("A complaint at feedback can only be closed or reopened.",
                              field="stage")
    raise ValidationError("A closed complaint can only be reopened.", field="stage")


def transition(s: Session, actor: Actor, now: dt.datetime, case: Complaint,
               to: ComplaintStage, note: str) -> None:
    """Move the locked ``case`` to ``to`` (checked), with its step, tasks and audit row."""
    check_move(case, to)
    before = case.stage
    reopened = to is ComplaintStage.INVESTIGATION and before in (ComplaintStage.FEEDBACK,
                                                                  ComplaintStage.CLOSED)
    close_stage_tasks(s, case, actor.staff_id, now)
    if reopened:
        case.reopen_count += 1
    _stamp(case, to, now)
    case.stage, case.escalated_at = to, None
    case.due_at = due_at(s, case, to, now, reopened=reopened)
    s.add(ComplaintStep(complaint_id=case.id, at=now, staff_id=actor.staff_id,
                        kind=StepKind.REOPENED if reopened else StepKind.MOVED,
                        from_stage=before, to_stage=to, note=note))
    s.flush()
    open_stage_task(s, case, now)
    audit.record(s, now, actor, AuditAction.COMPLAINT_MOVE, "complaint", case.id,
                 f"ref={case.ref_no} {before.value}->{to.value}")


def _stamp(case: Complaint, to: ComplaintStage, now: dt.datetime) -> None:
    if to is ComplaintStage.INVESTIGATION and case.acknowledged_at is None:
        case.acknowledged_at = now
    elif to is ComplaintStage.FEEDBACK:
        case.resolved_at = now
    elif to is ComplaintStage.CLOSED:
        case.closed_at = now
    if to is ComplaintStage.INVESTIGATION and case.closed_at is not None:
        case.closed_at, case.satisfied = None, None


def add_step(s: Session, actor: Actor | None, now: dt.datetime, case: Complaint,
             kind: StepKind, note: str) -> None:
    s.add(ComplaintStep(complaint_id=case.id, at=now, kind=kind, note=note,
                        staff_id=actor.staff_id if actor else None))
    s.flush()
