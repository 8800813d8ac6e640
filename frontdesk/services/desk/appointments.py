"""Appointments (预约): booking, moving, cancelling, no-shows and the day's list.

An appointment starts in the current minute or later (a start that has passed is
refused, naming ``starts_at``), and at most a year ahead.

A therapist or a room cannot hold two active (booked or arrived) appointments
at overlapping times: booking or moving over a clash raises :class:`SlotTaken`,
naming who or what and the clashing time, unless the desk passes
``allow_overlap=True``, which is stored on the appointment and audited.

Two terminals booking the same slot at once cannot both succeed silently. On
SQLite every write transaction begins with ``BEGIN IMMEDIATE``, so writers run
one after the other. On PostgreSQL a booking locks the client's row, then
:func:`lock_slot` the staff row, then the room row (the lock order of the
README's "Concurrency") before the overlap check: the second booking waits for
the first to commit and then sees it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_day_bounds, local_today
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_prose, is_whole
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Client, Room, ServiceItem, Staff
from frontdesk.models.appointment import (
    ACTIVE_APPOINTMENT,
    MAX_APPOINTMENT_MINUTES,
    Appointment,
    AppointmentStatus,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.rows import get_row, locked_row
from frontdesk.services.special_clients import SpecialClient

BOOKING_HORIZON = dt.timedelta(days=366)
"""A booking may start at most this far ahead (a year, and the same date next year)."""
FIRST_DAY = dt.date(1900, 1, 1)
"""The earliest day whose list may be asked for."""
NOTE_MAX = 500


class SlotTaken(ConflictError):
    """A therapist or room is booked already; ``appointment_id`` is the clashing booking."""

    template = "{who} is already booked from {start} to {end}."

    def __init__(self, field: str, who: str, clash: Appointment):
        start, end = (t.astimezone().strftime("%H:%M") for t in (clash.starts_at, clash.ends_at))
        super().__init__(field=field, who=who, start=start, end=end, appointment_id=clash.id)
        self.appointment_id = clash.id


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    client_id: int
    client_name: str
    visitor_class: VisitorClass
    has_allergy: bool
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: AppointmentStatus
    staff_id: int | None
    staff_name: str
    room_id: int | None
    room_name: str
    service_item_id: int | None
    service_name: str
    note: str
    overlap_overridden: bool
    special_client: tuple[SpecialClient, ...] = ()
    """The latest consultation's special-client types, for roles that see health records."""


def lock_slot(s: Session, branch_id: int, staff_id: int | None, room_id: int | None,
              staff_field: str = "staff_id") -> tuple[Staff | None, Room | None]:
    """The active staff member and room of this branch, locked in that order; NotFound if not.

    In the lock order they come after the client and the appointment or visit.
    """
    staff = room = None
    if staff_id is not None:
        staff = locked_row(s, Staff, staff_id)
        if staff is None or staff.branch_id != branch_id or not staff.active:
            raise NotFound("No active staff member with number {id}.", field=staff_field,
                           id=staff_id)
    if room_id is not None:
        room = locked_row(s, Room, room_id)
        if room is None or room.branch_id != branch_id or not room.active:
            raise NotFound("No room with number {id}.", field="room_id", id=room_id)
    return staff, room


def check_staff(s: Session, branch_id: int, staff_id: int | None, field: str) -> None:
    """Refuse a staff member who is unknown, of another branch or inactive (no lock taken)."""
    if staff_id is None:
        return
    staff = get_row(s, Staff, staff_id)
    if staff is None or staff.branch_id != branch_id or not staff.active:
        raise NotFound("No active staff member with number {id}.", field=field, id=staff_id)


def active_service_item(s: Session, branch_id: int, item_id: int | None) -> ServiceItem | None:
    if item_id is None:
        return None
    item = get_row(s, ServiceItem, item_id)
    if item is None or item.branch_id != branch_id or not item.active:
        raise NotFound("No service with number {id}.", field="service_item_id", id=item_id)
    return item


def appointment_rows(s: Session, *where: ColumnElement[bool]) -> list[AppointmentRow]:
    """Appointments with their client, staff, room and service names, by start time."""
    query = (select(Appointment, Client.name, Client.visitor_class, Client.allergies,
                    Staff.display_name, Room.name, ServiceItem.name)
             .join(Client, Client.id == Appointment.client_id)
             .outerjoin(Staff, Staff.id == Appointment.staff_id)
             .outerjoin(Room, Room.id == Appointment.room_id)
             .outerjoin(ServiceItem, ServiceItem.id == Appointment.service_item_id)
             .where(*where).order_by(Appointment.starts_at, Appointment.id))
    return [_row(*r) for r in s.execute(query)]


