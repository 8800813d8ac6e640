"""The stage actions' bodies, each inside the caller's transaction (:mod:`.cases` opens it).

Each locks and claims the case (:func:`~.moves.locked_case`), checks what it is given,
records it, and moves the case (:func:`~.moves.transition`). The resolution books its
compensation first, after the client's lock and before the complaint's (the lock
order: client → member card → voucher → complaint), and is idempotent by its key: a
second call with the same key, after the first committed, changes nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.validation import check_choice, check_prose
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.models.complaint import Complaint, ComplaintStage, Remedy, StepKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.writers import lock_client
from frontdesk.services.care.actions import key_detail
from frontdesk.services.complaints.care_tasks import reassign_stage_task
from frontdesk.services.complaints.compensation import book_compensation
from frontdesk.services.complaints.intake import check_owner
from frontdesk.services.complaints.moves import (
    add_step,
    case_of,
    check_move,
    locked_case,
    moved_meanwhile,
    transition,
)
from frontdesk.services.complaints.views import Resolution

TEXT_MAX = 4000


def _required(text: object, field: str) -> str:
    clean = check_prose(text, TEXT_MAX, field)
    if not clean:
        raise ValidationError("Write what was found, done or said.", field=field)
    return clean


def acknowledge(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
                note: str) -> None:
    case = locked_case(s, actor, complaint_id, version)
    check_move(case, ComplaintStage.INVESTIGATION)
    if case.stage is not ComplaintStage.INTAKE:
        raise ValidationError("Only a complaint at intake is acknowledged; reopen a closed "
                              "one instead.", field="stage")
    transition(s, actor, now, case, ComplaintStage.INVESTIGATION,
               check_prose(note, TEXT_MAX, "note"))


def investigate(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
                findings: str) -> None:
    clean = _required(findings, "findings")
    case = locked_case(s, actor, complaint_id, version)
    check_move(case, ComplaintStage.RESOLUTION)
    case.findings = clean
    transition(s, actor, now, case, ComplaintStage.RESOLUTION, clean[:200])


def check_resolution(resolution: Resolution) -> tuple[tuple[Remedy, ...], str, str]:
    remedies = tuple(dict.fromkeys(check_choice(Remedy, r, "remedies")
                                   for r in resolution.remedies))
    if resolution.compensation is not None:
        kind = Remedy.VOUCHER if resolution.compensation.kind == "voucher" else Remedy.CREDIT
        remedies = tuple(dict.fromkeys((*remedies, kind)))
    if not remedies:
        raise ValidationError("Say what was done for the client.", field="remedies")
    return (remedies, check_prose(resolution.note, TEXT_MAX, "note"),
            check_prose(resolution.corrective_action, TEXT_MAX, "corrective_action"))


def replayed(s: Session, complaint_id: int, key: str) -> bool:
    """Whether a resolution with ``key`` was recorded on the case already."""
    return s.scalar(select(AuditEntry.id).where(
        AuditEntry.entity == "complaint", AuditEntry.entity_id == complaint_id,
        AuditEntry.action == AuditAction.COMPLAINT_COMPENSATE,
        AuditEntry.detail.startswith(key_detail(key), autoescape=True)).limit(1)) is not None


def resolve(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
            resolution: Resolution, key: str, approver: Actor | None) -> None:
    remedies, note, corrective = check_resolution(resolution)
    found = case_of(s, actor, complaint_id)
    if found.client_id is not None:
        lock_client(s, actor, found.client_id)
    if replayed(s, found.id, key):
        return
    if found.version != version:
        raise moved_meanwhile(s, found)
    check_move(found, ComplaintStage.FEEDBACK)
    op = None
    if resolution.compensation is not None:
        op = book_compensation(s, actor, now, key, found, resolution.compensation, approver)
    case = locked_case(s, actor, complaint_id, version)
    check_move(case, ComplaintStage.FEEDBACK)
    case.remedies = ",".join(r.value for r in remedies)
    case.resolution_note, case.corrective_action = note, corrective
    fen = 0
    if op is not None and resolution.compensation is not None:
        fen = resolution.compensation.value_fen
        case.compensation_fen += fen
        case.compensation_op_id = op.id
        add_step(s, actor, now, case, StepKind.COMPENSATED,
                 f"{resolution.compensation.kind} {fen}")
    audit.record(s, now, actor, AuditAction.COMPLAINT_COMPENSATE, "complaint", case.id,
                 key_detail(key) + f"ref={case.ref_no} remedies={case.remedies} "
                 f"fen={fen} op={op.id if op else '-'}")
    transition(s, actor, now, case, ComplaintStage.FEEDBACK, note[:200])


def close(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
          satisfied: bool, note: str) -> None:
    if not isinstance(satisfied, bool):
        raise ValidationError("Say whether the client is satisfied.", field="satisfied")
    clean = check_prose(note, TEXT_MAX, "note")
    case = locked_case(s, actor, complaint_id, version)
    check_move(case, ComplaintStage.CLOSED)
    case.satisfied, case.feedback_note = satisfied, clean
    transition(s, actor, now, case, ComplaintStage.CLOSED,
               ("satisfied" if satisfied else "not satisfied") + (f": {clean}" if clean else ""))


def reopen(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
           reason: str) -> None:
    why = _required(reason, "reason")
    case = locked_case(s, actor, complaint_id, version)
    _check_owner_or_manager(actor, case)
    if case.stage not in (ComplaintStage.FEEDBACK, ComplaintStage.CLOSED):
        raise ValidationError("Only a complaint at feedback or closed can be reopened.",
                              field="stage")
    transition(s, actor, now, case, ComplaintStage.INVESTIGATION, why)


def assign(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
           owner_id: int) -> None:
    owner = check_owner(s, actor.branch_id, owner_id)
    case = locked_case(s, actor, complaint_id, version)
    if not allowed(actor, Action.MANAGE_COMPLAINTS) and \
            (owner.id != actor.staff_id or case.owner_id not in (None, actor.staff_id)):
        raise PermissionDenied("Only a manager gives a complaint to someone else.",
                               field="owner_id")
    if case.stage is ComplaintStage.CLOSED:
        raise ValidationError("A closed complaint has no owner to change.", field="owner_id")
    case.owner_id = owner.id
    add_step(s, actor, now, case, StepKind.ASSIGNED, owner.display_name)
    reassign_stage_task(s, case)
    audit.record(s, now, actor, AuditAction.COMPLAINT_ASSIGN, "complaint", case.id,
                 f"ref={case.ref_no} owner={owner.id}")


def add_note(s: Session, actor: Actor, now: dt.datetime, complaint_id: int, version: int,
             note: str) -> None:
    clean = _required(note, "note")
    case = locked_case(s, actor, complaint_id, version)
    add_step(s, actor, now, case, StepKind.NOTE, clean)
    audit.record(s, now, actor, AuditAction.COMPLAINT_NOTE, "complaint", case.id,
                 f"ref={case.ref_no}")


def _check_owner_or_manager(actor: Actor, case: Complaint) -> None:
    if case.owner_id not in (None, actor.staff_id) and \
            not allowed(actor, Action.MANAGE_COMPLAINTS):
        raise PermissionDenied("Only the case's owner or a manager reopens a complaint.",
                               field="complaint_id")
