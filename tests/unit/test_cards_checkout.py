"""Check-out paid by member card: money and sessions, the tier discount, family holders,
points, refusals that write nothing, replays, and two terminals on one card."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import DomainError, NotFound, ValidationError
from frontdesk.models import AuditEntry, Client, ConsumptionLine, LineKind, Setting
from frontdesk.models.card import (
    CardKind,
    CardOperation,
    MemberCard,
    OperationKind,
    PointsAccount,
)
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.charger import MemberCardCharger
from frontdesk.services.cards.charging import CardExpired, CardFrozen, CardReplaced
from frontdesk.services.cards.ledger import InsufficientBalance
from frontdesk.services.cards.points_setup import POINTS_PER_YUAN
from frontdesk.services.desk.approval import ApprovalMissing
from frontdesk.services.desk.checkout import CheckoutService, LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.cards import client, drift, hold_gold, offer, product
from tests.conftest import FakeClock
from tests.parallel import at_once
from tests.unit.test_appointments import Desk, make_desk
from tests.unit.test_clients import snapshot

FACIAL = 38000
"""The desk's 面部深层清洁 (make_desk)."""


@dataclass(frozen=True)
class Cards:
    desk: Desk
    stored: int
    session: int
    """10 sessions of the facial."""


@pytest.fixture
def cards(services: Services, admin: Actor) -> Cards:
    desk = make_desk(services, admin)
    stored = product(services.db, admin.branch_id, CardKind.STORED_VALUE, "储值卡")
    session = product(services.db, admin.branch_id, CardKind.SESSION, "面部10次卡",
                      price_fen=300_000, sessions=10, validity_days=365,
                      services=(desk.facial_id,))
    return Cards(desk, stored, session)


def issue(services: Services, admin: Actor, client_id: int, product_id: int,
          amount_fen: int = 0, key: str = "") -> MemberCard:
    """A card of the product for the client (a stored-value card topped up in cash)."""
    result = services.cards.issue(admin, client_id=client_id, product_id=product_id,
                                  key=key or f"issue-{client_id}-{product_id}",
                                  method="cash", amount_fen=amount_fen)
    with services.db.read() as s:
        card = s.get(MemberCard, result.card.id)
        assert card is not None
        s.expunge(card)
        return card


def hold(services: Services, admin: Actor, card_id: int, client_id: int,
         relation: str = "") -> None:
    """A family holder of the card (家庭卡)."""
    services.cards.add_holder(admin, card_id=card_id, client_id=client_id, relation=relation,
                              key=f"hold-{card_id}-{client_id}")


def in_service(services: Services, admin: Actor, client_id: int) -> int:
    visit_id = services.visits.check_in(admin, CheckIn(client_id))
    services.visits.start_service(admin, visit_id, None, None)
    return visit_id


def card_row(db: Database, card_id: int) -> MemberCard:
    with db.read() as s:
        card = s.get(MemberCard, card_id)
        assert card is not None
        s.expunge(card)
        return card


def operations(db: Database, kind: OperationKind) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(CardOperation)
                        .where(CardOperation.kind == kind)) or 0


def points_of(db: Database, client_id: int) -> int:
    with db.read() as s:
        return s.scalar(select(PointsAccount.points)
                        .where(PointsAccount.client_id == client_id)) or 0


def give_tier(db: Database, branch_id: int, client_id: int, *, percent: int,
              multiplier: int = 100) -> None:
    """A 金卡 tier of the store (the tiers' own service is another part's), held by the client."""
    hold_gold(db, branch_id, client_id, percent=percent, multiplier=multiplier)


def facial(desk: Desk, quantity: int = 1) -> list[LineInput]:
    return [LineInput(LineKind.SERVICE, desk.facial_id, quantity)]


