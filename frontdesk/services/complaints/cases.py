"""The complaint service (``Services.complaints``): take a case, list it, walk it through.

A small stand-in for the screens (helper A's full service replaces it): the names and
signatures are the contract's (api.md, part A); reads are in :mod:`.reading`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.validation import check_prose
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, ValidationError
from frontdesk.models.card import CardOperation, OperationKind, VoucherSource
from frontdesk.models.complaint import (
    ALLOWED_MOVES,
    OPEN_STAGES,
    Complaint,
    ComplaintDeadline,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.complaints import reading
from frontdesk.services.complaints.views import (
    DEFAULT_DEADLINES,
    ComplaintCase,
    ComplaintDraft,
    ComplaintFilter,
    ComplaintRow,
    Deadlines,
    Resolution,
)


def _refuse_move(was: ComplaintStage) -> ValidationError:
    """Why a case at ``was`` cannot make the move asked (literal messages: translated)."""
    if was is ComplaintStage.INTAKE:
        return ValidationError("A complaint at intake can only move to investigation.",
                               field="stage")
    if was is ComplaintStage.INVESTIGATION:
        return ValidationError("A complaint under investigation can only move to resolution.",
                               field="stage")
    if was is ComplaintStage.RESOLUTION:
        return ValidationError("A complaint at resolution can only move to feedback.",
                               field="stage")
    if was is ComplaintStage.FEEDBACK:
        return ValidationError("A complaint at feedback can only be closed or reopened.",
                               field="stage")
    return ValidationError("A closed complaint can only be reopened.", field="stage")


def _hours(s: Session, branch_id: int, case: Complaint) -> Deadlines:
    row = s.scalar(select(ComplaintDeadline).where(ComplaintDeadline.branch_id == branch_id,
                                                   ComplaintDeadline.severity == case.severity))
    if row is not None:
        return Deadlines(row.severity, row.acknowledge_hours, row.resolve_hours,
                         row.feedback_hours)
    return next(d for d in DEFAULT_DEADLINES if d.severity == case.severity)


def _due(s: Session, branch_id: int, case: Complaint, now: dt.datetime) -> dt.datetime | None:
    hours = _hours(s, branch_id, case)
    if case.stage is ComplaintStage.INTAKE:
        return case.received_at + dt.timedelta(hours=hours.acknowledge_hours)
    if case.stage in (ComplaintStage.INVESTIGATION, ComplaintStage.RESOLUTION):
        return now + dt.timedelta(hours=hours.resolve_hours)
    if case.stage is ComplaintStage.FEEDBACK:
        return now + dt.timedelta(hours=hours.feedback_hours)
    return None


class ComplaintService:
    """Complaint cases (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def take(self, actor: Actor, draft: ComplaintDraft, *, key: str) -> ComplaintRow:
        require(actor, Action.TAKE_COMPLAINTS)
        words = check_prose(draft.words, 4000, "words")
        if not words.strip():
            raise ValidationError("Write down the client's own words.", field="words")
        if draft.client_id is None and not draft.complainant.strip():
            raise ValidationError("Choose the client, or name the complainant.", field="client_id")
        now = self._clock()
        with self._db.write() as s:
            row_id = self._new(s, actor, draft, now, words).id
        with self._db.read() as s:
            return reading.row_of(s, actor, reading.require_case(s, actor, row_id), now)

    def _new(self, s: Session, actor: Actor, draft: ComplaintDraft, now: dt.datetime,
             words: str) -> Complaint:
        count = len(s.scalars(select(Complaint.id).where(
            Complaint.branch_id == actor.branch_id, Complaint.received_at >= now.replace(
                hour=0, minute=0, second=0, microsecond=0))).all())
        case = Complaint(branch_id=actor.branch_id, ref_no=f"TS{now:%y%m%d}{count + 1:04d}",
                         client_id=draft.client_id, complainant=draft.complainant.strip(),
                         visit_id=draft.visit_id, staff_id=draft.staff_id,
                         service_item_id=draft.service_item_id, channel=draft.channel,
                         category=draft.category, severity=draft.severity, words=words,
                         asks=draft.asks.strip(), stage=ComplaintStage.INTAKE,
                         owner_id=draft.owner_id or reading.default_owner(s, actor.branch_id),
                         received_at=now, taken_by_id=actor.staff_id)
        case.due_at = _due(s, actor.branch_id, case, now)
        s.add(case)
        s.flush()
        s.add(ComplaintStep(complaint_id=case.id, kind=StepKind.TAKEN, at=now,
                            staff_id=actor.staff_id, to_stage=ComplaintStage.INTAKE))
        audit.record(s, now, actor, AuditAction.COMPLAINT_TAKE, "complaint", case.id, case.ref_no)
        return case

    @unit_of_work
    def list(self, actor: Actor, flt: ComplaintFilter) -> list[ComplaintRow]:
        require(actor, Action.TAKE_COMPLAINTS)
        with self._db.read() as s:
            return reading.rows(s, actor, flt, self._clock())

    @unit_of_work
    def case(self, actor: Actor, complaint_id: int) -> ComplaintCase:
        require(actor, Action.TAKE_COMPLAINTS)
        now = self._clock()
        with self._db.write() as s:
            case = reading.require_case(s, actor, complaint_id)
            audit.record(s, now, actor, AuditAction.COMPLAINT_VIEW, "complaint", case.id, "")
            return reading.case_view(s, actor, case, now)

    def acknowledge(self, actor: Actor, complaint_id: int, version: int,
                    note: str = "") -> ComplaintCase:
        return self.move(actor, complaint_id, version, ComplaintStage.INVESTIGATION, note)

    def investigate(self, actor: Actor, complaint_id: int, version: int,
                    findings: str) -> ComplaintCase:
        if not findings.strip():
            raise ValidationError("Write down what the investigation found.", field="findings")

        def found(_s: Session, case: Complaint, _now: dt.datetime) -> None:
            case.findings = findings.strip()
        return self._move(actor, complaint_id, version, ComplaintStage.RESOLUTION, "", found)

    def resolve(self, actor: Actor, complaint_id: int, version: int, resolution: Resolution, *,
                key: str, approver: Actor | None = None) -> ComplaintCase:
        if not resolution.remedies:
            raise ValidationError("Choose what was done for the client.", field="remedies")

        def resolved(s: Session, case: Complaint, now: dt.datetime) -> None:
            case.remedies = ",".join(r.value for r in resolution.remedies)
            case.resolution_note = resolution.note.strip()
            case.corrective_action = resolution.corrective_action.strip()
            case.resolved_at = now
            self._compensate(s, actor, case, now, resolution, key, approver)
        return self._move(actor, complaint_id, version, ComplaintStage.FEEDBACK,
                          resolution.note, resolved)

    def _compensate(self, s: Session, actor: Actor, case: Complaint, now: dt.datetime,
                    resolution: Resolution, key: str, approver: Actor | None) -> None:
        money = resolution.compensation
        if money is None:
            return
        if money.value_fen <= 0:
            raise ValidationError("Enter the compensation's value.", field="value_fen")
        if case.client_id is None:
            raise ValidationError("Only a client can be compensated.", field="compensation")
        if money.kind == "voucher":
            from frontdesk.services.cards.vouchers import issue_voucher

            op = issue_voucher(s, actor, now, f"complaint:{key}", client_id=case.client_id,
                               kind=money.voucher_kind, title=money.title or case.ref_no,
                               value_fen=money.value_fen, source=VoucherSource.COMPLAINT,
                               expires_on=money.expires_on)
        else:
            op = self._credit(s, actor, case, now, money.card_id, money.value_fen, key, approver)
        case.compensation_fen = money.value_fen
        case.compensation_op_id = op.id
        s.add(ComplaintStep(complaint_id=case.id, kind=StepKind.COMPENSATED, at=now,
                            staff_id=actor.staff_id))
        audit.record(s, now, actor, AuditAction.COMPLAINT_COMPENSATE, "complaint", case.id,
                     f"{money.kind} fen={money.value_fen} op={op.id}")

    @staticmethod
    def _credit(s: Session, actor: Actor, case: Complaint, now: dt.datetime,
                card_id: int | None, value_fen: int, key: str, approver: Actor | None
                ) -> CardOperation:
        from frontdesk.services.cards.charging import lock_card
        from frontdesk.services.cards.ledger import Movement, book
        from frontdesk.services.cards.writers import lock_client, operation

        if approver is None or not allowed(approver, Action.APPROVE_CARD_MONEY) \
                or approver.branch_id != actor.branch_id:
            raise ValidationError("A credit needs a manager's approval.", field="approval")
        lock_client(s, actor, case.client_id)
        card = lock_card(s, actor, card_id)
        if card.client_id != case.client_id:
            raise ValidationError("Choose one of the client's cards.", field="card_id")
        return book(s, operation(actor, now, f"complaint:{key}", OperationKind.ADJUST,
                                              card, reason=case.ref_no,
                                              approved_by_id=approver.staff_id),
                                 [Movement(card_id=card.id, bonus_fen=value_fen)])

    def close(self, actor: Actor, complaint_id: int, version: int, *, satisfied: bool,
              note: str = "") -> ComplaintCase:
        def closed(_s: Session, case: Complaint, now: dt.datetime) -> None:
            case.satisfied = bool(satisfied)
            case.feedback_note = note.strip()
            case.closed_at = now
        return self._move(actor, complaint_id, version, ComplaintStage.CLOSED, note, closed)

    def reopen(self, actor: Actor, complaint_id: int, version: int,
               reason: str) -> ComplaintCase:
        if not reason.strip():
            raise ValidationError("Give the reason.", field="reason")

        def reopened(_s: Session, case: Complaint, _now: dt.datetime) -> None:
            case.reopen_count += 1
        return self._move(actor, complaint_id, version, ComplaintStage.INVESTIGATION, reason,
                          reopened)

    def move(self, actor: Actor, complaint_id: int, version: int, to: ComplaintStage,
             note: str = "") -> ComplaintCase:
        return self._move(actor, complaint_id, version, to, note, None)

    @unit_of_work
    def _move(self, actor: Actor, complaint_id: int, version: int, to: ComplaintStage, note: str,
              change: Callable[[Session, Complaint, dt.datetime], None] | None) -> ComplaintCase:
        require(actor, Action.HANDLE_COMPLAINTS)
        now = self._clock()
        with self._db.write() as s:
            case = self._locked(s, actor, complaint_id, version)
            was = case.stage
            if to not in ALLOWED_MOVES[was]:
                raise _refuse_move(was)
            if was is ComplaintStage.INTAKE:
                case.acknowledged_at = now
            case.stage = to
            if change is not None:
                change(s, case, now)
            case.due_at = _due(s, actor.branch_id, case, now)
            case.escalated_at = None
            self._bump(s, case)
            kind = StepKind.REOPENED if was in (ComplaintStage.FEEDBACK, ComplaintStage.CLOSED) \
                and to is ComplaintStage.INVESTIGATION else StepKind.MOVED
            s.add(ComplaintStep(complaint_id=case.id, kind=kind, at=now, staff_id=actor.staff_id,
                                from_stage=was, to_stage=to, note=note.strip()))
            audit.record(s, now, actor, AuditAction.COMPLAINT_MOVE, "complaint", case.id,
                         f"{was.value}->{to.value}")
            return reading.case_view(s, actor, case, now)

    def _locked(self, s: Session, actor: Actor, complaint_id: int, version: int) -> Complaint:
        case = reading.require_case(s, actor, complaint_id)
        if case.client_id is not None:
            from frontdesk.services.cards.writers import lock_client

            lock_client(s, actor, case.client_id)
        if case.version != version:
            raise ConflictError("Someone else changed this complaint meanwhile; it is shown "
                                "again as it is now.", field="version")
        return case

    @staticmethod
    def _bump(s: Session, case: Complaint) -> None:
        done = s.execute(update(Complaint).where(Complaint.id == case.id,
                                                 Complaint.version == case.version)
                         .values(version=case.version + 1))
        if done.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError("Someone else changed this complaint meanwhile; it is shown "
                                "again as it is now.", field="version")
        s.refresh(case, ["version"])

    @unit_of_work
    def assign(self, actor: Actor, complaint_id: int, version: int,
               owner_id: int) -> ComplaintCase:
        require(actor, Action.HANDLE_COMPLAINTS)
        now = self._clock()
        with self._db.write() as s:
            case = self._locked(s, actor, complaint_id, version)
            owner = reading.staff_of(s, actor.branch_id, owner_id)
            case.owner_id = owner.id
            self._bump(s, case)
            s.add(ComplaintStep(complaint_id=case.id, kind=StepKind.ASSIGNED, at=now,
                                staff_id=actor.staff_id, note=owner.display_name))
            audit.record(s, now, actor, AuditAction.COMPLAINT_ASSIGN, "complaint", case.id,
                         f"owner={owner.id}")
            return reading.case_view(s, actor, case, now)

    @unit_of_work
    def escalate_overdue(self, branch_id: int) -> int:
        """Mark every open case past its deadline escalated, once per stage."""
        now = self._clock()
        with self._db.write() as s:
            late = s.scalars(select(Complaint).where(
                Complaint.branch_id == branch_id, Complaint.stage.in_(OPEN_STAGES),
                Complaint.due_at < now, Complaint.escalated_at.is_(None))).all()
            for case in late:
                case.escalated_at = now
                s.add(ComplaintStep(complaint_id=case.id, kind=StepKind.ESCALATED, at=now,
                                    from_stage=case.stage, to_stage=case.stage))
            return len(late)

    @unit_of_work
    def deadlines(self, actor: Actor) -> tuple[Deadlines, ...]:
        require(actor, Action.MANAGE_COMPLAINTS)
        with self._db.read() as s:
            saved = {r.severity: r for r in s.scalars(select(ComplaintDeadline).where(
                ComplaintDeadline.branch_id == actor.branch_id))}
        return tuple(Deadlines(d.severity, saved[d.severity].acknowledge_hours,
                               saved[d.severity].resolve_hours, saved[d.severity].feedback_hours)
                     if d.severity in saved else d for d in DEFAULT_DEADLINES)

    @unit_of_work
    def save_deadlines(self, actor: Actor, rows: Sequence[Deadlines]) -> None:
        require(actor, Action.MANAGE_COMPLAINTS)
        now = self._clock()
        for d in rows:
            for hours in (d.acknowledge_hours, d.resolve_hours, d.feedback_hours):
                if not isinstance(hours, int) or not 1 <= hours <= 2000:
                    raise ValidationError("Hours are a whole number from 1 to 2000.",
                                          field="hours")
        with self._db.write() as s:
            for d in rows:
                row = s.scalar(select(ComplaintDeadline).where(
                    ComplaintDeadline.branch_id == actor.branch_id,
                    ComplaintDeadline.severity == d.severity))
                if row is None:
                    row = ComplaintDeadline(branch_id=actor.branch_id, severity=d.severity)
                    s.add(row)
                row.acknowledge_hours, row.resolve_hours = d.acknowledge_hours, d.resolve_hours
                row.feedback_hours, row.updated_at = d.feedback_hours, now
                row.updated_by_id = actor.staff_id
            audit.record(s, now, actor, AuditAction.COMPLAINT_DEADLINES_SAVE, "complaint", None,
                         "")

