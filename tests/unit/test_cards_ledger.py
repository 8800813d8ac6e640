"""The cards' ledger: book, replayed, split_charge and the guard against overspending."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.models.card import CardEntry, CardOperation, MemberCard, OperationKind, PointsAccount
from frontdesk.services.cards.ledger import (
    InsufficientBalance,
    Movement,
    NotEnoughPoints,
    NotEnoughSessions,
    book,
    replayed,
    split_charge,
)
from frontdesk.services.registry import Services
from tests.cards import Shop, client, drift, shop


@pytest.fixture
def cards(services: Services, admin: Actor) -> Shop:
    return shop(services, admin)


def _op(services: Services, admin: Actor, key: str, card_id: int | None = None,
        kind: OperationKind = OperationKind.ADJUST) -> CardOperation:
    return CardOperation(branch_id=admin.branch_id, idempotency_key=key, kind=kind,
                         at=services.clock(), staff_id=admin.staff_id, card_id=card_id)


@pytest.mark.parametrize(("paid", "bonus", "amount", "expected"), [
    (100_000, 20_000, 10_000, (8_334, 1_666)),  # ¥100 of ¥1,000 + ¥200: the remainder from paid
    (100, 0, 100, (100, 0)),
    (0, 100, 40, (0, 40)),
    (1, 1, 1, (1, 0)),
    (3, 7, 10, (3, 7)),
    (0, 0, 0, (0, 0)),
])
def test_split_charge_spends_in_proportion(paid: int, bonus: int, amount: int,
                                           expected: tuple[int, int]) -> None:
    assert split_charge(paid, bonus, amount) == expected


def test_split_charge_never_takes_more_than_either_balance() -> None:
    for paid in range(0, 30):
        for bonus in range(0, 30):
            for amount in range(0, paid + bonus + 1):
                from_paid, from_bonus = split_charge(paid, bonus, amount)
                assert from_paid + from_bonus == amount
                assert 0 <= from_paid <= paid and 0 <= from_bonus <= bonus
    with pytest.raises(ValueError):
        split_charge(5, 5, 11)


def test_book_moves_the_cached_balance_and_writes_entries(services: Services, admin: Actor,
                                                          cards: Shop) -> None:
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="i1").card
    with services.db.write() as s:
        op = book(s, _op(services, admin, "b1", card.id),
                  [Movement(card_id=card.id, paid_fen=500, bonus_fen=70),
                   Movement(client_id=owner, points=12)])
        assert replayed(s, "b1") is op
    with services.db.read() as s:
        row = s.get(MemberCard, card.id)
        assert row is not None and (row.paid_fen, row.bonus_fen, row.version) == (500, 70, 2)
        assert s.get(PointsAccount, owner).points == 12  # type: ignore[union-attr]
        entries = s.scalars(select(CardEntry).where(CardEntry.operation_id == op.id)
                            .order_by(CardEntry.id)).all()
        assert [(e.card_id, e.client_id, e.paid_fen, e.bonus_fen, e.points) for e in entries] == [
            (card.id, owner, 500, 70, 0), (None, owner, 0, 0, 12)]
    assert drift(services.db) == []


def test_a_failed_guard_refuses_and_writes_nothing(services: Services, admin: Actor,
                                                   cards: Shop) -> None:
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="i1",
                                method="cash", amount_fen=1_000).card
    with pytest.raises(InsufficientBalance) as refused, services.db.write() as s:
        book(s, _op(services, admin, "b1", card.id), [Movement(card_id=card.id, paid_fen=-1_001)])
    assert refused.value.params == {"card_no": card.card_no, "available": "¥10.00",
                                    "needed": "¥10.01"}
    with pytest.raises(NotEnoughSessions), services.db.write() as s:
        book(s, _op(services, admin, "b2", card.id), [Movement(card_id=card.id, sessions=-1)])
    with pytest.raises(NotEnoughPoints) as no_points, services.db.write() as s:
        book(s, _op(services, admin, "b3"), [Movement(client_id=owner, points=-5)])
    assert no_points.value.params == {"available": 0, "needed": 5}
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CardOperation)) == 1  # the issue
        assert replayed(s, "b1") is None
    assert services.cards.card(admin, card.id).paid_fen == 1_000
    assert drift(services.db) == []


def test_movements_are_applied_in_the_lock_order(services: Services, admin: Actor,
                                                 cards: Shop) -> None:
    owner = client(services, admin)
    first = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="i1").card
    second = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="i2").card
    with services.db.write() as s:
        op = book(s, _op(services, admin, "b1", first.id),
                  [Movement(client_id=owner, points=1), Movement(card_id=second.id, paid_fen=2),
                   Movement(card_id=first.id, paid_fen=1)])
    with services.db.read() as s:
        entries = s.scalars(select(CardEntry).where(CardEntry.operation_id == op.id)
                            .order_by(CardEntry.id)).all()
        assert [(e.card_id, e.points) for e in entries] == [(first.id, 0), (second.id, 0),
                                                            (None, 1)]


def test_the_key_is_the_last_guard(services: Services, admin: Actor, cards: Shop) -> None:
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="i1").card
    with pytest.raises(Exception) as duplicate, services.db.write() as s:
        book(s, _op(services, admin, "i1", card.id), [Movement(card_id=card.id, paid_fen=5)])
    assert type(duplicate.value).__name__ == "DuplicateOperation"
    assert services.cards.card(admin, card.id).paid_fen == 0


def test_card_numbers_are_checked_and_generated_with_a_check_digit(services: Services) -> None:
    from frontdesk.errors import ValidationError
    from frontdesk.services.cards.numbers import (
        check_card_no,
        is_generated,
        luhn_digit,
        new_card_no,
    )

    assert luhn_digit("7992739871") == "3"  # the textbook example
    with services.db.read() as s:
        numbers = {new_card_no(s) for _ in range(200)}
    assert len(numbers) == 200 and all(is_generated(n) and n.isascii() for n in numbers)
    number = numbers.pop()
    for i in range(1, 11):  # any one digit mistyped is caught
        wrong = number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]
        assert not is_generated(wrong)
    assert check_card_no(" ｖｉｐ0001 ") == "VIP0001"
    assert check_card_no("8123 4567 8901") == "812345678901"  # as printed, in groups
    for bad in ("", "abc", "卡1234", "VIP_0001", "x" * 33, None, 1234):
        with pytest.raises(ValidationError) as refused:
            check_card_no(bad)
        assert refused.value.field == "card_no"
