"""Check-in (到店签到), the service in the room, and today's board at the desk.

A visit starts IN_SERVICE when check-in gives a room and a therapist, else WAITING.
A room is free when READY with no visit in service there; an occupied, cleaning or
out-of-service room raises :class:`RoomUnavailable` unless ``allow_busy_room``
(audited). Finishing leaves the room CLEANING until marked ready. A client has one
open visit at most; their row is locked at check-in (two terminals, one visit).
Rows are locked client → appointment → visit → staff → room, the order of the
README's "Concurrency".

:meth:`VisitService.board` runs every few seconds: a handful of indexed queries
(the open visits on their partial index, appointments by branch/start, closed by
branch/arrival), each costing what today's rows cost, however long the history.
Visitor class and an allergy flag travel with every row for the UI to flag.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from frontdesk.core.context import Actor, Clock, local_day_bounds, local_today
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_prose, check_text, is_whole
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database, locking, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Client, Room, RoomState, ServiceItem, Staff
from frontdesk.models.appointment import Appointment, AppointmentStatus, PlannedService
from frontdesk.models.visit import OPEN_STATUSES, Visit, VisitKind, VisitStatus, is_open
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients.desk_warnings import DeskWarnings
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.desk import appointments, visitors
from frontdesk.services.desk.appointments import AppointmentRow
from frontdesk.services.rows import locked_row
from frontdesk.services.special_clients import SpecialClient, special_client_types

OPEN_VISIT = OPEN_STATUSES
PURPOSE_MAX = 255
PREP_NOTE_MAX = 1000


class RoomUnavailable(ConflictError):
    """The room is occupied, being cleaned or out of service."""


@dataclass(frozen=True)
class CheckIn:
    """The check-in form. With an appointment, unset therapist/room/services come from it."""

    client_id: int
    kind: VisitKind | str = VisitKind.WALK_IN
    appointment_id: int | None = None
    purpose: str = ""
    service_item_ids: tuple[int, ...] = ()
    consultant_id: int | None = None
    therapist_id: int | None = None
    room_id: int | None = None
    prep_note: str = ""
    """For the prep room (调配室): what to prepare."""
    allow_busy_room: bool = False


class RoomStatus(enum.StrEnum):
    FREE = "free"
    OCCUPIED = "occupied"
    CLEANING = "cleaning"
    OUT_OF_SERVICE = "out_of_service"


@dataclass(frozen=True)
class VisitRow(DeskWarnings):
    visit_id: int
    client_id: int
    client_name: str
    visitor_class: VisitorClass
    allergies: str
    status: VisitStatus
    kind: VisitKind
    arrived_at: dt.datetime
    started_at: dt.datetime | None
    elapsed_min: int
    """Minutes in the current status (since arrival, the start or the finish)."""
    room_id: int | None
    room_name: str
    therapist_name: str
    consultant_name: str
    purpose: str
    services: tuple[str, ...]
    prep_note: str
    special_client: tuple[SpecialClient, ...] = ()
    """The latest consultation's special-client types, for roles that see health records."""


@dataclass(frozen=True)
class RoomBoardRow:
    room_id: int
    name: str
    status: RoomStatus
    visit_id: int | None
    client_name: str
    therapist_name: str


class BoardSection(enum.StrEnum):
    """The parts of today's board, in the order the desk shows them."""

    EXPECTED = "expected"  # today's appointments not yet arrived
    WAITING = "waiting"
    IN_SERVICE = "in_service"
    FINISHED = "finished"  # service done, awaiting check-out


@dataclass(frozen=True)
class Board:
    day: dt.date
    expected: tuple[AppointmentRow, ...]
    """Today's appointments not yet arrived, by time."""
    waiting: tuple[VisitRow, ...]
    in_service: tuple[VisitRow, ...]
    finished: tuple[VisitRow, ...]
    """Service done, awaiting check-out."""
    closed_count: int
    rooms: tuple[RoomBoardRow, ...]
    receivers: tuple[str, ...] = ()
    """Who is told when an important, guest or special visitor arrives (the managers)."""

    def section(self, section: BoardSection) -> tuple[AppointmentRow, ...] | tuple[VisitRow, ...]:
        """The rows of one section of the board."""
        rows: tuple[AppointmentRow, ...] | tuple[VisitRow, ...] = getattr(self, section.value)
        return rows


def _service_ids(ids: tuple[int, ...]) -> tuple[int, ...]:
    if not all(is_whole(i) for i in ids):
        raise ValidationError("Pick services from the list.", field="service_item_ids")
    return tuple(dict.fromkeys(ids))


