"""Two terminals on one store: the lock order, derived fields, retries, a lost connection.

Each terminal is its own :class:`Services` over its own :class:`Database` (engine and
connections). One terminal is stopped inside its transaction, holding its locks
(:class:`PauseBefore`); the other starts and, on PostgreSQL, is seen waiting for a
row lock before the first goes on, so the interleaving really happens. On SQLite
the second writer waits for the first at BEGIN IMMEDIATE: the same tests run there.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.core.names import search_keys
from frontdesk.db import Database
from frontdesk.models import (
    AuditEntry,
    Client,
    ClientSearchKey,
    ConsumptionLine,
    Payment,
    Visit,
    VisitStatus,
)
from frontdesk.models.appointment import Appointment
from frontdesk.models.client import visit_seconds
from frontdesk.services.clients.profile import BasicsChanges, ClientBasics
from frontdesk.services.desk.appointments import AppointmentRow
from frontdesk.services.desk.checkout import LineInput, PaymentInput, Receipt
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.concurrency import Background, PauseBefore, wait_until_blocked
from tests.conftest import FakeClock
from tests.unit.test_appointments import Desk, at, make_desk

RAN_AGAIN = "running it again"


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


@pytest.fixture
def second(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[Services]:
    """The other terminal: its own Database (engine, connections) on the same database."""
    other = Database(db.url)
    yield Services(other, clock, photos_dir=tmp_path / "photos")
    other.dispose()


def finished_visit(services: Services, admin: Actor, client_id: int) -> int:
    visit_id = services.visits.check_in(admin, CheckIn(client_id))
    services.visits.finish(admin, visit_id)
    return visit_id


def check_out(services: Services, admin: Actor, desk: Desk, visit_id: int,
              key: str = "k") -> Receipt:
    return services.checkout.check_out(admin, visit_id, [LineInput("service", desk.facial_id)],
                                       [PaymentInput("cash", 38000)], key)


def save_note(services: Services, admin: Actor, loaded: ClientBasics,
              note: str = "靠窗") -> ClientBasics:
    return services.profile.update_basics(admin, loaded.id, loaded.version,
                                          BasicsChanges(note=note), loaded)


def assert_both_booked(db: Database, desk: Desk, visit_id: int, note: str = "靠窗") -> None:
    with db.read() as s:
        client, visit = s.get(Client, desk.client_id), s.get(Visit, visit_id)
        assert client is not None and visit is not None
        assert visit.status is VisitStatus.CLOSED
        assert (client.note, client.last_visit_at) == (note, visit.arrived_at)


def test_a_check_out_while_a_profile_save_holds_the_client_goes_through(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture) -> None:
    """Before: the check-out's ORM update of the last visit bumped the version the save
    had read, and the save reported a conflict of all 13 fields."""
    visit_id = finished_visit(services, admin, desk.client_id)
    loaded = services.profile.profile(admin, desk.client_id).basics
    pause = PauseBefore(second.db, "UPDATE client")
    save = Background(lambda: save_note(second, admin, loaded))
    pause.wait()
    out = Background(lambda: check_out(services, admin, desk, visit_id))
    wait_until_blocked(db, out)
    pause.release()
    assert isinstance(save.result(), ClientBasics), save.result()
    assert isinstance(out.result(), Receipt), out.result()
    assert_both_booked(db, desk, visit_id)
    assert services.profile.profile(admin, desk.client_id).basics.version == loaded.version + 1
    assert RAN_AGAIN not in caplog.text


def test_a_profile_save_while_a_check_out_holds_the_client_goes_through(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture) -> None:
    """Before: the save went through under the check-out, whose update of the last visit
    then raised a raw StaleDataError (a crash dialog at the desk)."""
    visit_id = finished_visit(services, admin, desk.client_id)
    loaded = services.profile.profile(admin, desk.client_id).basics
    pause = PauseBefore(services.db, "UPDATE client")
    out = Background(lambda: check_out(services, admin, desk, visit_id))
    pause.wait()
    save = Background(lambda: save_note(second, admin, loaded))
    wait_until_blocked(db, save)
    pause.release()
    assert isinstance(out.result(), Receipt), out.result()
    assert isinstance(save.result(), ClientBasics), save.result()
    assert_both_booked(db, desk, visit_id)
    assert RAN_AGAIN not in caplog.text


def test_the_last_visit_only_moves_forward(services: Services, admin: Actor, desk: Desk,
                                           db: Database, clock: FakeClock) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    later = clock.now + dt.timedelta(days=1)
    with db.write() as s:  # a later visit on file already (say, imported)
        s.get(Client, desk.client_id).last_visit_at = later  # type: ignore[union-attr]
    check_out(services, admin, desk, visit_id)
    with db.read() as s:
        assert s.scalar(select(Client.last_visit_at).where(Client.id == desk.client_id)) \
            == later
    other = finished_visit(services, admin, desk.client2_id)
    check_out(services, admin, desk, other, "other")
    with db.read() as s:
        assert s.scalar(select(Client.last_visit_at).where(Client.id == desk.client2_id)) \
            == s.scalar(select(Visit.arrived_at).where(Visit.id == other))


def rename(services: Services, admin: Actor, loaded: ClientBasics) -> ClientBasics:
    return services.profile.update_basics(admin, loaded.id, loaded.version,
                                          BasicsChanges(name="李长青"), loaded)


def assert_keys_follow_name_and_visit(db: Database, client_id: int, visit_id: int) -> None:
    """The keys are the new name's, each carrying the visit the check-out recorded."""
    with db.read() as s:
        arrived = s.scalar(select(Visit.arrived_at).where(Visit.id == visit_id))
        rows = s.execute(select(ClientSearchKey.key, ClientSearchKey.grade, ClientSearchKey.seen)
                         .where(ClientSearchKey.client_id == client_id)).all()
        name = s.scalar(select(Client.name).where(Client.id == client_id))
    assert name == "李长青"
    assert {key: grade for key, grade, _ in rows} == search_keys("李长青")
    assert {seen for *_, seen in rows} == {visit_seconds(arrived)}


