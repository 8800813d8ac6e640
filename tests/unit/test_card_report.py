"""The day's closing report (日结) from the real card services: it reconciles to the fen,
both ways of finding the closing totals agree, and the money is counted by method."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role, local_day_bounds
from frontdesk.errors import PermissionDenied
from frontdesk.models import AuditEntry
from frontdesk.models.card import CardEntry, MemberCard, OperationKind, PointsAccount
from frontdesk.models.visit import PaymentMethod
from frontdesk.services.cards.report import Balances, ClosingReport
from frontdesk.services.desk.approval import Approval
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.cards import Shop, client, drift, shop
from tests.conftest import ADMIN_PASSWORD, NOW, FakeClock

DAY = NOW.astimezone().date()  # 23 November, 10:30 in Shanghai


@pytest.fixture
def cards(services: Services, admin: Actor) -> Shop:
    return shop(services, admin)


def _ledger_until(services: Services, end: dt.datetime) -> Balances:
    """The totals straight from the ledger: every entry before ``end``."""
    with services.db.read() as s:
        paid, bonus, sessions, points = s.execute(select(
            func.coalesce(func.sum(CardEntry.paid_fen), 0),
            func.coalesce(func.sum(CardEntry.bonus_fen), 0),
            func.coalesce(func.sum(CardEntry.sessions), 0),
            func.coalesce(func.sum(CardEntry.points), 0)).where(CardEntry.at < end)).one()
    return Balances(paid, bonus, sessions, points)


def _cached(services: Services) -> Balances:
    with services.db.read() as s:
        paid, bonus, sessions = s.execute(select(
            func.sum(MemberCard.paid_fen), func.sum(MemberCard.bonus_fen),
            func.sum(MemberCard.sessions))).one()
        points = s.scalar(select(func.coalesce(func.sum(PointsAccount.points), 0)))
    return Balances(paid, bonus, sessions, points)


def _two_days(services: Services, admin: Actor, cards: Shop, clock: FakeClock) -> None:
    """Day 1: two cards sold, a top-up with an offer, a money and a session charge.
    Day 2: a top-up, a refund, a charge."""
    cards_svc = services.cards
    wang, li = client(services, admin, "王芳"), client(services, admin, "李娜")
    stored = cards_svc.issue(admin, client_id=wang, product_id=cards.stored, key="d1-issue-w",
                             method="cash", amount_fen=50_000).card
    session = cards_svc.issue(admin, client_id=li, product_id=cards.session, key="d1-issue-l",
                              method="alipay").card
    clock.advance(hours=1)
    cards_svc.top_up(admin, card_id=stored.id, method="wechat", offer_id=cards.offer,
                     key="d1-top")
    clock.advance(hours=1)
    cards_svc.charge(admin, card_id=stored.id, amount_fen=30_000, key="d1-charge")
    cards_svc.charge(admin, card_id=session.id, sessions=1, service_item_id=cards.facial,
                     key="d1-session")
    clock.advance(days=1)
    cards_svc.top_up(admin, card_id=stored.id, amount_fen=20_000, method="cash", key="d2-top")
    cards_svc.refund(admin, card_id=stored.id, amount_fen=10_000, method="cash",
                     reason="客户要求退款", approval=Approval("admin", ADMIN_PASSWORD, "同意"),
                     key="d2-refund")
    cards_svc.charge(admin, card_id=stored.id, amount_fen=5_000, key="d2-charge")


def test_the_closing_report_reconciles_to_the_fen(services: Services, admin: Actor, cards: Shop,
                                                  clock: FakeClock) -> None:
    _two_days(services, admin, cards, clock)
    first: ClosingReport = services.card_report.closing(admin, DAY)
    second = services.card_report.closing(admin, DAY + dt.timedelta(days=1))
    assert first.reconciles and second.reconciles
    assert first.opening == Balances()
    # the first day is nearer the ledger's start, the second its end: both ways agree
    assert first.closing == second.opening == _ledger_until(services, local_day_bounds(DAY)[1])
    assert second.closing == _cached(services)
    assert second.opening + second.movements == second.closing
    assert drift(services.db) == []


def test_the_report_counts_the_money_by_method(services: Services, admin: Actor, cards: Shop,
                                               clock: FakeClock) -> None:
    _two_days(services, admin, cards, clock)
    first = services.card_report.closing(admin, DAY)
    assert first.card_sales == {PaymentMethod.CASH: 50_000, PaymentMethod.ALIPAY: 200_000}
    assert first.top_ups == {PaymentMethod.WECHAT: 100_000}
    assert first.bonus_given == 20_000
    assert first.charged.paid_fen + first.charged.bonus_fen == 30_000
    assert first.charged.sessions == 1
    assert first.refunds == {}
    assert first.line(OperationKind.ISSUE).operations == 2
    assert first.closing.paid_fen == 50_000 + 100_000 - first.charged.paid_fen
    second = services.card_report.closing(admin, DAY + dt.timedelta(days=1))
    assert second.top_ups == {PaymentMethod.CASH: 20_000}
    assert second.refunds == {PaymentMethod.CASH: 10_000}
    assert second.money_by_method() == {PaymentMethod.CASH: 10_000}
    refund = second.line(OperationKind.REFUND).moved
    assert refund.paid_fen == -10_000 and refund.bonus_fen < 0  # bonus written off in proportion
    assert [line.kind for line in second.lines] == [OperationKind.TOP_UP, OperationKind.CHARGE,
                                                    OperationKind.REFUND]


def test_a_day_without_cards_and_a_day_before_any(services: Services, admin: Actor,
                                                  cards: Shop, clock: FakeClock) -> None:
    empty = services.card_report.closing(admin, DAY)
    assert (empty.opening, empty.closing, empty.lines) == (Balances(), Balances(), ())
    _two_days(services, admin, cards, clock)
    later = services.card_report.closing(admin, DAY + dt.timedelta(days=5))
    assert later.lines == () and later.opening == later.closing == _cached(services)
    before = services.card_report.closing(admin, DAY - dt.timedelta(days=1))
    assert before.closing == Balances() and before.reconciles


def test_the_report_is_audited_and_for_the_desk(services: Services, admin: Actor) -> None:
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "desk")
    services.card_report.closing(desk, DAY)
    with services.db.read() as s:
        assert s.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "card.report_view")).all() == [f"day={DAY.isoformat()}"]
    therapist = staff_in_role(services.db, admin.branch_id, Role.THERAPIST, "js")
    with pytest.raises(PermissionDenied):
        services.card_report.closing(therapist, DAY)
