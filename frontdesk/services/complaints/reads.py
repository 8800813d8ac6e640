"""Reading cases: the list's rows (one statement), a case in full with its steps.

A phone is shown masked on the list; on a case in full to a complaint handler or a
manager (HANDLE_COMPLAINTS), who is audited for it by the service.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.phones import fold_digits, phone_for
from frontdesk.core.validation import check_text
from frontdesk.models import Client, Staff
from frontdesk.models.card import CardOperation, OperationKind
from frontdesk.models.catalog import ServiceItem
from frontdesk.models.complaint import (
    ALLOWED_MOVES,
    OPEN_STAGES,
    Complaint,
    ComplaintStage,
    ComplaintStep,
    Remedy,
)
from frontdesk.models.visit import Visit
from frontdesk.services.cards.vouchers import voucher_of
from frontdesk.services.complaints.views import (
    ComplaintCase,
    ComplaintFilter,
    ComplaintRow,
    StepView,
)

MAX_LIMIT = 1000
_Owner = aliased(Staff)
_Concerned = aliased(Staff)


def rows_statement(conditions: list[ColumnElement[bool]]
                   ) -> Select[Complaint, str, str | None, str, str]:
    return (select(Complaint, Client.name, Client.phone_e164, _Owner.display_name,
                   _Concerned.display_name)
            .outerjoin(Client, Client.id == Complaint.client_id)
            .outerjoin(_Owner, _Owner.id == Complaint.owner_id)
            .outerjoin(_Concerned, _Concerned.id == Complaint.staff_id)
            .where(*conditions))


def row_of(found: Any, now: dt.datetime, *, full_phone: bool) -> ComplaintRow:
    case, name, phone, owner, concerned = found
    is_open = case.stage in OPEN_STAGES
    return ComplaintRow(
        case.id, case.ref_no, case.client_id, name or case.complainant,
        phone_for(phone, full_phone) if phone else "", case.category, case.severity,
        case.channel, case.stage, case.owner_id, owner or "", concerned or "",
        case.received_at, case.due_at,
        is_open and case.due_at is not None and case.due_at < now,
        case.escalated_at is not None, case.version)


def filter_conditions(actor: Actor, flt: ComplaintFilter,
                      now: dt.datetime) -> list[ColumnElement[bool]]:
    """Which cases ``flt`` asks for, of those ``actor`` may list (a taker without
    HANDLE_COMPLAINTS: a client's, or those they took)."""
    conditions: list[ColumnElement[bool]] = [Complaint.branch_id == actor.branch_id]
    if not allowed(actor, Action.HANDLE_COMPLAINTS) and flt.client_id is None:
        conditions.append(Complaint.taken_by_id == actor.staff_id)
    if flt.open_only:
        conditions.append(Complaint.stage.in_(OPEN_STAGES))
    if flt.stage is not None:
        conditions.append(Complaint.stage == ComplaintStage(flt.stage))
    if flt.owner_id is not None:
        conditions.append(Complaint.owner_id == flt.owner_id)
    if flt.mine:
        conditions.append(Complaint.owner_id == actor.staff_id)
    if flt.overdue_only:
        conditions.extend([Complaint.stage.in_(OPEN_STAGES), Complaint.due_at < now])
    if flt.client_id is not None:
        conditions.append(Complaint.client_id == flt.client_id)
    text = check_text(flt.text, 64, "text")
    if text:
        conditions.append(_text_condition(text))
    return conditions


def _text_condition(text: str) -> ColumnElement[bool]:
    digits = fold_digits(text)
    found: list[ColumnElement[bool]] = [
        Complaint.ref_no.startswith(text.upper(), autoescape=True),
        Client.name.contains(text, autoescape=True),
        Complaint.complainant.contains(text, autoescape=True)]
    if digits.isdigit() and len(digits) == 4:
        found.append(Client.phone_last4 == digits)
    return or_(*found)


def list_rows(s: Session, actor: Actor, flt: ComplaintFilter,
              now: dt.datetime) -> list[ComplaintRow]:
    limit = max(0, min(int(flt.limit), MAX_LIMIT))
    statement = rows_statement(filter_conditions(actor, flt, now))
    if flt.open_only or flt.overdue_only:
        statement = statement.order_by(Complaint.due_at.is_(None), Complaint.due_at,
                                       Complaint.id)
    else:
        statement = statement.order_by(Complaint.received_at.desc(), Complaint.id.desc())
    return [row_of(r, now, full_phone=False) for r in s.execute(statement.limit(limit))]


def case_view(s: Session, actor: Actor, case: Complaint, now: dt.datetime, *,
              full_phone: bool) -> ComplaintCase:
    found = s.execute(rows_statement([Complaint.id == case.id])).one()
    row = row_of(found, now, full_phone=full_phone)
    handles = allowed(actor, Action.HANDLE_COMPLAINTS)
    moves = tuple(stage for stage in ComplaintStage if stage in ALLOWED_MOVES[case.stage]) \
        if handles else ()
    return ComplaintCase(
        row, case.words, case.asks, case.complainant, case.visit_id, _visit_label(s, case),
        _service_name(s, case), case.findings, remedies_of(case.remedies),
        case.resolution_note, case.corrective_action, case.compensation_fen,
        _voucher_code(s, case), case.satisfied, case.feedback_note, case.reopen_count,
        case.source, case.survey_id, steps_of(s, case.id), moves)


def remedies_of(text: str) -> tuple[Remedy, ...]:
    return tuple(Remedy(v) for v in text.split(",") if v in Remedy.__members__.values())


def steps_of(s: Session, complaint_id: int) -> tuple[StepView, ...]:
    rows = s.execute(select(ComplaintStep, Staff.display_name)
                     .outerjoin(Staff, Staff.id == ComplaintStep.staff_id)
                     .where(ComplaintStep.complaint_id == complaint_id)
                     .order_by(ComplaintStep.id))
    return tuple(StepView(step.kind, step.at, name or "", step.from_stage, step.to_stage,
                          step.note) for step, name in rows)


def _visit_label(s: Session, case: Complaint) -> str:
    if case.visit_id is None:
        return ""
    visit = s.get(Visit, case.visit_id)
    if visit is None:
        return ""
    day = visit.arrived_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{day} {visit.purpose}".strip()


def _service_name(s: Session, case: Complaint) -> str:
    if case.service_item_id is None:
        return ""
    return s.scalar(select(ServiceItem.name).where(ServiceItem.id == case.service_item_id)) \
        or ""


def _voucher_code(s: Session, case: Complaint) -> str | None:
    if case.compensation_op_id is None:
        return None
    op = s.get(CardOperation, case.compensation_op_id)
    if op is None or op.kind is not OperationKind.VOUCHER_ISSUE:
        return None
    voucher = voucher_of(s, op)
    return voucher.code if voucher else None


def open_conditions(branch_id: int, now: dt.datetime) -> ColumnElement[bool]:
    """The store's open cases past their deadline and not escalated yet."""
    return and_(Complaint.branch_id == branch_id, Complaint.stage.in_(OPEN_STAGES),
                Complaint.due_at < now, Complaint.escalated_at.is_(None))
