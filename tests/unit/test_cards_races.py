"""Terminals at once on one card: charges, refunds and top-ups never overspend, a replay racing
its original books once, and the idempotency key is the last guard.

Each terminal is a thread with its own Database (its own connection): on PostgreSQL they
really overlap, waiting for the card's row lock; on SQLite BEGIN IMMEDIATE runs them one
after the other, and the outcome must be the same.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import DomainError
from frontdesk.models.card import CardOperation, OperationKind
from frontdesk.services.cards.ledger import DuplicateOperation, InsufficientBalance, Movement, book
from frontdesk.services.cards.views import CardResult
from frontdesk.services.desk.approval import Approval
from frontdesk.services.registry import Services
from tests.cards import client, drift, shop
from tests.concurrency import Background, wait_until_blocked
from tests.conftest import ADMIN_PASSWORD
from tests.parallel import at_once


def card_with(services: Services, admin: Actor, paid_fen: int) -> int:
    cards = shop(services, admin)
    return services.cards.issue(admin, client_id=client(services, admin),
                                product_id=cards.stored, key="issue", method="cash",
                                amount_fen=paid_fen).card.id


def count(db: Database, kind: OperationKind) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(CardOperation)
                        .where(CardOperation.kind == kind)) or 0


def terminal(db: Database, services: Services) -> Services:
    return Services(db, services.clock, photos_dir=services.photos_dir)


def test_terminals_charging_one_card_never_overspend(services: Services, admin: Actor) -> None:
    card_id = card_with(services, admin, 1_000)

    def charge(db: Database, i: int) -> object:
        return terminal(db, services).cards.charge(admin, card_id=card_id, amount_fen=300,
                                                   key=f"c{i}")

    results = at_once(services.db.url, 6, charge)
    assert sum(isinstance(r, CardResult) for r in results) == 3
    assert all(isinstance(r, (CardResult, InsufficientBalance)) for r in results), results
    assert services.cards.card(admin, card_id).paid_fen == 100
    assert drift(services.db) == []


def test_charges_refunds_and_top_ups_at_once_add_up(services: Services, admin: Actor) -> None:
    card_id = card_with(services, admin, 10_000)
    manager = Approval("admin", ADMIN_PASSWORD, "退卡")

    def act(db: Database, i: int) -> object:
        cards = terminal(db, services).cards
        if i % 3 == 0:
            return cards.charge(admin, card_id=card_id, amount_fen=4_000, key=f"c{i}")
        if i % 3 == 1:
            return cards.refund(admin, card_id=card_id, amount_fen=4_000, method="cash",
                                reason="退款", approval=manager, key=f"r{i}")
        return cards.top_up(admin, card_id=card_id, amount_fen=1_000, method="cash",
                            key=f"t{i}")

    results = at_once(services.db.url, 6, act)
    assert all(isinstance(r, (CardResult, DomainError)) for r in results), results
    charged = 4_000 * count(services.db, OperationKind.CHARGE)
    refunded = 4_000 * count(services.db, OperationKind.REFUND)
    assert count(services.db, OperationKind.TOP_UP) == 2  # a top-up is never refused here
    card = services.cards.card(admin, card_id)
    assert card.paid_fen == 10_000 + 2_000 - charged - refunded >= 0
    assert drift(services.db) == []


@pytest.mark.parametrize("terminals", [2, 5])
def test_a_replay_racing_its_original_books_once(services: Services, admin: Actor,
                                                  terminals: int) -> None:
    card_id = card_with(services, admin, 1_000)

    def charge(db: Database, _i: int) -> object:
        return terminal(db, services).cards.charge(admin, card_id=card_id, amount_fen=100,
                                                   key="double-click")

    results = at_once(services.db.url, terminals, charge)
    assert all(isinstance(r, CardResult) for r in results), results
    done = [r for r in results if isinstance(r, CardResult)]
    assert len({r.operation_id for r in done}) == 1
    assert sorted(r.replayed for r in done) == [False] + [True] * (terminals - 1)
    assert count(services.db, OperationKind.CHARGE) == 1
    assert services.cards.card(admin, card_id).paid_fen == 900


def test_the_key_is_the_last_guard_between_two_transactions(services: Services,
                                                            admin: Actor) -> None:
    """Two transactions booking one key without the card's lock (a writer that forgot it):
    the second waits for the first's key, then is refused, and writes nothing."""
    card_id = card_with(services, admin, 1_000)
    other = Database(services.db.url)

    def op() -> CardOperation:
        return CardOperation(branch_id=admin.branch_id, idempotency_key="once",
                             kind=OperationKind.ADJUST, at=services.clock(), card_id=card_id)

    try:
        with services.db.write() as s:
            book(s, op(), [Movement(card_id=card_id, paid_fen=-100)])
            second = Background(lambda: _book_in(other, op(), card_id))
            wait_until_blocked(services.db, second)
        assert isinstance(second.result(), DuplicateOperation)
    finally:
        other.dispose()
    assert services.cards.card(admin, card_id).paid_fen == 900
    assert drift(services.db) == []


def _book_in(db: Database, op: CardOperation, card_id: int) -> object:
    with db.write() as s:
        return book(s, op, [Movement(card_id=card_id, paid_fen=-100)]).id


def test_two_terminals_issuing_one_card_number(services: Services, admin: Actor) -> None:
    cards = shop(services, admin)
    owners = [client(services, admin, "王芳"), client(services, admin, "李娜")]

    def issue(db: Database, i: int) -> object:
        return terminal(db, services).cards.issue(admin, client_id=owners[i],
                                                  product_id=cards.stored, key=f"i{i}",
                                                  card_no="VIP0001")

    results = at_once(services.db.url, 2, issue)
    assert sorted(type(r).__name__ for r in results) == ["CardResult", "ValidationError"]
    refused = next(r for r in results if isinstance(r, DomainError))
    assert refused.field == "card_no" and refused.params == {"card_no": "VIP0001"}
    assert count(services.db, OperationKind.ISSUE) == 1
