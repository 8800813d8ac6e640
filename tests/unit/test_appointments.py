"""Appointments: booking, double-booking refusal and override, moves, cancels, no-shows, races."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.models.appointment import Appointment, AppointmentStatus
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.appointments import AppointmentRow, SlotTaken
from frontdesk.services.registry import Services
from tests.conftest import FakeClock
from tests.unit.test_clients import snapshot

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0, days: int = 0) -> dt.datetime:
    """A local time on the test's day (2026-11-23, where the clock says 10:30)."""
    return dt.datetime(2026, 11, 23 + days, hour, minute, tzinfo=SHANGHAI)


@dataclass(frozen=True)
class Desk:
    """A small store: two therapists, a consultant, two rooms, two services and a product."""

    therapist_id: int
    therapist2_id: int
    consultant_id: int
    room_ids: tuple[int, int]
    facial_id: int
    massage_id: int
    cream_id: int
    client_id: int
    client2_id: int


def make_desk(services: Services, admin: Actor) -> Desk:
    add_staff, catalog = services.staff.add_staff, services.catalog
    therapist = add_staff(admin, "meili", "美丽", Role.THERAPIST, None)
    therapist2 = add_staff(admin, "xiaohong", "小红", Role.THERAPIST, None)
    consultant = add_staff(admin, "guwen", "陈顾问", Role.CONSULTANT, None)
    rooms = (catalog.add_room(admin, "牡丹厅").id, catalog.add_room(admin, "兰花厅").id)
    facial = catalog.add_service_item(admin, "面部深层清洁", 38000, 60, "面部")
    massage = catalog.add_service_item(admin, "肩颈经络", 26800, 90, "身体")
    cream = catalog.add_product(admin, "保湿面霜", 15800, "护肤品")
    one = services.clients.register(admin, NewClient("王芳", "13900001111"))
    two = services.clients.register(admin, NewClient("李娜", "13900002222"))
    return Desk(therapist.id, therapist2.id, consultant.id, rooms, facial.id, massage.id,
                cream.id, one.client_id, two.client_id)


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


def book(services: Services, admin: Actor, client_id: int, start: dt.datetime,
         **kw: Any) -> AppointmentRow:
    return services.appointments.book(admin, client_id, start, **kw)


def test_book_takes_the_service_duration(services: Services, admin: Actor, desk: Desk,
                                         db: Database) -> None:
    row = book(services, admin, desk.client_id, at(14), staff_id=desk.therapist_id,
               room_id=desk.room_ids[0], service_item_id=desk.massage_id, note=" 怕痛 ")
    assert (row.starts_at, row.ends_at) == (at(14), at(15, 30))
    assert (row.client_name, row.staff_name, row.room_name, row.service_name) == (
        "王芳", "美丽", "牡丹厅", "肩颈经络")
    assert (row.status, row.note, row.overlap_overridden) == (
        AppointmentStatus.BOOKED, "怕痛", False)
    assert [r.id for r in services.appointments.day(admin, dt.date(2026, 11, 23))] == [row.id]
    assert services.appointments.day(admin, dt.date(2026, 11, 24)) == []
    with db.read() as s:
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.entity == "appointment")) \
            == "appointment.book"


@pytest.mark.parametrize("resource", ["staff_id", "room_id"])
def test_double_booking_is_refused(services: Services, admin: Actor, desk: Desk,
                                   db: Database, resource: str) -> None:
    ids = {"staff_id": desk.therapist_id, "room_id": desk.room_ids[0]}
    first = book(services, admin, desk.client_id, at(14), duration_min=60,
                 **{resource: ids[resource]})
    before = snapshot(db)
    with pytest.raises(SlotTaken) as caught:
        book(services, admin, desk.client2_id, at(14, 30), duration_min=60,
             **{resource: ids[resource]})
    error = caught.value
    assert error.field == resource and error.appointment_id == first.id
    assert error.params["who"] == {"staff_id": "美丽", "room_id": "牡丹厅"}[resource]
    assert (error.params["start"], error.params["end"]) == ("14:00", "15:00")
    assert snapshot(db) == before


def test_back_to_back_and_other_therapists_are_fine(services: Services, admin: Actor,
                                                    desk: Desk) -> None:
    book(services, admin, desk.client_id, at(14), duration_min=60, staff_id=desk.therapist_id)
    book(services, admin, desk.client2_id, at(15), duration_min=60, staff_id=desk.therapist_id)
    book(services, admin, desk.client2_id, at(13), duration_min=60, staff_id=desk.therapist_id)
    book(services, admin, desk.client2_id, at(14), duration_min=60,
         staff_id=desk.therapist2_id)
    assert len(services.appointments.day(admin, dt.date(2026, 11, 23))) == 4


def test_overlap_can_be_allowed_and_is_audited(services: Services, admin: Actor, desk: Desk,
                                               db: Database) -> None:
    book(services, admin, desk.client_id, at(14), duration_min=60, staff_id=desk.therapist_id)
    row = book(services, admin, desk.client2_id, at(14), duration_min=30,
               staff_id=desk.therapist_id, allow_overlap=True)
    assert row.overlap_overridden
    with db.read() as s:
        overrides = list(s.scalars(select(AuditEntry.entity_id)
                                   .where(AuditEntry.action == "appointment.overlap_override")))
    assert overrides == [row.id]


