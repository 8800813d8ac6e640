"""The read side of member cards: what a card shows, and its history, as frozen dataclasses.

A :class:`CardView` is read in the caller's session (a writer returns the card as it
left it). The owner's phone is masked for a role without ``SEE_FULL_PHONE``. A card
whose expiry date has passed says so (``expired``) and still shows what is on it:
expiry writes balances off only by an EXPIRE operation, which its history lists.

:func:`history` pages a card's operations newest first by keyset (``before_id``: the
smallest operation id of the previous page). The balances after each operation are
the card's cached balances minus what the newer operations moved, which is exact
because the cached balances equal the ledger's sums (:mod:`.ledger`) and every writer
takes the card's row lock before it books, so operation ids follow the order their
movements were applied in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select, union
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, local_today
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.phones import phone_for
from frontdesk.errors import NotFound
from frontdesk.models import Client, ServiceItem, Staff
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
    PointsAccount,
    Voucher,
    VoucherKind,
    VoucherSource,
    VoucherStatus,
)
from frontdesk.models.visit import PaymentMethod
from frontdesk.services.rows import get_row, locked_row

HISTORY_MAX = 200
"""The most rows one page of history holds."""


@dataclass(frozen=True)
class Holder:
    """A family member (家庭卡) who may charge the card."""

    client_id: int
    name: str
    relation: str


@dataclass(frozen=True)
class VoucherView:
    id: int
    code: str
    client_id: int
    kind: VoucherKind
    title: str
    value_fen: int
    source: VoucherSource
    status: VoucherStatus
    issued_at: dt.datetime
    expires_on: dt.date | None


@dataclass(frozen=True)
class CardView:
    id: int
    card_no: str
    client_id: int
    owner_name: str
    phone: str
    """The owner's phone as the actor's role may see it (masked without SEE_FULL_PHONE)."""
    product_id: int
    product_name: str
    kind: CardKind
    status: CardStatus
    issued_at: dt.datetime
    expires_on: dt.date | None
    expired: bool
    """The expiry date has passed (the card cannot be charged until extended)."""
    paid_fen: int
    bonus_fen: int
    sessions: int
    services: tuple[tuple[int, str], ...]
    """(service item id, name) of the services a session card's sessions cover."""
    holders: tuple[Holder, ...]
    points: int
    """The owner's points."""
    tier_code: str
    tier_name: str
    tier_valid_until: dt.date | None
    vouchers: tuple[VoucherView, ...]
    """The owner's open vouchers."""
    replaces_id: int | None
    replaced_by_id: int | None

    @property
    def balance_fen(self) -> int:
        """Money on the card: paid and bonus."""
        return self.paid_fen + self.bonus_fen


@dataclass(frozen=True)
class HistoryRow:
    """One operation on a card, with the card's balances right after it."""

    operation_id: int
    at: dt.datetime
    kind: OperationKind
    paid_fen: int
    bonus_fen: int
    sessions: int
    points: int
    paid_after: int
    bonus_after: int
    sessions_after: int
    method: PaymentMethod | None
    money_fen: int
    staff_name: str
    reason: str
    visit_id: int | None


@dataclass(frozen=True)
class CardResult:
    """What a card operation did: its operation and the card as it left it."""

    operation_id: int
    card: CardView
    replayed: bool = False
    """True when the key had been booked before: nothing was written this time."""


def voucher_view(v: Voucher) -> VoucherView:
    return VoucherView(v.id, v.code, v.client_id, v.kind, v.title, v.value_fen, v.source,
                       v.status, v.issued_at, v.expires_on)


def card_view(s: Session, actor: Actor, card_id: int, today: dt.date) -> CardView:
    """The card as ``actor`` may see it; NotFound for another branch's or no card."""
    card = require_card(s, actor, card_id)
    owner = s.get(Client, card.client_id)
    product = s.get(CardProduct, card.product_id)
    assert owner is not None and product is not None
    tier = s.scalars(select(ClientTier).where(ClientTier.client_id == owner.id)
                     .order_by(ClientTier.id.desc()).limit(1)).first()
    return CardView(
        id=card.id, card_no=card.card_no, client_id=owner.id, owner_name=owner.name,
        phone=phone_for(owner.phone_e164, allowed(actor, Action.SEE_FULL_PHONE)),
        product_id=product.id, product_name=product.name, kind=product.kind,
        status=card.status, issued_at=card.issued_at, expires_on=card.expires_on,
        expired=card.expires_on is not None and card.expires_on < today,
        paid_fen=card.paid_fen, bonus_fen=card.bonus_fen, sessions=card.sessions,
        services=_services(s, product.id) if product.kind is CardKind.SESSION else (),
        holders=_holders(s, card.id),
        points=s.scalar(select(PointsAccount.points)
                        .where(PointsAccount.client_id == owner.id)) or 0,
        tier_code=tier.tier_code if tier else "", tier_name=tier.tier_name if tier else "",
        tier_valid_until=tier.valid_until if tier else None,
        vouchers=open_vouchers(s, owner.id), replaces_id=card.replaces_id,
        replaced_by_id=card.replaced_by_id)


def _services(s: Session, product_id: int) -> tuple[tuple[int, str], ...]:
    rows = s.execute(select(ServiceItem.id, ServiceItem.name)
                     .join(CardProductService, CardProductService.service_item_id == ServiceItem.id)
                     .where(CardProductService.product_id == product_id)
                     .order_by(ServiceItem.name, ServiceItem.id))
    return tuple((r.id, r.name) for r in rows)