def test_a_rename_while_a_check_out_holds_the_client_keys_the_new_name_with_the_visit(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    loaded = services.profile.profile(admin, desk.client_id).basics
    pause = PauseBefore(services.db, "UPDATE client_search_key")
    out = Background(lambda: check_out(services, admin, desk, visit_id))
    pause.wait()
    save = Background(lambda: rename(second, admin, loaded))
    wait_until_blocked(db, save)
    pause.release()
    assert isinstance(out.result(), Receipt), out.result()
    assert isinstance(save.result(), ClientBasics), save.result()
    assert_keys_follow_name_and_visit(db, desk.client_id, visit_id)
    assert RAN_AGAIN not in caplog.text


def test_a_check_out_while_a_rename_holds_the_client_moves_the_new_keys_on(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    loaded = services.profile.profile(admin, desk.client_id).basics
    pause = PauseBefore(second.db, "DELETE FROM client_search_key")
    save = Background(lambda: rename(second, admin, loaded))
    pause.wait()
    out = Background(lambda: check_out(services, admin, desk, visit_id))
    wait_until_blocked(db, out)
    pause.release()
    assert isinstance(save.result(), ClientBasics), save.result()
    assert isinstance(out.result(), Receipt), out.result()
    assert_keys_follow_name_and_visit(db, desk.client_id, visit_id)
    assert RAN_AGAIN not in caplog.text


def book_for(services: Services, admin: Actor, desk: Desk) -> AppointmentRow:
    return services.appointments.book(admin, desk.client_id, at(15), duration_min=60,
                                      staff_id=desk.therapist_id, room_id=desk.room_ids[0])


def check_in_with(services: Services, admin: Actor, desk: Desk) -> int:
    return services.visits.check_in(admin, CheckIn(desk.client_id,
                                                   therapist_id=desk.therapist_id))


@pytest.mark.parametrize("first", ["booking", "check-in"])
def test_check_in_and_a_booking_for_one_client_and_therapist_never_deadlock(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture, first: str) -> None:
    """The first is stopped after taking its locks; the second waits for it. Before, a
    booking locked the therapist and then (for the appointment's foreign key) the
    client, a check-in the other way round: "deadlock detected", raw. No retry may be
    what saves it: the log shows none."""
    if first == "booking":
        pause = PauseBefore(services.db, "INSERT INTO appointment")
        held = Background(lambda: book_for(services, admin, desk))
        pause.wait()
        waiting = Background(lambda: check_in_with(second, admin, desk))
    else:
        pause = PauseBefore(services.db, "INSERT INTO visit")
        held = Background(lambda: check_in_with(services, admin, desk))
        pause.wait()
        waiting = Background(lambda: book_for(second, admin, desk))
    wait_until_blocked(db, waiting)
    pause.release()
    results = [held.result(), waiting.result()]
    assert not [r for r in results if isinstance(r, Exception)], results
    with db.read() as s:
        assert s.scalar(select(func.count(Visit.id))) == 1
        assert s.scalar(select(func.count(Appointment.id))) == 1
    assert RAN_AGAIN not in caplog.text


def test_a_check_out_and_a_booking_for_one_client_never_deadlock(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture) -> None:
    """Check-out locks the client before the visit and the room, as booking does."""
    visit_id = services.visits.check_in(admin, CheckIn(
        desk.client_id, therapist_id=desk.therapist_id, room_id=desk.room_ids[0]))
    pause = PauseBefore(services.db, "INSERT INTO consumption_line")
    out = Background(lambda: check_out(services, admin, desk, visit_id))
    pause.wait()
    booking = Background(lambda: book_for(second, admin, desk))
    wait_until_blocked(db, booking)
    pause.release()
    assert isinstance(out.result(), Receipt), out.result()
    assert isinstance(booking.result(), AppointmentRow), booking.result()
    assert RAN_AGAIN not in caplog.text


def test_an_insert_never_waits_behind_a_lock_on_the_row_it_points_to(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        caplog: pytest.LogCaptureFixture) -> None:
    """The manager checks a client out of the peony room while, at another terminal, a
    client goes into that room for a service with the manager as therapist. The check-out
    holds the room; the start holds the manager's staff row and waits for the room. The
    check-out's audit row names the manager (a foreign key): were the staff row locked
    FOR UPDATE, that insert would wait for the start, which waits for the check-out."""
    leaving = services.visits.check_in(admin, CheckIn(
        desk.client_id, therapist_id=desk.therapist_id, room_id=desk.room_ids[0]))
    arriving = services.visits.check_in(admin, CheckIn(desk.client2_id))
    pause = PauseBefore(services.db, "INSERT INTO consumption_line")
    out = Background(lambda: check_out(services, admin, desk, leaving))
    pause.wait()
    start = Background(lambda: second.visits.start_service(
        admin, arriving, desk.room_ids[0], admin.staff_id, allow_busy_room=True))
    wait_until_blocked(db, start)
    pause.release()
    assert isinstance(out.result(), Receipt), out.result()
    assert start.result() is None
    assert RAN_AGAIN not in caplog.text


def test_later_visits_keep_their_last_visit_and_version_apart(
        services: Services, admin: Actor, desk: Desk, clock: FakeClock) -> None:
    """A person's edit after many check-outs still edits against the version it loaded."""
    loaded = services.profile.profile(admin, desk.client_id).basics
    for n in range(3):
        clock.advance(days=1)
        check_out(services, admin, desk, finished_visit(services, admin, desk.client_id),
                  f"day-{n}")
    saved = services.profile.update_basics(admin, desk.client_id, loaded.version,
                                           BasicsChanges(tier="金卡"))
    assert saved.version == loaded.version + 1
    summary = services.clients.get_summary(admin, desk.client_id)
    assert summary.last_visit_at is not None
    assert clock.now - summary.last_visit_at < dt.timedelta(days=1)


def count(db: Database, model: type[object]) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_retried_check_out_books_once(db: Database, services: Services, admin: Actor,
                                        desk: Desk) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    first = check_out(services, admin, desk, visit_id, "same-key")
    again = check_out(services, admin, desk, visit_id, "same-key")
    assert first == again
    assert (count(db, ConsumptionLine), count(db, Payment)) == (1, 1)
    with db.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))
                        .where(AuditEntry.action == "visit.check_out")) == 1


def logged_retries(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno == logging.WARNING and RAN_AGAIN in r.getMessage()]
