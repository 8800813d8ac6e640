"""A small card shop for the member-card tests: products, clients, cards, and the ledger sums.

Products are written as rows (their service, products.py, is another part's); everything
else goes through the real services.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from sqlalchemy import func, select, true, update

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.models import Client
from frontdesk.models.card import (
    CardEntry,
    CardKind,
    CardProduct,
    CardProductService,
    ClientTier,
    MemberCard,
    PointsAccount,
    Tier,
    TierReason,
    TopUpOffer,
)
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services

_PHONES = itertools.count(13900000001)


@dataclass(frozen=True)
class Shop:
    stored: int
    """A stored-value product (储值卡), with the offer ``offer`` (pay ¥1,000, get ¥200)."""
    offer: int
    session: int
    """A session card of 10 sessions of ``facial``, ¥2,000, valid 365 days."""
    facial: int
    massage: int
    """A service the session card does not cover."""


def product(db: Database, branch_id: int, kind: CardKind, name: str, *, price_fen: int = 0,
            sessions: int = 0, validity_days: int | None = None,
            services: tuple[int, ...] = ()) -> int:
    with db.write() as s:
        row = CardProduct(branch_id=branch_id, kind=kind, name=name, price_fen=price_fen,
                          sessions=sessions, validity_days=validity_days)
        s.add(row)
        s.flush()
        s.add_all(CardProductService(product_id=row.id, service_item_id=i) for i in services)
        return row.id


def offer(db: Database, product_id: int, pay_fen: int, bonus_fen: int) -> int:
    with db.write() as s:
        row = TopUpOffer(product_id=product_id, pay_fen=pay_fen, bonus_fen=bonus_fen)
        s.add(row)
        s.flush()
        return row.id


def shop(services: Services, admin: Actor) -> Shop:
    facial = services.catalog.add_service_item(admin, "面部护理", 38_800).id
    massage = services.catalog.add_service_item(admin, "肩颈按摩", 19_800).id
    stored = product(services.db, admin.branch_id, CardKind.STORED_VALUE, "储值卡")
    session = product(services.db, admin.branch_id, CardKind.SESSION, "面部护理10次卡",
                      price_fen=200_000, sessions=10, validity_days=365, services=(facial,))
    return Shop(stored, offer(services.db, stored, 100_000, 20_000), session, facial, massage)


def client(services: Services, admin: Actor, name: str = "王芳") -> int:
    return services.clients.register(admin, NewClient(name, str(next(_PHONES)))).client_id


def drift(db: Database, client_id: int | None = None) -> list[str]:
    """Every card and points account (of ``client_id``'s cards only, when given) whose cached
    balance is not its ledger's sum, or is below zero (empty when the ledger is consistent)."""
    problems = []
    mine = (MemberCard.client_id == client_id) if client_id is not None else true()
    with db.read() as s:
        ids = select(MemberCard.id).where(mine)
        sums = {row[0]: tuple(row[1:]) for row in s.execute(
            select(CardEntry.card_id, func.sum(CardEntry.paid_fen), func.sum(CardEntry.bonus_fen),
                   func.sum(CardEntry.sessions)).where(CardEntry.card_id.in_(ids))
            .group_by(CardEntry.card_id))}
        for card in s.scalars(select(MemberCard).where(mine)):
            cached = (card.paid_fen, card.bonus_fen, card.sessions)
            if cached != sums.get(card.id, (0, 0, 0)) or min(cached) < 0:
                problems.append(f"card {card.id}: cached {cached}, ledger {sums.get(card.id)}")
        theirs = (PointsAccount.client_id == client_id) if client_id is not None else true()
        points = {row[0]: row[1] for row in s.execute(
            select(CardEntry.client_id, func.sum(CardEntry.points))
            .where(CardEntry.card_id.is_(None), CardEntry.client_id.in_(
                select(PointsAccount.client_id).where(theirs)))
            .group_by(CardEntry.client_id))}
        for account in s.scalars(select(PointsAccount).where(theirs)):
            if account.points != points.get(account.client_id, 0) or account.points < 0:
                problems.append(f"points of {account.client_id}: {account.points}")
    return problems


def hold_gold(db: Database, branch_id: int, client_id: int, *, percent: int,
              multiplier: int = 100) -> None:
    """The store's 金卡 tier with these rights, held by the client (a tier step of her history,
    as the grading writes it, and its name in ``client.tier``)."""
    with db.write() as s:
        tier = s.scalar(select(Tier).where(Tier.branch_id == branch_id, Tier.code == "gold"))
        if tier is None:
            tier = Tier(branch_id=branch_id, code="gold", name="金卡", rank=2)
            s.add(tier)
        tier.discount_percent, tier.points_multiplier_percent = percent, multiplier
        s.add(ClientTier(client_id=client_id, tier_code="gold", tier_name="金卡",
                         valid_from=dt.date(2026, 1, 1), valid_until=None,
                         reason=TierReason.MANUAL, at=dt.datetime.now(dt.UTC)))
        s.execute(update(Client).where(Client.id == client_id).values(tier="金卡"))

