"""Tiers: the defaults, the editor, and assessment by average monthly spend (domain/003):
up at once, never down before the tier's period ends, complimentary holders left out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from frontdesk.core.context import Actor, Role, local_today
from frontdesk.db import Database
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.models import Client
from frontdesk.models.card import CardKind, CardStatus, MemberCard, Tier, TierReason
from frontdesk.services.cards import grading
from frontdesk.services.cards.products import ProductDraft
from frontdesk.services.cards.tier_rules import add_months, months_counted
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import CheckoutService, LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.cards import shop
from tests.concurrency import Background, PauseBefore, wait_until_blocked
from tests.conftest import FakeClock
from tests.unit.test_appointments import Desk, make_desk

FACIAL_FEN = 38000
_keys = itertools.count()


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


def spend(services: Services, admin: Actor, desk: Desk, client_id: int, quantity: int) -> None:
    """A closed visit of ``quantity`` facials (¥380.00 each), paid in cash, by a check-out
    without the cards capability (so it does not grade the client: the tests assess)."""
    visit_id = services.visits.check_in(admin, CheckIn(client_id))
    services.visits.finish(admin, visit_id)
    CheckoutService(services.db, services.clock).check_out(admin, visit_id,
                                [LineInput("service", desk.facial_id, quantity=quantity)],
                                [PaymentInput("cash", FACIAL_FEN * quantity)], f"k{next(_keys)}")


def cached_tier(db: Database, client_id: int) -> str:
    with db.read() as s:
        return s.scalar(select(Client.tier).where(Client.id == client_id)) or ""


def later(clock: FakeClock, months: int, days: int = 0) -> dt.date:
    """Move the clock on by calendar months (and days); the new local date."""
    today = local_today(clock)
    clock.advance(days=(add_months(today, months) - today).days + days)
    return local_today(clock)


def test_a_new_store_has_the_four_default_tiers(services: Services, admin: Actor) -> None:
    tiers = services.tiers.tiers(admin)
    assert [(t.code, t.name, t.rank) for t in tiers] == [
        ("regular", "普通", 0), ("silver", "银卡", 1), ("gold", "金卡", 2),
        ("diamond", "钻石卡", 3)]
    assert [t.discount_percent for t in tiers] == [100, 95, 90, 85]


def test_spend_upgrades_at_once(services: Services, admin: Actor, desk: Desk, db: Database,
                                clock: FakeClock) -> None:
    assert services.tiers.assess(admin, desk.client_id) is None  # nothing spent: no row
    spend(services, admin, desk, desk.client_id, 2)  # ¥760 in her first month
    change = services.tiers.assess(admin, desk.client_id)
    today = local_today(clock)
    assert change is not None
    assert (change.from_code, change.to_code, change.reason) == ("", "silver", TierReason.SPEND)
    assert change.valid_until == add_months(today, 12) - dt.timedelta(days=1)
    assert cached_tier(db, desk.client_id) == "银卡"
    status = services.tiers.tier_of(admin, desk.client_id)
    assert (status.tier.code, status.valid_until, status.monthly_spend_fen) == \
        ("silver", change.valid_until, 76000)
    assert status.next_tier is not None and status.next_tier.code == "gold"
    spend(services, admin, desk, desk.client_id, 3)  # ¥1,900 this month: gold at once
    change = services.tiers.assess(admin, desk.client_id)
    assert change is not None and (change.from_code, change.to_code) == ("silver", "gold")
    assert [h.tier_code for h in services.tiers.history(admin, desk.client_id)] == \
        ["gold", "silver"]


def test_no_way_down_before_the_period_ends_then_down(services: Services, admin: Actor,
                                                      desk: Desk, db: Database,
                                                      clock: FakeClock) -> None:
    spend(services, admin, desk, desk.client_id, 2)
    earned = services.tiers.assess(admin, desk.client_id)
    assert earned is not None and earned.valid_until is not None
    later(clock, 6)  # ¥760 over 7 months: ¥108 a month, below silver
    assert services.tiers.tier_of(admin, desk.client_id).monthly_spend_fen < 50000
    assert services.tiers.assess(admin, desk.client_id) is None
    assert services.tiers.reassess_expired() == []
    assert services.tiers.tier_of(admin, desk.client_id).tier.code == "silver"
    clock.advance(days=(earned.valid_until - local_today(clock)).days)  # its last day
    assert services.tiers.reassess_expired() == []
    clock.advance(days=1)
    [down] = services.tiers.reassess_expired()
    assert (down.from_code, down.to_code, down.reason, down.valid_until) == \
        ("silver", "regular", TierReason.PERIOD_END, None)
    assert cached_tier(db, desk.client_id) == "普通"
    assert services.tiers.reassess_expired() == []  # the lowest tier never expires
    assert [h.reason for h in services.tiers.history(admin, desk.client_id)] == \
        [TierReason.PERIOD_END, TierReason.SPEND]


def test_a_tier_still_earned_at_period_end_is_renewed(services: Services, admin: Actor,
                                                      desk: Desk, clock: FakeClock) -> None:
    spend(services, admin, desk, desk.client_id, 2)
    earned = services.tiers.assess(admin, desk.client_id)
    assert earned is not None and earned.valid_until is not None
    later(clock, 10)
    spend(services, admin, desk, desk.client_id, 16)  # ¥6,080 in the year ending: ¥506 a month
    assert services.tiers.assess(admin, desk.client_id) is None  # silver already
    clock.advance(days=(earned.valid_until - local_today(clock)).days + 1)
    [renewed] = services.tiers.reassess_expired()
    assert (renewed.to_code, renewed.reason) == ("silver", TierReason.PERIOD_END)
    assert renewed.valid_until == add_months(local_today(clock), 12) - dt.timedelta(days=1)


def test_raised_thresholds_keep_the_tier_earned_until_it_ends(
        services: Services, admin: Actor, desk: Desk, db: Database, clock: FakeClock) -> None:
    spend(services, admin, desk, desk.client_id, 2)
    earned = services.tiers.assess(admin, desk.client_id)
    assert earned is not None and earned.valid_until is not None
    drafts = [t.draft() for t in services.tiers.tiers(admin)]
    drafts[1] = dataclasses.replace(drafts[1], min_monthly_spend_fen=100_000)  # 银卡 100≤ARPU
    services.tiers.save_tiers(admin, drafts)
    assert services.tiers.assess(admin, desk.client_id) is None
    status = services.tiers.tier_of(admin, desk.client_id)
    assert (status.tier.code, status.valid_until) == ("silver", earned.valid_until)
    clock.advance(days=(earned.valid_until - local_today(clock)).days + 1)
    [down] = services.tiers.reassess_expired()
    assert down.to_code == "regular"


def test_complimentary_holders_are_not_graded(services: Services, admin: Actor, desk: Desk,
                                              db: Database, clock: FakeClock) -> None:
    staff_card = services.card_products.create(
        admin, ProductDraft(CardKind.MEMBERSHIP, "员工卡", complimentary=True))
    with db.write() as s:
        s.add(MemberCard(branch_id=admin.branch_id, client_id=desk.client_id,
                         product_id=staff_card.id, card_no="E0001", issued_at=clock()))
    spend(services, admin, desk, desk.client_id, 20)  # ¥7,600: diamond, were she graded
    assert services.tiers.assess(admin, desk.client_id) is None
    status = services.tiers.tier_of(admin, desk.client_id)
    assert (status.tier.code, status.complimentary, status.monthly_spend_fen) == \
        ("regular", True, 0)
    with db.write() as s:
        card = s.scalar(select(MemberCard).where(MemberCard.card_no == "E0001"))
        assert card is not None
        card.status = CardStatus.CLOSED  # she left the staff: graded again
    change = services.tiers.assess(admin, desk.client_id)
    assert change is not None and change.to_code == "diamond"


def test_a_large_top_up_earns_its_tier_at_once(services: Services, admin: Actor, desk: Desk,
                                               db: Database, clock: FakeClock) -> None:
    with db.write() as s:
        assert grading.assess_in(s, clock(), admin, desk.client_id, top_up_fen=299_999) is None
    with db.write() as s:
        change = grading.assess_in(s, clock(), admin, desk.client_id, top_up_fen=1_000_000)
    assert change is not None and (change.to_code, change.reason) == ("gold", TierReason.TOP_UP)
    assert cached_tier(db, desk.client_id) == "金卡"


def test_a_check_out_being_booked_counts_its_spend(services: Services, admin: Actor,
                                                  desk: Desk, db: Database,
                                                  clock: FakeClock) -> None:
    """The charger's settlement runs before the check-out writes its lines: it passes them."""
    with db.write() as s:
        assert grading.assess_in(s, clock(), admin, desk.client_id, spent_now_fen=49_999) \
            is None
    with db.write() as s:
        change = grading.assess_in(s, clock(), admin, desk.client_id, spent_now_fen=50_000)
    assert change is not None and (change.to_code, change.reason) == \
        ("silver", TierReason.SPEND)


