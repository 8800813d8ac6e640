"""Check-out: the keyboard path end to end, exact records, refusals, idempotency, the card hook."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from frontdesk.models import (
    AuditEntry,
    Client,
    ConsumptionLine,
    LineKind,
    Payment,
    PaymentMethod,
    Room,
    RoomState,
    ServiceItem,
    Visit,
    VisitStatus,
)
from frontdesk.models.appointment import CheckoutKey
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.approval import Approval, ApprovalMissing
from frontdesk.services.desk.card_payments import (
    NO_MEMBER_CARDS,
    CardSettlement,
    PaymentMethodUnavailable,
    ServiceLine,
    UsableCard,
)
from frontdesk.services.desk.checkout import (
    CheckoutService,
    LineInput,
    PaymentInput,
    Receipt,
    ReceiptPayment,
)
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.conftest import ADMIN_PASSWORD, NOW, FakeClock
from tests.unit.test_appointments import Desk, make_desk
from tests.unit.test_clients import snapshot, staff_actor

BY_ADMIN = Approval("admin", ADMIN_PASSWORD, "体验课")
"""The admin, signed in at the desk, approves her own check-out by typing her password again."""


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


@pytest.fixture
def visit_id(services: Services, admin: Actor, desk: Desk) -> int:
    """Wang Fang in the peony room with Meili, in service."""
    return services.visits.check_in(admin, CheckIn(desk.client_id, therapist_id=desk.therapist_id,
                                                   room_id=desk.room_ids[0]))


def facial(desk: Desk, **kw: Any) -> list[LineInput]:
    return [LineInput("service", desk.facial_id, **kw)]


def test_keyboard_path_from_registration_to_receipt(services: Services, admin: Actor,
                                                    desk: Desk, db: Database,
                                                    clock: FakeClock) -> None:
    client = services.clients.register(admin, NewClient("张三", "13800001234"))
    visit_id = services.visits.check_in(admin, CheckIn(
        client.client_id, therapist_id=desk.therapist_id, room_id=desk.room_ids[0],
        service_item_ids=(desk.facial_id, desk.massage_id)))
    [row] = services.visits.board(admin).in_service
    assert (row.client_name, row.room_name, row.therapist_name) == ("张三", "牡丹厅", "美丽")

    clock.advance(minutes=90)
    receipt = services.checkout.check_out(
        admin, visit_id,
        [LineInput(LineKind.SERVICE, desk.facial_id),
         LineInput("service", desk.massage_id, discount_fen=2680)],
        [PaymentInput(PaymentMethod.WECHAT, 50000, "WX0001"), PaymentInput("cash", 12120)],
        idempotency_key="desk-1-visit")

    assert receipt.total_fen == 38000 + 26800 - 2680 == 62120
    assert_booked(db, desk, client.client_id, visit_id, clock)
    assert_receipt(receipt, visit_id, clock)
    board = services.visits.board(admin)
    assert (board.in_service, board.finished, board.closed_count) == ((), (), 1)


def assert_booked(db: Database, desk: Desk, client_id: int, visit_id: int,
                  clock: FakeClock) -> None:
    """The records of the keyboard path: lines, payments, the visit, the client, the room."""
    with db.read() as s:
        lines = s.execute(select(ConsumptionLine.description, ConsumptionLine.quantity,
                                 ConsumptionLine.unit_price_fen, ConsumptionLine.discount_fen,
                                 ConsumptionLine.amount_fen, ConsumptionLine.staff_id,
                                 ConsumptionLine.client_id, ConsumptionLine.at)
                          .order_by(ConsumptionLine.id)).all()
        assert [tuple(r) for r in lines] == [
            ("面部深层清洁", 1, 38000, 0, 38000, desk.therapist_id, client_id, clock.now),
            ("肩颈经络", 1, 26800, 2680, 24120, desk.therapist_id, client_id, clock.now)]
        payments = s.execute(select(Payment.method, Payment.amount_fen, Payment.reference)
                             .order_by(Payment.id)).all()
        assert [tuple(p) for p in payments] == [(PaymentMethod.WECHAT, 50000, "WX0001"),
                                                (PaymentMethod.CASH, 12120, "")]
        visit = s.get(Visit, visit_id)
        assert visit is not None
        assert (visit.status, visit.total_fen, visit.finished_at, visit.closed_at) == (
            VisitStatus.CLOSED, 62120, clock.now, clock.now)
        stored = s.get(Client, client_id)
        assert stored is not None and stored.last_visit_at == NOW  # when they arrived
        room = s.get(Room, desk.room_ids[0])
        assert room is not None and room.state is RoomState.CLEANING
        assert s.scalar(select(AuditEntry.entity_id)
                        .where(AuditEntry.action == "visit.check_out")) == visit_id


def assert_receipt(receipt: Receipt, visit_id: int, clock: FakeClock) -> None:
    """The receipt as plain data (the screens word it: tests/ui/test_receipt.py)."""
    assert (receipt.store_name, receipt.client_name, receipt.cashier, receipt.visit_id) == (
        "水沐莲清美容会所", "张三", "管理员", visit_id)
    assert receipt.closed_at == clock.now
    assert [(r.description, r.quantity, r.unit_price_fen, r.discount_fen, r.amount_fen)
            for r in receipt.lines] == [("面部深层清洁", 1, 38000, 0, 38000),
                                        ("肩颈经络", 1, 26800, 2680, 24120)]
    assert receipt.payments == (ReceiptPayment(PaymentMethod.WECHAT, 50000, "WX0001"),
                                ReceiptPayment(PaymentMethod.CASH, 12120, ""))
    assert receipt.total_fen == 62120


def test_catalog_prices_quantities_and_products(services: Services, admin: Actor, desk: Desk,
                                                visit_id: int) -> None:
    """A typed price above the catalogue's is charged as typed (one below needs a manager:
    test_checkout_approval.py)."""
    receipt = services.checkout.check_out(
        admin, visit_id,
        [LineInput("service", desk.facial_id, unit_price_fen=40000),
         LineInput("product", desk.cream_id, quantity=2, discount_fen=1600)],
        [PaymentInput("alipay", 70000)], "k1")
    assert [(r.kind, r.quantity, r.unit_price_fen, r.amount_fen) for r in receipt.lines] == [
        (LineKind.SERVICE, 1, 40000, 40000), (LineKind.PRODUCT, 2, 15800, 30000)]
    assert receipt.total_fen == 70000


def test_the_same_key_books_once(services: Services, admin: Actor, desk: Desk,
                                 visit_id: int, db: Database) -> None:
    args = (facial(desk), [PaymentInput("wechat", 38000)])
    first = services.checkout.check_out(admin, visit_id, *args, idempotency_key="click")
    after_first = snapshot(db)
    again = services.checkout.check_out(admin, visit_id, *args, idempotency_key="click")
    assert again == first
    assert snapshot(db) == after_first
    assert services.checkout.receipt(admin, visit_id) == first

    with pytest.raises(ConflictError) as caught:  # a new key: the visit is closed already
        services.checkout.check_out(admin, visit_id, *args, idempotency_key="another")
    assert caught.value.field == "visit_id"
    assert snapshot(db) == after_first


def test_a_key_cannot_close_another_visit(services: Services, admin: Actor, desk: Desk,
                                          visit_id: int, db: Database) -> None:
    services.checkout.check_out(admin, visit_id, facial(desk), [PaymentInput("cash", 38000)],
                                "k")
    other = services.visits.check_in(admin, CheckIn(desk.client2_id))
    services.visits.start_service(admin, other, desk.room_ids[1], desk.therapist2_id)
    before = snapshot(db)
    with pytest.raises(ConflictError) as caught:
        services.checkout.check_out(admin, other, facial(desk), [PaymentInput("cash", 38000)],
                                    "k")
    assert caught.value.field == "idempotency_key"
    assert snapshot(db) == before


def test_two_terminals_retrying_one_check_out(services: Services, admin: Actor, desk: Desk,
                                              visit_id: int, db: Database) -> None:
    barrier = threading.Barrier(2, timeout=60)
    results: list[object] = []

    def terminal() -> None:
        barrier.wait()
        try:
            results.append(services.checkout.check_out(
                admin, visit_id, facial(desk), [PaymentInput("wechat", 38000)], "retry"))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion below
            results.append(exc)

    threads = [threading.Thread(target=terminal) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(r, Receipt) for r in results) and results[0] == results[1]
    with db.read() as s:
        assert s.scalar(select(func.count(ConsumptionLine.id))) == 1
        assert s.scalar(select(func.count(Payment.id))) == 1


REFUSALS = [
    ({"quantity": 0}, "lines.0.quantity"),
    ({"quantity": 1.5}, "lines.0.quantity"),
    ({"unit_price_fen": 380.0}, "lines.0.unit_price_fen"),
    ({"unit_price_fen": -1}, "lines.0.unit_price_fen"),
    ({"discount_fen": -100}, "lines.0.discount_fen"),
    ({"discount_fen": 38001}, "lines.0.discount_fen"),
    ({"lines": [LineInput("gift", 1)]}, "lines.0.kind"),
    ({"lines": [LineInput("service", 9999)]}, "lines.0.item_id"),
    ({"payments": [PaymentInput("wechat", 37999)]}, "payments"),
    ({"payments": [PaymentInput("wechat", 38000), PaymentInput("cash", 1)]}, "payments"),
    ({"payments": [PaymentInput("bitcoin", 38000)]}, "payments.0.method"),
    ({"payments": [PaymentInput("cash", 0), PaymentInput("cash", 38000)]},
     "payments.0.amount_fen"),
    ({"payments": [PaymentInput("cash", 38000.0)]}, "payments.0.amount_fen"),
    ({"payments": [PaymentInput("member_card", 38000)]}, "payments.reference"),  # which card?
    ({"key": " "}, "idempotency_key"),
]


@pytest.mark.parametrize(("changes", "field"), REFUSALS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(REFUSALS)])
def test_refusals_name_the_field_and_write_nothing(services: Services, admin: Actor,
                                                   desk: Desk, visit_id: int, db: Database,
                                                   changes: dict[str, Any], field: str) -> None:
    changes = dict(changes)
    line_changes = {k: changes.pop(k) for k in ("quantity", "unit_price_fen", "discount_fen")
                    if k in changes}
    lines = changes.get("lines", facial(desk, **line_changes))
    payments = changes.get("payments", [PaymentInput("wechat", 38000)])
    before = snapshot(db)
    with pytest.raises(DomainError) as caught:
        services.checkout.check_out(admin, visit_id, lines, payments, changes.get("key", "k"))
    assert caught.value.field == field
    assert snapshot(db) == before


def facial_and_creams(desk: Desk, cream_discount_fen: int) -> list[LineInput]:
    """A facial at its ¥380.00, then two creams (gross ¥316.00) with a discount."""
    return [LineInput("service", desk.facial_id),
            LineInput("product", desk.cream_id, quantity=2, discount_fen=cream_discount_fen)]


def test_a_discount_of_the_whole_line_books_a_line_of_zero(
        services: Services, admin: Actor, desk: Desk, visit_id: int, db: Database) -> None:
    """100% off, with a manager's approval: the line is booked with amount 0 (the boundary)."""
    receipt = services.checkout.check_out(admin, visit_id, facial_and_creams(desk, 2 * 15800),
                                          [PaymentInput("cash", 38000)], "k", approval=BY_ADMIN)
    assert [(r.quantity, r.unit_price_fen, r.discount_fen, r.amount_fen)
            for r in receipt.lines] == [(1, 38000, 0, 38000), (2, 15800, 31600, 0)]
    assert receipt.total_fen == 38000
    with db.read() as s:
        booked = s.execute(select(ConsumptionLine.product_id, ConsumptionLine.discount_fen,
                                  ConsumptionLine.amount_fen).order_by(ConsumptionLine.id))
        assert [tuple(r) for r in booked] == [(None, 0, 38000), (desk.cream_id, 31600, 0)]
        visit = s.get(Visit, visit_id)
        assert visit is not None and (visit.status, visit.total_fen) == (VisitStatus.CLOSED, 38000)


