"""The member-card rules on a real database, the cards moved by the real card services:
expiring, balance low (once per top-up), last session used."""

from __future__ import annotations

import datetime as dt

from frontdesk.core.context import Actor
from frontdesk.models.care import CareChannel, CareKind
from frontdesk.services.care.drafts import TaskDraft
from frontdesk.services.care.occasions.cards import (
    CardBalanceLowSource,
    CardExpiringSource,
    CardLastSessionSource,
)
from frontdesk.services.registry import Services
from tests.cards import client, shop
from tests.conftest import FakeClock
from tests.occasions import occasions, run, unique_key

TODAY = dt.date(2026, 11, 23)  # the clock fixture's day


def test_a_card_expiring_is_due_30_days_ahead(services: Services, admin: Actor) -> None:
    cards = shop(services, admin)
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.session,
                                key=unique_key(), method="cash").card
    expires = TODAY + dt.timedelta(days=365)
    drafts = run(CardExpiringSource(), services.db, admin.branch_id,
                 expires - dt.timedelta(days=30))
    assert drafts == [TaskDraft(
        kind=CareKind.CARD_EXPIRING, occasion=f"card_expiring:{card.id}:{expires}",
        due_on=expires - dt.timedelta(days=30), client_id=owner, channel=CareChannel.CALL,
        event_on=expires, reason="card_expiring",
        detail={"card_no": card.card_no, "product": "面部护理10次卡", "balance_fen": 0,
                "sessions": 10, "expires_on": expires.isoformat()})]
    first, last = expires - dt.timedelta(days=40), expires
    assert occasions(run(CardExpiringSource(), services.db, admin.branch_id, first, last)) == [
        f"card_expiring:{card.id}:{expires}"]
    services.cards.freeze(admin, card_id=card.id, reason="出差", key=unique_key())
    assert run(CardExpiringSource(), services.db, admin.branch_id, first, last) == []


def test_a_balance_falling_below_the_threshold_is_told_once_after_each_top_up(
        services: Services, admin: Actor, clock: FakeClock) -> None:
    db, branch = services.db, admin.branch_id
    cards = shop(services, admin)
    owner = client(services, admin)
    issued = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                  key=unique_key(), method="cash", amount_fen=50_000)
    card = issued.card
    services.cards.charge(admin, card_id=card.id, amount_fen=20_000, key=unique_key())
    assert run(CardBalanceLowSource(), db, branch, TODAY) == []  # ¥300 left: above ¥200
    clock.advance(days=2)
    services.cards.charge(admin, card_id=card.id, amount_fen=15_000, key=unique_key())
    clock.advance(days=1)
    services.cards.charge(admin, card_id=card.id, amount_fen=5_000, key=unique_key())
    low = dt.date(2026, 11, 25)
    drafts = run(CardBalanceLowSource(), db, branch, TODAY, TODAY + dt.timedelta(days=5))
    assert drafts == [TaskDraft(
        kind=CareKind.CARD_BALANCE_LOW, occasion=f"card_low:{card.id}:{issued.operation_id}",
        due_on=low, client_id=owner, channel=CareChannel.CALL, reason="card_balance_low",
        detail={"card_no": card.card_no, "product": "储值卡", "balance_fen": 10_000,
                "sessions": 0, "expires_on": "", "threshold_fen": 20_000})]
    assert run(CardBalanceLowSource(), db, branch, low + dt.timedelta(days=1)) == []
    topped = services.cards.top_up(admin, card_id=card.id, amount_fen=100_000, method="cash",
                                   key=unique_key())
    assert run(CardBalanceLowSource(), db, branch, TODAY, low + dt.timedelta(days=5)) == []
    clock.advance(days=1)
    services.cards.charge(admin, card_id=card.id, amount_fen=100_000, key=unique_key())
    assert occasions(run(CardBalanceLowSource(), db, branch, low + dt.timedelta(days=2))) == [
        f"card_low:{card.id}:{topped.operation_id}"]


def test_a_card_never_above_the_threshold_is_not_told(services: Services, admin: Actor) -> None:
    cards = shop(services, admin)
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                key=unique_key(), method="cash", amount_fen=15_000).card
    services.cards.charge(admin, card_id=card.id, amount_fen=5_000, key=unique_key())
    assert run(CardBalanceLowSource(), services.db, admin.branch_id, TODAY) == []


def test_the_last_session_used_is_told_on_its_day(services: Services, admin: Actor,
                                                 clock: FakeClock) -> None:
    db, branch = services.db, admin.branch_id
    cards = shop(services, admin)
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.session,
                                key=unique_key(), method="cash").card
    services.cards.charge(admin, card_id=card.id, sessions=9, service_item_id=cards.facial,
                          key=unique_key())
    assert run(CardLastSessionSource(), db, branch, TODAY) == []
    clock.advance(days=3)
    last = services.cards.charge(admin, card_id=card.id, sessions=1,
                                 service_item_id=cards.facial, key=unique_key())
    day = TODAY + dt.timedelta(days=3)
    drafts = run(CardLastSessionSource(), db, branch, TODAY, day + dt.timedelta(days=2))
    assert drafts == [TaskDraft(
        kind=CareKind.CARD_LAST_SESSION, occasion=f"card_last:{card.id}:{last.operation_id}",
        due_on=day, client_id=owner, channel=CareChannel.CALL, reason="card_last_session",
        detail={"card_no": card.card_no, "product": "面部护理10次卡", "balance_fen": 0,
                "sessions": 0, "expires_on": (TODAY + dt.timedelta(days=365)).isoformat()})]
    assert run(CardLastSessionSource(), db, branch, TODAY) == []
    assert run(CardLastSessionSource(), db, branch, day + dt.timedelta(days=1)) == []


def test_sessions_written_off_at_expiry_are_not_a_last_session_used(
        services: Services, admin: Actor, clock: FakeClock) -> None:
    cards = shop(services, admin)
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.session,
                                key=unique_key(), method="cash").card
    services.cards.charge(admin, card_id=card.id, sessions=3, service_item_id=cards.facial,
                          key=unique_key())
    clock.advance(days=400)
    written_off = services.cards.expire_due(admin)
    assert [c.card_id for c in written_off] == [card.id]
    day = TODAY + dt.timedelta(days=400)
    assert services.cards.card(admin, card.id).sessions == 0
    assert run(CardLastSessionSource(), services.db, admin.branch_id, day) == []
