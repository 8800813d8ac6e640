"""Charging a card: the checks every charge passes, inside the caller's transaction.

:func:`charge_in` is shared by the standalone charge
(:meth:`~frontdesk.services.cards.operations.CardService.charge`) and the check-out's
card charger (it calls it inside the check-out's transaction, holding the client, the
visit and its room). It locks the card (the last in the lock order before points and
vouchers), finds a replay of its key, then checks that the card is ACTIVE and not
expired, that the payer is its owner or one of its holders (家庭卡), and that the kind
fits: money on a stored-value card, sessions of a covered service on a session card.
Money is spent from paid and bonus by :func:`~.ledger.split_charge`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.money import check_fen, format_fen
from frontdesk.core.validation import is_whole
from frontdesk.errors import ConflictError, DomainError, ValidationError
from frontdesk.models.card import (
    CardHolder,
    CardKind,
    CardOperation,
    CardProduct,
    CardProductService,
    CardStatus,
    MemberCard,
    OperationKind,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.ledger import (
    KEY_COLUMN_MAX,
    InsufficientBalance,
    Movement,
    book,
    check_key,
    replayed,
    split_charge,
)
from frontdesk.services.cards.views import require_card

MAX_SESSIONS = 999
"""The most sessions one operation moves."""


class CardUnusable(DomainError):
    """The card cannot be used now (frozen, replaced, closed, expired)."""

    template = "Card {card_no} cannot be used."


class CardFrozen(CardUnusable):
    template = "Card {card_no} is frozen: unfreeze it first."


class CardReplaced(CardUnusable):
    template = "Card {card_no} was reported lost and replaced by card {new_no}."


class CardClosed(CardUnusable):
    template = "Card {card_no} is closed."


class CardExpired(CardUnusable):
    template = "Card {card_no} expired on {date}: a manager can extend it."


def check_sessions(value: object, field: str = "sessions") -> int:
    """A number of sessions, 0 to :data:`MAX_SESSIONS`, else ValidationError."""
    if not is_whole(value) or not 0 <= value <= MAX_SESSIONS:
        raise ValidationError("A number of sessions is a whole number from 0 to {n}.",
                              field=field, n=MAX_SESSIONS)
    return value


def lock_card(s: Session, actor: Actor, card_id: object) -> MemberCard:
    """The actor's branch's card, locked; NotFound otherwise."""
    return require_card(s, actor, card_id, lock=True)


def check_usable(s: Session, card: MemberCard, today: dt.date) -> None:
    """Refuse a card that is not ACTIVE or whose expiry date has passed."""
    if card.status is CardStatus.FROZEN:
        raise CardFrozen(card_no=card.card_no, field="card_id")
    if card.status is CardStatus.REPLACED:
        new_no = s.scalar(select(MemberCard.card_no).where(MemberCard.id == card.replaced_by_id))
        raise CardReplaced(card_no=card.card_no, new_no=new_no or "", field="card_id")
    if card.status is CardStatus.CLOSED:
        raise CardClosed(card_no=card.card_no, field="card_id")
    if card.expires_on is not None and card.expires_on < today:
        raise CardExpired(card_no=card.card_no, date=card.expires_on.isoformat(), field="card_id")


def check_payer(s: Session, card: MemberCard, payer_client_id: int | None) -> int:
    """The paying client: the owner, or a holder of the card; ValidationError otherwise."""
    if payer_client_id is None or payer_client_id == card.client_id:
        return card.client_id
    holder = s.get(CardHolder, (card.id, payer_client_id)) if is_whole(payer_client_id) else None
    if holder is None:
        raise ValidationError("Only the card's owner and its family members may pay with it.",
                              field="payer_client_id")
    return payer_client_id


def charge_in(s: Session, actor: Actor, *, card_id: int, amount_fen: int = 0, sessions: int = 0,
              service_item_id: int | None = None, payer_client_id: int | None = None,
              visit_id: int | None = None, reference: str = "", key: str,
              now: dt.datetime) -> CardOperation:
    """Charge the card in ``s`` (see the module docstring): money (stored-value) or sessions
    of ``service_item_id`` (session card), paid by the owner or a holder (``payer_client_id``;
    None: the owner). Returns the CHARGE operation, or the one already booked with ``key``
    (1 to 80 characters here, so a check-out can prefix its own). The caller has checked the
    actor's permission and holds the client, visit and room locks if any."""
    key = check_key(key, KEY_COLUMN_MAX)
    amount = check_fen(amount_fen, "amount_fen")
    count = check_sessions(sessions)
    if not amount and not count:
        raise ValidationError("Enter an amount or a number of sessions to charge.",
                              field="amount_fen")
    card = lock_card(s, actor, card_id)
    done = replayed(s, key)
    if done is not None:
        if done.kind is not OperationKind.CHARGE or done.card_id != card.id:
            raise ConflictError("This key was used for another operation.", field="key")
        return done
    check_usable(s, card, now.astimezone().date())
    payer = check_payer(s, card, payer_client_id)
    movement = _movement(s, card, amount, count, service_item_id)
    op = book(s, CardOperation(branch_id=card.branch_id, idempotency_key=key,
                               kind=OperationKind.CHARGE, at=now, staff_id=actor.staff_id,
                               client_id=payer, card_id=card.id, visit_id=visit_id,
                               reference=reference[:64]), [movement])
    audit.record(s, now, actor, AuditAction.CARD_CHARGE, "member_card", card.id,
                 f"op={op.id} money={format_fen(amount)} sessions={count}")
    return op


def _movement(s: Session, card: MemberCard, amount: int, sessions: int,
              service_item_id: int | None) -> Movement:
    kind = s.scalar(select(CardProduct.kind).where(CardProduct.id == card.product_id))
    if amount and kind is not CardKind.STORED_VALUE:
        raise ValidationError("Only a stored-value card pays money.", field="amount_fen")
    if sessions and kind is not CardKind.SESSION:
        raise ValidationError("Only a session card has sessions.", field="sessions")
    if sessions:
        _check_covered(s, card, service_item_id)
    if amount > card.paid_fen + card.bonus_fen:
        raise InsufficientBalance(card_no=card.card_no,
                                  available=format_fen(card.paid_fen + card.bonus_fen),
                                  needed=format_fen(amount))
    from_paid, from_bonus = split_charge(card.paid_fen, card.bonus_fen, amount)
    return Movement(card_id=card.id, paid_fen=-from_paid, bonus_fen=-from_bonus,
                    sessions=-sessions, service_item_id=service_item_id if sessions else None)


def _check_covered(s: Session, card: MemberCard, service_item_id: int | None) -> None:
    covered = s.scalar(select(CardProductService.service_item_id).where(
        CardProductService.product_id == card.product_id,
        CardProductService.service_item_id == service_item_id)) if is_whole(service_item_id) \
        else None
    if covered is None:
        raise ValidationError("This card's sessions do not cover that service.",
                              field="service_item_id")
