"""Check-in, the room flow and today's board, on real databases."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Room, RoomState, Visit, VisitKind, VisitStatus
from frontdesk.models.appointment import Appointment, AppointmentStatus, PlannedService
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import CheckIn, RoomStatus, RoomUnavailable
from frontdesk.services.registry import Services
from tests.conftest import FakeClock
from tests.unit.test_appointments import Desk, at, make_desk
from tests.unit.test_clients import snapshot, staff_actor


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


def in_room(desk: Desk, client_id: int | None = None, room: int = 0, **kw: Any) -> CheckIn:
    return CheckIn(client_id or desk.client_id, therapist_id=desk.therapist_id,
                   room_id=desk.room_ids[room], **kw)


def test_room_and_therapist_start_the_service_at_once(services: Services, admin: Actor,
                                                      desk: Desk, clock: FakeClock) -> None:
    visit_id = services.visits.check_in(admin, in_room(
        desk, consultant_id=desk.consultant_id, purpose="补水", prep_note="准备热毛巾",
        service_item_ids=(desk.facial_id, desk.massage_id, desk.facial_id)))
    clock.advance(minutes=25)
    board = services.visits.board(admin)
    assert board.waiting == () and board.finished == ()
    [row] = board.in_service
    assert (row.visit_id, row.client_name, row.status, row.kind) == (
        visit_id, "王芳", VisitStatus.IN_SERVICE, VisitKind.WALK_IN)
    assert (row.room_name, row.therapist_name, row.consultant_name) == ("牡丹厅", "美丽", "陈顾问")
    assert row.services == ("面部深层清洁", "肩颈经络")
    assert (row.elapsed_min, row.purpose, row.prep_note) == (25, "补水", "准备热毛巾")
    rooms = {r.name: r for r in board.rooms}
    assert rooms["牡丹厅"].status is RoomStatus.OCCUPIED
    assert (rooms["牡丹厅"].client_name, rooms["牡丹厅"].visit_id) == ("王芳", visit_id)
    assert rooms["兰花厅"].status is RoomStatus.FREE


def test_waiting_then_service_then_finish_then_clean(services: Services, admin: Actor,
                                                     desk: Desk, db: Database) -> None:
    visit_id = services.visits.check_in(admin, CheckIn(desk.client_id))
    [waiting] = services.visits.board(admin).waiting
    assert waiting.visit_id == visit_id and waiting.room_id is None

    services.visits.start_service(admin, visit_id, desk.room_ids[1], desk.therapist2_id)
    assert [v.visit_id for v in services.visits.board(admin).in_service] == [visit_id]

    services.visits.finish(admin, visit_id)
    board = services.visits.board(admin)
    assert [v.visit_id for v in board.finished] == [visit_id]
    assert {r.name: r.status for r in board.rooms}["兰花厅"] is RoomStatus.CLEANING

    before = snapshot(db)
    with pytest.raises(RoomUnavailable) as caught:
        services.visits.check_in(admin, in_room(desk, desk.client2_id, room=1))
    assert caught.value.field == "room_id"
    assert snapshot(db) == before

    services.visits.mark_room_ready(admin, desk.room_ids[1])
    assert {r.name: r.status for r in services.visits.board(admin).rooms}["兰花厅"] \
        is RoomStatus.FREE


def test_an_occupied_room_is_refused_unless_allowed(services: Services, admin: Actor,
                                                    desk: Desk, db: Database) -> None:
    services.visits.check_in(admin, in_room(desk))
    before = snapshot(db)
    with pytest.raises(RoomUnavailable) as caught:
        services.visits.check_in(admin, in_room(desk, desk.client2_id))
    assert caught.value.params == {"room": "牡丹厅", "client": "王芳"}
    assert snapshot(db) == before

    services.visits.check_in(admin, in_room(desk, desk.client2_id, allow_busy_room=True))
    with db.read() as s:
        overrides = s.scalar(select(func.count(AuditEntry.id))
                             .where(AuditEntry.action == "room.busy_override"))
    assert overrides == 1


def test_a_room_out_of_service_is_refused(services: Services, admin: Actor, desk: Desk,
                                          db: Database) -> None:
    services.catalog.set_room_state(admin, desk.room_ids[0], RoomState.OUT_OF_SERVICE)
    before = snapshot(db)
    with pytest.raises(RoomUnavailable):
        services.visits.check_in(admin, in_room(desk))
    with pytest.raises(RoomUnavailable):
        services.visits.mark_room_ready(admin, desk.room_ids[0])
    assert snapshot(db) == before
    board = services.visits.board(admin)
    assert {r.name: r.status for r in board.rooms}["牡丹厅"] is RoomStatus.OUT_OF_SERVICE


def test_a_client_checked_in_cannot_check_in_again(services: Services, admin: Actor,
                                                   desk: Desk, db: Database) -> None:
    visit_id = services.visits.check_in(admin, CheckIn(desk.client_id))
    before = snapshot(db)
    with pytest.raises(ConflictError) as caught:
        services.visits.check_in(admin, CheckIn(desk.client_id))
    assert caught.value.params == {"name": "王芳", "visit_id": visit_id}
    assert snapshot(db) == before
    services.visits.cancel_visit(admin, visit_id, "临时有事")
    assert services.visits.check_in(admin, CheckIn(desk.client_id)) != visit_id


def test_arrival_for_an_appointment(services: Services, admin: Actor, desk: Desk,
                                    db: Database) -> None:
    booked = services.appointments.book(admin, desk.client_id, at(11), staff_id=desk.therapist_id,
                                        room_id=desk.room_ids[0], service_item_id=desk.facial_id)
    later = services.appointments.book(admin, desk.client2_id, at(15), duration_min=30)
    services.appointments.book(admin, desk.client2_id, at(15, days=1), duration_min=30)
    assert [a.id for a in services.visits.board(admin).expected] == [booked.id, later.id]

    visit_id = services.visits.check_in(admin, CheckIn(desk.client_id,
                                                       appointment_id=booked.id))
    board = services.visits.board(admin)
    assert [a.id for a in board.expected] == [later.id]
    [row] = board.in_service  # room and therapist came from the appointment
    assert (row.visit_id, row.kind, row.room_name, row.therapist_name, row.services) == (
        visit_id, VisitKind.APPOINTMENT, "牡丹厅", "美丽", ("面部深层清洁",))
    with db.read() as s:
        appointment = s.get(Appointment, booked.id)
        assert appointment is not None
        assert (appointment.status, appointment.visit_id) == (AppointmentStatus.ARRIVED,
                                                              visit_id)


def test_flags_travel_with_the_board_rows(services: Services, admin: Actor, desk: Desk) -> None:
    special = services.clients.register(admin, NewClient(
        "赵敏", "13900003333", visitor_class=VisitorClass.SPECIAL, allergies="对精油敏感"))
    services.appointments.book(admin, special.client_id, at(16), duration_min=60)
    services.visits.check_in(admin, CheckIn(desk.client_id))
    board = services.visits.board(admin)
    [expected] = board.expected
    assert expected.visitor_class is VisitorClass.SPECIAL and expected.has_allergy
    [waiting] = board.waiting
    assert not waiting.special_visitor and not waiting.has_allergy

    services.visits.check_in(admin, CheckIn(special.client_id))
    flagged = [v for v in services.visits.board(admin).waiting if v.special_visitor]
    assert [(v.client_name, v.has_allergy, v.allergies) for v in flagged] == [
        ("赵敏", True, "对精油敏感")]


def test_cancelling_a_visit_in_service_sends_the_room_to_cleaning(
        services: Services, admin: Actor, desk: Desk, db: Database) -> None:
    visit_id = services.visits.check_in(admin, in_room(desk))
    services.visits.cancel_visit(admin, visit_id)
    with db.read() as s:
        visit, room = s.get(Visit, visit_id), s.get(Room, desk.room_ids[0])
        assert visit is not None and room is not None
        assert (visit.status, room.state) == (VisitStatus.CANCELLED, RoomState.CLEANING)
    with pytest.raises(ConflictError):
        services.visits.finish(admin, visit_id)
    assert services.visits.board(admin).in_service == ()


BAD_CHECK_INS = [
    ({"kind": VisitKind.APPOINTMENT}, "appointment_id"),
    ({"kind": "drive_by"}, "kind"),
    ({"appointment_id": 9999}, "appointment_id"),
    ({"client_id": 9999}, "client_id"),
    ({"service_item_ids": (9999,)}, "service_item_id"),
    ({"service_item_ids": ("面部",)}, "service_item_ids"),
    ({"therapist_id": 9999}, "therapist_id"),
    ({"consultant_id": 9999}, "consultant_id"),
    ({"room_id": 9999}, "room_id"),
    ({"purpose": "x" * 256}, "purpose"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_CHECK_INS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD_CHECK_INS)])
def test_bad_check_ins_name_the_field_and_write_nothing(services: Services, admin: Actor,
                                                        desk: Desk, db: Database,
                                                        changes: dict[str, Any],
                                                        field: str) -> None:
    before = snapshot(db)
    with pytest.raises((ValidationError, NotFound)) as caught:
        services.visits.check_in(admin, dataclasses.replace(CheckIn(desk.client_id), **changes))
    assert caught.value.field == field
    assert snapshot(db) == before


def test_someone_elses_appointment_cannot_be_used(services: Services, admin: Actor,
                                                  desk: Desk, db: Database) -> None:
    theirs = services.appointments.book(admin, desk.client2_id, at(11), duration_min=30)
    before = snapshot(db)
    with pytest.raises(NotFound):
        services.visits.check_in(admin, CheckIn(desk.client_id, appointment_id=theirs.id))
    assert snapshot(db) == before


def test_board_counts_planned_services_once_and_closed_visits(services: Services, admin: Actor,
                                                              desk: Desk, db: Database) -> None:
    visit_id = services.visits.check_in(admin, CheckIn(
        desk.client_id, service_item_ids=(desk.massage_id, desk.facial_id)))
    with db.read() as s:
        planned = list(s.scalars(select(PlannedService.service_item_id)
                                 .where(PlannedService.visit_id == visit_id)
                                 .order_by(PlannedService.position)))
    assert planned == [desk.massage_id, desk.facial_id]
    board = services.visits.board(admin)
    assert board.closed_count == 0 and board.day.isoformat() == "2026-11-23"


def test_start_service_checks_the_room_too(services: Services, admin: Actor, desk: Desk,
                                           db: Database) -> None:
    services.visits.check_in(admin, in_room(desk))
    waiting = services.visits.check_in(admin, CheckIn(desk.client2_id))
    before = snapshot(db)
    with pytest.raises(RoomUnavailable):
        services.visits.start_service(admin, waiting, desk.room_ids[0], desk.therapist2_id)
    with pytest.raises(NotFound) as caught:
        services.visits.start_service(admin, waiting, desk.room_ids[1], 9999)
    assert caught.value.field == "therapist_id"
    assert snapshot(db) == before
    services.visits.start_service(admin, waiting, desk.room_ids[0], desk.therapist2_id,
                                  allow_busy_room=True)
    assert len(services.visits.board(admin).in_service) == 2


def test_a_therapist_sees_the_board_but_does_not_check_in(services: Services, admin: Actor,
                                                          desk: Desk, db: Database) -> None:
    therapist = staff_actor(services, admin, "ameng", Role.THERAPIST)
    services.visits.check_in(admin, CheckIn(desk.client_id))
    assert len(services.visits.board(therapist).waiting) == 1
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        services.visits.check_in(therapist, CheckIn(desk.client2_id))
    assert snapshot(db) == before
