"""The check-out's member-card charger (:class:`MemberCardCharger`): cards pay, members save,
money paid earns points, all in the check-out's own transaction.

Which card: a member-card payment's ``reference`` is the card number (the desk picks
it from the client's usable cards, or a card reader types it). The visit's client
pays with a card they own or one shared with them (家庭卡, :class:`CardHolder`); a
frozen, expired, replaced or closed card, or one of another client, is refused with
a message that says so, and so is too little left: the whole check-out is then
refused and nothing of it is written.

- A **stored-value card** (储值卡) pays money; paid and bonus money are spent in the
  ledger's proportion (:func:`~frontdesk.services.cards.ledger.split_charge`).
- A **session card** (次卡/疗程卡) pays the check-out's service lines its sessions cover,
  each line ``quantity`` sessions (one CHARGE per line, so the card's history names the
  service). Its payment's amount must be what those lines cost; a line covered by an
  earlier session card of the same check-out is that card's.
- The **tier discount** (会员折扣): when a stored-value card pays, every service line
  not paid by sessions costs ``discount_percent`` % of its amount (after the desk's own
  discount), the discount rounded down to the fen, so the price is never below the
  tier's rate. The tier is the better of the paying client's own and the card owner's
  (a family holder pays as the card's member, and never loses her own rights). Products
  are not discounted. The check-out adds it to the lines' discount without counting it
  against the store's discount limit: it is the member's right, not the desk's choice.
- **Points** (积分): money actually paid earns them, the other methods' money (cash, bank
  card, WeChat, Alipay) and the paid money a stored-value card gave; bonus money and
  sessions do not. ``points = whole yuan × points_per_yuan × multiplier ÷ 100``, rounded
  down, where ``points_per_yuan`` is the store's points rule
  (:func:`~frontdesk.services.cards.points_setup.points_rule_in`, 1 point per ¥1 by
  default) and ``multiplier`` the visit's client's tier's ``points_multiplier_percent``.
  They go to the visit's client, in one POINTS_EARN operation.
- **Tier**: once the check-out is booked, the client is graded
  (:func:`~frontdesk.services.cards.grading.assess_in`): the spend may earn a better
  tier at once (never a lower one before the current tier's period ends).

Idempotency: each card operation's key is the check-out's key and a suffix
(:func:`derived_key`), so the ledger's unique key also guards a check-out booked
twice. Lock order: the check-out holds the client, the visit and its room; the cards
are charged lower id first, then the points account.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Client
from frontdesk.models.card import (
    CardEntry,
    CardHolder,
    CardKind,
    CardOperation,
    CardProduct,
    CardProductService,
    CardStatus,
    ClientTier,
    MemberCard,
    OperationKind,
    Tier,
)
from frontdesk.services.cards.charging import charge_in, check_usable
from frontdesk.services.cards.grading import assess_in
from frontdesk.services.cards.ledger import Movement, book
from frontdesk.services.cards.points_setup import points_rule_in
from frontdesk.services.desk.card_payments import (
    CardPayment,
    CardSettlement,
    ServiceLine,
    UsableCard,
)

NO_DISCOUNT = 100


@dataclass(frozen=True)
class _Card:
    card: MemberCard
    kind: CardKind
    product_name: str
    owner_name: str


@dataclass(frozen=True)
class _Rights:
    discount_percent: int = NO_DISCOUNT
    multiplier_percent: int = 100
    name: str = ""


def derived_key(key: str, suffix: str) -> str:
    """A card operation's key for part ``suffix`` of the check-out booked with ``key``
    (at most 64 characters: a long key is replaced by its hash)."""
    base = key if len(key) <= 48 else hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"co:{base}:{suffix}"


def rights_in(s: Session, branch_id: int, client_ids: Iterable[int]) -> dict[int, _Rights]:
    """Each client's tier rights (their newest tier step's tier; no discount without one).

    Read by the tier's code from the history, not from ``client.tier``, which caches the
    name for the screens (a name a manager may change)."""
    newer = aliased(ClientTier)
    newest = (select(func.max(newer.id)).where(newer.client_id == ClientTier.client_id)
              .scalar_subquery())
    rows = s.execute(select(ClientTier.client_id, Tier.discount_percent,
                            Tier.points_multiplier_percent, Tier.name)
                     .join(Tier, (Tier.code == ClientTier.tier_code)
                           & (Tier.branch_id == branch_id) & Tier.active)
                     .where(ClientTier.client_id.in_(set(client_ids)), ClientTier.id == newest))
    return {cid: _Rights(pct, mult, name) for cid, pct, mult, name in rows}


def _best(rights: Iterable[_Rights]) -> _Rights:
    return min(rights, key=lambda r: r.discount_percent, default=_Rights())


class MemberCardCharger:
    """The real :class:`~frontdesk.services.desk.card_payments.CardCharger`."""

    def usable_cards(self, s: Session, actor: Actor, client_id: int,
                     today: dt.date) -> tuple[UsableCard, ...]:
        """The client's own and shared cards that can pay now (money or sessions on them)."""
        held = select(CardHolder.card_id).where(CardHolder.client_id == client_id)
        cards = _cards(s, actor.branch_id, or_(MemberCard.client_id == client_id,
                                               MemberCard.id.in_(held)))
        cards = [c for c in cards if c.kind is not CardKind.MEMBERSHIP
                 and c.card.status is CardStatus.ACTIVE
                 and (c.card.expires_on is None or c.card.expires_on >= today)]
        rights = rights_in(s, actor.branch_id, {client_id, *(c.card.client_id for c in cards)})
        covered = _covered(s, {c.card.product_id for c in cards})
        return tuple(_usable(c, client_id, _best([rights.get(client_id, _Rights()),
                                                  rights.get(c.card.client_id, _Rights())]),
                             covered.get(c.card.product_id, ())) for c in cards)

    def member_discounts(self, s: Session, actor: Actor, client_id: int,
                         references: Sequence[str], lines: Sequence[ServiceLine],
                         today: dt.date) -> tuple[int, ...]:
        """The tier discount off each service line (see the module docstring)."""
        cards = _paying_cards(s, actor, client_id, references, today)
        stored = [c for c in cards.values() if c.kind is CardKind.STORED_VALUE]
        if not stored:
            return tuple(0 for _ in lines)
        by_sessions = _session_lines(s, [cards[r] for r in references], lines)
        rights = rights_in(s, actor.branch_id, {client_id, *(c.card.client_id for c in stored)})
        percent = _best(rights.values()).discount_percent
        return tuple(0 if line.index in by_sessions
                     else line.amount_fen * (NO_DISCOUNT - percent) // NO_DISCOUNT
                     for line in lines)

    def settle(self, s: Session, actor: Actor, settlement: CardSettlement) -> None:
        """Charge the cards (lower id first) and book the points, in the check-out's
        transaction; a DomainError refuses the whole check-out."""
        today = settlement.at.astimezone().date()
        references = [p.reference for p in settlement.payments]
        cards = _paying_cards(s, actor, settlement.client_id, references, today)
        by_sessions = _session_lines(s, [cards[r] for r in references], settlement.lines)
        paid = settlement.other_paid_fen
        for payment in sorted(settlement.payments,
                              key=lambda p: (cards[p.reference].card.id, p.index)):
            paid += self._pay(s, actor, settlement, payment, cards[payment.reference],
                              [line for line in settlement.lines
                               if by_sessions.get(line.index) == payment.reference])
        _earn_points(s, actor, settlement, paid)

    def assess(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None:
        """Grade the client on what the check-out booked (a better tier at once)."""
        assess_in(s, now, actor, client_id)

    @staticmethod
    def _pay(s: Session, actor: Actor, settlement: CardSettlement, payment: CardPayment,
             card: _Card, lines: Sequence[ServiceLine]) -> int:
        """Book one card payment; the paid money it spent (0 for sessions)."""
        def charge(suffix: str, **what: int) -> CardOperation:
            return charge_in(s, actor, card_id=card.card.id, payer_client_id=settlement.client_id,
                             visit_id=settlement.visit_id,
                             reference=f"visit {settlement.visit_id}", now=settlement.at,
                             key=derived_key(settlement.idempotency_key, suffix), **what)

        if card.kind is CardKind.STORED_VALUE:
            op = charge(f"p{payment.index}", amount_fen=payment.amount_fen)
            return -int(s.scalar(select(func.coalesce(func.sum(CardEntry.paid_fen), 0))
                                 .where(CardEntry.operation_id == op.id)) or 0)
        _check_session_amount(card, payment, lines)
        for line in lines:
            charge(f"p{payment.index}l{line.index}", sessions=line.quantity,
                   service_item_id=line.service_item_id)
        return 0


def _cards(s: Session, branch_id: int, where: object) -> list[_Card]:
    owner = select(Client.name).where(Client.id == MemberCard.client_id).scalar_subquery()
    rows = s.execute(select(MemberCard, CardProduct.kind, CardProduct.name, owner)
                     .join(CardProduct, CardProduct.id == MemberCard.product_id)
                     .where(MemberCard.branch_id == branch_id, where)  # type: ignore[arg-type]
                     .order_by(MemberCard.id))
    return [_Card(card, kind, name, owner_name or "") for card, kind, name, owner_name in rows]


def _covered(s: Session, product_ids: set[int]) -> dict[int, tuple[int, ...]]:
    """The services each session product's sessions pay for."""
    covered: dict[int, list[int]] = {}
    if product_ids:
        for product_id, service_id in s.execute(
                select(CardProductService.product_id, CardProductService.service_item_id)
                .where(CardProductService.product_id.in_(product_ids))):
            covered.setdefault(product_id, []).append(service_id)
    return {k: tuple(v) for k, v in covered.items()}


def _usable(c: _Card, client_id: int, rights: _Rights,
            covered: tuple[int, ...]) -> UsableCard:
    stored = c.kind is CardKind.STORED_VALUE
    return UsableCard(
        card_id=c.card.id, card_no=c.card.card_no, product_name=c.product_name,
        stored_value=stored, balance_fen=c.card.paid_fen + c.card.bonus_fen,
        sessions=c.card.sessions, owner_name=c.owner_name, shared=c.card.client_id != client_id,
        discount_percent=rights.discount_percent if stored else NO_DISCOUNT,
        tier_name=rights.name if stored else "", covered_service_ids=covered)


def _paying_cards(s: Session, actor: Actor, client_id: int, references: Sequence[str],
                  today: dt.date) -> dict[str, _Card]:
    """The cards these payments name, each checked: known, the client's or shared with
    them, usable now, able to pay; by reference. Read once per transaction (the quote of
    the member price and the settlement share it); the charge checks each card again
    under its row lock."""
    memo = ("paying_cards", client_id, tuple(references), today)
    cards: dict[str, _Card] | None = s.info.get(memo)
    if cards is None:
        cards = s.info[memo] = _read_paying_cards(s, actor, client_id, references, today)
    return cards


def _read_paying_cards(s: Session, actor: Actor, client_id: int, references: Sequence[str],
                       today: dt.date) -> dict[str, _Card]:
    wanted = {r.strip() for r in references}
    if not all(wanted):
        raise ValidationError("Choose the member card that pays (or swipe it).",
                              field="payments.reference")
    numbers = wanted | {r.upper() for r in wanted}
    found = {c.card.card_no.upper(): c
             for c in _cards(s, actor.branch_id, MemberCard.card_no.in_(numbers))}
    holders = set(s.scalars(select(CardHolder.card_id).where(
        CardHolder.client_id == client_id,
        CardHolder.card_id.in_([c.card.id for c in found.values()]))))
    cards = {}
    for reference in references:
        card = found.get(reference.strip().upper())
        if card is None:
            raise NotFound("No member card numbered {card_no}.", field="payments.reference",
                           card_no=reference.strip())
        _check_payable(s, card, client_id, holders, today)
        cards[reference] = card
    return cards


def _check_payable(s: Session, card: _Card, client_id: int, holders: set[int],
                   today: dt.date) -> None:
    if card.card.client_id != client_id and card.card.id not in holders:
        raise ValidationError("Card {card_no} is not this client's: only its owner and its "
                              "family members may pay with it.", field="payments.reference",
                              card_no=card.card.card_no)
    if card.kind is CardKind.MEMBERSHIP:
        raise ValidationError("Card {card_no} is a membership card: it holds no money or "
                              "sessions to pay with.", field="payments.reference",
                              card_no=card.card.card_no)
    check_usable(s, card.card, today)


def _session_lines(s: Session, cards: Sequence[_Card],
                   lines: Sequence[ServiceLine]) -> dict[int, str]:
    """Which service lines sessions pay: line index → the session card's number (the first
    session card of the check-out that covers the line's service)."""
    sessions = [c for c in cards if c.kind is CardKind.SESSION]
    covered = _covered(s, {c.card.product_id for c in sessions})
    paid_by: dict[int, str] = {}
    for card in sessions:
        services = set(covered.get(card.card.product_id, ()))
        for line in lines:
            if line.index not in paid_by and line.service_item_id in services:
                paid_by[line.index] = card.card.card_no
    return paid_by


def _check_session_amount(card: _Card, payment: CardPayment,
                          lines: Sequence[ServiceLine]) -> None:
    if not lines:
        raise ValidationError("Card {card_no}'s sessions cover none of this check-out's "
                              "services.", field="payments.reference", card_no=card.card.card_no)
    covered = sum(line.amount_fen for line in lines)
    if payment.amount_fen != covered:
        raise ValidationError(
            "Card {card_no} pays {sessions} session(s) for the services it covers, worth "
            "{covered}: make its payment {covered}.", field=f"payments.{payment.index}.amount_fen",
            card_no=card.card.card_no, sessions=sum(line.quantity for line in lines),
            covered=format_fen(covered))


def _earn_points(s: Session, actor: Actor, settlement: CardSettlement, paid_fen: int) -> None:
    """The points the money paid earns the visit's client, in one POINTS_EARN operation."""
    rate = points_rule_in(s, actor.branch_id).points_per_yuan
    rights = rights_in(s, actor.branch_id, (settlement.client_id,))
    multiplier = rights.get(settlement.client_id, _Rights()).multiplier_percent
    points = paid_fen // 100 * rate * multiplier // 100
    if points <= 0:
        return  # a replayed check-out never gets here; the operation's unique key guards too
    key = derived_key(settlement.idempotency_key, "points")
    book(s, CardOperation(branch_id=actor.branch_id, idempotency_key=key,
                          kind=OperationKind.POINTS_EARN, at=settlement.at,
                          staff_id=actor.staff_id, client_id=settlement.client_id,
                          visit_id=settlement.visit_id, reason=f"paid {format_fen(paid_fen)}"),
         [Movement(client_id=settlement.client_id, points=points)])