def _check_form(form: CheckIn) -> tuple[VisitKind, str, str, tuple[int, ...]]:
    """(kind, purpose, prep note, service ids) of a check-in form, or ValidationError."""
    try:
        kind = VisitKind(form.kind)
    except ValueError:
        raise ValidationError("Choose walk-in or appointment.", field="kind") from None
    if form.appointment_id is not None:
        kind = VisitKind.APPOINTMENT
    elif kind is VisitKind.APPOINTMENT:
        raise ValidationError("Pick the appointment.", field="appointment_id")
    purpose = check_text(form.purpose, PURPOSE_MAX, "purpose")
    prep_note = check_prose(form.prep_note, PREP_NOTE_MAX, "prep_note")
    return kind, purpose, prep_note, _service_ids(form.service_item_ids)


def _move(visit: Visit, status: VisitStatus, at: dt.datetime | None) -> None:
    """Move the visit (only check that it may move when ``at`` is None)."""
    if not visit.can_move_to(status):
        raise ConflictError("The visit is {current}; it cannot become {wanted}.",
                            field="visit_id", current=visit.status, wanted=status)
    if at is not None:
        visit.move_to(status, at)


def _check_room(s: Session, room: Room, visit_id: int | None, allow_busy: bool) -> bool:
    """Refuse a room that is not free unless allowed; True when a busy room was allowed."""
    occupant = s.execute(select(Client.name).join(Visit, Visit.client_id == Client.id)
                         .where(Visit.branch_id == room.branch_id, is_open(),
                                Visit.room_id == room.id, Visit.status == VisitStatus.IN_SERVICE,
                                Visit.id != (visit_id or 0)).limit(1)).first()
    problem = None
    if occupant is not None:
        problem = RoomUnavailable("{room} is in use by {client}.", field="room_id",
                                  room=room.name, client=occupant.name)
    elif room.state is RoomState.CLEANING:
        problem = RoomUnavailable("{room} is being cleaned.", field="room_id", room=room.name)
    elif room.state is RoomState.OUT_OF_SERVICE:
        problem = RoomUnavailable("{room} is out of service.", field="room_id", room=room.name)
    if problem is not None and not allow_busy:
        raise problem
    return problem is not None


