"""The demo store's member cards: products, cards with a history, points, tiers.

After the clients and their visits are written, the demo manager signs in (for real)
and the card products are made through the product service: a stored-value card with
offers (充1000送100, 充3000送500, 充5000送1000), a 10-session facial card and a
membership. Then a share of the clients who come often (:data:`SHARE`) get a card on
the day of one of their visits, and its past: the first top-up with an offer, a charge
at each later check-out (that visit's payments become member-card payments, so the
visit still adds up) with the points it earns, a new top-up when the balance runs
short; session cards spend a session at the visits that had their service.

The past is made as the demo makes visits: computed here, each operation and entry as
the card writers would book it (the same rows, the same spend proportion,
:func:`~frontdesk.services.cards.ledger.split_charge`), and written in bulk, with each
card's cached balances its entries' sums (``frontdesk check`` proves it; the tests run
it). Booking 1,500 operations through the writers one by one took 15 s at 2,000 clients;
in bulk it takes a fraction of one. Then, through the grading: the tiers of
:data:`ASSESSED` owners assessed; and through the card service a few cards frozen, a few
shared with a family member, a few vouchers. No demo manager account (a store made by the
wizard whose ``manager`` name was taken): no cards.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.words import ENGLISH
from frontdesk.errors import DomainError
from frontdesk.models import Client, ConsumptionLine, Payment, Visit
from frontdesk.models.card import (
    CardEntry,
    CardKind,
    CardOperation,
    CardStatus,
    MemberCard,
    OperationKind,
    PointsAccount,
    Tier,
    TopUpOffer,
    VoucherKind,
    VoucherSource,
)
from frontdesk.models.visit import PaymentMethod, VisitStatus
from frontdesk.services.cards.grading import assess_in, default_tiers
from frontdesk.services.cards.ledger import split_charge
from frontdesk.services.cards.numbers import PREFIX, luhn_digit
from frontdesk.services.cards.product_checks import OfferDraft, ProductDraft
from frontdesk.services.registry import Services

SHARE = 0.15
"""About this share of the clients with three visits or more get a card."""
ASSESSED = 40
"""The tiers of this many card owners are assessed now (10 ms each; the rest keep theirs)."""
_CARDS: Table = MemberCard.__table__  # type: ignore[assignment]
_OPS: Table = CardOperation.__table__  # type: ignore[assignment]
_ENTRIES: Table = CardEntry.__table__  # type: ignore[assignment]
_POINTS: Table = PointsAccount.__table__  # type: ignore[assignment]
_PAYMENTS: Table = Payment.__table__  # type: ignore[assignment]
METHODS = (PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.CASH,
           PaymentMethod.BANK_CARD)
WORDS = {
    "zh_CN": {"stored": "储值卡", "session": "{service}10次卡", "membership": "会员卡",
              "voucher": "水疗体验券", "freeze": "客人出国，暂停使用", "relation": "家人"},
    "en": {"stored": "Stored-value card", "session": "{service} 10-session card",
           "membership": "Membership", "voucher": "Spa trial voucher",
           "freeze": "Abroad for a while", "relation": "family"},
}


@dataclass(frozen=True)
class DemoProducts:
    stored: int
    offers: tuple[tuple[int, int], ...]
    """(offer id, pay fen) of the stored-value card, smallest first."""
    session: int
    service_item_id: int


@dataclass(frozen=True)
class CardsSummary:
    cards: int
    operations: int

    def __str__(self) -> str:
        return f"{self.cards:,} member cards, {self.operations:,} card operations"


def fill_cards(db: Database, clock: Clock, branch_id: int, language: str,
               seed: int) -> CardsSummary:
    """Products, cards and their history for the demo store (see the module docstring)."""
    services = Services(db, clock, photos_dir=Path("/nonexistent"))
    try:
        actor = services.auth.sign_in("manager", DEMO_PASSWORD)
    except DomainError:  # not the demo's manager: leave cards to the store
        return CardsSummary(0, 0)
    words = WORDS.get(language, WORDS["zh_CN"])
    _tiers(db, branch_id, language)
    products = _products(services, actor, words)
    rng = random.Random(seed)
    owners = _owners(db, rng)
    with db.write() as s:
        book = _History(s, actor, products, rng)
        cards = [book.card(owner, visits) for owner, visits in owners]
        book.write()
        if not db.is_sqlite:  # ids were given here: move the sequences past them
            for table in ("member_card", "card_operation"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT max(id) FROM {table})) "
                               f"WHERE EXISTS (SELECT 1 FROM {table})"))
        for owner, _ in owners[:ASSESSED]:
            assess_in(s, clock(), actor, owner)
    _extras(services, actor, rng, cards, words)
    with db.read() as s:
        operations = s.scalar(select(func.count()).select_from(CardOperation)) or 0
    return CardsSummary(len(cards), operations)


def _tiers(db: Database, branch_id: int, language: str) -> None:
    """The starting tiers, when the store has none (the demo made the store itself), named in
    the store's language (the tiers' names are what the desk shows in ``client.tier``)."""
    with db.write() as s:
        if s.scalar(select(Tier.id).where(Tier.branch_id == branch_id).limit(1)) is None:
            s.add_all(default_tiers(branch_id))
            s.flush()
        if language != "zh_CN":
            for tier in s.scalars(select(Tier).where(Tier.branch_id == branch_id)):
                tier.name = ENGLISH.get(tier.name, tier.name)


def _products(services: Services, actor: Actor, words: dict[str, str]) -> DemoProducts:
    with services.db.read() as s:
        top, service_name = s.execute(
            select(ConsumptionLine.service_item_id, ConsumptionLine.description)
            .where(ConsumptionLine.service_item_id.is_not(None))
            .group_by(ConsumptionLine.service_item_id, ConsumptionLine.description)
            .order_by(func.count().desc()).limit(1)).one()
    service_id = int(top or 0)
    shop = services.card_products
    stored = shop.create(actor, ProductDraft(
        CardKind.STORED_VALUE, words["stored"], offers=(
            OfferDraft(100_000, 10_000), OfferDraft(300_000, 50_000),
            OfferDraft(500_000, 100_000))))
    session = shop.create(actor, ProductDraft(
        CardKind.SESSION, words["session"].format(service=service_name), price_fen=298_000,
        sessions=10, validity_days=730, service_item_ids=(service_id,)))
    shop.create(actor, ProductDraft(CardKind.MEMBERSHIP, words["membership"]))
    with services.db.read() as s:
        offers = tuple(s.execute(select(TopUpOffer.id, TopUpOffer.pay_fen)
                                 .where(TopUpOffer.product_id == stored.id)
                                 .order_by(TopUpOffer.pay_fen)).all())
    return DemoProducts(stored.id, offers, session.id, service_id)


@dataclass(frozen=True)
class _Visit:
    id: int
    at: dt.datetime
    total_fen: int
    services: frozenset[int]


def _owners(db: Database, rng: random.Random) -> list[tuple[int, list[_Visit]]]:
    """The clients who get a card, with their closed visits, oldest first."""
    with db.read() as s:
        regulars = list(s.scalars(select(Visit.client_id).where(Visit.status == VisitStatus.CLOSED)
                                  .group_by(Visit.client_id).having(func.count() >= 3)
                                  .order_by(Visit.client_id)))
        chosen = sorted(rng.sample(regulars, round(len(regulars) * SHARE)))
        visits: dict[int, list[_Visit]] = defaultdict(list)
        lines: dict[int, set[int]] = defaultdict(set)
        for start in range(0, len(chosen), 500):
            ids = chosen[start:start + 500]
            for visit_id, service_id in s.execute(
                    select(ConsumptionLine.visit_id, ConsumptionLine.service_item_id)
                    .join(Visit, Visit.id == ConsumptionLine.visit_id)
                    .where(Visit.client_id.in_(ids), ConsumptionLine.service_item_id.is_not(None))):
                lines[visit_id].add(int(service_id or 0))
            for vid, client_id, at, total in s.execute(
                    select(Visit.id, Visit.client_id, Visit.closed_at, Visit.total_fen)
                    .where(Visit.client_id.in_(ids), Visit.status == VisitStatus.CLOSED,
                           Visit.closed_at.is_not(None))
                    .order_by(Visit.closed_at)):
                visits[client_id].append(_Visit(vid, at or dt.datetime.min, total,
                                                frozenset(lines[vid])))
    return [(c, visits[c]) for c in chosen if len(visits[c]) >= 3]


@dataclass
class _Card:
    """A card as its history leaves it."""

    id: int
    client_id: int
    product_id: int
    card_no: str
    issued_at: dt.datetime
    expires_on: dt.date | None
    paid_fen: int = 0
    bonus_fen: int = 0
    sessions: int = 0
    version: int = 1

    def row(self, branch_id: int) -> dict[str, object]:
        return dict(vars(self), branch_id=branch_id, status=CardStatus.ACTIVE)


class _History:
    """The cards' past, booked as the card writers book it (the same rows, the same spend
    proportion, :func:`~frontdesk.services.cards.ledger.split_charge`), written in bulk."""

    def __init__(self, s: Session, actor: Actor, products: DemoProducts,
                 rng: random.Random) -> None:
        self.s, self.actor, self.products, self.rng = s, actor, products, rng
        self.next_op = _next_id(s, CardOperation)
        self.next_card = _next_id(s, MemberCard)
        self.cards: list[_Card] = []
        self.ops: list[dict[str, object]] = []
        self.entries: list[dict[str, object]] = []
        self.points: dict[int, int] = defaultdict(int)
        self.paid_by_card: list[int] = []
        self.numbers: set[str] = set(s.scalars(select(MemberCard.card_no)))
        self.offers = {pay: bonus for pay, bonus in _offer_money(s, products.stored)}

    def card(self, owner: int, visits: list[_Visit]) -> int:
        """One client's card, bought at one of their visits, and everything since; its id."""
        start = self.rng.randrange(len(visits) - 2)
        if self.rng.random() < 0.25:
            return self._session_card(owner, visits[start:])
        card = self._new_card(owner, self.products.stored, visits[start].at, None)
        pay = self.rng.choice(list(self.offers))
        self._op(card, OperationKind.ISSUE, visits[start].at - dt.timedelta(minutes=20),
                 paid=pay, bonus=self.offers[pay], money=pay)
        for visit in visits[start:]:
            if visit.total_fen <= 0:
                continue
            if card.paid_fen + card.bonus_fen < visit.total_fen:
                if self.rng.random() < 0.3:
                    continue  # paid otherwise this time; tops up another day
                pay = self.rng.choice([p for p in self.offers if p >= visit.total_fen][:2]
                                      or [max(self.offers)])
                self._op(card, OperationKind.TOP_UP, visit.at - dt.timedelta(minutes=10),
                         paid=pay, bonus=self.offers[pay], money=pay)
            self._charge(card, visit)
        return card.id

    def _charge(self, card: _Card, visit: _Visit) -> None:
        """The visit paid by the card: the charge with the points it earns; its payments
        become member-card payments."""
        paid, bonus = card.paid_fen, card.bonus_fen
        if paid + bonus < visit.total_fen:
            return
        from_paid, from_bonus = split_charge(paid, bonus, visit.total_fen)
        self._op(card, OperationKind.CHARGE, visit.at, paid=-from_paid, bonus=-from_bonus,
                 visit_id=visit.id, points=visit.total_fen // 100)
        self.paid_by_card.append(visit.id)

    def _session_card(self, owner: int, visits: list[_Visit]) -> int:
        """A 10-session card bought at a visit; a session at each later visit with its
        service, while sessions and validity last."""
        card = self._new_card(owner, self.products.session, visits[0].at, 730)
        self._op(card, OperationKind.ISSUE, visits[0].at - dt.timedelta(minutes=20),
                 sessions=10, money=298_000)
        for visit in visits[1:]:
            if self.products.service_item_id in visit.services and card.sessions \
                    and card.expires_on and visit.at.astimezone().date() <= card.expires_on:
                self._op(card, OperationKind.CHARGE, visit.at, sessions=-1, visit_id=visit.id,
                         service_item_id=self.products.service_item_id)
        return card.id

    def _new_card(self, owner: int, product_id: int, at: dt.datetime,
                  validity_days: int | None) -> _Card:
        number = ""
        while not number or number in self.numbers:
            body = PREFIX + "".join(self.rng.choice("0123456789") for _ in range(10))
            number = body + luhn_digit(body)
        self.numbers.add(number)
        card = _Card(self.next_card, owner, product_id, number, at,
                     at.astimezone().date() + dt.timedelta(days=validity_days)
                     if validity_days else None)
        self.next_card += 1
        self.cards.append(card)
        return card

    def _op(self, card: _Card, kind: OperationKind, at: dt.datetime, *,
            paid: int = 0, bonus: int = 0, sessions: int = 0, money: int = 0, points: int = 0,
            visit_id: int | None = None, service_item_id: int | None = None) -> None:
        op_id, owner = self.next_op, card.client_id
        self.next_op += 1
        self.ops.append(dict(
            id=op_id, branch_id=self.actor.branch_id, idempotency_key=f"demo-{op_id}",
            kind=kind, at=at, staff_id=self.actor.staff_id, client_id=owner,
            card_id=card.id, visit_id=visit_id,
            method=self.rng.choice(METHODS) if money else None, money_fen=money,
            reason="", reference="", approved_by_id=None))
        entry = dict(operation_id=op_id, branch_id=self.actor.branch_id, at=at, voucher_id=None,
                     service_item_id=service_item_id)
        self.entries.append(dict(entry, card_id=card.id, client_id=owner, paid_fen=paid,
                                 bonus_fen=bonus, sessions=sessions, points=0))
        card.paid_fen += paid
        card.bonus_fen += bonus
        card.sessions += sessions
        card.version += 1 if paid or bonus or sessions else 0
        if points:
            self.entries.append(dict(entry, card_id=None, client_id=owner, paid_fen=0,
                                     bonus_fen=0, sessions=0, points=points,
                                     service_item_id=None))
            self.points[owner] += points

    def write(self) -> None:
        """The rows, in bulk: cards (with the balances they ended with), operations,
        entries, points accounts; the visits paid by card."""
        s, branch = self.s, self.actor.branch_id
        points = [dict(client_id=c, branch_id=branch, points=p, version=1)
                  for c, p in self.points.items()]
        for table, rows in ((_CARDS, [c.row(branch) for c in self.cards]), (_OPS, self.ops),
                            (_ENTRIES, self.entries), (_POINTS, points)):
            if rows:
                s.execute(insert(table), rows)
        if self.paid_by_card:
            s.execute(update(_PAYMENTS).where(_PAYMENTS.c.visit_id == bindparam("v"))
                      .values(method=PaymentMethod.MEMBER_CARD),
                      [{"v": v} for v in self.paid_by_card])


def _offer_money(s: Session, product_id: int) -> list[tuple[int, int]]:
    return [(int(p), int(b)) for p, b in s.execute(
        select(TopUpOffer.pay_fen, TopUpOffer.bonus_fen)
        .where(TopUpOffer.product_id == product_id))]


def _next_id(s: Session, model: type[MemberCard] | type[CardOperation]) -> int:
    return int(s.scalar(select(func.max(model.id))) or 0) + 1


def _extras(services: Services, actor: Actor, rng: random.Random, cards: list[int],
            words: dict[str, str]) -> None:
    """Through the card service: a few cards frozen, a few shared with a family member, a
    few vouchers."""
    with services.db.read() as s:
        owners = dict(s.execute(select(MemberCard.id, MemberCard.client_id)
                                .where(MemberCard.id.in_(cards))).all())
        others = list(s.scalars(select(Client.id).where(Client.id.not_in(owners.values()))
                                .order_by(Client.id).limit(50)))
    picked = rng.sample(cards, min(len(cards), 12))
    cards_svc = services.cards
    for n, card_id in enumerate(picked):
        if n < 3:
            cards_svc.freeze(actor, card_id=card_id, reason=words["freeze"],
                             key=f"demo-freeze-{card_id}")
        elif n < 7 and others:
            cards_svc.add_holder(actor, card_id=card_id, client_id=rng.choice(others),
                                 relation=words["relation"], key=f"demo-holder-{card_id}")
        else:
            cards_svc.issue_voucher(actor, client_id=owners[card_id], kind=VoucherKind.SPA,
                                    title=words["voucher"], value_fen=19_800,
                                    source=VoucherSource.CARE, key=f"demo-voucher-{card_id}",
                                    expires_on=services.clock().astimezone().date()
                                    + dt.timedelta(days=90))
