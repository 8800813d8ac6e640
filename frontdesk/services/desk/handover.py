"""The handover (交接) of an open visit to its beauticians, and who serves in it.

The consultant writes it once the consultation settles today's work (domain/001:
introduce the beautician, brief her in front of the client, coordinate several):
the items of this session with their purpose (目的) and price, the products and
amounts to use, the operation notes (操作注意事项), and the beauticians who serve
beside the lead. A handover is a person's edit: the writer sends the version she
was shown (0 for none yet) and one written meanwhile on another terminal refuses
hers with :class:`HandoverConflict`, writing nothing.

A beautician reads the handover of the visits she serves in, with what the
visit's consultation says she must know (skin type, the special conditions, the
client type and notes), and nothing else of the health record; consultants and
managers read any. Every read and every refused read is in the audit trail.
Locks: the visit only (staff rows are read, not locked: see
:func:`~frontdesk.services.desk.staffing.serving_staff`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.money import check_fen
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.validation import check_prose, check_text, is_whole
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import Client, LineKind, Product, Room, ServiceItem, Staff, Visit
from frontdesk.models.appointment import PlannedService
from frontdesk.models.consultation import ConsultationRecord, SkinType
from frontdesk.models.handover import HandoverLine, VisitHandover, VisitHelper
from frontdesk.models.visit import OPEN_STATUSES
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.desk.staffing import StaffRef, serves_in, serving_staff, visit_staff
from frontdesk.services.health.consultation import load_view, open_visit_id, require_audited
from frontdesk.services.health.form import ClientType, ConditionNote
from frontdesk.services.rows import check_row_id, get_row, locked_row

MAX_LINES = 20
MAX_HELPERS = 5
NOTES_MAX = 2000
PURPOSE_MAX = 255
AMOUNT_MAX = 40


@dataclass(frozen=True)
class HandoverLineInput:
    kind: LineKind | str
    item_id: int
    purpose: str = ""
    amount: str = ""
    """How much of a product to use ("2 ml", "半支")."""
    price_fen: int | None = None
    """None: the catalogue price."""


@dataclass(frozen=True)
class HandoverForm:
    lines: Sequence[HandoverLineInput] = ()
    notes: str = ""
    """The operation notes (操作注意事项)."""
    helper_ids: Sequence[int] = ()
    """The beauticians serving beside the visit's lead."""


@dataclass(frozen=True)
class HandoverLineView:
    kind: LineKind
    item_id: int
    name: str
    purpose: str
    amount: str
    price_fen: int


@dataclass(frozen=True)
class ConsultationBrief:
    """What the visit's consultation tells the beautician, and no more of the record."""

    record_id: int
    taken_at: dt.datetime
    consultant_name: str
    skin_type: SkinType | None
    conditions: tuple[ConditionNote, ...]
    client_type: ClientType
    notes: str


@dataclass(frozen=True)
class Handover:
    visit_id: int
    client_name: str
    room_name: str
    consultant_name: str
    staff: tuple[StaffRef, ...]
    """The lead beautician first (when the visit has one), then the others."""
    version: int
    """0 while nobody has written it: then ``lines`` are the services planned at check-in."""
    lines: tuple[HandoverLineView, ...]
    notes: str
    written_by: str
    written_at: dt.datetime | None
    consultation: ConsultationBrief | None
    """The newest consultation taken at this visit, if any."""
    lead_id: int | None = None
    """The visit's lead beautician (``visit.therapist_id``)."""

    @property
    def total_fen(self) -> int:
        return sum(line.price_fen for line in self.lines)


class HandoverConflict(ConflictError):
    template = ("{name} changed this handover meanwhile. Nothing was saved: "
                "look at theirs and make your change again.")


class NotYourVisit(PermissionDenied):
    template = "You see the handover of the visits you serve in only."


def _check_line(line: HandoverLineInput, i: int) -> HandoverLineInput:
    field = f"lines.{i}"
    try:
        kind = LineKind(line.kind)
    except ValueError:
        raise ValidationError("Item {n}: choose a service or a product.", field=f"{field}.kind",
                              n=i + 1) from None
    if not is_whole(line.item_id):
        raise ValidationError("Item {n}: pick it from the list.", field=f"{field}.item_id",
                              n=i + 1)
    price = None if line.price_fen is None else check_fen(line.price_fen, f"{field}.price_fen")
    return HandoverLineInput(kind, line.item_id,
                             check_text(line.purpose, PURPOSE_MAX, f"{field}.purpose"),
                             check_text(line.amount, AMOUNT_MAX, f"{field}.amount"), price)


