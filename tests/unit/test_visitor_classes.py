"""Visitor classes that act: who is told at check-in, notices, a special visitor's notes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Visit
from frontdesk.models.visitors import StaffNotice, VisitorNoteKind
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visitors import VisitorService
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.concurrency import Background, PauseBefore, at_once, wait_until_blocked
from tests.conftest import NOW, FakeClock
from tests.unit.test_clients import snapshot, staff_actor


@pytest.fixture
def staff(services: Services, admin: Actor) -> dict[str, Actor]:
    return {"manager": staff_actor(services, admin, "dianzhang", Role.MANAGER),
            "desk": staff_actor(services, admin, "qiantai", Role.RECEPTIONIST)}


def client(services: Services, admin: Actor, visitor_class: VisitorClass,
           phone: str = "13900004444") -> int:
    return services.clients.register(admin, NewClient(
        "周总", phone, visitor_class=visitor_class)).client_id


@pytest.fixture
def second(db: Database, clock: FakeClock, tmp_path) -> Iterator[Services]:
    other = Database(db.url)
    yield Services(other, clock, photos_dir=tmp_path / "photos2")
    other.dispose()


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("visitor_class", [VisitorClass.IMPORTANT, VisitorClass.GUEST,
                                           VisitorClass.SPECIAL])
def test_an_announced_visitors_check_in_tells_the_manager(
        services: Services, admin: Actor, staff: dict[str, Actor],
        visitor_class: VisitorClass) -> None:
    client_id = client(services, admin, visitor_class)
    assert services.visitors.receiver_names(staff["desk"]) == ("Dianzhang",)
    assert services.visits.board(staff["desk"]).receivers == ("Dianzhang",)
    visit_id = services.visits.check_in(staff["desk"], CheckIn(client_id))
    [notice] = services.visitors.notices(staff["manager"])
    assert (notice.client_id, notice.client_name, notice.visitor_class, notice.at,
            notice.sent_by) == (client_id, "周总", visitor_class, NOW, "Qiantai")
    assert services.visitors.notices(staff["desk"]) == ()
    assert services.visitors.notices(admin) == ()  # a manager receives; the admin is not told
    with services.db.read() as s:
        assert s.scalar(select(StaffNotice.visit_id)) == visit_id


def test_a_general_visitor_tells_nobody_and_the_manager_checking_in_is_not_told(
        services: Services, admin: Actor, staff: dict[str, Actor], db: Database) -> None:
    services.visits.check_in(staff["desk"], CheckIn(client(services, admin,
                                                           VisitorClass.GENERAL)))
    important = client(services, admin, VisitorClass.IMPORTANT, "13900005555")
    services.visits.check_in(staff["manager"], CheckIn(important))
    assert count(db, StaffNotice) == 0


def test_without_a_manager_the_admins_are_told(services: Services, admin: Actor) -> None:
    desk = staff_actor(services, admin, "qiantai", Role.RECEPTIONIST)
    services.visits.check_in(desk, CheckIn(client(services, admin, VisitorClass.GUEST)))
    assert [n.client_name for n in services.visitors.notices(admin)] == ["周总"]


def test_a_refused_check_in_tells_nobody(services: Services, admin: Actor,
                                         staff: dict[str, Actor], db: Database) -> None:
    client_id = client(services, admin, VisitorClass.IMPORTANT)
    with pytest.raises(NotFound):
        services.visits.check_in(staff["desk"], CheckIn(client_id, room_id=999))
    assert count(db, StaffNotice) == 0


def test_two_terminals_checking_one_important_client_in_tell_the_manager_once(
        services: Services, second: Services, admin: Actor, staff: dict[str, Actor],
        db: Database) -> None:
    client_id = client(services, admin, VisitorClass.IMPORTANT)
    results = at_once(lambda: services.visits.check_in(staff["desk"], CheckIn(client_id)),
                      lambda: second.visits.check_in(staff["desk"], CheckIn(client_id)))
    assert sorted(type(r).__name__ for r in results) == ["ConflictError", "int"]
    assert count(db, Visit) == 1 and count(db, StaffNotice) == 1


def test_a_notice_is_marked_seen_once_even_from_two_terminals(
        services: Services, second: Services, admin: Actor, staff: dict[str, Actor],
        db: Database) -> None:
    services.visits.check_in(staff["desk"], CheckIn(client(services, admin,
                                                           VisitorClass.IMPORTANT)))
    [notice] = services.visitors.notices(staff["manager"])
    with pytest.raises(NotFound):
        services.visitors.mark_seen(staff["desk"], notice.id)  # not hers
    pause = PauseBefore(second.db, "UPDATE staff_notice")
    theirs = Background(lambda: second.visitors.mark_seen(staff["manager"], notice.id))
    pause.wait()
    ours = Background(lambda: services.visitors.mark_seen(staff["manager"], notice.id))
    wait_until_blocked(db, ours)
    pause.release()
    assert sorted([theirs.result(), ours.result()]) == [False, True]
    assert services.visitors.notices(staff["manager"]) == ()


def test_a_special_visitors_reason_and_incidents_are_kept_and_read_by_managers(
        services: Services, admin: Actor, staff: dict[str, Actor], clock: FakeClock,
        db: Database) -> None:
    client_id = client(services, admin, VisitorClass.SPECIAL)
    add = services.visitors.add_note
    add(staff["desk"], client_id, "reason", "多次无理取闹")
    clock.advance(days=3)
    add(staff["desk"], client_id, "incident", "在前台大声争吵，劝说后离开")
    clock.advance(minutes=5)
    add(staff["manager"], client_id, "reason", "2026年多次滋事")
    notes = services.visitors.notes(staff["manager"], client_id)
    assert notes.reason is not None
    assert (notes.reason.text, notes.reason.by) == ("2026年多次滋事", "Dianzhang")
    [incident] = notes.incidents
    assert (incident.kind, incident.by, incident.text) == (
        VisitorNoteKind.INCIDENT, "Qiantai", "在前台大声争吵，劝说后离开")
    with pytest.raises(PermissionDenied):
        services.visitors.notes(staff["desk"], client_id)
    with db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(
            AuditEntry.action.in_(["visitor.note_add", "visitor.notes_view"]))
            .order_by(AuditEntry.id))]
    assert actions == ["visitor.note_add"] * 3 + ["visitor.notes_view"]


@pytest.mark.parametrize(("kind", "text", "field"), [
    ("warning", "x", "kind"), ("incident", "   ", "text"), ("incident", "a\x07b", "text"),
    ("reason", "长" * 2001, "text")])
def test_bad_notes_name_their_field_and_write_nothing(
        services: Services, admin: Actor, db: Database, kind: str, text: str,
        field: str) -> None:
    client_id = client(services, admin, VisitorClass.SPECIAL)
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.visitors.add_note(admin, client_id, kind, text)
    assert caught.value.field == field
    assert snapshot(db) == before


def test_a_note_on_a_client_who_is_not_special_is_refused(
        services: Services, admin: Actor, db: Database) -> None:
    client_id = client(services, admin, VisitorClass.IMPORTANT)
    before = snapshot(db)
    with pytest.raises(ConflictError) as caught:
        services.visitors.add_note(admin, client_id, "incident", "吵闹")
    assert caught.value.field == "visitor_class"
    assert snapshot(db) == before


def test_two_terminals_writing_notes_at_once_keep_both(
        services: Services, second: Services, admin: Actor, db: Database) -> None:
    client_id = client(services, admin, VisitorClass.SPECIAL)
    results = at_once(lambda: services.visitors.add_note(admin, client_id, "incident", "一"),
                      lambda: second.visitors.add_note(admin, client_id, "incident", "二"))
    assert all(not isinstance(r, Exception) for r in results), results
    texts = sorted(i.text for i in VisitorService(db, services.clock)
                   .notes(admin, client_id).incidents)
    assert texts == ["一", "二"]
