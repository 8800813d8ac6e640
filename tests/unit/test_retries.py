"""What runs again when the database undoes a transaction, and what reaches the person.

PostgreSQL faults come from the real server: a trigger raises the SQLSTATE a deadlock
victim or a serialization failure gets (40P01, 40001) for the next few inserts into
a table, and :class:`BackendKiller` ends a terminal's connection from a second
connection (``pg_terminate_backend``), as a server restart does, in the middle of a
service call or just before its COMMIT. SQLite's "database is locked" comes from a
second connection holding the write lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Connection, event, func, select, text

from frontdesk.core.context import Actor, Role
from frontdesk.db import RETRIES, Database, sqlite_path
from frontdesk.errors import StorageError, StorageProblem, classify_storage_error
from frontdesk.models import AuditEntry, Client, ConsumptionLine, Payment, RoomState
from frontdesk.services.clients.profile import BasicsChanges, Preferences
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import Receipt
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from frontdesk.services.store.catalog import CatalogService
from tests.concurrency import BackendKiller
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.unit.test_appointments import Desk, at, make_desk
from tests.unit.test_clients import snapshot
from tests.unit.test_races import RAN_AGAIN, check_out, count, finished_visit, logged_retries

DEADLOCK, SERIALIZATION = "40P01", "40001"


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


@pytest.fixture
def pg(db: Database) -> Database:
    if db.is_sqlite:
        pytest.skip("PostgreSQL only: deadlocks, serialization failures, server restarts")
    return db


class FailingInserts:
    """The next ``times`` inserts into ``table`` fail with ``sqlstate``, raised by the server."""

    SEQUENCE = "frontdesk_test_failures"

    def __init__(self, db: Database, table: str):
        self._db = db
        self._table = table
        with db.engine.begin() as conn:
            conn.execute(text(f"CREATE SEQUENCE {self.SEQUENCE}"))
            self._function(conn, DEADLOCK, 0)
            conn.execute(text(f"CREATE TRIGGER frontdesk_test_fail BEFORE INSERT ON {table} "
                              "FOR EACH ROW EXECUTE FUNCTION frontdesk_test_fail()"))

    @staticmethod
    def _function(conn: Connection, sqlstate: str, times: int) -> None:
        conn.execute(text(
            "CREATE OR REPLACE FUNCTION frontdesk_test_fail() RETURNS trigger AS $$ BEGIN "
            f"IF nextval('{FailingInserts.SEQUENCE}') <= {times} THEN "
            f"RAISE EXCEPTION '测试注入的错误' USING ERRCODE = '{sqlstate}'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"))

    def arm(self, sqlstate: str, times: int) -> None:
        with self._db.engine.begin() as conn:
            self._function(conn, sqlstate, times)
            conn.execute(text(f"SELECT setval('{self.SEQUENCE}', 1, false)"))

    @property
    def attempts(self) -> int:
        """Inserts tried since :meth:`arm`, failed or not."""
        with self._db.engine.connect() as conn:
            row = conn.execute(text(f"SELECT last_value, is_called FROM {self.SEQUENCE}")).one()
        return int(row.last_value) if row.is_called else 0

    def remove(self) -> None:
        with self._db.engine.begin() as conn:
            conn.execute(text(f"DROP TRIGGER frontdesk_test_fail ON {self._table}"))
            conn.execute(text("DROP FUNCTION frontdesk_test_fail()"))
            conn.execute(text(f"DROP SEQUENCE {self.SEQUENCE}"))


@pytest.fixture
def failing_audit(pg: Database, desk: Desk) -> Iterator[FailingInserts]:
    """Every writing service records an audit row, so this reaches every unit of work."""
    failures = FailingInserts(pg, "audit_entry")
    yield failures
    failures.remove()


@pytest.fixture
def failing_checkout_key(pg: Database, desk: Desk) -> Iterator[FailingInserts]:
    failures = FailingInserts(pg, "checkout_key")
    yield failures
    failures.remove()


def audited(db: Database, action: str) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == action)) or 0


Act = Callable[[], object]


def _prepared(services: Services, admin: Actor, desk: Desk, what: str) -> Act:
    """Set ``what`` up; the call to make (with the failures armed)."""
    sv, cid = services, desk.client_id
    loaded = sv.profile.profile(admin, cid)
    simple: dict[str, Act] = {
        "client.create": lambda: sv.clients.register(admin, NewClient("赵敏", "13600136000")),
        "client.update": lambda: sv.profile.update_basics(
            admin, cid, loaded.basics.version, BasicsChanges(note="靠窗"), loaded.basics),
        "client.preferences": lambda: sv.profile.set_preferences(
            admin, cid, Preferences(tags=("怕冷",)), loaded=loaded.preferences),
        "client.confirm_basics": lambda: sv.profile.confirm_basics(admin, cid),
        "appointment.book": lambda: sv.appointments.book(
            admin, cid, at(15), duration_min=60, staff_id=desk.therapist_id),
        "visit.check_in": lambda: sv.visits.check_in(admin, CheckIn(cid)),
        "room.create": lambda: sv.catalog.add_room(admin, "梅花厅"),
        "room.state": lambda: sv.catalog.set_room_state(admin, desk.room_ids[1],
                                                        RoomState.OUT_OF_SERVICE),
        "service_item.create": lambda: sv.catalog.add_service_item(admin, "头疗", 9900),
        "product.create": lambda: sv.catalog.add_product(admin, "精油", 19900),
        "staff.created": lambda: sv.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST,
                                                    None),
        "setting.changed": lambda: sv.store.set_idle_lock_minutes(admin, 5),
        "auth.sign_in": lambda: sv.auth.sign_in("admin", ADMIN_PASSWORD),
        "auth.password_changed": lambda: sv.auth.change_password(admin, ADMIN_PASSWORD,
                                                                 "another-horse-7"),
    }
    if what in simple:
        return simple[what]
    return _with_history(sv, admin, desk, what)


def _with_history(sv: Services, admin: Actor, desk: Desk, what: str) -> Act:
    """Calls that need a booking or a visit first."""
    cid = desk.client_id
    if what.startswith("appointment."):
        booked = sv.appointments.book(admin, cid, at(11), duration_min=60)
        return {"appointment.move": lambda: sv.appointments.move(
                    admin, booked.id, at(16), staff_id=None, room_id=None),
                "appointment.cancel": lambda: sv.appointments.cancel(admin, booked.id)}[what]
    visit_id = sv.visits.check_in(admin, CheckIn(cid))
    calls: dict[str, Act] = {
        "visit.start": lambda: sv.visits.start_service(admin, visit_id, desk.room_ids[0],
                                                       desk.therapist_id),
        "visit.finish": lambda: sv.visits.finish(admin, visit_id),
        "visit.cancel": lambda: sv.visits.cancel_visit(admin, visit_id),
        "visit.check_out": lambda: check_out(sv, admin, desk, visit_id),
        "room.ready": lambda: sv.visits.mark_room_ready(admin, desk.room_ids[0]),
    }
    if what in ("visit.check_out", "room.ready"):
        sv.visits.start_service(admin, visit_id, desk.room_ids[0], desk.therapist_id)
        sv.visits.finish(admin, visit_id)
    return calls[what]


WRITES = ["client.create", "client.update", "client.preferences", "client.confirm_basics",
          "appointment.book", "appointment.move", "appointment.cancel", "visit.check_in",
          "visit.start", "visit.finish", "visit.cancel", "visit.check_out", "room.ready",
          "room.create", "room.state", "service_item.create", "product.create",
          "staff.created", "setting.changed", "auth.sign_in", "auth.password_changed"]


@pytest.mark.parametrize("what", WRITES)
def test_every_writing_service_runs_again_after_a_deadlock_and_writes_once(
        pg: Database, services: Services, admin: Actor, desk: Desk,
        failing_audit: FailingInserts, caplog: pytest.LogCaptureFixture, what: str) -> None:
    act = _prepared(services, admin, desk, what)
    before = audited(pg, what)
    failing_audit.arm(DEADLOCK, times=1)
    act()
    assert audited(pg, what) == before + 1
    assert len(logged_retries(caplog)) == 1, caplog.text


def test_a_check_out_that_lost_two_deadlocks_books_once(
        pg: Database, services: Services, admin: Actor, desk: Desk,
        failing_checkout_key: FailingInserts, caplog: pytest.LogCaptureFixture) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    failing_checkout_key.arm(DEADLOCK, times=2)
    receipt = check_out(services, admin, desk, visit_id, "twice-undone")
    assert isinstance(receipt, Receipt) and receipt.total_fen == 38000
    assert failing_checkout_key.attempts == 3
    assert (count(pg, ConsumptionLine), count(pg, Payment)) == (1, 1)
    assert audited(pg, "visit.check_out") == 1
    assert len(logged_retries(caplog)) == 2
    assert check_out(services, admin, desk, visit_id, "twice-undone") == receipt


def test_contention_that_outlasts_the_retries_is_a_busy_storage_error(
        pg: Database, services: Services, admin: Actor, desk: Desk,
        failing_checkout_key: FailingInserts) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    before = snapshot(pg)
    failing_checkout_key.arm(SERIALIZATION, times=1000)
    with pytest.raises(StorageError) as caught:
        check_out(services, admin, desk, visit_id)
    assert caught.value.problem is StorageProblem.BUSY and caught.value.rolled_back
    assert failing_checkout_key.attempts == 4  # the first, and 3 runs again
    assert RETRIES[StorageProblem.BUSY] == 3  # as the README says
    assert snapshot(pg) == before


def test_a_unit_of_work_inside_another_is_not_run_again_on_its_own(
        pg: Database, services: Services, admin: Actor, failing_audit: FailingInserts) -> None:
    """Changing a password signs in first (a unit of work of its own): the retries are the
    outer one's, 4 runs in all, not 4 of the sign-in in each of 4 runs."""
    failing_audit.arm(SERIALIZATION, times=1000)
    with pytest.raises(StorageError) as caught:
        services.auth.change_password(admin, ADMIN_PASSWORD, "another-horse-7")
    assert caught.value.problem is StorageProblem.BUSY
    assert failing_audit.attempts == 4