def _row(a: Appointment, client: str, visitor_class: VisitorClass, allergies: str,
         staff: str | None, room: str | None, service: str | None) -> AppointmentRow:
    return AppointmentRow(
        a.id, a.client_id, client, visitor_class, bool(allergies.strip()), a.starts_at,
        a.ends_at, a.status, a.staff_id, staff or "", a.room_id, room or "",
        a.service_item_id, service or "", a.note, a.overlap_overridden)


def _clash(s: Session, column: Any, key: int, start: dt.datetime, end: dt.datetime,
           exclude_id: int | None) -> Appointment | None:
    earliest = start - dt.timedelta(minutes=MAX_APPOINTMENT_MINUTES)
    query = select(Appointment).where(
        column == key, Appointment.status.in_(ACTIVE_APPOINTMENT),
        Appointment.starts_at < end, Appointment.starts_at >= earliest,
        Appointment.ends_at > start)
    if exclude_id is not None:
        query = query.where(Appointment.id != exclude_id)
    return s.scalar(query.order_by(Appointment.starts_at).limit(1))


def find_clashes(s: Session, staff: Staff | None, room: Room | None, start: dt.datetime,
                 end: dt.datetime, exclude_id: int | None = None) -> list[SlotTaken]:
    """One :class:`SlotTaken` per resource already booked in [start, end)."""
    found = []
    if staff is not None:
        clash = _clash(s, Appointment.staff_id, staff.id, start, end, exclude_id)
        if clash is not None:
            found.append(SlotTaken("staff_id", staff.display_name, clash))
    if room is not None:
        clash = _clash(s, Appointment.room_id, room.id, start, end, exclude_id)
        if clash is not None:
            found.append(SlotTaken("room_id", room.name, clash))
    return found


def _check_start(starts_at: dt.datetime, now: dt.datetime) -> dt.datetime:
    if not isinstance(starts_at, dt.datetime) or starts_at.tzinfo is None:
        raise ValidationError("Give the start time with its time zone.", field="starts_at")
    start = starts_at.astimezone(dt.UTC).replace(second=0, microsecond=0)
    if start < now.astimezone(dt.UTC).replace(second=0, microsecond=0):
        raise ValidationError("That time has passed.", field="starts_at")
    if start > now + BOOKING_HORIZON:
        raise ValidationError("Appointments are booked at most a year ahead.",
                              field="starts_at")
    return start


def _check_day(day: dt.date, today: dt.date) -> dt.date:
    """A day to list: from 1900 to the last day a booking can be on."""
    last = today + BOOKING_HORIZON
    if not isinstance(day, dt.date) or not FIRST_DAY <= day <= last:
        raise ValidationError("Choose a day from {first} to {last}.", field="day",
                              first=FIRST_DAY.isoformat(), last=last.isoformat())
    return day


def _check_duration(minutes: int | None, service: ServiceItem | None) -> dt.timedelta:
    if minutes is None:
        if service is None:
            raise ValidationError("Enter how long it takes, or pick a service.",
                                  field="duration_min")
        minutes = service.duration_min
    if not is_whole(minutes) or not 5 <= minutes <= MAX_APPOINTMENT_MINUTES:
        raise ValidationError("An appointment takes 5 to {n} minutes.", field="duration_min",
                              n=MAX_APPOINTMENT_MINUTES)
    return dt.timedelta(minutes=minutes)


def _clear_slot(s: Session, staff: Staff | None, room: Room | None, start: dt.datetime,
                end: dt.datetime, exclude_id: int | None, allow_overlap: bool) -> bool:
    """Raise the first clash unless overlaps are allowed; True when one was overridden."""
    clashes: Sequence[SlotTaken] = find_clashes(s, staff, room, start, end, exclude_id)
    if clashes and not allow_overlap:
        raise clashes[0]
    return bool(clashes)