def test_a_discount_one_fen_over_the_line_is_refused(
        services: Services, admin: Actor, desk: Desk, visit_id: int, db: Database) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.checkout.check_out(admin, visit_id, facial_and_creams(desk, 2 * 15800 + 1),
                                    [PaymentInput("cash", 38000)], "k")
    assert caught.value.field == "lines.1.discount_fen"
    assert caught.value.params == {"line": 2, "gross": "¥316.00"}
    assert snapshot(db) == before
    # The refusal left the visit as it was: the corrected check-out goes through.
    receipt = services.checkout.check_out(admin, visit_id, facial_and_creams(desk, 31600),
                                          [PaymentInput("cash", 38000)], "k", approval=BY_ADMIN)
    assert receipt.total_fen == 38000


def test_without_the_cards_capability_member_cards_are_refused(
        db: Database, clock: FakeClock, admin: Actor, desk: Desk, visit_id: int) -> None:
    checkout = CheckoutService(db, clock, member_cards=NO_MEMBER_CARDS)
    with pytest.raises(PaymentMethodUnavailable) as caught:
        checkout.check_out(admin, visit_id, facial(desk),
                           [PaymentInput("member_card", 38000)], "k")
    assert caught.value.message == "Member cards are not available yet."


class RecordingCharger:
    """A card charger as the cards capability is: it works in the check-out's session."""

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.charges: list[CardSettlement] = []
        self.visit_status_seen: list[VisitStatus] = []

    def usable_cards(self, s: Session, actor: Actor, client_id: int,
                     today: dt.date) -> tuple[UsableCard, ...]:
        return ()

    def member_discounts(self, s: Session, actor: Actor, client_id: int,
                         references: Sequence[str], lines: Sequence[ServiceLine],
                         today: dt.date) -> tuple[int, ...]:
        return tuple(0 for _ in lines)

    def assess(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None:
        return None

    def settle(self, session: Session, actor: Actor, settlement: CardSettlement) -> None:
        self.charges.append(settlement)
        visit = session.get(Visit, settlement.visit_id)  # the row the check-out has locked
        assert visit is not None
        self.visit_status_seen.append(visit.status)
        if self.refuse:
            raise ValidationError("Card {ref}: not enough left.", field="payments",
                                  ref=settlement.payments[0].reference)


def test_the_card_charger_charges_inside_the_check_out(
        services: Services, admin: Actor, desk: Desk, visit_id: int, db: Database,
        clock: FakeClock) -> None:
    charger = RecordingCharger()
    checkout = CheckoutService(db, clock, member_cards=charger)
    checkout.check_out(admin, visit_id, facial(desk),
                       [PaymentInput("member_card", 30000, "M001"), PaymentInput("cash", 8000)],
                       "k")
    assert [(c.client_id, c.visit_id, [(p.amount_fen, p.reference) for p in c.payments],
             c.other_paid_fen, c.idempotency_key)
            for c in charger.charges] == [(desk.client_id, visit_id, [(30000, "M001")], 8000,
                                           "k")]
    assert charger.visit_status_seen == [VisitStatus.IN_SERVICE]  # before the visit closed
    with db.read() as s:
        assert s.scalar(select(func.sum(Payment.amount_fen))
                        .where(Payment.visit_id == visit_id)) == 38000


def test_a_card_refusal_books_nothing(services: Services, admin: Actor, desk: Desk,
                                      visit_id: int, db: Database, clock: FakeClock) -> None:
    before = snapshot(db)
    checkout = CheckoutService(db, clock, member_cards=RecordingCharger(refuse=True))
    with pytest.raises(ValidationError, match="not enough left"):
        checkout.check_out(admin, visit_id, facial(desk),
                           [PaymentInput("member_card", 30000, "M001"),
                            PaymentInput("cash", 8000)], "k")
    assert snapshot(db) == before


@pytest.mark.parametrize("status", ["waiting", "cancelled"])
def test_only_a_served_visit_is_checked_out(services: Services, admin: Actor, desk: Desk,
                                            db: Database, status: str) -> None:
    waiting = services.visits.check_in(admin, CheckIn(desk.client2_id))
    if status == "cancelled":
        services.visits.cancel_visit(admin, waiting)
    before = snapshot(db)
    with pytest.raises(ConflictError):
        services.checkout.check_out(admin, waiting, facial(desk),
                                    [PaymentInput("cash", 38000)], "k")
    assert snapshot(db) == before


def test_a_finished_visit_with_nothing_to_pay(services: Services, admin: Actor,
                                              visit_id: int, db: Database) -> None:
    services.visits.finish(admin, visit_id)
    before = snapshot(db)
    with pytest.raises(ApprovalMissing):
        services.checkout.check_out(admin, visit_id, [], [], "free-trial")
    assert snapshot(db) == before
    receipt = services.checkout.check_out(admin, visit_id, [], [], "free-trial",
                                          approval=BY_ADMIN)
    assert (receipt.total_fen, receipt.lines, receipt.payments) == (0, (), ())
    with db.read() as s:
        assert s.scalar(select(CheckoutKey.visit_id).where(CheckoutKey.key == "free-trial")) \
            == visit_id


def test_receipt_is_a_frozen_record(services: Services, admin: Actor, desk: Desk,
                                    visit_id: int) -> None:
    receipt = services.checkout.check_out(admin, visit_id, facial(desk),
                                          [PaymentInput("cash", 38000)], "k")
    with pytest.raises(dataclasses.FrozenInstanceError):
        receipt.total_fen = 1  # type: ignore[misc]


def test_catalog_lists_what_the_pickers_show(services: Services, admin: Actor, desk: Desk,
                                            db: Database) -> None:
    with db.write() as s:
        s.add(ServiceItem(branch_id=admin.branch_id, name="停售项目", price_fen=1, active=False))
    items = services.catalog.service_items(admin.branch_id)
    assert [(i.name, i.category, i.price_fen, i.duration_min) for i in items] == [
        ("肩颈经络", "身体", 26800, 90), ("面部深层清洁", "面部", 38000, 60)]
    assert [(p.name, p.price_fen) for p in services.catalog.products(admin.branch_id)] == [
        ("保湿面霜", 15800)]
    assert [(r.name, r.state) for r in services.catalog.rooms(admin.branch_id)] == [
        ("兰花厅", RoomState.READY), ("牡丹厅", RoomState.READY)]


def test_a_service_item_has_several_follow_up_days(services: Services, admin: Actor) -> None:
    made = services.catalog.add_service_item(admin, "水光补水", 98000, 45, "仪器",
                                             follow_up_days=[7, 1, 3, 3])
    assert made.follow_up_days == (1, 3, 7)
    plain = services.catalog.add_service_item(admin, "日式美甲", 16800, 60)
    listed = {i.name: i.follow_up_days for i in services.catalog.service_items(admin.branch_id)}
    assert listed == {"水光补水": (1, 3, 7), "日式美甲": ()}
    assert plain.follow_up_days == ()


CATALOG_REFUSALS = [
    ({"price_fen": 99.5}, "price_fen"),
    ({"price_fen": -1}, "price_fen"),
    ({"price_fen": True}, "price_fen"),
    ({"name": " "}, "name"),
    ({"name": "面部深层清洁"}, "name"),  # taken
    ({"duration_min": 0}, "duration_min"),
    ({"follow_up_days": 7}, "follow_up_days"),  # one day, as the old column had it
    ({"follow_up_days": (0,)}, "follow_up_days"),
    ({"follow_up_days": (1, 366)}, "follow_up_days"),
    ({"follow_up_days": (1, 3.5)}, "follow_up_days"),
    ({"follow_up_days": (1, 2, 3, 5, 7, 14, 30)}, "follow_up_days"),  # seven calls
    ({"category": "类" * 41}, "category"),
]


@pytest.mark.parametrize(("changes", "field"), CATALOG_REFUSALS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(CATALOG_REFUSALS)])
def test_catalog_refusals_write_nothing(services: Services, admin: Actor, desk: Desk,
                                        db: Database, changes: dict[str, Any],
                                        field: str) -> None:
    args: dict[str, Any] = {"name": "新项目", "price_fen": 10000, **changes}
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.catalog.add_service_item(admin, **args)
    assert caught.value.field == field
    assert snapshot(db) == before


def test_only_managers_change_the_catalog(services: Services, admin: Actor,
                                          db: Database) -> None:
    desk_clerk = staff_actor(services, admin, "xiaoli", Role.RECEPTIONIST)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        services.catalog.add_product(desk_clerk, "面膜", 5000)
    with pytest.raises(PermissionDenied):
        services.catalog.add_room(desk_clerk, "梅花厅")
    assert snapshot(db) == before
