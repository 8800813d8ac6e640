"""The complaint service (``Services.complaints``): take, list, read and move cases.

Each method is one unit of work with its permission check: TAKE_COMPLAINTS to take a
complaint and list a client's (or one's own taken) cases; HANDLE_COMPLAINTS to own,
investigate, resolve, close and reopen them; MANAGE_COMPLAINTS for the deadlines and to
give a case to someone else. The bodies are in :mod:`.intake`, :mod:`.stages` and
:mod:`.escalation`; the moves' rules in :mod:`.moves`. A case read in full is audited
(``complaint.view``), with the full phone shown to a handler.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ValidationError
from frontdesk.models import AuditEntry, Staff
from frontdesk.models.complaint import Complaint, ComplaintSource, ComplaintStage
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.writers import lock_client
from frontdesk.services.care.actions import check_key, key_detail
from frontdesk.services.complaints import deadlines, reads, stages
from frontdesk.services.complaints.escalation import escalate_in
from frontdesk.services.complaints.intake import open_case
from frontdesk.services.complaints.moves import case_of, check_move
from frontdesk.services.complaints.views import (
    ComplaintCase,
    ComplaintDraft,
    ComplaintFilter,
    ComplaintRow,
    Deadlines,
    Resolution,
)
from frontdesk.services.rows import locked_row

Body = Callable[[Session], None]
OPEN_CASES = ComplaintFilter()
"""The list's default: every open case (first due first)."""
REPLAY_WINDOW = dt.timedelta(days=1)
"""How far back a desk's intake looks for its key (a double click, a retry)."""


