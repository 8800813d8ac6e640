"""The visit's consultation and its handover (交接) to the beauticians who serve in it.

Done-when of issue 10 (this part): a consultation taken at a visit shows in that
visit's handover for its beautician; the service tests of several beauticians per
visit and of per-line credit are in tests/unit/test_line_credit.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, LineKind, Staff
from frontdesk.models.consultation import ConditionKind, ConsultationRecord, SkinType
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import LineInput, PaymentInput, Receipt
from frontdesk.services.desk.handover import (
    Handover,
    HandoverConflict,
    HandoverForm,
    HandoverLineInput,
    NotYourVisit,
)
from frontdesk.services.desk.staffing import ServingStaffNotFound, StaffRef
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.health.consultation import ClientType, ConditionNote, ConsultationForm
from frontdesk.services.health.form import SkinTest
from frontdesk.services.registry import Services
from tests.actors import signed_actor
from tests.concurrency import at_once
from tests.conftest import FakeClock
from tests.unit.test_appointments import Desk, make_desk
from tests.unit.test_clients import snapshot

TAKEN = ConsultationForm(
    skin=SkinTest(skin_type=SkinType.SENSITIVE, moisture_pct=31),
    conditions=(ConditionNote(ConditionKind.SENSITIVE, "两颊泛红", "清洁后更红"),),
    client_type=ClientType(nervous=True, note="怕痛"),
    notes="对玫瑰精油过敏")


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


@pytest.fixture
def consultant(services: Services, desk: Desk) -> Actor:
    return signed_actor(services.db, desk.consultant_id)


@pytest.fixture
def beautician(services: Services, desk: Desk) -> Actor:
    """The lead beautician of the visit (美丽)."""
    return signed_actor(services.db, desk.therapist_id)


@pytest.fixture
def other_beautician(services: Services, desk: Desk) -> Actor:
    """A beautician of the store who does not serve in the visit (小红)."""
    return signed_actor(services.db, desk.therapist2_id)


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    """A client who consented to keeping health data."""
    return services.clients.register(
        admin, NewClient("赵敏", "13900003333", consent_health=True)).client_id


@pytest.fixture
def visit_id(services: Services, admin: Actor, desk: Desk, client_id: int) -> int:
    """The client checked in with 美丽 in a room, the facial planned."""
    return services.visits.check_in(admin, CheckIn(
        client_id, therapist_id=desk.therapist_id, room_id=desk.room_ids[0],
        consultant_id=desk.consultant_id, service_item_ids=(desk.facial_id,)))


def brief(desk: Desk, **changes: object) -> HandoverForm:
    form = HandoverForm(
        lines=(HandoverLineInput(LineKind.SERVICE, desk.facial_id, purpose="舒缓敏感，补水"),
               HandoverLineInput(LineKind.PRODUCT, desk.cream_id, purpose="术后修护",
                                 amount="2 ml", price_fen=0)),
        notes="手法要轻；不用玫瑰精油")
    return HandoverForm(**{**form.__dict__, **changes})  # type: ignore[arg-type]


def audit_actions(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)
                              .order_by(AuditEntry.id)))


def test_a_consultation_taken_at_a_visit_shows_in_its_handover_for_its_beautician(
        services: Services, desk: Desk, consultant: Actor, beautician: Actor, client_id: int,
        visit_id: int) -> None:
    record_id = services.consultation.save(consultant, client_id, TAKEN)
    services.handover.write(consultant, visit_id, 0, brief(desk))

    seen = services.handover.handover(beautician, visit_id)

    assert seen.consultation is not None and seen.consultation.record_id == record_id
    assert seen.consultation.skin_type is SkinType.SENSITIVE
    assert seen.consultation.conditions == (
        ConditionNote(ConditionKind.SENSITIVE, "两颊泛红", "清洁后更红"),)
    assert (seen.consultation.client_type.nervous, seen.consultation.client_type.note,
            seen.consultation.notes) == (True, "怕痛", "对玫瑰精油过敏")
    assert [(x.kind, x.name, x.purpose, x.amount, x.price_fen) for x in seen.lines] == [
        (LineKind.SERVICE, "面部深层清洁", "舒缓敏感，补水", "", 38000),
        (LineKind.PRODUCT, "保湿面霜", "术后修护", "2 ml", 0)]
    assert (seen.notes, seen.version, seen.written_by, seen.total_fen) == (
        "手法要轻；不用玫瑰精油", 1, "陈顾问", 38000)
    assert (seen.client_name, seen.room_name, seen.consultant_name, seen.staff) == (
        "赵敏", "牡丹厅", "陈顾问", (StaffRef(desk.therapist_id, "美丽"),))
    [view] = audit_actions(services.db, "handover.view")
    assert (view.staff_id, view.entity, view.entity_id, view.detail) == (
        desk.therapist_id, "visit", visit_id, f"consultation={record_id}")


def test_the_record_names_its_visit_and_one_taken_outside_a_visit_names_none(
        services: Services, admin: Actor, consultant: Actor, client_id: int,
        clock: FakeClock) -> None:
    before = services.consultation.save(consultant, client_id, TAKEN)
    visit = services.visits.check_in(admin, CheckIn(client_id))
    clock.advance(minutes=5)
    during = services.consultation.save(consultant, client_id, TAKEN)
    services.visits.cancel_visit(admin, visit)
    clock.advance(minutes=5)
    after = services.consultation.save(consultant, client_id, TAKEN)

    listed = {r.id: (r.visit_id, r.visit_arrived_at)
              for r in services.consultation.list_for_client(consultant, client_id)}
    assert listed == {before: (None, None), during: (visit, clock.now - _minutes(10)),
                      after: (None, None)}
    assert services.consultation.get(consultant, during).visit_id == visit


def _minutes(n: int) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def test_before_it_is_written_the_handover_lists_the_planned_services(
        services: Services, consultant: Actor, beautician: Actor, visit_id: int) -> None:
    seen = services.handover.handover(beautician, visit_id)
    assert (seen.version, seen.notes, seen.consultation) == (0, "", None)
    assert [(x.name, x.price_fen) for x in seen.lines] == [("面部深层清洁", 38000)]


def test_a_beautician_sees_only_the_handovers_of_her_visits(
        services: Services, desk: Desk, consultant: Actor, other_beautician: Actor,
        client_id: int, visit_id: int) -> None:
    services.consultation.save(consultant, client_id, TAKEN)
    with pytest.raises(NotYourVisit) as refused:
        services.handover.handover(other_beautician, visit_id)
    assert refused.value.field == "visit_id"
    [denied] = audit_actions(services.db, "handover.view.denied")
    assert (denied.staff_id, denied.entity_id) == (desk.therapist2_id, visit_id)
    assert audit_actions(services.db, "handover.view") == []
    with pytest.raises(PermissionDenied):  # nor the record itself
        services.consultation.list_for_client(other_beautician, client_id)

    services.handover.write(consultant, visit_id, 0, brief(desk, helper_ids=(desk.therapist2_id,)))
    assert services.handover.handover(other_beautician, visit_id).staff == (
        StaffRef(desk.therapist_id, "美丽"), StaffRef(desk.therapist2_id, "小红"))


def test_a_receptionist_neither_reads_nor_writes_a_handover(
        services: Services, admin: Actor, desk: Desk, visit_id: int) -> None:
    row = services.staff.add_staff(admin, "lily", "Lily", Role.RECEPTIONIST, None)
    receptionist = signed_actor(services.db, row.id)
    with pytest.raises(PermissionDenied):
        services.handover.handover(receptionist, visit_id)
    [denied] = audit_actions(services.db, "handover.view.denied")
    assert denied.staff_id == row.id
    with pytest.raises(PermissionDenied):
        services.handover.write(receptionist, visit_id, 0, brief(desk))


@pytest.mark.parametrize(("changes", "field"), [
    ({"notes": "x" * 2001}, "notes"),
    ({"lines": (HandoverLineInput(LineKind.SERVICE, 1, purpose="一\n二"),)}, "lines.0.purpose"),
    ({"lines": (HandoverLineInput(LineKind.PRODUCT, 1, amount="x" * 41),)}, "lines.0.amount"),
    ({"lines": (HandoverLineInput(LineKind.SERVICE, 1, price_fen=-1),)}, "lines.0.price_fen"),
    ({"lines": (HandoverLineInput("gift", 1),)}, "lines.0.kind"),
    ({"lines": (HandoverLineInput(LineKind.SERVICE, "1"),)}, "lines.0.item_id"),
    ({"lines": (HandoverLineInput(LineKind.SERVICE, 1),) * 21}, "lines"),
    ({"helper_ids": ("3",)}, "helper_ids"),
])
def test_bad_input_is_refused_by_field_and_writes_nothing(
        db: Database, services: Services, desk: Desk, consultant: Actor, visit_id: int,
        changes: dict[str, object], field: str) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as refused:
        services.handover.write(consultant, visit_id, 0, brief(desk, **changes))
    assert refused.value.field == field
    assert snapshot(db) == before


@pytest.mark.parametrize("who", ["receptionist", "inactive", "unknown"])
def test_a_helper_must_be_an_active_beautician_of_the_store(
        db: Database, services: Services, admin: Actor, desk: Desk, consultant: Actor,
        visit_id: int, who: str) -> None:
    staff_id = {"receptionist": lambda: services.staff.add_staff(
                    admin, "lily", "Lily", Role.RECEPTIONIST, None).id,
                "inactive": lambda: _inactive(db, desk.therapist2_id),
                "unknown": lambda: 999}[who]()
    before = snapshot(db)
    with pytest.raises(ServingStaffNotFound) as refused:
        services.handover.write(consultant, visit_id, 0, brief(desk, helper_ids=(staff_id,)))
    assert refused.value.field == "helper_ids.0"
    assert snapshot(db) == before


def _inactive(db: Database, staff_id: int) -> int:
    with db.write() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None
        staff.active = False
    return staff_id


def test_an_unknown_item_or_a_closed_visit_is_refused(
        db: Database, services: Services, admin: Actor, desk: Desk, consultant: Actor,
        visit_id: int) -> None:
    with pytest.raises(NotFound) as refused:
        services.handover.write(consultant, visit_id, 0, brief(
            desk, lines=(HandoverLineInput(LineKind.PRODUCT, desk.facial_id + 99),)))
    assert refused.value.field == "lines.0.item_id"
    services.visits.cancel_visit(admin, visit_id)
    before = snapshot(db)
    with pytest.raises(ConflictError) as closed:
        services.handover.write(consultant, visit_id, 0, brief(desk))
    assert closed.value.field == "visit_id"
    assert snapshot(db) == before


def test_a_stale_handover_is_refused_and_the_newer_one_kept(
        db: Database, services: Services, desk: Desk, consultant: Actor, visit_id: int) -> None:
    services.handover.write(consultant, visit_id, 0, brief(desk, notes="第一版"))
    services.handover.write(consultant, visit_id, 1, brief(desk, notes="第二版"))
    before = snapshot(db)
    with pytest.raises(HandoverConflict) as stale:
        services.handover.write(consultant, visit_id, 1, brief(desk, notes="旧的"))
    assert (stale.value.field, stale.value.params["name"]) == ("version", "陈顾问")
    assert snapshot(db) == before
    assert services.handover.handover(consultant, visit_id).notes == "第二版"


@pytest.fixture
def second(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[Services]:
    """The other terminal: its own Database (engine, connections) on the same database."""
    other = Database(db.url)
    yield Services(other, clock, photos_dir=tmp_path / "photos")
    other.dispose()


def test_two_terminals_writing_one_handover_at_once_keep_one_and_refuse_the_other(
        services: Services, second: Services, desk: Desk, consultant: Actor,
        visit_id: int) -> None:
    one, two = at_once(
        lambda: services.handover.write(consultant, visit_id, 0, brief(desk, notes="一号台")),
        lambda: second.handover.write(consultant, visit_id, 0, brief(desk, notes="二号台")))
    written = [r for r in (one, two) if isinstance(r, Handover)]
    refused = [r for r in (one, two) if isinstance(r, HandoverConflict)]
    assert (len(written), len(refused)) == (1, 1), (one, two)
    now = services.handover.handover(consultant, visit_id)
    assert (now.version, now.notes, len(now.lines)) == (1, written[0].notes, 2)


def test_a_consultation_saved_while_its_visit_is_checked_out_is_linked_and_both_go_through(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk,
        consultant: Actor, client_id: int, visit_id: int) -> None:
    saved, receipt = at_once(
        lambda: services.consultation.save(consultant, client_id, TAKEN),
        lambda: second.checkout.check_out(admin, visit_id, [LineInput("service", desk.facial_id)],
                                          [PaymentInput("cash", 38000)], "k1"))
    assert isinstance(saved, int) and isinstance(receipt, Receipt), (saved, receipt)
    with db.read() as s:
        linked = s.scalar(select(ConsultationRecord.visit_id)
                          .where(ConsultationRecord.id == saved))
    assert linked in (visit_id, None)  # before the check-out it belongs to the visit


def test_the_consultation_tab_finds_the_open_visit_whose_handover_to_write(
        services: Services, admin: Actor, consultant: Actor, client_id: int,
        visit_id: int) -> None:
    assert services.handover.open_visit(consultant, client_id) == visit_id
    services.visits.cancel_visit(admin, visit_id)
    with pytest.raises(NotFound) as none_open:
        services.handover.open_visit(consultant, client_id)
    assert none_open.value.field == "client_id"
