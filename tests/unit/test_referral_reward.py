"""The referral reward: the referrer gets the store's reward once, when the client they
referred gets her first card; two terminals at once still book it once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.models.card import (
    CardEntry,
    CardOperation,
    OperationKind,
    PointsAccount,
    Voucher,
    VoucherSource,
)
from frontdesk.services.cards.points_setup import PointsRule
from frontdesk.services.cards.referral import ReferralReward
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from tests.cards import Shop, drift, shop
from tests.concurrency import Background, PauseBefore, wait_until_blocked
from tests.conftest import FakeClock


@pytest.fixture
def store(services: Services, admin: Actor) -> Shop:
    return shop(services, admin)


@pytest.fixture
def pair(services: Services, admin: Actor) -> tuple[int, int]:
    """(referrer, referred): 王芳 brought 李娜."""
    referrer = services.clients.register(admin, NewClient("王芳", "13900001111")).client_id
    referred = services.clients.register(admin, NewClient(
        "李娜", "13900002222", source="referral", referred_by_id=referrer)).client_id
    return referrer, referred


@pytest.fixture
def second(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[Services]:
    other = Database(db.url)
    yield Services(other, clock, photos_dir=tmp_path / "photos")
    other.dispose()


def rewards(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(CardOperation.id)).where(
            CardOperation.kind == OperationKind.REFERRAL_REWARD)) or 0


def points(db: Database, client_id: int) -> int:
    with db.read() as s:
        return s.scalar(select(PointsAccount.points).where(
            PointsAccount.client_id == client_id)) or 0


def issue(services: Services, admin: Actor, store: Shop, client_id: int, key: str) -> None:
    services.cards.issue(admin, client_id=client_id, product_id=store.stored, key=key,
                         method="cash", amount_fen=100_000, offer_id=store.offer)


def test_the_first_card_of_a_referred_client_rewards_the_referrer_once(
        services: Services, admin: Actor, db: Database, store: Shop,
        pair: tuple[int, int]) -> None:
    referrer, referred = pair
    issue(services, admin, store, referred, "card-1")
    assert (rewards(db), points(db, referrer), points(db, referred)) == (1, 100, 0)
    issue(services, admin, store, referred, "card-2")  # her second card
    assert services.tiers.reward_referral(admin, referred) is None  # asked again
    assert (rewards(db), points(db, referrer)) == (1, 100)
    with db.read() as s:
        op = s.scalar(select(CardOperation).where(
            CardOperation.kind == OperationKind.REFERRAL_REWARD))
        assert op is not None
        assert (op.client_id, op.idempotency_key, op.money_fen) == \
            (referrer, f"referral:{referred}", 0)
    assert drift(db) == []


def test_a_card_that_is_not_her_first_rewards_nobody(
        services: Services, admin: Actor, db: Database, store: Shop, pair: tuple[int, int],
        clock: FakeClock) -> None:
    """A database older than the reward: her first card was issued without one."""
    referrer, referred = pair
    services.card_products.set_points_rule(admin, PointsRule(1, 0, 0))
    issue(services, admin, store, referred, "card-1")
    services.card_products.set_points_rule(admin, PointsRule(1, 100, 0))
    issue(services, admin, store, referred, "card-2")
    assert rewards(db) == 0
    assert services.tiers.reward_referral(admin, referred) is not None  # by hand, once
    assert (rewards(db), points(db, referrer)) == (1, 100)


def test_a_client_nobody_referred_rewards_nobody(services: Services, admin: Actor,
                                                 db: Database, store: Shop,
                                                 pair: tuple[int, int]) -> None:
    referrer, _ = pair
    issue(services, admin, store, referrer, "card-1")
    assert rewards(db) == 0


def test_the_reward_can_be_a_voucher(services: Services, admin: Actor, db: Database,
                                     store: Shop, pair: tuple[int, int]) -> None:
    referrer, referred = pair
    services.card_products.set_points_rule(admin, PointsRule(1, 0, 5_000))
    reward = services.tiers.reward_referral(admin, referred)
    assert isinstance(reward, ReferralReward)
    assert (reward.referrer_id, reward.points, reward.voucher_value_fen) == (referrer, 0, 5_000)
    with db.read() as s:
        voucher = s.get(Voucher, reward.voucher_id)
        assert voucher is not None
        assert (voucher.client_id, voucher.value_fen, voucher.source) == \
            (referrer, 5_000, VoucherSource.REFERRAL)
        assert s.scalar(select(CardEntry.client_id).where(
            CardEntry.voucher_id == voucher.id)) == referrer
    assert points(db, referrer) == 0


def test_no_reward_when_the_store_gives_none(services: Services, admin: Actor, db: Database,
                                             pair: tuple[int, int]) -> None:
    services.card_products.set_points_rule(admin, PointsRule(1, 0, 0))
    assert services.tiers.reward_referral(admin, pair[1]) is None
    assert rewards(db) == 0


def test_two_terminals_at_once_book_the_reward_once(
        services: Services, second: Services, admin: Actor, db: Database,
        pair: tuple[int, int]) -> None:
    referrer, referred = pair
    paused = PauseBefore(services.db, "INSERT INTO card_operation")
    first = Background(lambda: services.tiers.reward_referral(admin, referred))
    paused.wait()  # the first holds the referred client's lock, about to book
    other = Background(lambda: second.tiers.reward_referral(admin, referred))
    wait_until_blocked(db, other)
    paused.release()
    results = [first.result(), other.result()]
    assert isinstance(results[0], ReferralReward) and results[1] is None
    assert (rewards(db), points(db, referrer)) == (1, 100)
    assert drift(db) == []