def test_a_top_up_at_the_desk_earns_its_tier(services: Services, admin: Actor, desk: Desk,
                                            db: Database) -> None:
    store = shop(services, admin)
    card = services.cards.issue(admin, client_id=desk.client_id, product_id=store.stored,
                                key="issue", method="cash", offer_id=store.offer).card
    assert cached_tier(db, desk.client_id) == ""  # ¥1,000 paid: no tier's top-up
    services.cards.top_up(admin, card_id=card.id, amount_fen=300_000, method="wechat",
                          key="top-up")
    assert cached_tier(db, desk.client_id) == "银卡"
    [row] = services.tiers.history(admin, desk.client_id)
    assert row.reason is TierReason.TOP_UP


def test_a_first_card_loaded_with_enough_earns_its_tier(services: Services, admin: Actor,
                                                        desk: Desk, db: Database) -> None:
    store = shop(services, admin)
    services.cards.issue(admin, client_id=desk.client_id, product_id=store.stored,
                         key="issue", method="cash", amount_fen=1_000_000)
    assert cached_tier(db, desk.client_id) == "金卡"


def test_referred_clients_who_came_earn_a_tier(services: Services, admin: Actor, desk: Desk
                                               ) -> None:
    referred = [services.clients.register(admin, NewClient(
        name, f"1370000{i:04d}", source="referral", referred_by_id=desk.client_id)).client_id
        for i, name in enumerate(("赵一", "钱二", "孙三"))]
    for client_id in referred[:2]:
        spend(services, admin, desk, client_id, 1)
    assert services.tiers.assess(admin, desk.client_id) is None  # the third has not come yet
    spend(services, admin, desk, referred[2], 1)
    change = services.tiers.assess(admin, desk.client_id)
    assert change is not None and (change.to_code, change.reason) == \
        ("silver", TierReason.REFERRALS)


