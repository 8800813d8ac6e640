"""Health consent recorded where it is needed (the consultation form), on real databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Client
from frontdesk.services.clients.profile import ClientBasics, ProfileService
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.health.form import ConsultationForm
from frontdesk.services.registry import Services
from tests.concurrency import Background, PauseBefore, wait_until_blocked
from tests.conftest import NOW, FakeClock
from tests.unit.test_clients import snapshot, staff_actor


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    return services.clients.register(admin, NewClient("林静", "13900003333")).client_id


@pytest.fixture
def other_terminal(db: Database, clock: FakeClock) -> Iterator[tuple[Database, ProfileService]]:
    second = Database(db.url)
    yield second, ProfileService(second, clock)
    second.dispose()


def consent_entries(db: Database) -> list[str]:
    with db.read() as s:
        return [e.detail for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "client.update").order_by(AuditEntry.id))]


def test_a_consultant_records_the_consent_and_may_then_save_a_record(
        services: Services, admin: Actor, client_id: int, db: Database) -> None:
    consultant = staff_actor(services, admin, "guwen", Role.CONSULTANT)
    before = services.profile.profile(admin, client_id).basics
    basics = services.profile.record_health_consent(consultant, client_id, "consultation")
    assert isinstance(basics, ClientBasics)
    assert (basics.consent_health, basics.consent_health_at) == (True, NOW)
    assert basics.version == before.version + 1
    assert consent_entries(db) == ["fields=consent_health via=consultation"]
    assert services.consultation.save(consultant, client_id, ConsultationForm(notes="初诊"))


def test_consent_on_record_already_changes_nothing(services: Services, admin: Actor,
                                                    client_id: int, db: Database,
                                                    clock: FakeClock) -> None:
    services.profile.record_health_consent(admin, client_id, "consultation")
    clock.advance(minutes=5)
    before = snapshot(db)
    basics = services.profile.record_health_consent(admin, client_id, "consultation")
    assert basics.consent_health_at == NOW
    assert snapshot(db) == before


def test_a_therapist_may_not_record_it_and_bad_input_writes_nothing(
        services: Services, admin: Actor, client_id: int, db: Database) -> None:
    therapist = staff_actor(services, admin, "jishi", Role.THERAPIST)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        services.profile.record_health_consent(therapist, client_id, "consultation")
    with pytest.raises(ValidationError) as caught:
        services.profile.record_health_consent(admin, client_id, "x\ny")
    assert caught.value.field == "via"
    with pytest.raises(NotFound):
        services.profile.record_health_consent(admin, client_id + 99, "consultation")
    assert snapshot(db) == before


def test_two_terminals_recording_it_at_once_record_it_once(
        services: Services, admin: Actor, client_id: int, db: Database,
        other_terminal: tuple[Database, ProfileService]) -> None:
    """The other terminal is stopped inside its transaction, holding the client's row;
    this one waits for it, then finds the consent on record and writes nothing."""
    second_db, theirs_service = other_terminal
    version = services.profile.profile(admin, client_id).basics.version
    pause = PauseBefore(second_db, "INSERT INTO audit_entry")
    theirs = Background(lambda: theirs_service.record_health_consent(admin, client_id,
                                                                     "consultation"))
    pause.wait()
    ours = Background(lambda: services.profile.record_health_consent(admin, client_id,
                                                                     "consultation"))
    wait_until_blocked(db, ours)
    pause.release()
    for result in (theirs.result(), ours.result()):
        assert isinstance(result, ClientBasics), result
        assert result.consent_health and result.version == version + 1
    assert consent_entries(db) == ["fields=consent_health via=consultation"]
    with db.read() as s:
        client = s.get(Client, client_id)
        assert client is not None and client.version == version + 1
