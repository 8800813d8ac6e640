"""The ledger under random sequences of operations (hypothesis' rule-based state machine).

Top-ups, charges of money and of sessions, refunds, expiry, extension, replacement of a
lost card, points earned and redeemed, freezing and unfreezing, and replays of the last
key, in any order. After every step: each card's and points account's cached balance
equals the sum of its ledger entries and is zero or more, refunds never exceed the paid
money received, every amount is an int; and each step either moved the balances by
exactly what it says or was refused and moved nothing.

One database per backend for the whole run (each example makes its own client and
cards); SQLite always, PostgreSQL when FRONTDESK_TEST_PG_URL is set.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from dataclasses import dataclass
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select, true

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError
from frontdesk.models.card import (
    CardEntry,
    CardOperation,
    CardStatus,
    MemberCard,
    OperationKind,
    PointsAccount,
    PointsReward,
)
from frontdesk.services.cards.ledger import Movement, book
from frontdesk.services.desk.approval import Approval
from frontdesk.services.registry import Services
from tests.cards import Shop, client, drift, shop
from tests.conftest import ADMIN_PASSWORD, FakeClock

SETTINGS = settings(max_examples=int(os.environ.get("CARDS_EXAMPLES", "50")),
                    stateful_step_count=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])
_KEYS = itertools.count()


def ledger_consistent(services: Services, client_id: int | None = None) -> None:
    """The invariants, over one client's cards and points (or all of them)."""
    assert drift(services.db, client_id) == []
    mine = (CardOperation.client_id == client_id) if client_id is not None else true()
    with services.db.read() as s:
        refunded = -(s.scalar(select(func.sum(CardOperation.money_fen)).where(
            CardOperation.kind == OperationKind.REFUND, mine)) or 0)
        received = s.scalar(select(func.sum(CardEntry.paid_fen)).join(
            CardOperation, CardOperation.id == CardEntry.operation_id).where(
            CardOperation.kind.in_([OperationKind.ISSUE, OperationKind.TOP_UP]), mine)) or 0
        assert 0 <= refunded <= received
        for paid, bonus, sessions in s.execute(select(MemberCard.paid_fen, MemberCard.bonus_fen,
                                                      MemberCard.sessions)):
            assert all(type(v) is int for v in (paid, bonus, sessions))
        assert all(type(p) is int for p in s.scalars(select(PointsAccount.points)))


@dataclass(frozen=True)
class Balances:
    paid_fen: int
    bonus_fen: int
    sessions: int
    status: CardStatus
    expired: bool

    @property
    def balance_fen(self) -> int:
        return self.paid_fen + self.bonus_fen


@dataclass(frozen=True)
class World:
    services: Services
    admin: Actor
    clock: FakeClock
    cards: Shop
    manager: Approval
    reward_id: int