class ComplaintService:
    """Complaint cases (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    # -- taking and reading --------------------------------------------------------------------

    @unit_of_work
    def take(self, actor: Actor, draft: ComplaintDraft, *, key: str) -> ComplaintRow:
        """A new case at intake; a second call with the same key returns the first's."""
        require(actor, Action.TAKE_COMPLAINTS)
        clean_key = check_key(key)
        with self._db.write() as s:
            complaint_id = self._take_in(s, actor, draft, clean_key)
        with self._db.read() as s:
            found = s.execute(reads.rows_statement([Complaint.id == complaint_id])).one()
            return reads.row_of(found, self._clock(), full_phone=False)

    def _take_in(self, s: Session, actor: Actor, draft: ComplaintDraft, key: str) -> int:
        """The case taken with ``key`` (after the client's lock, or the taker's own row's
        for a complainant who is not a client: a twin waits there for the first)."""
        if draft.client_id is not None:
            lock_client(s, actor, draft.client_id)
        else:
            locked_row(s, Staff, actor.staff_id)
        now = self._clock()
        done = s.scalar(select(AuditEntry.entity_id).where(
            AuditEntry.action == AuditAction.COMPLAINT_TAKE,
            AuditEntry.staff_id == actor.staff_id, AuditEntry.at >= now - REPLAY_WINDOW,
            AuditEntry.detail.startswith(key_detail(key), autoescape=True)).limit(1))
        if done is not None:
            return int(done)
        return open_case(s, actor, now, draft, source=ComplaintSource.DESK, key=key).id

    @unit_of_work
    def list(self, actor: Actor, flt: ComplaintFilter = OPEN_CASES
             ) -> builtins.list[ComplaintRow]:
        """The cases ``flt`` asks for (phones masked); open ones by deadline, first due
        first, else newest first."""
        require(actor, Action.TAKE_COMPLAINTS)
        with self._db.read() as s:
            return reads.list_rows(s, actor, flt, self._clock())

    @unit_of_work
    def case(self, actor: Actor, complaint_id: int) -> ComplaintCase:
        """The case in full (the full phone for a handler); audited."""
        require(actor, Action.TAKE_COMPLAINTS)
        full = allowed(actor, Action.HANDLE_COMPLAINTS)
        with self._db.write() as s:
            case = case_of(s, actor, complaint_id)
            view = reads.case_view(s, actor, case, self._clock(), full_phone=full)
            audit.record(s, self._clock(), actor, AuditAction.COMPLAINT_VIEW, "complaint",
                         case.id, f"ref={case.ref_no} client={case.client_id or '-'} "
                         f"full_phone={'yes' if full and view.row.phone else 'no'}")
        return view

    # -- the stages ------------------------------------------------------------------------------

    def acknowledge(self, actor: Actor, complaint_id: int, version: int,
                    note: str = "") -> ComplaintCase:
        """受理 → 调查: the owner has the case in hand."""
        return self._handle(actor, complaint_id, lambda s: stages.acknowledge(
            s, actor, self._clock(), complaint_id, version, note))

    def investigate(self, actor: Actor, complaint_id: int, version: int,
                    findings: str) -> ComplaintCase:
        """调查 → 处理: what happened, found out."""
        return self._handle(actor, complaint_id, lambda s: stages.investigate(
            s, actor, self._clock(), complaint_id, version, findings))

    def resolve(self, actor: Actor, complaint_id: int, version: int, resolution: Resolution,
                *, key: str, approver: Actor | None = None) -> ComplaintCase:
        """处理 → 反馈: what was done, and the compensation booked through the card ledger
        in the same transaction (a credit needs ``approver``, a manager on the spot)."""
        clean_key = check_key(key)
        return self._handle(actor, complaint_id, lambda s: stages.resolve(
            s, actor, self._clock(), complaint_id, version, resolution, clean_key, approver))

    def close(self, actor: Actor, complaint_id: int, version: int, *, satisfied: bool,
              note: str = "") -> ComplaintCase:
        """反馈 → closed, with the client's answer."""
        return self._handle(actor, complaint_id, lambda s: stages.close(
            s, actor, self._clock(), complaint_id, version, satisfied, note))

    def reopen(self, actor: Actor, complaint_id: int, version: int,
               reason: str) -> ComplaintCase:
        """Feedback or closed → investigation again (``reopen_count`` counts it)."""
        return self._handle(actor, complaint_id, lambda s: stages.reopen(
            s, actor, self._clock(), complaint_id, version, reason))

    def move(self, actor: Actor, complaint_id: int, version: int, to: ComplaintStage,
             note: str = "") -> ComplaintCase:
        """The generic move: only :data:`~frontdesk.models.complaint.ALLOWED_MOVES`, each by
        its own rules (to resolution the note is the findings; feedback and closing need
        the resolution and the client's answer: :meth:`resolve`, :meth:`close`)."""
        target = ComplaintStage(to) if to in ComplaintStage.__members__.values() else None
        if target is None:
            raise ValidationError("Choose the stage to move the complaint to.", field="stage")
        return self._handle(actor, complaint_id, lambda s: self._move_in(
            s, actor, complaint_id, version, target, note))

    def _move_in(self, s: Session, actor: Actor, complaint_id: int, version: int,
                 to: ComplaintStage, note: str) -> None:
        case = case_of(s, actor, complaint_id)
        check_move(case, to)
        now = self._clock()
        if to is ComplaintStage.INVESTIGATION and case.stage is ComplaintStage.INTAKE:
            stages.acknowledge(s, actor, now, complaint_id, version, note)
        elif to is ComplaintStage.INVESTIGATION:
            stages.reopen(s, actor, now, complaint_id, version, note)
        elif to is ComplaintStage.RESOLUTION:
            stages.investigate(s, actor, now, complaint_id, version, note)
        elif to is ComplaintStage.FEEDBACK:
            raise ValidationError("Record the resolution to move the complaint to feedback.",
                                  field="stage")
        else:
            raise ValidationError("Record whether the client is satisfied to close the "
                                  "complaint.", field="stage")

    def assign(self, actor: Actor, complaint_id: int, version: int,
               owner_id: int) -> ComplaintCase:
        """Give the case to a complaint handler or a manager (to someone else: a manager)."""
        return self._handle(actor, complaint_id, lambda s: stages.assign(
            s, actor, self._clock(), complaint_id, version, owner_id))

    def add_note(self, actor: Actor, complaint_id: int, version: int,
                 note: str) -> ComplaintCase:
        """A note on the case's steps."""
        return self._handle(actor, complaint_id, lambda s: stages.add_note(
            s, actor, self._clock(), complaint_id, version, note))

    @unit_of_work
    def _handle(self, actor: Actor, complaint_id: int, body: Body) -> ComplaintCase:
        require(actor, Action.HANDLE_COMPLAINTS)
        with self._db.write() as s:
            body(s)
            case = case_of(s, actor, complaint_id)
            audit.record(s, self._clock(), actor, AuditAction.COMPLAINT_VIEW, "complaint",
                         case.id, f"ref={case.ref_no} client={case.client_id or '-'} "
                         f"full_phone={'yes' if case.client_id else 'no'}")
        with self._db.read() as s:
            case = case_of(s, actor, complaint_id)
            return reads.case_view(s, actor, case, self._clock(), full_phone=True)

    # -- deadlines -----------------------------------------------------------------------------

    @unit_of_work
    def escalate_overdue(self, branch_id: int) -> int:
        """Escalate the store's open cases past their deadline to the manager, once each;
        run by the care timers. How many were escalated now."""
        with self._db.write() as s:
            return escalate_in(s, branch_id, self._clock())

    @unit_of_work
    def deadlines(self, actor: Actor) -> tuple[Deadlines, ...]:
        """Each severity's deadlines in the store (its own, else the defaults)."""
        require(actor, Action.MANAGE_COMPLAINTS)
        with self._db.read() as s:
            return deadlines.deadlines_in(s, actor.branch_id)

    @unit_of_work
    def save_deadlines(self, actor: Actor, rows: Sequence[Deadlines]) -> tuple[Deadlines, ...]:
        """Save the store's deadlines (open cases keep theirs until their next move)."""
        require(actor, Action.MANAGE_COMPLAINTS)
        clean = deadlines.check_deadlines(rows)
        with self._db.write() as s:
            deadlines.save_in(s, actor, self._clock(), clean)
            audit.record(s, self._clock(), actor, AuditAction.COMPLAINT_DEADLINES_SAVE,
                         "complaint_deadline", None, " ".join(
                             f"{d.severity.value}={d.acknowledge_hours}/{d.resolve_hours}/"
                             f"{d.feedback_hours}" for d in clean))
        return self.deadlines(actor)