@pytest.mark.parametrize(("change", "field"), [
    ({"min_monthly_spend_fen": 1}, "min_monthly_spend_fen"),  # the lowest asks for nothing
    ({"name": ""}, "name"),
    ({"discount_percent": 0}, "discount_percent"),
    ({"discount_percent": 101}, "discount_percent"),
    ({"validity_months": 0}, "validity_months"),
    ({"min_top_up_fen": 0}, "min_top_up_fen"),
    ({"min_referrals": 0}, "min_referrals"),
    ({"points_multiplier_percent": 1001}, "points_multiplier_percent"),
])
def test_the_tiers_table_refuses_wrong_values(services: Services, admin: Actor,
                                              change: dict[str, object], field: str) -> None:
    before = services.tiers.tiers(admin)
    drafts = [t.draft() for t in before]
    drafts[0] = dataclasses.replace(drafts[0], **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as refused:
        services.tiers.save_tiers(admin, drafts)
    assert refused.value.field == field
    assert services.tiers.tiers(admin) == before


def test_a_better_tier_asks_for_more_and_every_tier_is_sent(services: Services,
                                                            admin: Actor) -> None:
    drafts = [t.draft() for t in services.tiers.tiers(admin)]
    with pytest.raises(ValidationError, match="more monthly spend"):
        services.tiers.save_tiers(admin, [drafts[0], dataclasses.replace(
            drafts[1], min_monthly_spend_fen=150_000), *drafts[2:]])
    with pytest.raises(ValidationError, match="every tier"):
        services.tiers.save_tiers(admin, drafts[:3])
    with pytest.raises(ValidationError, match="same name"):
        services.tiers.save_tiers(admin, [drafts[0], dataclasses.replace(drafts[1], name="金卡"),
                                          *drafts[2:]])


def test_renamed_tiers_are_saved_and_history_keeps_the_old_name(
        services: Services, admin: Actor, desk: Desk, db: Database) -> None:
    spend(services, admin, desk, desk.client_id, 2)
    services.tiers.assess(admin, desk.client_id)
    drafts = [t.draft() for t in services.tiers.tiers(admin)]
    saved = services.tiers.save_tiers(admin, [drafts[0], dataclasses.replace(
        drafts[1], name="白银会员", discount_percent=92), *drafts[2:]])
    assert (saved[1].name, saved[1].discount_percent) == ("白银会员", 92)
    assert services.tiers.tier_of(admin, desk.client_id).tier.name == "白银会员"
    assert services.tiers.history(admin, desk.client_id)[0].tier_name == "银卡"
    assert cached_tier(db, desk.client_id) == "白银会员"  # what the desk and profile show


def test_tiers_trading_names_keep_their_clients_apart(
        services: Services, admin: Actor, desk: Desk, db: Database) -> None:
    spend(services, admin, desk, desk.client_id, 2)
    services.tiers.assess(admin, desk.client_id)
    drafts = [t.draft() for t in services.tiers.tiers(admin)]
    services.tiers.save_tiers(admin, [dataclasses.replace(drafts[0], name="银卡"),
                                      dataclasses.replace(drafts[1], name="普通"), *drafts[2:]])
    assert cached_tier(db, desk.client_id) == "普通"  # her tier (silver) is now called 普通


def test_a_save_over_another_terminals_tiers_is_refused(services: Services,
                                                        admin: Actor) -> None:
    shown = services.tiers.tiers(admin)
    drafts = [t.draft() for t in shown]
    services.tiers.save_tiers(admin, [*drafts[:2], dataclasses.replace(
        drafts[2], discount_percent=88), drafts[3]], shown)  # the other terminal
    with pytest.raises(ConflictError, match="meanwhile"):
        services.tiers.save_tiers(admin, [drafts[0], dataclasses.replace(
            drafts[1], name="白银"), *drafts[2:]], shown)
    now = services.tiers.tiers(admin)
    assert (now[1].name, now[2].discount_percent) == ("银卡", 88)


def test_only_managers_edit_tiers(services: Services, admin: Actor, db: Database) -> None:
    desk_actor = staff_in_role(db, admin.branch_id, Role.RECEPTIONIST)
    drafts = [t.draft() for t in services.tiers.tiers(desk_actor)]
    with pytest.raises(PermissionDenied):
        services.tiers.save_tiers(desk_actor, drafts)


def test_months_counted() -> None:
    today = dt.date(2026, 11, 23)
    assert months_counted(today, today) == 1
    assert months_counted(today - dt.timedelta(days=30), today) == 2
    assert months_counted(dt.date(2020, 1, 1), today) == 12
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)


def test_two_terminals_grading_before_the_store_has_tiers(
        services: Services, admin: Actor, desk: Desk, db: Database, clock: FakeClock,
        tmp_path: Path) -> None:
    """A database made before cards existed gets its default tiers once, whoever is first."""
    with db.write() as s:
        s.execute(delete(Tier))
    spend(services, admin, desk, desk.client_id, 2)
    spend(services, admin, desk, desk.client2_id, 2)
    other = Database(db.url)
    try:
        second = Services(other, clock, photos_dir=tmp_path / "photos")
        paused = PauseBefore(services.db, "INSERT INTO tier")
        first = Background(lambda: services.tiers.assess(admin, desk.client_id))
        paused.wait()
        later_one = Background(lambda: second.tiers.assess(admin, desk.client2_id))
        wait_until_blocked(db, later_one)
        paused.release()
        results = [first.result(), later_one.result()]
    finally:
        other.dispose()
    assert [getattr(r, "to_code", r) for r in results] == ["silver", "silver"]
    assert [t.code for t in services.tiers.tiers(admin)] == ["regular", "silver", "gold",
                                                             "diamond"]
