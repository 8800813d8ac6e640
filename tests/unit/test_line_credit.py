"""Several beauticians in one visit, and each consumption line credited to who did it.

Done-when of issue 10 (this part): a visit with two beauticians credits each line
to the one who did it, on the receipt and in the client's history.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ValidationError
from frontdesk.models import ConsumptionLine, LineKind, Staff
from frontdesk.services.desk.checkout import LineInput, PaymentInput, Receipt
from frontdesk.services.desk.handover import HandoverForm
from frontdesk.services.desk.staffing import ServingStaffNotFound, StaffRef
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.actors import signed_actor
from tests.concurrency import at_once
from tests.conftest import FakeClock
from tests.unit.test_appointments import Desk, make_desk
from tests.unit.test_clients import snapshot


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


def served_by_two(services: Services, admin: Actor, desk: Desk, client_id: int,
                  room: int = 0) -> int:
    """A visit in service with 美丽 as its lead and 小红 beside her (from the handover)."""
    visit_id = services.visits.check_in(admin, CheckIn(
        client_id, therapist_id=desk.therapist_id, room_id=desk.room_ids[room]))
    consultant = signed_actor(services.db, desk.consultant_id)
    services.handover.write(consultant, visit_id, 0, HandoverForm(helper_ids=(desk.therapist2_id,)))
    return visit_id


def credited(db: Database, visit_id: int) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return [(c.description, c.staff_id) for c in s.scalars(
            select(ConsumptionLine).where(ConsumptionLine.visit_id == visit_id)
            .order_by(ConsumptionLine.id))]


def test_a_visit_with_two_beauticians_credits_each_line_to_the_one_who_did_it(
        db: Database, services: Services, admin: Actor, desk: Desk) -> None:
    visit_id = served_by_two(services, admin, desk, desk.client_id)
    assert services.checkout.visit_staff(admin, visit_id) == (
        StaffRef(desk.therapist_id, "美丽"), StaffRef(desk.therapist2_id, "小红"))

    receipt = services.checkout.check_out(admin, visit_id, [
        LineInput("service", desk.facial_id),
        LineInput("service", desk.massage_id, staff_id=desk.therapist2_id),
        LineInput("product", desk.cream_id),
        LineInput("product", desk.cream_id, staff_id=desk.therapist2_id),
    ], [PaymentInput("cash", 38000 + 26800 + 2 * 15800)], "two-beauticians")

    assert credited(db, visit_id) == [("面部深层清洁", desk.therapist_id),
                                      ("肩颈经络", desk.therapist2_id),
                                      ("保湿面霜", None), ("保湿面霜", desk.therapist2_id)]
    assert [line.staff_name for line in receipt.lines] == ["美丽", "小红", "", "小红"]
    assert services.checkout.receipt(admin, visit_id) == receipt
    history = services.profile.consumption(admin, desk.client_id)
    assert sorted((r.description, r.staff_name) for r in history) == [
        ("保湿面霜", ""), ("保湿面霜", "小红"), ("肩颈经络", "小红"), ("面部深层清洁", "美丽")]


@pytest.mark.parametrize("who", ["receptionist", "consultant", "inactive", "unknown", "text"])
def test_a_line_is_credited_only_to_an_active_beautician_of_the_store(
        db: Database, services: Services, admin: Actor, desk: Desk, who: str) -> None:
    visit_id = served_by_two(services, admin, desk, desk.client_id)
    staff_id = {"receptionist": lambda: services.staff.add_staff(
                    admin, "lily", "Lily", Role.RECEPTIONIST, None).id,
                "consultant": lambda: desk.consultant_id,
                "inactive": lambda: _made_inactive(db, desk.therapist2_id),
                "unknown": lambda: 2**63, "text": lambda: "5"}[who]()
    before = snapshot(db)
    with pytest.raises((ServingStaffNotFound, ValidationError)) as refused:
        services.checkout.check_out(admin, visit_id, [
            LineInput("service", desk.facial_id),
            LineInput("service", desk.massage_id, staff_id=staff_id)],  # type: ignore[arg-type]
            [PaymentInput("cash", 38000 + 26800)], "bad-credit")
    assert refused.value.field == "lines.1.staff_id"
    assert "Line 2" in refused.value.message
    assert snapshot(db) == before


def _made_inactive(db: Database, staff_id: int) -> int:
    with db.write() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None
        staff.active = False
    return staff_id


def test_a_visit_keeps_its_lead_in_therapist_id_and_a_handover_can_change_the_others(
        db: Database, services: Services, admin: Actor, desk: Desk) -> None:
    visit_id = served_by_two(services, admin, desk, desk.client_id)
    consultant = signed_actor(services.db, desk.consultant_id)
    # naming the lead among the others changes nothing; an empty list leaves the lead alone
    services.handover.write(consultant, visit_id, 1, HandoverForm(
        helper_ids=(desk.therapist_id, desk.therapist2_id)))
    assert services.checkout.visit_staff(admin, visit_id) == (
        StaffRef(desk.therapist_id, "美丽"), StaffRef(desk.therapist2_id, "小红"))
    services.handover.write(consultant, visit_id, 2, HandoverForm())
    assert services.checkout.visit_staff(admin, visit_id) == (StaffRef(desk.therapist_id, "美丽"),)
    board = services.visits.board(admin)
    assert [v.therapist_name for v in board.in_service] == ["美丽"]


@pytest.fixture
def second(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[Services]:
    """The other terminal: its own Database (engine, connections) on the same database."""
    other = Database(db.url)
    yield Services(other, clock, photos_dir=tmp_path / "photos")
    other.dispose()


def test_two_terminals_crediting_one_beautician_at_once_both_check_out(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk) -> None:
    one = served_by_two(services, admin, desk, desk.client_id)
    two = served_by_two(services, admin, desk, desk.client2_id, room=1)

    def out(terminal: Services, visit_id: int, key: str) -> Receipt:
        return terminal.checkout.check_out(admin, visit_id, [
            LineInput(LineKind.SERVICE, desk.facial_id, staff_id=desk.therapist2_id)],
            [PaymentInput("cash", 38000)], key)

    results = at_once(lambda: out(services, one, "t1"), lambda: out(second, two, "t2"))
    assert all(isinstance(r, Receipt) for r in results), results
    assert credited(db, one) == credited(db, two) == [("面部深层清洁", desk.therapist2_id)]


def test_a_handover_and_a_check_out_of_one_visit_at_once_both_stand(
        db: Database, services: Services, second: Services, admin: Actor, desk: Desk) -> None:
    """The handover locks the visit as check-out does: one waits for the other; a handover
    after the check-out is refused as the visit is over, never half-written."""
    visit_id = served_by_two(services, admin, desk, desk.client_id)
    consultant = signed_actor(services.db, desk.consultant_id)
    receipt, written = at_once(
        lambda: services.checkout.check_out(admin, visit_id, [
            LineInput("service", desk.facial_id, staff_id=desk.therapist2_id)],
            [PaymentInput("cash", 38000)], "k"),
        lambda: second.handover.write(consultant, visit_id, 1, HandoverForm(notes="加一项")))
    assert isinstance(receipt, Receipt), receipt
    assert credited(db, visit_id) == [("面部深层清洁", desk.therapist2_id)]
    if not isinstance(written, Exception):
        assert written.version == 2  # type: ignore[attr-defined]
    else:
        assert "over" in str(written)