def test_a_cancelled_booking_frees_its_slot(services: Services, admin: Actor,
                                            desk: Desk) -> None:
    first = book(services, admin, desk.client_id, at(14), duration_min=60,
                 staff_id=desk.therapist_id)
    services.appointments.cancel(admin, first.id, "客户改期")
    again = book(services, admin, desk.client2_id, at(14), duration_min=60,
                 staff_id=desk.therapist_id)
    assert not again.overlap_overridden
    with pytest.raises(ConflictError):
        services.appointments.cancel(admin, first.id)


def test_move_checks_the_new_slot_but_not_itself(services: Services, admin: Actor, desk: Desk,
                                                 db: Database) -> None:
    mine = book(services, admin, desk.client_id, at(14), duration_min=60,
                staff_id=desk.therapist_id)
    book(services, admin, desk.client2_id, at(16), duration_min=60,
         staff_id=desk.therapist_id)
    moved = services.appointments.move(admin, mine.id, at(14, 30),
                                       staff_id=desk.therapist_id, room_id=desk.room_ids[1])
    assert (moved.starts_at, moved.ends_at, moved.room_name) == (at(14, 30), at(15, 30), "兰花厅")
    before = snapshot(db)
    with pytest.raises(SlotTaken):
        services.appointments.move(admin, mine.id, at(15, 30), staff_id=desk.therapist_id,
                                   room_id=None)
    assert snapshot(db) == before
    forced = services.appointments.move(admin, mine.id, at(15, 30),
                                        staff_id=desk.therapist_id, room_id=None,
                                        allow_overlap=True)
    assert forced.overlap_overridden and forced.room_id is None


def test_no_show_only_after_the_start(services: Services, admin: Actor, desk: Desk,
                                      clock: FakeClock, db: Database) -> None:
    row = book(services, admin, desk.client_id, at(11), duration_min=60)
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.appointments.mark_no_show(admin, row.id)
    assert caught.value.params["start"] == "11:00"
    assert snapshot(db) == before
    clock.advance(minutes=31)
    services.appointments.mark_no_show(admin, row.id)
    [listed] = services.appointments.day(admin, dt.date(2026, 11, 23))
    assert listed.status is AppointmentStatus.NO_SHOW


BAD_BOOKINGS = [
    ({"starts_at": dt.datetime(2026, 11, 23, 14)}, "starts_at"),  # naive
    ({"starts_at": at(10, 29)}, "starts_at"),  # a minute ago
    ({"starts_at": at(9, 0, days=-1)}, "starts_at"),  # yesterday
    ({"duration_min": None}, "duration_min"),  # no duration and no service
    ({"duration_min": 0}, "duration_min"),
    ({"duration_min": 721}, "duration_min"),
    ({"staff_id": 9999}, "staff_id"),
    ({"room_id": 9999}, "room_id"),
    ({"service_item_id": 9999}, "service_item_id"),
    ({"client_id": 9999}, "client_id"),
    ({"note": "x" * 501}, "note"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_BOOKINGS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD_BOOKINGS)])
def test_bad_bookings_name_the_field_and_write_nothing(services: Services, admin: Actor,
                                                       desk: Desk, db: Database,
                                                       changes: dict[str, Any],
                                                       field: str) -> None:
    args: dict[str, Any] = {"client_id": desk.client_id, "starts_at": at(14),
                            "duration_min": 60, **changes}
    before = snapshot(db)
    with pytest.raises((ValidationError, NotFound)) as caught:
        services.appointments.book(admin, args.pop("client_id"), args.pop("starts_at"), **args)
    assert caught.value.field == field
    assert snapshot(db) == before


def test_a_start_in_the_current_minute_is_booked_and_a_moved_one_may_not_go_back(
        services: Services, admin: Actor, desk: Desk, clock: FakeClock) -> None:
    clock.advance(seconds=59)  # 10:30:59: 10:30 is this minute, not the past
    row = book(services, admin, desk.client_id, at(10, 30), duration_min=45)
    assert (row.starts_at, row.ends_at) == (at(10, 30), at(11, 15))
    with pytest.raises(ValidationError) as caught:
        services.appointments.move(admin, row.id, at(10, 29), staff_id=None, room_id=None)
    assert (caught.value.field, caught.value.message) == ("starts_at", "That time has passed.")


@pytest.mark.parametrize("resource", ["staff_id", "room_id"])
def test_two_terminals_racing_for_one_slot(services: Services, admin: Actor, desk: Desk,
                                           db: Database, resource: str) -> None:
    """Each thread books through its own session; exactly one wins, the other hears why."""
    target = {"staff_id": desk.therapist_id, "room_id": desk.room_ids[0]}[resource]
    barrier = threading.Barrier(2, timeout=60)
    results: list[object] = []

    def terminal(client_id: int) -> None:
        barrier.wait()
        try:
            results.append(book(services, admin, client_id, at(14), duration_min=60,
                                **{resource: target}))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion below
            results.append(exc)

    threads = [threading.Thread(target=terminal, args=(c,))
               for c in (desk.client_id, desk.client2_id)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(type(r).__name__ for r in results) == ["AppointmentRow", "SlotTaken"]
    with db.read() as s:
        assert s.scalar(select(func.count(Appointment.id))) == 1
