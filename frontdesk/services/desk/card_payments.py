"""What the check-out asks of the member-cards capability: the :class:`CardCharger` hook.

The check-out (:mod:`frontdesk.services.desk.checkout`) knows nothing of cards: it
hands the charger the member-card payments (their ``reference`` is the card number
the desk picked or a card reader typed) and the service lines, and the charger

- quotes the member's **tier discount** on the service lines when a stored-value card
  pays (:meth:`CardCharger.member_discounts`); the check-out adds it to the lines as a
  discount that is the member's right, not the desk's, so it never needs a manager's
  approval, and the desk's quote shows it before anything is paid;
- books the card payments and the **points** the check-out earns, inside the
  check-out's transaction (:meth:`CardCharger.settle`); a refusal (an unknown or
  frozen card, too little left) refuses the whole check-out, and nothing is written;
- grades the client on the spend once the check-out is booked (:meth:`CardCharger.assess`);
- lists the client's usable cards for the desk (:meth:`CardCharger.usable_cards`).

Until the cards capability is wired in, :data:`NO_MEMBER_CARDS` refuses member-card
payments, gives no discount and earns no points.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError


@dataclass(frozen=True)
class ServiceLine:
    """A service line of a check-out as the charger sees it."""

    index: int
    """The line's place in the check-out (from 0)."""
    service_item_id: int
    quantity: int
    amount_fen: int
    """What the line costs before the member's discount (after the desk's own discount)."""


@dataclass(frozen=True)
class CardPayment:
    """One member-card payment of a check-out."""

    index: int
    """The payment's place in the check-out (from 0)."""
    amount_fen: int
    reference: str
    """The card number."""


@dataclass(frozen=True)
class CardSettlement:
    """What a check-out books on cards and points, in its own transaction."""

    client_id: int
    visit_id: int
    payments: tuple[CardPayment, ...]
    lines: tuple[ServiceLine, ...]
    """The service lines, with the member's discount already taken off their amounts."""
    other_paid_fen: int
    """Money paid by other methods (cash, bank card, WeChat, Alipay): it earns points."""
    idempotency_key: str
    """The check-out's key; each card operation's key is derived from it."""
    at: dt.datetime


@dataclass(frozen=True)
class UsableCard:
    """A card the client may pay with now: their own or one shared with them (家庭卡)."""

    card_id: int
    card_no: str
    product_name: str
    stored_value: bool
    """True: pays money (paid + bonus); False: a session card (pays covered services)."""
    balance_fen: int
    sessions: int
    owner_name: str
    shared: bool
    """True when the client is a family holder, not the owner."""
    discount_percent: int
    """What a service costs when this card pays (88: 八八折; 100: no discount)."""
    tier_name: str
    covered_service_ids: tuple[int, ...] = ()
    """The services a session card's sessions pay for."""


class PaymentMethodUnavailable(ValidationError):
    """This way of paying cannot be used (yet)."""


class CardCharger(Protocol):
    """The member-cards capability, called by the check-out inside its transaction.

    When :meth:`settle` is called the client, the visit and its room are locked; it locks
    card rows (lower ids first), then the points account: the last in the lock order.
    It raises a DomainError to refuse the whole check-out.
    """

    def usable_cards(self, s: Session, actor: Actor, client_id: int,
                     today: dt.date) -> tuple[UsableCard, ...]: ...

    def member_discounts(self, s: Session, actor: Actor, client_id: int,
                         references: Sequence[str], lines: Sequence[ServiceLine],
                         today: dt.date) -> tuple[int, ...]: ...

    def settle(self, s: Session, actor: Actor, settlement: CardSettlement) -> None: ...

    def assess(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None:
        """After the check-out is booked (its lines and the closed visit flushed): grade the
        client on their spend."""


class _NoMemberCards:
    """The charger until member cards exist: refuses every member-card payment."""

    def usable_cards(self, s: Session, actor: Actor, client_id: int,
                     today: dt.date) -> tuple[UsableCard, ...]:
        return ()

    def member_discounts(self, s: Session, actor: Actor, client_id: int,
                         references: Sequence[str], lines: Sequence[ServiceLine],
                         today: dt.date) -> tuple[int, ...]:
        return tuple(0 for _ in lines)

    def settle(self, s: Session, actor: Actor, settlement: CardSettlement) -> None:
        if settlement.payments:
            raise PaymentMethodUnavailable("Member cards are not available yet.",
                                           field="payments")

    def assess(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None:
        return None


NO_MEMBER_CARDS: CardCharger = _NoMemberCards()