class AppointmentService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def book(self, actor: Actor, client_id: int, starts_at: dt.datetime, *,
             duration_min: int | None = None, staff_id: int | None = None,
             room_id: int | None = None, service_item_id: int | None = None, note: str = "",
             allow_overlap: bool = False) -> AppointmentRow:
        """Book a client; the duration defaults to the service's. Raises SlotTaken on a clash."""
        require(actor, Action.BOOK_APPOINTMENT)
        now = self._clock()
        start, note = _check_start(starts_at, now), check_prose(note, NOTE_MAX, "note")
        with self._db.write() as s:
            live_client(s, client_id, lock=True)
            service = active_service_item(s, actor.branch_id, service_item_id)
            end = start + _check_duration(duration_min, service)
            staff, room = lock_slot(s, actor.branch_id, staff_id, room_id)
            overridden = _clear_slot(s, staff, room, start, end, None, allow_overlap)
            appointment = Appointment(
                branch_id=actor.branch_id, client_id=client_id, service_item_id=service_item_id,
                staff_id=staff_id, room_id=room_id, starts_at=start, ends_at=end, note=note,
                status=AppointmentStatus.BOOKED, overlap_overridden=overridden,
                created_by=actor.staff_id, created_at=now)
            s.add(appointment)
            s.flush()
            self._audit(s, actor, AuditAction.APPOINTMENT_BOOK, appointment, overridden)
            return self._one(s, appointment.id)

    @unit_of_work
    def move(self, actor: Actor, appointment_id: int, starts_at: dt.datetime, *,
             staff_id: int | None, room_id: int | None,
             allow_overlap: bool = False) -> AppointmentRow:
        """Move a booked appointment to a new start, therapist and room (its length is kept)."""
        require(actor, Action.BOOK_APPOINTMENT)
        start = _check_start(starts_at, self._clock())
        with self._db.write() as s:
            appointment = self._booked(s, actor, appointment_id)
            end = start + (appointment.ends_at - appointment.starts_at)
            staff, room = lock_slot(s, actor.branch_id, staff_id, room_id)
            overridden = _clear_slot(s, staff, room, start, end, appointment.id, allow_overlap)
            appointment.starts_at, appointment.ends_at = start, end
            appointment.staff_id, appointment.room_id = staff_id, room_id
            appointment.overlap_overridden = overridden
            self._audit(s, actor, AuditAction.APPOINTMENT_MOVE, appointment, overridden)
            return self._one(s, appointment.id)

    @unit_of_work
    def cancel(self, actor: Actor, appointment_id: int, reason: str = "") -> None:
        require(actor, Action.BOOK_APPOINTMENT)
        reason = check_prose(reason, NOTE_MAX, "reason")
        with self._db.write() as s:
            appointment = self._booked(s, actor, appointment_id)
            appointment.move_to(AppointmentStatus.CANCELLED)
            audit.record(s, self._clock(), actor, AuditAction.APPOINTMENT_CANCEL, "appointment",
                         appointment.id, reason)

    @unit_of_work
    def mark_no_show(self, actor: Actor, appointment_id: int) -> None:
        """The client did not come: allowed once the appointment's start time has passed."""
        require(actor, Action.BOOK_APPOINTMENT)
        now = self._clock()
        with self._db.write() as s:
            appointment = self._booked(s, actor, appointment_id)
            if now < appointment.starts_at:
                raise ValidationError(
                    "Not yet: the appointment starts at {start}.", field="appointment_id",
                    start=appointment.starts_at.astimezone().strftime("%H:%M"))
            appointment.move_to(AppointmentStatus.NO_SHOW)
            audit.record(s, now, actor, AuditAction.APPOINTMENT_NO_SHOW, "appointment",
                         appointment.id)

    @unit_of_work
    def day(self, actor: Actor, day: dt.date) -> list[AppointmentRow]:
        """Every appointment of the actor's branch on a local date, by start time."""
        require(actor, Action.VIEW_CLIENT)
        start, end = local_day_bounds(_check_day(day, local_today(self._clock)))
        with self._db.read() as s:
            return appointment_rows(s, Appointment.branch_id == actor.branch_id,
                                    Appointment.starts_at >= start, Appointment.starts_at < end)

    def _booked(self, s: Session, actor: Actor, appointment_id: int) -> Appointment:
        appointment = locked_row(s, Appointment, appointment_id)
        if appointment is None or appointment.branch_id != actor.branch_id:
            raise NotFound("No appointment with number {id}.", field="appointment_id",
                           id=appointment_id)
        if appointment.status is not AppointmentStatus.BOOKED:
            raise ConflictError("This appointment is marked as {status} already.",
                                field="appointment_id", status=appointment.status)
        return appointment

    def _audit(self, s: Session, actor: Actor, action: AuditAction, appointment: Appointment,
               overridden: bool) -> None:
        now = self._clock()
        detail = f"{appointment.starts_at.isoformat()} staff={appointment.staff_id} " \
                 f"room={appointment.room_id}"
        audit.record(s, now, actor, action, "appointment", appointment.id, detail)
        if overridden:
            audit.record(s, now, actor, AuditAction.APPOINTMENT_OVERLAP_OVERRIDE, "appointment",
                         appointment.id, detail)

    def _one(self, s: Session, appointment_id: int) -> AppointmentRow:
        return appointment_rows(s, Appointment.id == appointment_id)[0]