def _holders(s: Session, card_id: int) -> tuple[Holder, ...]:
    rows = s.execute(select(CardHolder.client_id, Client.name, CardHolder.relation)
                     .join(Client, Client.id == CardHolder.client_id)
                     .where(CardHolder.card_id == card_id)
                     .order_by(CardHolder.added_at, CardHolder.client_id))
    return tuple(Holder(r.client_id, r.name, r.relation) for r in rows)


def open_vouchers(s: Session, client_id: int) -> tuple[VoucherView, ...]:
    rows = s.scalars(select(Voucher).where(Voucher.client_id == client_id,
                                           Voucher.status == VoucherStatus.OPEN)
                     .order_by(Voucher.id))
    return tuple(voucher_view(v) for v in rows)


def card_ids_of_clients(s: Session, branch_id: int, client_ids: Sequence[int]) -> list[int]:
    """The cards the clients own or share (家庭卡), newest first, without duplicates."""
    if not client_ids:
        return []
    shared = select(CardHolder.card_id).where(CardHolder.client_id.in_(client_ids))
    ids = s.scalars(select(MemberCard.id)
                    .where(MemberCard.branch_id == branch_id,
                           or_(MemberCard.client_id.in_(client_ids), MemberCard.id.in_(shared)))
                    .order_by(MemberCard.id.desc()))
    return list(ids)


def history(s: Session, card: MemberCard, *, kinds: Sequence[OperationKind] = (),
            since: dt.datetime | None = None, until: dt.datetime | None = None,
            before_id: int | None = None, limit: int = 50) -> list[HistoryRow]:
    """One page of the card's operations, newest first (see the module docstring)."""
    e = CardEntry
    moved = select(e.operation_id, func.sum(e.paid_fen).label("paid"),
                   func.sum(e.bonus_fen).label("bonus"), func.sum(e.sessions).label("sessions")
                   ).where(e.card_id == card.id).group_by(e.operation_id).subquery()
    points = (select(func.coalesce(func.sum(e.points), 0)).where(e.operation_id == CardOperation.id)
              .scalar_subquery())
    # the card's operations by its two indexes (an OR across the outer join read the whole
    # card_operation table newest first until it had a page: a card with few operations
    # read them all)
    ids = union(select(CardOperation.id).where(CardOperation.card_id == card.id),
                select(e.operation_id).where(e.card_id == card.id))
    query = (select(CardOperation, moved.c.paid, moved.c.bonus, moved.c.sessions,
                    points.label("points"), Staff.display_name)
             .outerjoin(moved, moved.c.operation_id == CardOperation.id)
             .outerjoin(Staff, Staff.id == CardOperation.staff_id)
             .where(CardOperation.id.in_(ids))
             .order_by(CardOperation.id.desc()).limit(max(1, min(limit, HISTORY_MAX))))
    filters: list[ColumnElement[bool]] = [CardOperation.kind.in_(list(kinds))] if kinds else []
    filters += [CardOperation.at >= since] if since else []
    filters += [CardOperation.at < until] if until else []
    filters += [CardOperation.id < before_id] if before_id else []
    page = s.execute(query.where(and_(*filters)) if filters else query).all()
    if not page:
        return []
    after = _balances_after(s, card, [row[0].id for row in page])
    # int(): PostgreSQL sums bigints as numeric (Decimal); money is int fen everywhere
    return [HistoryRow(op.id, op.at, op.kind, int(paid or 0), int(bonus or 0),
                       int(sessions or 0), int(pts or 0),
                       *after[op.id], op.method, op.money_fen, staff_name or "", op.reason,
                       op.visit_id)
            for op, paid, bonus, sessions, pts, staff_name in page]


def _balances_after(s: Session, card: MemberCard,
                    op_ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """The card's balances right after each of ``op_ids``: its cached balances less what
    every newer operation moved (one query, whatever the page's filters left out)."""
    e = CardEntry
    newer = s.execute(select(e.operation_id, func.sum(e.paid_fen), func.sum(e.bonus_fen),
                             func.sum(e.sessions))
                      .where(e.card_id == card.id, e.operation_id > min(op_ids))
                      .group_by(e.operation_id)).all()
    moved = {row[0]: (int(row[1]), int(row[2]), int(row[3])) for row in newer}
    paid, bonus, sessions = card.paid_fen, card.bonus_fen, card.sessions
    after: dict[int, tuple[int, int, int]] = {}
    wanted = set(op_ids)
    for op_id in sorted(set(moved) | wanted, reverse=True):
        if op_id in wanted:
            after[op_id] = (paid, bonus, sessions)
        dp, db_, ds = moved.get(op_id, (0, 0, 0))
        paid, bonus, sessions = paid - dp, bonus - db_, sessions - ds
    return after


def require_card(s: Session, actor: Actor, card_id: object, *, lock: bool = False) -> MemberCard:
    """The actor's branch's card (locked when ``lock``); NotFound otherwise."""
    card = (locked_row if lock else get_row)(s, MemberCard, card_id)
    if card is None or card.branch_id != actor.branch_id:
        raise NotFound("No such member card.", field="card_id")
    return card


def today_of(clock_now: dt.datetime) -> dt.date:
    """The store's local date at ``clock_now``."""
    return local_today(lambda: clock_now)
