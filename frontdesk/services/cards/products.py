"""The card products a manager configures: stored-value cards (储值卡) with their top-up
offers (充X送Y), session cards (次卡/疗程卡) with the services they cover, memberships.

Edits are optimistic: the editor sends the version it showed, and an edit over another
terminal's change is refused with a ConflictError, writing nothing. A product is never
deleted (cards point to it): it is deactivated, and the desk no longer sells it. An offer
that an edit drops is deactivated too (the ledger's top-ups may name it).

A complimentary product (员工卡 / 公免客户) makes its holders ungraded: tier assessment
leaves them out and does not count their spend (domain/003, see ``tiers.py``).

The points rule, the redemption catalogue and the referral reward are in
``points_setup.py``; reading them needs VIEW_CARDS, changing them MANAGE_CARD_PRODUCTS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import ServiceItem
from frontdesk.models.card import CardKind, CardProduct, MemberCard, TopUpOffer
from frontdesk.models.card import CardProductService as CoveredService
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.points_setup import PointsSetup
from frontdesk.services.cards.product_checks import OfferDraft, ProductDraft, checked
from frontdesk.services.rows import get_row, locked_row

__all__ = ["CardProductService", "OfferDraft", "OfferRow", "ProductDraft", "ProductRow"]


@dataclass(frozen=True)
class OfferRow:
    id: int
    pay_fen: int
    bonus_fen: int


@dataclass(frozen=True)
class ProductRow:
    id: int
    kind: CardKind
    name: str
    price_fen: int
    sessions: int
    validity_days: int | None
    complimentary: bool
    active: bool
    note: str
    version: int
    services: tuple[tuple[int, str], ...]
    """(service item id, name) of the services a session card covers."""
    offers: tuple[OfferRow, ...]
    """The active top-up offers, by payment."""

    def draft(self) -> ProductDraft:
        """What the editor starts from."""
        return ProductDraft(self.kind, self.name, self.price_fen, self.sessions,
                            self.validity_days, self.complimentary, self.note,
                            tuple(i for i, _ in self.services),
                            tuple(OfferDraft(o.pay_fen, o.bonus_fen) for o in self.offers))


def product_row(s: Session, p: CardProduct) -> ProductRow:
    services = s.execute(select(ServiceItem.id, ServiceItem.name)
                         .join(CoveredService,
                               CoveredService.service_item_id == ServiceItem.id)
                         .where(CoveredService.product_id == p.id)
                         .order_by(ServiceItem.name)).all()
    offers = s.scalars(select(TopUpOffer).where(TopUpOffer.product_id == p.id,
                                                TopUpOffer.active)
                       .order_by(TopUpOffer.pay_fen))
    return ProductRow(p.id, p.kind, p.name, p.price_fen, p.sessions, p.validity_days,
                      p.complimentary, p.active, p.note, p.version,
                      tuple((i, n) for i, n in services),
                      tuple(OfferRow(o.id, o.pay_fen, o.bonus_fen) for o in offers))


def _not_found(product_id: object) -> NotFound:
    return NotFound("No card product with number {id}.", field="product_id", id=product_id)


class CardProductService(PointsSetup):
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def products(self, actor: Actor, *, with_inactive: bool = False) -> list[ProductRow]:
        """The store's products by kind and name (the active ones unless ``with_inactive``)."""
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            query = select(CardProduct).where(CardProduct.branch_id == actor.branch_id)
            if not with_inactive:
                query = query.where(CardProduct.active)
            rows = s.scalars(query.order_by(CardProduct.kind, CardProduct.name))
            return [product_row(s, p) for p in rows]

    @unit_of_work
    def product(self, actor: Actor, product_id: int) -> ProductRow:
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            p = get_row(s, CardProduct, product_id)
            if p is None or p.branch_id != actor.branch_id:
                raise _not_found(product_id)
            return product_row(s, p)

    @unit_of_work
    def create(self, actor: Actor, draft: ProductDraft) -> ProductRow:
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        draft = checked(draft)
        with self._db.write() as s:
            self._refuse_taken(s, actor.branch_id, draft.name, None)
            self._check_services(s, actor.branch_id, draft.service_item_ids)
            p = CardProduct(branch_id=actor.branch_id, kind=draft.kind, name=draft.name,
                            created_at=self._clock())
            s.add(p)
            self._apply(s, p, draft, self._clock())
            audit.record(s, self._clock(), actor, AuditAction.CARD_PRODUCT_CREATE,
                         "card_product", p.id, p.name)
            return product_row(s, p)

    @unit_of_work
    def edit(self, actor: Actor, product_id: int, version: int,
             draft: ProductDraft) -> ProductRow:
        """Save ``draft`` over the product the editor showed at ``version``."""
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        draft = checked(draft)
        with self._db.write() as s:
            p = self._locked(s, actor, product_id, version)
            if draft.kind is not p.kind and s.scalar(
                    select(MemberCard.id).where(MemberCard.product_id == p.id).limit(1)):
                raise ValidationError("Cards of this product are out; its kind cannot "
                                      "change. Make a new product instead.", field="kind")
            self._refuse_taken(s, actor.branch_id, draft.name, p.id)
            self._check_services(s, actor.branch_id, draft.service_item_ids)
            self._apply(s, p, draft, self._clock())
            audit.record(s, self._clock(), actor, AuditAction.CARD_PRODUCT_EDIT,
                         "card_product", p.id, p.name)
            return product_row(s, p)

    @unit_of_work
    def set_active(self, actor: Actor, product_id: int, version: int,
                   active: bool) -> ProductRow:
        """Deactivate a product (the desk stops selling it; its cards go on) or bring it back."""
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        with self._db.write() as s:
            p = self._locked(s, actor, product_id, version)
            if active and not p.active:
                self._refuse_taken(s, actor.branch_id, p.name, p.id)
            p.active = bool(active)
            flag_modified(p, "active")  # the version moves on even when nothing changed
            s.flush()
            audit.record(s, self._clock(), actor, AuditAction.CARD_PRODUCT_EDIT,
                         "card_product", p.id, f"active={p.active}")
            return product_row(s, p)

    def _locked(self, s: Session, actor: Actor, product_id: int, version: int) -> CardProduct:
        p = locked_row(s, CardProduct, product_id)
        if p is None or p.branch_id != actor.branch_id:
            raise _not_found(product_id)
        if p.version != version:
            raise ConflictError("Someone else changed {name} meanwhile; open it again to see "
                                "their change.", field="version", name=p.name)
        return p

    @staticmethod
    def _refuse_taken(s: Session, branch_id: int, name: str, own_id: int | None) -> None:
        taken = s.scalar(select(CardProduct.id).where(
            CardProduct.branch_id == branch_id, CardProduct.active, CardProduct.name == name,
            CardProduct.id != (own_id or 0)))
        if taken is not None:
            raise ValidationError("A card product is called {name} already.", field="name",
                                  name=name)

    @staticmethod
    def _check_services(s: Session, branch_id: int, ids: Sequence[int]) -> None:
        if not ids:
            return
        found = set(s.scalars(select(ServiceItem.id).where(
            ServiceItem.id.in_(ids), ServiceItem.branch_id == branch_id, ServiceItem.active)))
        missing = [i for i in ids if i not in found]
        if missing:
            raise ValidationError("The catalog has no service number {id}.",
                                  field="service_item_ids", id=missing[0])

    @staticmethod
    def _apply(s: Session, p: CardProduct, draft: ProductDraft, now: dt.datetime) -> None:
        """Write ``draft`` into ``p``, its services and offers; the version moves on once."""
        p.kind, p.name, p.price_fen = draft.kind, draft.name, draft.price_fen
        p.sessions, p.validity_days = draft.sessions, draft.validity_days
        p.complimentary, p.note = draft.complimentary, draft.note
        flag_modified(p, "name")  # the version moves on when only offers or services change
        s.flush()
        s.execute(delete(CoveredService).where(CoveredService.product_id == p.id))
        s.add_all(CoveredService(product_id=p.id, service_item_id=i)
                  for i in draft.service_item_ids)
        _replace_offers(s, p, draft.offers, now)
        s.flush()


def _replace_offers(s: Session, p: CardProduct, offers: Sequence[OfferDraft],
                    now: dt.datetime) -> None:
    """Keep the offers that stay as they are; deactivate the others; add the new ones."""
    wanted = {(o.pay_fen, o.bonus_fen) for o in offers}
    current = list(s.scalars(select(TopUpOffer).where(TopUpOffer.product_id == p.id,
                                                      TopUpOffer.active)))
    kept: set[tuple[int, int]] = set()
    for offer in current:
        key = (offer.pay_fen, offer.bonus_fen)
        if key in wanted:
            kept.add(key)
        else:
            offer.active = False
    s.add_all(TopUpOffer(product_id=p.id, pay_fen=pay, bonus_fen=bonus, created_at=now)
              for pay, bonus in sorted(wanted - kept))