class VisitService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def check_in(self, actor: Actor, form: CheckIn) -> int:
        """Check a client in; returns the new visit's id."""
        require(actor, Action.CHECK_IN)
        kind, purpose, prep_note, service_ids = _check_form(form)
        with self._db.write() as s:
            client = self._lock_client(s, form.client_id)
            booking = self._arriving(s, actor, form)
            if booking is not None:
                form = _with_booking(form, booking)
                service_ids = _service_ids(form.service_item_ids)
            for item_id in service_ids:
                appointments.active_service_item(s, actor.branch_id, item_id)
            visit = self._new_visit(s, actor, form, kind, purpose, prep_note)
            s.add_all(PlannedService(visit_id=visit.id, service_item_id=item_id, position=i)
                      for i, item_id in enumerate(service_ids))
            if booking is not None:
                booking.move_to(AppointmentStatus.ARRIVED)
                booking.visit_id = visit.id
            audit.record(s, self._clock(), actor, AuditAction.VISIT_CHECK_IN, "visit", visit.id,
                         f"client={visit.client_id} kind={kind.value}")
            visitors.notify_arrival(s, self._clock(), actor, client, visit.id)
            return visit.id

    @unit_of_work
    def start_service(self, actor: Actor, visit_id: int, room_id: int | None,
                      therapist_id: int | None, allow_busy_room: bool = False) -> None:
        """A waiting client goes into a room with a therapist."""
        require(actor, Action.CHECK_IN)
        now = self._clock()
        with self._db.write() as s:
            visit = self._visit(s, actor, visit_id)
            _move(visit, VisitStatus.IN_SERVICE, None)
            therapist_id = therapist_id if therapist_id is not None else visit.therapist_id
            room_id = room_id if room_id is not None else visit.room_id
            _, room = appointments.lock_slot(s, actor.branch_id, therapist_id, room_id,
                                             "therapist_id")
            if room is not None and _check_room(s, room, visit.id, allow_busy_room):
                audit.record(s, now, actor, AuditAction.ROOM_BUSY_OVERRIDE, "room", room.id,
                             f"visit={visit.id}")
            visit.therapist_id, visit.room_id = therapist_id, room_id
            _move(visit, VisitStatus.IN_SERVICE, now)
            audit.record(s, now, actor, AuditAction.VISIT_START, "visit", visit.id)

    @unit_of_work
    def finish(self, actor: Actor, visit_id: int) -> None:
        """The service is done: the visit awaits check-out, the room needs cleaning."""
        require(actor, Action.CHECK_IN)
        now = self._clock()
        with self._db.write() as s:
            visit = self._visit(s, actor, visit_id)
            _move(visit, VisitStatus.FINISHED, now)
            finish_room(s, visit)
            audit.record(s, now, actor, AuditAction.VISIT_FINISH, "visit", visit.id)

    @unit_of_work
    def cancel_visit(self, actor: Actor, visit_id: int, reason: str = "") -> None:
        """The client leaves without a service (a room in use goes to cleaning)."""
        require(actor, Action.CHECK_IN)
        reason = check_prose(reason, PREP_NOTE_MAX, "reason")
        now = self._clock()
        with self._db.write() as s:
            visit = self._visit(s, actor, visit_id)
            was_in_service = visit.status is VisitStatus.IN_SERVICE
            _move(visit, VisitStatus.CANCELLED, now)
            if was_in_service:
                finish_room(s, visit)
            audit.record(s, now, actor, AuditAction.VISIT_CANCEL, "visit", visit.id, reason)

    @unit_of_work
    def mark_room_ready(self, actor: Actor, room_id: int) -> None:
        """The room has been cleaned."""
        require(actor, Action.CHECK_IN)
        with self._db.write() as s:
            _, room = appointments.lock_slot(s, actor.branch_id, None, room_id)
            assert room is not None
            if room.state is RoomState.OUT_OF_SERVICE:
                raise RoomUnavailable("{room} is out of service; a manager puts it back.",
                                      field="room_id", room=room.name)
            room.state = RoomState.READY
            audit.record(s, self._clock(), actor, AuditAction.ROOM_READY, "room", room.id)

    @unit_of_work
    def board(self, actor: Actor) -> Board:
        """Today at the desk: expected, waiting, in service, finished, closed, rooms."""
        require(actor, Action.VIEW_CLIENT)
        now, today = self._clock(), local_today(self._clock)
        start, end = local_day_bounds(today)
        branch = actor.branch_id
        with self._db.read() as s:
            expected = appointments.appointment_rows(
                s, Appointment.branch_id == branch, Appointment.starts_at >= start,
                Appointment.starts_at < end, Appointment.status == AppointmentStatus.BOOKED)
            visits = _open_visits(s, branch, now)
            closed = s.scalar(select(func.count(Visit.id)).where(
                Visit.branch_id == branch, Visit.arrived_at >= start, Visit.arrived_at < end,
                Visit.status == VisitStatus.CLOSED)) or 0
            rooms = _room_rows(s, branch, [v for v in visits
                                           if v.status is VisitStatus.IN_SERVICE])
            expected, visits = _with_special_clients(s, actor, expected, visits)
            receivers = tuple(name for _id, name in visitors.receivers(s, branch))
        by_status = {st: tuple(v for v in visits if v.status is st) for st in OPEN_VISIT}
        return Board(today, tuple(expected), by_status[VisitStatus.WAITING],
                     by_status[VisitStatus.IN_SERVICE], by_status[VisitStatus.FINISHED],
                     closed, rooms, receivers)

    def _lock_client(self, s: Session, client_id: int) -> Client:
        client = live_client(s, client_id, lock=True)
        open_visit = s.scalar(select(Visit.id).where(Visit.client_id == client_id,
                                                     Visit.status.in_(OPEN_VISIT)).limit(1))
        if open_visit is not None:
            raise ConflictError("{name} is checked in already (visit {visit_id}).",
                                field="client_id", name=client.name, visit_id=open_visit)
        return client

    def _arriving(self, s: Session, actor: Actor, form: CheckIn) -> Appointment | None:
        if form.appointment_id is None:
            return None
        booking = locked_row(s, Appointment, form.appointment_id)
        if booking is None or booking.branch_id != actor.branch_id \
                or booking.client_id != form.client_id:
            raise NotFound("This client has no appointment with number {id}.",
                           field="appointment_id", id=form.appointment_id)
        if booking.status is not AppointmentStatus.BOOKED:
            raise ConflictError("This appointment is marked as {status} already.",
                                field="appointment_id", status=booking.status)
        return booking

    def _new_visit(self, s: Session, actor: Actor, form: CheckIn, kind: VisitKind,
                   purpose: str, prep_note: str) -> Visit:
        now = self._clock()
        appointments.check_staff(s, actor.branch_id, form.consultant_id, "consultant_id")
        therapist, room = appointments.lock_slot(s, actor.branch_id, form.therapist_id,
                                                 form.room_id, "therapist_id")
        if room is not None and _check_room(s, room, None, form.allow_busy_room):
            audit.record(s, now, actor, AuditAction.ROOM_BUSY_OVERRIDE, "room", room.id,
                         f"client={form.client_id}")
        visit = Visit(branch_id=actor.branch_id, client_id=form.client_id, kind=kind,
                      status=VisitStatus.WAITING, arrived_at=now, purpose=purpose,
                      consultant_id=form.consultant_id, therapist_id=form.therapist_id,
                      room_id=form.room_id, prep_note=prep_note)
        s.add(visit)
        s.flush()
        if therapist is not None and room is not None:
            visit.move_to(VisitStatus.IN_SERVICE, now)
        return visit

    def _visit(self, s: Session, actor: Actor, visit_id: int) -> Visit:
        visit = locked_row(s, Visit, visit_id)
        if visit is None or visit.branch_id != actor.branch_id:
            raise NotFound("No visit with number {id}.", field="visit_id", id=visit_id)
        return visit