def test_a_stored_value_card_pays_and_the_paid_money_earns_points(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    card = issue(services, admin, owner, cards.stored, 100_000)
    visit = in_service(services, admin, owner)
    receipt = services.checkout.check_out(
        admin, visit, facial(cards.desk), [PaymentInput("member_card", FACIAL, card.card_no)],
        "k1")
    assert receipt.total_fen == FACIAL
    assert [(p.method, p.amount_fen, p.reference) for p in receipt.payments] == [
        ("member_card", FACIAL, card.card_no)]
    after = card_row(db, card.id)
    assert (after.paid_fen, after.bonus_fen) == (100_000 - FACIAL, 0)
    with db.read() as s:
        charge = s.scalars(select(CardOperation)
                           .where(CardOperation.kind == OperationKind.CHARGE)).one()
    assert (charge.card_id, charge.visit_id, charge.client_id) == (card.id, visit, owner)
    assert points_of(db, owner) == 380  # 1 point per ¥1 of paid money
    assert drift(db) == []


def test_bonus_money_is_spent_in_proportion_and_earns_no_points(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    card = issue(services, admin, owner, cards.stored)
    with db.write() as s:
        s.add(Setting(branch_id=admin.branch_id, key=POINTS_PER_YUAN, value="2"))
    offer_id = offer(db, cards.stored, 80_000, 20_000)  # ¥800 paid, ¥200 bonus
    services.cards.top_up(admin, card_id=card.id, method="cash", offer_id=offer_id, key="t")
    visit = in_service(services, admin, owner)
    services.checkout.check_out(admin, visit, facial(cards.desk),
                                [PaymentInput("member_card", FACIAL, card.card_no)], "k1")
    after = card_row(db, card.id)
    assert (after.paid_fen, after.bonus_fen) == (80_000 - 30_400, 20_000 - 7_600)
    assert points_of(db, owner) == 304 * 2  # ¥304 of paid money at 2 points per ¥1
    assert drift(db) == []


def test_the_tier_discount_reaches_the_lines_without_a_managers_approval(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    give_tier(db, admin.branch_id, owner, percent=70, multiplier=150)  # 七折: over the 20 % limit
    card = issue(services, admin, owner, cards.stored, 100_000)
    visit = in_service(services, admin, owner)
    lines = [*facial(cards.desk), LineInput(LineKind.PRODUCT, cards.desk.cream_id)]
    quote = services.checkout.quote(admin, visit, lines, [card.card_no])
    assert [(q.amount_fen, q.member_discount_fen) for q in quote.lines] == [
        (26600, 11400), (15800, 0)]  # services only, not products
    assert services.checkout.quote(admin, visit, lines).total_fen == FACIAL + 15800
    with pytest.raises(ValidationError, match="add up to"):  # paid in cash: no member price
        services.checkout.check_out(admin, visit, lines, [PaymentInput("cash", quote.total_fen)],
                                    "k0")
    receipt = services.checkout.check_out(
        admin, visit, lines, [PaymentInput("member_card", 20000, card.card_no),
                              PaymentInput("cash", quote.total_fen - 20000)], "k1")
    assert receipt.total_fen == 26600 + 15800
    assert [(line.discount_fen, line.amount_fen) for line in receipt.lines] == [
        (11400, 26600), (0, 15800)]
    assert card_row(db, card.id).paid_fen == 100_000 - 20000
    # ¥200 card paid money and ¥224 cash earn 424 points, × 150 % for 金卡.
    assert points_of(db, owner) == 636
    with db.read() as s:
        assert s.scalar(select(func.sum(ConsumptionLine.discount_fen))
                        .where(ConsumptionLine.visit_id == visit)) == 11400
        assert s.scalar(select(AuditEntry.detail).where(
            AuditEntry.action == AuditAction.VISIT_CHECK_OUT)) == (
            "total_fen=42400 member_discount_fen=11400")


def test_the_desks_own_discount_still_needs_approval_beside_the_tier_discount(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    give_tier(db, admin.branch_id, owner, percent=90)
    card = issue(services, admin, owner, cards.stored, 100_000)
    visit = in_service(services, admin, owner)
    lines = [LineInput(LineKind.SERVICE, cards.desk.facial_id, discount_fen=10000)]  # 26 %
    amount = (FACIAL - 10000) - (FACIAL - 10000) * 10 // 100
    with pytest.raises(ApprovalMissing):
        services.checkout.check_out(admin, visit, lines,
                                    [PaymentInput("member_card", amount, card.card_no)], "k1")


def test_a_session_card_pays_the_services_it_covers_with_sessions(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    give_tier(db, admin.branch_id, owner, percent=80)
    card = issue(services, admin, owner, cards.session)
    visit = in_service(services, admin, owner)
    lines = [*facial(cards.desk, 2), LineInput(LineKind.SERVICE, cards.desk.massage_id)]
    with pytest.raises(ValidationError, match="make its payment") as caught:
        services.checkout.check_out(admin, visit, lines,
                                    [PaymentInput("member_card", 26800, card.card_no),
                                     PaymentInput("cash", 2 * FACIAL)], "k0")
    assert caught.value.params["covered"] == "¥760.00"
    services.checkout.check_out(admin, visit, lines,
                                [PaymentInput("member_card", 2 * FACIAL, card.card_no),
                                 PaymentInput("cash", 26800)], "k1")
    assert card_row(db, card.id).sessions == 8  # 2 sessions; no money, no tier discount
    assert points_of(db, owner) == 268  # only the cash earns points
    assert drift(db) == []


def test_a_session_card_covering_nothing_is_refused(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    card = issue(services, admin, owner, cards.session)
    visit = in_service(services, admin, owner)
    before = snapshot(db)
    with pytest.raises(ValidationError, match="cover none"):
        services.checkout.check_out(admin, visit, [LineInput("service", cards.desk.massage_id)],
                                    [PaymentInput("member_card", 26800, card.card_no)], "k")
    assert snapshot(db) == before


def test_a_family_holder_pays_with_the_card_and_others_may_not(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner, holder = cards.desk.client_id, cards.desk.client2_id
    stranger = client(services, admin, "赵敏")
    give_tier(db, admin.branch_id, owner, percent=90)
    card = issue(services, admin, owner, cards.stored, 100_000)
    hold(services, admin, card.id, holder, "女儿")
    usable = services.checkout.usable_cards(admin, in_service(services, admin, holder))
    assert [(c.card_no, c.shared, c.owner_name, c.discount_percent) for c in usable] == [
        (card.card_no, True, "王芳", 90)]  # the owner's tier: better than the holder's none
    visit = in_service(services, admin, stranger)
    before = snapshot(db)
    with pytest.raises(ValidationError, match="not this client's"):
        services.checkout.check_out(admin, visit, facial(cards.desk),
                                    [PaymentInput("member_card", 34200, card.card_no)], "k0")
    assert snapshot(db) == before
    [holder_visit] = [v.visit_id for v in services.visits.board(admin).in_service
                      if v.client_id == holder]
    services.checkout.check_out(admin, holder_visit, facial(cards.desk),
                                [PaymentInput("member_card", 34200, card.card_no)], "k1")
    assert card_row(db, card.id).paid_fen == 100_000 - 34200
    assert points_of(db, holder) == 342 and points_of(db, owner) == 0


@pytest.mark.parametrize("problem", ["frozen", "replaced", "expired", "short", "unknown"])
def test_a_refused_card_refuses_the_whole_check_out_and_writes_nothing(
        services: Services, admin: Actor, cards: Cards, db: Database, clock: FakeClock,
        problem: str) -> None:
    owner = cards.desk.client_id
    a_week = product(db, admin.branch_id, CardKind.STORED_VALUE, "周卡", validity_days=7)
    card = issue(services, admin, owner, a_week if problem == "expired" else cards.stored,
                 30_000)
    if problem == "frozen":
        services.cards.freeze(admin, card_id=card.id, reason="客人要求", key="f")
    if problem == "replaced":
        services.cards.replace(admin, card_id=card.id, reason="挂失", key="r")
    if problem == "expired":
        clock.advance(days=8)
    visit = in_service(services, admin, owner)
    number = "NOSUCH1" if problem == "unknown" else card.card_no
    before = snapshot(db)
    expected: type[DomainError] = {
        "frozen": CardFrozen, "replaced": CardReplaced, "expired": CardExpired,
        "short": InsufficientBalance, "unknown": NotFound}[problem]
    with pytest.raises(expected):
        services.checkout.check_out(admin, visit, facial(cards.desk),
                                    [PaymentInput("member_card", FACIAL, number)], "k")
    assert snapshot(db) == before
    assert drift(db) == []


def test_a_replayed_card_check_out_charges_once(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    card = issue(services, admin, owner, cards.stored, 100_000)
    visit = in_service(services, admin, owner)
    pay = [PaymentInput("member_card", FACIAL, card.card_no)]
    receipts = [services.checkout.check_out(admin, visit, facial(cards.desk), pay, "same")
                for _ in range(3)]
    assert receipts[0] == receipts[1] == receipts[2]
    assert operations(db, OperationKind.CHARGE) == 1
    assert operations(db, OperationKind.POINTS_EARN) == 1
    assert card_row(db, card.id).paid_fen == 100_000 - FACIAL


def test_two_terminals_paying_with_one_card_take_exactly_what_it_holds(
        services: Services, admin: Actor, cards: Cards, db: Database, clock: FakeClock) -> None:
    """Six family members check out at once on six terminals, ¥380 each from a ¥1,000
    card: two go through, the others are refused, and the card is never overdrawn."""
    owner = cards.desk.client_id
    card = issue(services, admin, owner, cards.stored, 100_000)
    family = [owner, cards.desk.client2_id,
              *(client(services, admin, f"家人{i}") for i in range(4))]
    for member in family[1:]:
        hold(services, admin, card.id, member)
    visits = [in_service(services, admin, member) for member in family]

    def pay(terminal: Database, i: int) -> object:
        checkout = CheckoutService(terminal, clock, member_cards=MemberCardCharger())
        return checkout.check_out(admin, visits[i], facial(cards.desk),
                                  [PaymentInput("member_card", FACIAL, card.card_no)],
                                  f"t{i}")

    results = at_once(db.url, len(visits), pay)
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(results) - len(refused) == 2
    assert all(isinstance(r, InsufficientBalance) for r in refused), refused
    assert card_row(db, card.id).paid_fen == 100_000 - 2 * FACIAL
    assert operations(db, OperationKind.CHARGE) == 2
    assert drift(db) == []


def test_a_check_out_grades_the_client_at_once(services: Services, admin: Actor,
                                              cards: Cards, db: Database) -> None:
    owner = cards.desk.client_id
    visit = in_service(services, admin, owner)
    services.checkout.check_out(admin, visit, facial(cards.desk, 5),
                                [PaymentInput("cash", 5 * FACIAL)], "k1")
    with db.read() as s:  # ¥1,900 in her first month: over 金卡's ¥1,500 a month
        assert s.scalar(select(Client.tier).where(Client.id == owner)) == "金卡"
    assert points_of(db, owner) == 1900  # earned at the tier she paid with (普通, × 100 %)


def test_a_session_card_and_a_stored_value_card_pay_together(
        services: Services, admin: Actor, cards: Cards, db: Database) -> None:
    """The facial by a session, the massage at the member price from the stored value."""
    owner = cards.desk.client_id
    give_tier(db, admin.branch_id, owner, percent=80)
    stored = issue(services, admin, owner, cards.stored, 100_000)
    session = issue(services, admin, owner, cards.session)
    visit = in_service(services, admin, owner)
    lines = [*facial(cards.desk), LineInput(LineKind.SERVICE, cards.desk.massage_id)]
    quote = services.checkout.quote(admin, visit, lines, [session.card_no, stored.card_no])
    assert [(q.amount_fen, q.member_discount_fen) for q in quote.lines] == [
        (FACIAL, 0), (21440, 5360)]
    services.checkout.check_out(admin, visit, lines,
                                [PaymentInput("member_card", 21440, stored.card_no),
                                 PaymentInput("member_card", FACIAL, session.card_no)], "k")
    assert card_row(db, session.id).sessions == 9
    assert card_row(db, stored.id).paid_fen == 100_000 - 21440
    assert points_of(db, owner) == 214
    assert drift(db) == []
