"""Taking a complaint: the case, its reference number, its first step and its first task.

:func:`open_case` runs inside the caller's transaction, with no permission check of
its own: the complaint service checks TAKE_COMPLAINTS, the surveys their own action.
It takes the client's lock first (the README's lock order: client → … → complaint →
care task).

The reference number is ``TS`` + the local date (yymmdd) + a sequence of the store's
day (``TS2612020007``). The next number is read from the day's highest; two terminals
taking a complaint at once may both read the same one, so the insert runs in a
savepoint and the loser of the unique key (branch, ref_no) reads again and takes the
next.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import ROLE_ACTIONS, Action
from frontdesk.core.validation import check_choice, check_id, check_prose, check_text
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Staff
from frontdesk.models.catalog import ServiceItem
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintSource,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.models.visit import Visit
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.writers import lock_client
from frontdesk.services.care.actions import key_detail
from frontdesk.services.complaints.care_tasks import open_stage_task
from frontdesk.services.complaints.deadlines import due_at
from frontdesk.services.complaints.views import ComplaintDraft
from frontdesk.services.rows import MAX_INT4_ID, get_row

PREFIX = "TS"
WORDS_MAX = 4000
COMPLAINANT_MAX = 64
REF_TRIES = 20


def open_case(s: Session, actor: Actor, now: dt.datetime, draft: ComplaintDraft, *,
              source: ComplaintSource, survey_id: int | None = None,
              key: str = "") -> Complaint:
    """A new case at intake, taken by ``actor`` now (see the module docstring); ``key``,
    when given, is written in the audit row, where the desk looks for a replay."""
    fields = _checked(draft)
    if draft.client_id is not None:
        lock_client(s, actor, draft.client_id)
    _check_links(s, actor, draft)
    owner_id = owner_for(s, actor.branch_id, draft.owner_id)
    case = Complaint(branch_id=actor.branch_id, client_id=draft.client_id,
                     visit_id=draft.visit_id, staff_id=draft.staff_id,
                     service_item_id=draft.service_item_id,
                     source=check_choice(ComplaintSource, source, "source"),
                     stage=ComplaintStage.INTAKE, owner_id=owner_id, received_at=now,
                     taken_by_id=actor.staff_id, survey_id=survey_id, **fields)
    _insert_numbered(s, case, now)
    case.due_at = due_at(s, case, ComplaintStage.INTAKE, now)
    s.add(ComplaintStep(complaint_id=case.id, kind=StepKind.TAKEN, at=now,
                        staff_id=actor.staff_id, to_stage=ComplaintStage.INTAKE,
                        note=case.words[:200]))
    s.flush()
    open_stage_task(s, case, now)
    audit.record(s, now, actor, AuditAction.COMPLAINT_TAKE, "complaint", case.id,
                 (key_detail(key) if key else "")
                 + f"ref={case.ref_no} client={case.client_id or '-'} "
                 f"severity={case.severity.value} source={case.source.value}")
    return case


def _checked(draft: ComplaintDraft) -> dict[str, Any]:
    words = check_prose(draft.words, WORDS_MAX, "words")
    if not words:
        raise ValidationError("Write down what the client said.", field="words")
    complainant = check_text(draft.complainant, COMPLAINANT_MAX, "complainant")
    if draft.client_id is None and not complainant:
        raise ValidationError("Choose the client, or give the complainant's name.",
                              field="complainant")
    return {"channel": check_choice(ComplaintChannel, draft.channel, "channel"),
            "category": check_choice(ComplaintCategory, draft.category, "category"),
            "severity": check_choice(ComplaintSeverity, draft.severity, "severity"),
            "words": words, "asks": check_prose(draft.asks, WORDS_MAX, "asks"),
            "complainant": complainant}


def _check_links(s: Session, actor: Actor, draft: ComplaintDraft) -> None:
    """The visit (the client's), the staff member and the service, all of this store."""
    if draft.visit_id is not None:
        visit = get_row(s, Visit, draft.visit_id)
        if visit is None or visit.branch_id != actor.branch_id or \
                (draft.client_id is not None and visit.client_id != draft.client_id):
            raise NotFound("There is no such visit of this client.", field="visit_id")
    if draft.staff_id is not None:
        staff = get_row(s, Staff, draft.staff_id)
        if staff is None or staff.branch_id != actor.branch_id:
            raise NotFound("There is no staff member number {id}.", field="staff_id",
                           id=draft.staff_id)
    if draft.service_item_id is not None:
        item = get_row(s, ServiceItem, draft.service_item_id)
        if item is None or item.branch_id != actor.branch_id:
            raise NotFound("There is no such service.", field="service_item_id")


def owner_for(s: Session, branch_id: int, owner_id: int | None) -> int | None:
    """``owner_id`` checked (an active complaint handler or manager of the store), or the
    store's first active complaint handler, else its first manager, else None."""
    if owner_id is not None:
        return check_owner(s, branch_id, owner_id).id
    for role in (Role.COMPLAINT_HANDLER, Role.MANAGER):
        found = s.scalar(select(Staff.id).where(Staff.branch_id == branch_id,
                                                Staff.role == role, Staff.active.is_(True))
                         .order_by(Staff.id).limit(1))
        if found is not None:
            return found
    return None


def check_owner(s: Session, branch_id: int, owner_id: int) -> Staff:
    staff = s.get(Staff, check_id(owner_id, "owner_id", MAX_INT4_ID))
    if staff is None or staff.branch_id != branch_id or not staff.active:
        raise NotFound("There is no staff member number {id}.", field="owner_id", id=owner_id)
    if Action.HANDLE_COMPLAINTS not in ROLE_ACTIONS[staff.role]:
        raise ValidationError("{name} does not handle complaints.", field="owner_id",
                              name=staff.display_name)
    return staff


def _insert_numbered(s: Session, case: Complaint, now: dt.datetime) -> None:
    """Insert ``case`` with the day's next reference number (see the module docstring)."""
    day = PREFIX + now.astimezone().strftime("%y%m%d")
    for _ in range(REF_TRIES):
        last = s.scalar(select(func.max(Complaint.ref_no)).where(
            Complaint.branch_id == case.branch_id, Complaint.ref_no.startswith(day)))
        case.ref_no = f"{day}{int(last[len(day):]) + 1 if last else 1:04d}"
        try:
            with s.begin_nested():
                s.add(case)
                s.flush()
            return
        except IntegrityError:
            if case in s:
                s.expunge(case)
    raise RuntimeError("no free complaint number after many tries")