def finish_room(s: Session, visit: Visit) -> None:
    """After a service the room needs cleaning (unless it is out of service).

    The room is locked after the visit, as everywhere.
    """
    if visit.room_id is None:
        return
    room = s.scalar(locking(select(Room).where(Room.id == visit.room_id)))
    if room is not None and room.state is RoomState.READY:
        room.state = RoomState.CLEANING


def _with_booking(form: CheckIn, booking: Appointment) -> CheckIn:
    """The form with what it leaves unset taken from the appointment."""
    services = form.service_item_ids or tuple(
        i for i in (booking.service_item_id,) if i is not None)
    therapist = booking.staff_id if form.therapist_id is None else form.therapist_id
    room = booking.room_id if form.room_id is None else form.room_id
    return replace(form, therapist_id=therapist, room_id=room, service_item_ids=services)


def _open_visits(s: Session, branch_id: int, now: dt.datetime) -> list[VisitRow]:
    therapist, consultant = aliased(Staff), aliased(Staff)
    rows = s.execute(
        select(Visit, Client.name, Client.visitor_class, Client.allergies,
               therapist.display_name, consultant.display_name, Room.name)
        .join(Client, Client.id == Visit.client_id)
        .outerjoin(therapist, therapist.id == Visit.therapist_id)
        .outerjoin(consultant, consultant.id == Visit.consultant_id)
        .outerjoin(Room, Room.id == Visit.room_id)
        .where(Visit.branch_id == branch_id, is_open())
        .order_by(Visit.arrived_at, Visit.id)).all()
    services = _planned(s, [r[0].id for r in rows])
    return [_visit_row(*r, services.get(r[0].id, ()), now) for r in rows]


def _with_special_clients(s: Session, actor: Actor, expected: list[AppointmentRow],
                          visits: list[VisitRow]) -> tuple[list[AppointmentRow], list[VisitRow]]:
    """The rows with their clients' special-client types (none for a receptionist)."""
    clients = {a.client_id for a in expected} | {v.client_id for v in visits}
    types = special_client_types(s, actor, clients)
    if not types:
        return expected, visits
    return ([replace(a, special_client=types.get(a.client_id, ())) for a in expected],
            [replace(v, special_client=types.get(v.client_id, ())) for v in visits])


def _planned(s: Session, visit_ids: list[int]) -> dict[int, tuple[str, ...]]:
    out: dict[int, tuple[str, ...]] = {}
    if not visit_ids:
        return out
    for visit_id, name in s.execute(
            select(PlannedService.visit_id, ServiceItem.name)
            .join(ServiceItem, ServiceItem.id == PlannedService.service_item_id)
            .where(PlannedService.visit_id.in_(visit_ids))
            .order_by(PlannedService.visit_id, PlannedService.position)):
        out[visit_id] = (*out.get(visit_id, ()), name)
    return out


def _visit_row(v: Visit, client: str, visitor_class: VisitorClass, allergies: str,
               therapist: str | None, consultant: str | None, room: str | None,
               services: tuple[str, ...], now: dt.datetime) -> VisitRow:
    since = {VisitStatus.IN_SERVICE: v.started_at,
             VisitStatus.FINISHED: v.finished_at}.get(v.status) or v.arrived_at
    return VisitRow(
        v.id, v.client_id, client, visitor_class, allergies, v.status, v.kind, v.arrived_at,
        v.started_at, max(0, int((now - since).total_seconds()) // 60), v.room_id, room or "",
        therapist or "", consultant or "", v.purpose, services, v.prep_note)


_ROOM_STATUS = {RoomState.READY: RoomStatus.FREE, RoomState.CLEANING: RoomStatus.CLEANING,
                RoomState.OUT_OF_SERVICE: RoomStatus.OUT_OF_SERVICE}


def _room_rows(s: Session, branch_id: int,
               in_service: list[VisitRow]) -> tuple[RoomBoardRow, ...]:
    occupant = {v.room_id: v for v in in_service if v.room_id is not None}
    out = []
    for room in s.scalars(select(Room).where(Room.branch_id == branch_id, Room.active)
                          .order_by(Room.name)):
        visit = occupant.get(room.id)
        if visit is not None:
            out.append(RoomBoardRow(room.id, room.name, RoomStatus.OCCUPIED, visit.visit_id,
                                    visit.client_name, visit.therapist_name))
        else:
            out.append(RoomBoardRow(room.id, room.name, _ROOM_STATUS[room.state], None, "", ""))
    return tuple(out)