class Cards(RuleBasedStateMachine):
    """One client's stored-value and session cards, driven by random operations."""

    world: ClassVar[World]

    def __init__(self) -> None:
        super().__init__()
        self.w = self.world
        self.owner = client(self.w.services, self.w.admin, "王芳")
        self.money = self._issue(self.w.cards.stored)
        self.sessions = self._issue(self.w.cards.session, method="cash")
        self.last: tuple[str, str, dict[str, object]] | None = None

    def _issue(self, product_id: int, method: str | None = None) -> int:
        return self.w.services.cards.issue(self.w.admin, client_id=self.owner,
                                           product_id=product_id, key=self._key(),
                                           method=method).card.id

    @staticmethod
    def _key() -> str:
        return f"k{next(_KEYS)}"

    def _card(self, card_id: int) -> Balances:
        with self.w.services.db.read() as s:
            card = s.get(MemberCard, card_id)
            assert card is not None
            today = self.w.clock().astimezone().date()
            return Balances(card.paid_fen, card.bonus_fen, card.sessions, card.status,
                            card.expires_on is not None and card.expires_on < today)

    def _do(self, operation: str, watched: int, expected: tuple[int, int, int] | None,
            **kw: object) -> bool:
        """Run ``operation``; on success the card moved by ``expected`` (paid, bonus,
        sessions) when given; on refusal nothing moved. True when it went through."""
        before = self._card(watched)
        key = self._key()
        try:
            getattr(self.w.services.cards, operation)(self.w.admin, key=key, **kw)
        except DomainError:
            after = self._card(watched)
            assert (after.paid_fen, after.bonus_fen, after.sessions, after.status) == (
                before.paid_fen, before.bonus_fen, before.sessions, before.status)
            return False
        self.last = (operation, key, kw)
        after = self._card(watched)
        if expected is not None:
            assert (after.paid_fen - before.paid_fen, after.bonus_fen - before.bonus_fen,
                    after.sessions - before.sessions) == expected
        return True

    @rule(amount=st.integers(1, 300_000), offer=st.booleans())
    def top_up(self, amount: int, offer: bool) -> None:
        kw: dict[str, object] = ({"offer_id": self.w.cards.offer} if offer
                                 else {"amount_fen": amount})
        self._do("top_up", self.money, (100_000, 20_000, 0) if offer else (amount, 0, 0),
                 card_id=self.money, method="cash", **kw)

    @rule(amount=st.integers(1, 400_000))
    def charge(self, amount: int) -> None:
        card = self._card(self.money)
        if amount <= card.balance_fen:
            spent = amount * card.bonus_fen // card.balance_fen
            expected = (-(amount - spent), -spent, 0)
        else:
            expected = None
        went = self._do("charge", self.money, expected, card_id=self.money,
                        amount_fen=amount)
        assert went or expected is None or card.status is not CardStatus.ACTIVE \
            or card.expired

    @rule(n=st.integers(1, 12))
    def charge_sessions(self, n: int) -> None:
        self._do("charge", self.sessions, (0, 0, -n), card_id=self.sessions, sessions=n,
                 service_item_id=self.w.cards.facial)

    @rule(share=st.integers(1, 110))
    def refund(self, share: int) -> None:
        card = self._card(self.money)
        amount = max(1, card.paid_fen * share // 100)
        self._do("refund", self.money, None, card_id=self.money, amount_fen=amount,
                 method="cash", reason="退卡", approval=self.w.manager)

    @rule(days=st.integers(1, 400))
    def expire(self, days: int) -> None:
        self.w.clock.advance(days=days)
        before = self._card(self.sessions)
        gone = self.w.services.cards.expire_due(self.w.admin)
        after = self._card(self.sessions)
        written = sum(g.sessions for g in gone if g.card_id == self.sessions)
        assert after.sessions == before.sessions - written
        assert after.paid_fen == before.paid_fen  # money never expires by default

    @rule(days=st.integers(-5, 800))
    def extend(self, days: int) -> None:
        until = self.w.clock().astimezone().date() + dt.timedelta(days=days)
        self._do("extend", self.sessions, None, card_id=self.sessions, until=until,
                 approval=self.w.manager)

    @rule(which=st.booleans())
    def replace(self, which: bool) -> None:
        card_id = self.money if which else self.sessions
        before = self._card(card_id)
        try:
            new = self.w.services.cards.replace(self.w.admin, card_id=card_id,
                                                key=self._key()).card
        except DomainError:
            return
        assert (new.paid_fen, new.bonus_fen, new.sessions) == (
            before.paid_fen, before.bonus_fen, before.sessions)
        if which:
            self.money = new.id
        else:
            self.sessions = new.id

    @rule(points=st.integers(1, 1_000), redeem=st.booleans())
    def points(self, points: int, redeem: bool) -> None:
        if not redeem:
            with self.w.services.db.write() as s:
                book(s, CardOperation(branch_id=self.w.admin.branch_id,
                                      idempotency_key=self._key(), at=self.w.clock(),
                                      kind=OperationKind.POINTS_EARN, client_id=self.owner),
                     [Movement(client_id=self.owner, points=points)])
            return
        cards, admin = self.w.services.cards, self.w.admin
        before = cards.points(admin, self.owner)
        try:
            after = cards.redeem_points(admin, client_id=self.owner, reward_id=self.w.reward_id,
                                        key=self._key()).points
        except DomainError:
            assert before < 300 and cards.points(admin, self.owner) == before
            return
        assert after == before - 300

    @rule(freeze=st.booleans())
    def freeze(self, freeze: bool) -> None:
        self._do("freeze" if freeze else "unfreeze", self.money, (0, 0, 0),
                 card_id=self.money)

    @precondition(lambda self: self.last is not None)
    @rule()
    def replay(self) -> None:
        assert self.last is not None
        method, key, kw = self.last
        count = self._operations()
        result = getattr(self.w.services.cards, method)(self.w.admin, key=key, **kw)
        assert result.replayed and self._operations() == count

    def _operations(self) -> int:
        with self.w.services.db.read() as s:
            return s.scalar(select(func.count()).select_from(CardOperation)) or 0

    @invariant()
    def consistent(self) -> None:
        ledger_consistent(self.w.services, self.owner)


def test_the_ledger_stays_consistent_whatever_the_order(services: Services, admin: Actor,
                                                        clock: FakeClock) -> None:
    with services.db.write() as s:
        reward = PointsReward(branch_id=admin.branch_id, name="面膜券", points=300,
                              voucher_kind="service", voucher_value_fen=5_000)
        s.add(reward)
        s.flush()
        reward_id = reward.id
    Cards.world = World(services, admin, clock, shop(services, admin),
                        Approval("admin", ADMIN_PASSWORD, "顾客要求"), reward_id)
    run_state_machine_as_test(Cards, settings=SETTINGS)


@pytest.mark.parametrize("amount", [1, 7, 99_999])
def test_the_invariant_check_catches_a_drift(services: Services, admin: Actor,
                                             amount: int) -> None:
    """The machine's invariant is not vacuous: a cached balance edited behind the ledger's
    back is caught."""
    cards = shop(services, admin)
    card = services.cards.issue(admin, client_id=client(services, admin),
                                product_id=cards.stored, key="i").card
    ledger_consistent(services)
    with services.db.write() as s:
        row = s.get(MemberCard, card.id)
        assert row is not None
        row.paid_fen += amount
    with pytest.raises(AssertionError):
        ledger_consistent(services)
