"""The desk search and member cards: a card's number finds its owner, hits carry the balance."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models.card import CardKind, CardStatus, MemberCard
from frontdesk.services.cards.search_extras import CardBalances
from frontdesk.services.clients.search import ClientSearch, MatchKind
from frontdesk.services.registry import Services
from tests.cards import client, product
from tests.conftest import FakeClock
from tests.unit.test_clients import staff_actor
from tests.unit.test_query_plans import statements


@pytest.fixture
def stored(services: Services, admin: Actor) -> int:
    return product(services.db, admin.branch_id, CardKind.STORED_VALUE, "储值卡")


def issue(services: Services, admin: Actor, client_id: int, product_id: int, amount_fen: int,
          card_no: str = "") -> tuple[int, str]:
    result = services.cards.issue(admin, client_id=client_id, product_id=product_id,
                                  card_no=card_no, method="cash", amount_fen=amount_fen,
                                  key=f"i{client_id}-{card_no}-{amount_fen}")
    return result.card.id, result.card.card_no


def test_a_card_number_typed_or_swiped_finds_its_owner(services: Services, admin: Actor,
                                                       stored: int) -> None:
    owner = client(services, admin, "王芳")
    client(services, admin, "李娜")
    _, generated = issue(services, admin, owner, stored, 10_000)
    issue(services, admin, owner, stored, 0, card_no="VIP0042")
    desk = staff_actor(services, admin, "desk1", Role.RECEPTIONIST)
    for typed in (generated, "VIP0042", "vip0042"):
        [hit] = services.search.search(desk, typed)
        assert (hit.client_id, hit.matched_by) == (owner, MatchKind.CARD), typed
    assert services.search.search(desk, "VIP0043") == []


def test_each_hit_carries_the_balance_of_its_active_cards(services: Services, admin: Actor,
                                                         stored: int, db: Database) -> None:
    rich, poor, none = (client(services, admin, name) for name in ("张一", "张二", "张三"))
    issue(services, admin, rich, stored, 100_000)
    issue(services, admin, rich, stored, 20_050)
    frozen, _ = issue(services, admin, poor, stored, 50_000)
    issue(services, admin, poor, stored, 0)
    with db.write() as s:  # a frozen card's money is not spendable at the desk
        s.execute(update(MemberCard).where(MemberCard.id == frozen)
                  .values(status=CardStatus.FROZEN))
    with statements(db) as seen:
        hits = {hit.client_id: hit.card_balance_fen for hit in services.search.search(admin, "张")}
    assert hits == {rich: 120_050, poor: 0, none: None}
    assert len([s for s in seen if "member_card" in s[0] and "SUM" in s[0]]) == 1  # one statement


def test_without_the_cards_source_hits_have_no_balance(services: Services, admin: Actor,
                                                       stored: int, db: Database,
                                                       clock: FakeClock) -> None:
    owner = client(services, admin, "王芳")
    issue(services, admin, owner, stored, 10_000)
    [bare] = ClientSearch(db, clock).search(admin, "王芳")
    [with_cards] = ClientSearch(db, clock, extras=(CardBalances(),)).search(admin, "王芳")
    assert (bare.card_balance_fen, with_cards.card_balance_fen) == (None, 10_000)


def test_the_balances_active_status_is_the_models() -> None:
    """search_extras writes the status out (it must not import the models): the same value."""
    from frontdesk.models.card import CardStatus
    from frontdesk.services.cards import search_extras

    assert CardStatus.ACTIVE.value == search_extras.ACTIVE