def check_handover(form: HandoverForm) -> HandoverForm:
    """The form with its text stripped, or ValidationError naming the first bad field."""
    if len(form.lines) > MAX_LINES:
        raise ValidationError("A handover has at most {n} items.", field="lines", n=MAX_LINES)
    helpers = tuple(dict.fromkeys(form.helper_ids))
    if len(helpers) > MAX_HELPERS or not all(is_whole(i) for i in helpers):
        raise ValidationError("Pick at most {n} other beauticians from the list.",
                              field="helper_ids", n=MAX_HELPERS)
    return HandoverForm(tuple(_check_line(line, i) for i, line in enumerate(form.lines)),
                        check_prose(form.notes, NOTES_MAX, "notes"), helpers)


def _line_row(s: Session, visit: Visit, line: HandoverLineInput, i: int) -> HandoverLine:
    service = line.kind is LineKind.SERVICE
    item: ServiceItem | Product | None = (get_row(s, ServiceItem, line.item_id) if service
                                          else get_row(s, Product, line.item_id))
    if item is None or item.branch_id != visit.branch_id or not item.active:
        raise NotFound("Item {n}: this is not in the catalog.", field=f"lines.{i}.item_id",
                       n=i + 1)
    return HandoverLine(visit_id=visit.id, position=i, kind=line.kind, name=item.name[:120],
                        service_item_id=item.id if service else None,
                        product_id=None if service else item.id, purpose=line.purpose,
                        amount=line.amount,
                        price_fen=item.price_fen if line.price_fen is None else line.price_fen)


class HandoverService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def handover(self, actor: Actor, visit_id: int) -> Handover:
        """The visit's handover, for its beauticians, its consultant or a manager (audited)."""
        require_audited(self._db, self._clock, actor, Action.VIEW_HANDOVER,
                        AuditAction.HANDOVER_VIEW_DENIED, "visit", visit_id)
        out: Handover | None = None
        with self._db.write() as s:  # a refused read is audited too, so it commits
            visit = _visit(s, actor, visit_id)
            if allowed(actor, Action.VIEW_HEALTH) or serves_in(s, visit, actor.staff_id):
                out = handover_of(s, visit)
                detail = f"consultation={out.consultation.record_id}" if out.consultation else ""
                audit.record(s, self._clock(), actor, AuditAction.HANDOVER_VIEW, "visit",
                             visit.id, detail)
            else:
                audit.record(s, self._clock(), actor, AuditAction.HANDOVER_VIEW_DENIED, "visit",
                             visit.id, "not serving in it")
        if out is None:
            raise NotYourVisit(field="visit_id")
        return out

    @unit_of_work
    def open_visit(self, actor: Actor, client_id: int) -> int:
        """The client's open visit, whose handover a consultant writes from the profile."""
        require(actor, Action.VIEW_HANDOVER)
        check_row_id(Client, client_id, "client_id")
        with self._db.read() as s:
            visit_id = open_visit_id(s, actor.branch_id, client_id)
        if visit_id is None:
            raise NotFound("This client is not checked in: a handover belongs to a visit.",
                           field="client_id")
        return visit_id

    @unit_of_work
    def write(self, actor: Actor, visit_id: int, version: int, form: HandoverForm) -> Handover:
        """Write the open visit's handover over ``version`` (the one shown; 0: none yet)."""
        require(actor, Action.WRITE_HANDOVER)
        form = check_handover(form)
        with self._db.write() as s:
            visit = _visit(s, actor, visit_id, lock=True)
            if visit.status not in OPEN_STATUSES:
                raise ConflictError("This visit is over; its handover can no longer change.",
                                    field="visit_id")
            head = self._head(s, actor, visit, version, form.notes)
            lines = [_line_row(s, visit, line, i) for i, line in enumerate(form.lines)]
            helpers = [serving_staff(s, visit.branch_id, staff_id, f"helper_ids.{i}").id
                       for i, staff_id in enumerate(form.helper_ids)]
            s.execute(delete(HandoverLine).where(HandoverLine.visit_id == visit.id))
            s.execute(delete(VisitHelper).where(VisitHelper.visit_id == visit.id))
            s.add_all(lines)
            s.add_all(VisitHelper(visit_id=visit.id, staff_id=staff_id)
                      for staff_id in helpers if staff_id != visit.therapist_id)
            s.flush()
            audit.record(s, self._clock(), actor, AuditAction.HANDOVER_WRITE, "visit", visit.id,
                         f"version={head.version} lines={len(lines)} helpers={len(helpers)}")
            return handover_of(s, visit)

    def _head(self, s: Session, actor: Actor, visit: Visit, version: int,
              notes: str) -> VisitHandover:
        """The handover row, new or moved to its next version; HandoverConflict if stale."""
        head = s.get(VisitHandover, visit.id)
        if version != (head.version if head is not None else 0):
            writer = head.written_by_id if head is not None else None
            raise HandoverConflict(field="version", name=_name(s, writer))
        if head is None:
            head = VisitHandover(visit_id=visit.id, branch_id=visit.branch_id, version=0)
            s.add(head)
        head.version += 1
        head.notes, head.written_by_id, head.written_at = notes, actor.staff_id, self._clock()
        s.flush()
        return head