def test_sqlite_locked_past_its_busy_timeout_runs_again_once(
        sqlite_db: Database, clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    actor = Services(sqlite_db, clock, photos_dir=path.parent).store.initialise(
        "店", "admin", "管理员", ADMIN_PASSWORD)
    impatient = Database(sqlite_db.url)
    event.listen(impatient.engine, "connect",
                 lambda dbapi_conn, _rec: dbapi_conn.execute("PRAGMA busy_timeout=50"))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as caught:
            CatalogService(impatient, clock).add_room(actor, "梅花厅")
        assert caught.value.problem is StorageProblem.LOCKED
        assert caplog.text.count(RAN_AGAIN) == RETRIES[StorageProblem.LOCKED] == 1
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        impatient.dispose()


@pytest.fixture
def killer(pg: Database, services: Services, desk: Desk) -> Iterator[BackendKiller]:
    """Ends the desk terminal's connections from an administrator's connection."""
    admin_db = Database(pg.url)
    yield BackendKiller(services.db, admin_db)
    admin_db.dispose()


def note_of(db: Database, client_id: int) -> str:
    with db.read() as s:
        return s.scalar(select(Client.note).where(Client.id == client_id)) or ""


def test_a_write_whose_connection_ends_before_commit_runs_again_once(
        pg: Database, services: Services, admin: Actor, desk: Desk, killer: BackendKiller,
        caplog: pytest.LogCaptureFixture) -> None:
    loaded = services.profile.profile(admin, desk.client_id).basics
    killer.arm(sql="UPDATE client")
    saved = services.profile.update_basics(admin, desk.client_id, loaded.version,
                                           BasicsChanges(note="靠窗"), loaded)
    assert killer.kills == 1 and saved.note == "靠窗"
    assert saved.version == loaded.version + 1
    assert audited(pg, "client.update") == 1
    assert logged_retries(caplog) \
        == ["ProfileService.update_basics: unreachable; running it again (1)"]


def test_a_check_out_whose_connection_ends_half_way_books_once(
        pg: Database, services: Services, admin: Actor, desk: Desk,
        killer: BackendKiller) -> None:
    visit_id = finished_visit(services, admin, desk.client_id)
    killer.arm(sql="INSERT INTO payment")
    receipt = check_out(services, admin, desk, visit_id)
    assert killer.kills == 1 and receipt.total_fen == 38000
    assert (count(pg, ConsumptionLine), count(pg, Payment)) == (1, 1)


def test_a_read_whose_connection_ends_runs_again(
        services: Services, admin: Actor, desk: Desk, killer: BackendKiller) -> None:
    killer.arm(sql="SELECT client")
    profile = services.profile.profile(admin, desk.client_id)
    assert killer.kills == 1 and profile.basics.name == "王芳"


def test_a_connection_lost_at_commit_is_unreachable_and_not_run_again(
        pg: Database, services: Services, admin: Actor, desk: Desk, killer: BackendKiller,
        caplog: pytest.LogCaptureFixture) -> None:
    """Was it saved? The program cannot know, so it says so and does not guess."""
    loaded = services.profile.profile(admin, desk.client_id).basics
    killer.arm(at_commit=True)
    with pytest.raises(StorageError) as caught:
        services.profile.update_basics(admin, desk.client_id, loaded.version,
                                       BasicsChanges(note="靠窗"), loaded)
    assert caught.value.problem is StorageProblem.UNREACHABLE
    assert not caught.value.rolled_back
    assert killer.kills == 1 and RAN_AGAIN not in caplog.text
    assert note_of(pg, desk.client_id) == ""  # ended before COMMIT reached the server


def test_a_connection_that_ends_again_is_shown_as_unreachable(
        pg: Database, services: Services, admin: Actor, desk: Desk,
        killer: BackendKiller) -> None:
    loaded = services.profile.profile(admin, desk.client_id).basics
    before = snapshot(pg)
    killer.arm(sql="UPDATE client", times=2)
    with pytest.raises(StorageError) as caught:
        services.profile.update_basics(admin, desk.client_id, loaded.version,
                                       BasicsChanges(note="靠窗"), loaded)
    assert caught.value.problem is StorageProblem.UNREACHABLE and caught.value.rolled_back
    assert killer.kills == 2  # the first, and once again
    assert snapshot(pg) == before
    assert services.profile.profile(admin, desk.client_id).basics.note == ""  # usable again


@pytest.mark.parametrize(("sqlstate", "problem"), [
    ("57P01", StorageProblem.UNREACHABLE), (DEADLOCK, StorageProblem.BUSY)])
def test_problems_are_told_by_their_code_whatever_the_servers_language(
        pg: Database, services: Services, admin: Actor, desk: Desk,
        failing_audit: FailingInserts, caplog: pytest.LogCaptureFixture, sqlstate: str,
        problem: StorageProblem) -> None:
    """A server set up in Chinese words its messages in Chinese; the SQLSTATE stays."""
    failing_audit.arm(sqlstate, times=1)
    services.profile.confirm_basics(admin, desk.client_id)
    assert logged_retries(caplog) == [
        f"ProfileService.confirm_basics: {problem.value}; running it again (1)"]


def test_messages_of_contention_and_a_restart_are_storage_problems() -> None:
    assert classify_storage_error("deadlock detected") is StorageProblem.BUSY
    assert classify_storage_error("could not serialize access due to concurrent update") \
        is StorageProblem.BUSY
    assert classify_storage_error("terminating connection due to administrator command") \
        is StorageProblem.UNREACHABLE
