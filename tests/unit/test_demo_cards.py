"""The demo store's member cards: products, cards with a believable past, consistent to
the fen (the consistency check passes), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.models import Payment
from frontdesk.models.card import (
    CardHolder,
    CardKind,
    CardOperation,
    CardProduct,
    CardStatus,
    MemberCard,
    OperationKind,
    TopUpOffer,
    Voucher,
)
from frontdesk.models.visit import PaymentMethod
from frontdesk.services.registry import Services
from tests.conftest import FakeClock
from tests.unit.test_demo import ANCHOR, fill


def test_the_demo_store_has_living_cards(db: Database, clock: FakeClock) -> None:
    summary = fill(db, clock, clients=300)
    assert summary.cards > 10 and f"{summary.cards:,} member cards" in summary.headline
    with db.read() as s:
        kinds = Counter(s.scalars(select(CardProduct.kind)))
        offers = sorted(tuple(r) for r in s.execute(
            select(TopUpOffer.pay_fen, TopUpOffer.bonus_fen)))
        ops = Counter(s.scalars(select(CardOperation.kind)))
        statuses = Counter(s.scalars(select(MemberCard.status)))
        holders = s.scalar(select(func.count()).select_from(CardHolder))
        vouchers = s.scalar(select(func.count()).select_from(Voucher))
        card_paid = s.scalar(select(func.count()).where(
            Payment.method == PaymentMethod.MEMBER_CARD))
        charged_visits = s.scalar(select(func.count(func.distinct(CardOperation.visit_id)))
                                  .where(CardOperation.kind == OperationKind.CHARGE))
        sessions_left = s.scalar(select(func.sum(MemberCard.sessions)))
    assert kinds == {CardKind.STORED_VALUE: 1, CardKind.SESSION: 1, CardKind.MEMBERSHIP: 1}
    assert offers == [(100_000, 10_000), (300_000, 50_000), (500_000, 100_000)]
    assert ops[OperationKind.ISSUE] == summary.cards
    assert ops[OperationKind.CHARGE] > summary.cards and ops[OperationKind.TOP_UP] > 0
    assert statuses[CardStatus.FROZEN] == 3 and holders and vouchers
    assert card_paid and charged_visits and sessions_left


def test_the_demo_cards_are_consistent_and_their_days_reconcile(
        db: Database, clock: FakeClock, tmp_path: object) -> None:
    fill(db, clock, clients=300)
    services = Services(db, clock, photos_dir=tmp_path)  # type: ignore[arg-type]
    manager = services.auth.sign_in("manager", DEMO_PASSWORD)
    report = services.card_report.check(manager)
    assert report.ok, [v.detail for item in report.items for v in item.violations]
    with db.read() as s:
        busiest = s.execute(select(CardOperation.at).where(
            CardOperation.kind == OperationKind.CHARGE).order_by(CardOperation.at)).scalars()
        day = Counter(at.astimezone().date() for at in busiest).most_common(1)[0][0]
    closing = services.card_report.closing(manager, day)
    assert closing.reconciles and closing.line(OperationKind.CHARGE).operations > 0
    assert day < ANCHOR and closing.closing.paid_fen > 0
    assert services.card_report.closing(manager, ANCHOR + dt.timedelta(days=1)).reconciles