def _visit(s: Session, actor: Actor, visit_id: int, *, lock: bool = False) -> Visit:
    visit = locked_row(s, Visit, visit_id) if lock else get_row(s, Visit, visit_id)
    if visit is None or visit.branch_id != actor.branch_id:
        raise NotFound("No visit with number {id}.", field="visit_id", id=visit_id)
    return visit


def handover_of(s: Session, visit: Visit) -> Handover:
    """The visit's handover as it stands (no audit: the caller audits)."""
    head = s.get(VisitHandover, visit.id)
    client = s.scalar(select(Client.name).where(Client.id == visit.client_id)) or ""
    room = s.scalar(select(Room.name).where(Room.id == visit.room_id)) or ""
    consultant = _name(s, visit.consultant_id)
    if head is None:
        return Handover(visit.id, client, room, consultant, visit_staff(s, visit), 0,
                        _planned_lines(s, visit.id), "", "", None, _brief(s, visit.id),
                        visit.therapist_id)
    return Handover(visit.id, client, room, consultant, visit_staff(s, visit), head.version,
                    _written_lines(s, visit.id), head.notes, _name(s, head.written_by_id),
                    head.written_at, _brief(s, visit.id), visit.therapist_id)


def _name(s: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return s.scalar(select(Staff.display_name).where(Staff.id == staff_id)) or ""


def _written_lines(s: Session, visit_id: int) -> tuple[HandoverLineView, ...]:
    rows = s.scalars(select(HandoverLine).where(HandoverLine.visit_id == visit_id)
                     .order_by(HandoverLine.position))
    return tuple(HandoverLineView(r.kind, r.service_item_id or r.product_id or 0, r.name,
                                  r.purpose, r.amount, r.price_fen) for r in rows)


def _planned_lines(s: Session, visit_id: int) -> tuple[HandoverLineView, ...]:
    rows = s.scalars(select(ServiceItem)
                     .join(PlannedService, PlannedService.service_item_id == ServiceItem.id)
                     .where(PlannedService.visit_id == visit_id)
                     .order_by(PlannedService.position))
    return tuple(HandoverLineView(LineKind.SERVICE, r.id, r.name, "", "", r.price_fen)
                 for r in rows)


def _brief(s: Session, visit_id: int) -> ConsultationBrief | None:
    rec = s.scalar(select(ConsultationRecord).where(ConsultationRecord.visit_id == visit_id)
                   .order_by(ConsultationRecord.taken_at.desc(), ConsultationRecord.id.desc())
                   .limit(1))
    if rec is None:
        return None
    view = load_view(s, rec)
    return ConsultationBrief(rec.id, rec.taken_at, view.consultant_name, view.form.skin.skin_type,
                             view.form.conditions, view.form.client_type, view.form.notes)
