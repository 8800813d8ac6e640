"""Reading complaint cases into their views (rows for the list, the whole case with its steps)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.phones import phone_for
from frontdesk.errors import NotFound
from frontdesk.models import Staff
from frontdesk.models.card import CardEntry, Voucher
from frontdesk.models.catalog import ServiceItem
from frontdesk.models.client import Client
from frontdesk.models.complaint import (
    ALLOWED_MOVES,
    OPEN_STAGES,
    Complaint,
    ComplaintStep,
    Remedy,
)
from frontdesk.models.visit import Visit
from frontdesk.services.complaints.views import (
    ComplaintCase,
    ComplaintFilter,
    ComplaintRow,
    StepView,
)
from frontdesk.services.rows import get_row


def require_case(s: Session, actor: Actor, complaint_id: object) -> Complaint:
    case = get_row(s, Complaint, complaint_id)
    if case is None or case.branch_id != actor.branch_id:
        raise NotFound("No such complaint.", field="complaint_id")
    return case


def staff_of(s: Session, branch_id: int, staff_id: object) -> Staff:
    staff = get_row(s, Staff, staff_id)
    if staff is None or staff.branch_id != branch_id or not staff.active:
        raise NotFound("No such staff member.", field="owner_id")
    return staff


def default_owner(s: Session, branch_id: int) -> int | None:
    for role in (Role.COMPLAINT_HANDLER, Role.MANAGER):
        found = s.scalar(select(Staff.id).where(Staff.branch_id == branch_id, Staff.role == role,
                                                Staff.active.is_(True)).order_by(Staff.id))
        if found is not None:
            return found
    return None


def _name(s: Session, staff_id: int | None) -> str:
    staff = s.get(Staff, staff_id) if staff_id else None
    return staff.display_name if staff else ""


def row_of(s: Session, actor: Actor, case: Complaint, now: dt.datetime) -> ComplaintRow:
    client = s.get(Client, case.client_id) if case.client_id else None
    phone = phone_for(client.phone_e164, allowed(actor, Action.SEE_FULL_PHONE)) \
        if client else ""
    return ComplaintRow(
        case.id, case.ref_no, case.client_id, client.name if client else case.complainant,
        phone, case.category, case.severity, case.channel, case.stage, case.owner_id,
        _name(s, case.owner_id), _name(s, case.staff_id), case.received_at, case.due_at,
        case.due_at is not None and case.due_at < now, case.escalated_at is not None,
        case.version)


def rows(s: Session, actor: Actor, flt: ComplaintFilter, now: dt.datetime) -> list[ComplaintRow]:
    query = select(Complaint).where(Complaint.branch_id == actor.branch_id)
    if flt.open_only:
        query = query.where(Complaint.stage.in_(OPEN_STAGES))
    if flt.stage is not None:
        query = query.where(Complaint.stage == flt.stage)
    if flt.mine:
        query = query.where(Complaint.owner_id == actor.staff_id)
    elif flt.owner_id is not None:
        query = query.where(Complaint.owner_id == flt.owner_id)
    if flt.overdue_only:
        query = query.where(Complaint.due_at < now, Complaint.stage.in_(OPEN_STAGES))
    if flt.client_id is not None:
        query = query.where(Complaint.client_id == flt.client_id)
    text = flt.text.strip()
    if text:
        who = aliased(Client)
        query = query.outerjoin(who, who.id == Complaint.client_id).where(or_(
            Complaint.ref_no.ilike(f"%{text}%"), who.name.ilike(f"%{text}%"),
            who.phone_last4 == text[-4:]))
    if not allowed(actor, Action.HANDLE_COMPLAINTS):
        query = query.where(Complaint.taken_by_id == actor.staff_id)
    found = s.scalars(query.order_by(Complaint.id.desc()).limit(max(1, min(flt.limit, 1000))))
    return [row_of(s, actor, c, now) for c in found]


def _steps(s: Session, complaint_id: int) -> tuple[StepView, ...]:
    steps = s.scalars(select(ComplaintStep).where(ComplaintStep.complaint_id == complaint_id)
                      .order_by(ComplaintStep.id))
    return tuple(StepView(st.kind, st.at, _name(s, st.staff_id), st.from_stage, st.to_stage,
                          st.note) for st in steps)


def _voucher_code(s: Session, case: Complaint) -> str | None:
    if case.compensation_op_id is None:
        return None
    return s.scalar(select(Voucher.code).join(CardEntry, CardEntry.voucher_id == Voucher.id)
                    .where(CardEntry.operation_id == case.compensation_op_id).limit(1))


def _visit_label(s: Session, visit_id: int | None) -> str:
    visit = s.get(Visit, visit_id) if visit_id else None
    return f"#{visit.id} {visit.arrived_at.astimezone():%Y-%m-%d %H:%M}" if visit else ""


def case_view(s: Session, actor: Actor, case: Complaint, now: dt.datetime) -> ComplaintCase:
    item = s.get(ServiceItem, case.service_item_id) if case.service_item_id else None
    remedies = tuple(Remedy(r) for r in case.remedies.split(",") if r)
    moves = tuple(sorted(ALLOWED_MOVES[case.stage], key=list(ALLOWED_MOVES).index))
    return ComplaintCase(
        row_of(s, actor, case, now), case.words, case.asks, case.complainant, case.visit_id,
        _visit_label(s, case.visit_id), item.name if item else "", case.findings, remedies,
        case.resolution_note, case.corrective_action, case.compensation_fen,
        _voucher_code(s, case), case.satisfied, case.feedback_note, case.reopen_count,
        case.source, case.survey_id, _steps(s, case.id), moves)
