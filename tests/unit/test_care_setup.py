"""The care set-up service: the rules, festivals, tier plans and follow-up days a manager
changes, on SQLite and PostgreSQL; refusals name their field and write nothing; two
managers saving at once end with one manager's whole row."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text

from frontdesk.core.context import Actor, Role
from frontdesk.core.festivals import BUILT_IN, FestivalDay, FestivalRule
from frontdesk.db import Database
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.migrate import alembic_config, migrating, upgrade
from frontdesk.models import AuditEntry, Branch, ServiceItem
from frontdesk.models.care import CareChannel, CareKind, CareRule, CareTierPlan, GiftType
from frontdesk.services.care.settings import DEFAULT_RULES, RuleSettings
from frontdesk.services.care.setup import next_festival_date
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.edge_inputs import snapshot
from tests.parallel import at_once


def rule(kind: CareKind, **changes: Any) -> RuleSettings:
    return dataclasses.replace(DEFAULT_RULES[kind], **changes)


def audited(db: Database, action: str) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == action)
                              .order_by(AuditEntry.id)))


def test_a_new_store_runs_on_the_defaults(services: Services, admin: Actor) -> None:
    setup = services.care_setup
    assert setup.rules(admin) == tuple(DEFAULT_RULES.values())
    assert setup.festivals(admin) == BUILT_IN
    plans = setup.tier_plans(admin)
    assert [(p.tier_code, p.channel, p.customised) for p in plans] == [
        ("regular", CareChannel.MESSAGE, False), ("silver", CareChannel.CALL, False),
        ("gold", CareChannel.GIFT, False), ("diamond", CareChannel.GIFT, False)]


def test_a_rule_saved_is_in_effect_and_audited(services: Services, admin: Actor,
                                               db: Database) -> None:
    saved = services.care_setup.save_rule(admin, rule(CareKind.BIRTHDAY, days_ahead=7,
                                                      priority=1, enabled=False))
    assert saved.rule == rule(CareKind.BIRTHDAY, days_ahead=7, priority=1, enabled=False)
    assert not saved.rebuild_stats
    rules = {r.kind: r for r in services.care_setup.rules(admin)}
    assert (rules[CareKind.BIRTHDAY].days_ahead, rules[CareKind.BIRTHDAY].enabled) == (7, False)
    assert rules[CareKind.CHURN] == DEFAULT_RULES[CareKind.CHURN]
    assert audited(db, "care.rule_save") == ["birthday off days_ahead=7 priority=1"]


def test_changing_the_churn_or_spending_settings_asks_for_new_stats(
        services: Services, admin: Actor) -> None:
    setup = services.care_setup
    assert not setup.save_rule(admin, rule(CareKind.CHURN, priority=1)).rebuild_stats
    churn = setup.save_rule(admin, rule(CareKind.CHURN, params={"floor_days": 90}))
    assert churn.rebuild_stats
    assert churn.rule.params == {"floor_days": 90, "max_days": 730}  # the rest kept
    spending = setup.save_rule(admin, rule(CareKind.SPENDING_DROP, params={
        "ratio_percent": 40, "min_usual_fen": 30_000}))
    assert spending.rebuild_stats and spending.rule.param("window_days") == 90
    assert not setup.save_rule(admin, rule(CareKind.CARD_BALANCE_LOW, params={
        "threshold_fen": 10_000})).rebuild_stats


RULE_REFUSALS = [
    (rule(CareKind.BIRTHDAY, days_ahead=61), "days_ahead"),
    (rule(CareKind.BIRTHDAY, days_ahead=-1), "days_ahead"),
    (rule(CareKind.BIRTHDAY, priority=0), "priority"),
    (rule(CareKind.BIRTHDAY, priority=10), "priority"),
    (rule(CareKind.BIRTHDAY, priority=True), "priority"),
    (rule(CareKind.BIRTHDAY, enabled=1), "enabled"),
    (rule(CareKind.CHURN, params={"floor_days": 13}), "floor_days"),
    (rule(CareKind.CHURN, params={"floor_days": 731}), "floor_days"),
    (rule(CareKind.CHURN, params={"floor_days": 60.5}), "floor_days"),
    (rule(CareKind.CHURN, params={"floor_days": 400, "max_days": 300}), "max_days"),
    (rule(CareKind.SPENDING_DROP, params={"ratio_percent": 9}), "ratio_percent"),
    (rule(CareKind.SPENDING_DROP, params={"ratio_percent": 91}), "ratio_percent"),
    (rule(CareKind.SPENDING_DROP, params={"min_usual_fen": -1}), "min_usual_fen"),
    (rule(CareKind.SPENDING_DROP, params={"window_days": 200, "usual_days": 100}),
     "usual_days"),
    (rule(CareKind.CARD_BALANCE_LOW, params={"threshold_fen": -100}), "threshold_fen"),
    (rule(CareKind.PROFILE_STALE, params={"months": 0}), "months"),
    (rule(CareKind.BIRTHDAY, params={"floor_days": 60}), "floor_days"),  # not the birthday's
    (RuleSettings("weddings"), "kind"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("given", "field"), RULE_REFUSALS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(RULE_REFUSALS)])
def test_a_rule_out_of_range_is_refused_and_nothing_written(
        services: Services, admin: Actor, db: Database, given: RuleSettings,
        field: str) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.care_setup.save_rule(admin, given)
    assert caught.value.field == field
    assert snapshot(db) == before


def test_only_managers_change_the_set_up_and_the_care_staff_read_it(
        services: Services, admin: Actor, db: Database) -> None:
    clerk = staff_in_role(db, admin.branch_id, Role.RECEPTIONIST, "xiaoli")
    carer = staff_in_role(db, admin.branch_id, Role.CLIENT_MANAGER, "kefu")
    therapist = staff_in_role(db, admin.branch_id, Role.THERAPIST, "jishi")
    setup = services.care_setup
    assert setup.rules(carer) == setup.rules(admin)
    before = snapshot(db)
    for actor in (clerk, carer):
        with pytest.raises(PermissionDenied):
            setup.save_rule(actor, rule(CareKind.BIRTHDAY, days_ahead=5))
        with pytest.raises(PermissionDenied):
            setup.save_festival(actor, dataclasses.replace(BUILT_IN[1], enabled=False))
        with pytest.raises(PermissionDenied):
            setup.save_tier_plan(actor, setup.tier_plans(admin)[0])
    with pytest.raises(PermissionDenied):
        setup.festivals(therapist)
    assert snapshot(db) == before


def spring(services: Services, admin: Actor) -> FestivalDay:
    return next(f for f in services.care_setup.festivals(admin) if f.code == "spring_festival")


def test_a_built_in_festival_is_switched_renamed_and_given_no_gift(
        services: Services, admin: Actor, db: Database) -> None:
    setup = services.care_setup
    saved = setup.save_festival(admin, dataclasses.replace(
        spring(services, admin), name="  新春  ", gift=False, enabled=False))
    assert (saved.name, saved.gift, saved.enabled, saved.built_in) == ("新春", False, False, True)
    assert spring(services, admin) == saved
    assert len(setup.festivals(admin)) == len(BUILT_IN)
    assert audited(db, "care.festival_save") == ["spring_festival 新春 lunar 1-1 off no gift"]
    before = snapshot(db)
    with pytest.raises(ValidationError) as moved:
        setup.save_festival(admin, dataclasses.replace(saved, day=2))
    assert moved.value.field == "month"
    with pytest.raises(ValidationError) as deleted:
        setup.delete_festival(admin, "spring_festival")
    assert deleted.value.field == "code"
    assert snapshot(db) == before


def own(name: str, rule: FestivalRule, month: int, day: int, weekday: int | None = None,
        ) -> FestivalDay:
    return FestivalDay("", name, rule, month, day, weekday, gift=False, built_in=False)


def test_the_stores_own_days_are_added_edited_and_deleted(services: Services,
                                                          admin: Actor) -> None:
    setup = services.care_setup
    anniversary = setup.save_festival(admin, own("店庆", FestivalRule.SOLAR, 6, 18))
    fathers = setup.save_festival(admin, own("父亲节", FestivalRule.NTH_WEEKDAY, 6, 3, 6))
    last = setup.save_festival(admin, own("腊月底", FestivalRule.LUNAR, 12, 0))
    assert anniversary.code.startswith("own_") and not anniversary.built_in
    assert [f.name for f in setup.festivals(admin)][len(BUILT_IN):] == ["店庆", "父亲节", "腊月底"]
    today = dt.date(2026, 11, 23)
    assert next_festival_date(anniversary, today) == dt.date(2027, 6, 18)
    assert next_festival_date(fathers, today) == dt.date(2027, 6, 20)
    assert next_festival_date(last, today) == dt.date(2027, 2, 5)  # 除夕 2027
    edited = setup.save_festival(admin, dataclasses.replace(anniversary, day=19, gift=True))
    assert (edited.code, edited.day, edited.gift) == (anniversary.code, 19, True)
    setup.delete_festival(admin, anniversary.code)
    assert [f.name for f in setup.festivals(admin)][len(BUILT_IN):] == ["父亲节", "腊月底"]


FESTIVAL_REFUSALS = [
    (own("", FestivalRule.SOLAR, 6, 1), "name"),
    (own("节" * 41, FestivalRule.SOLAR, 6, 1), "name"),
    (own("New Year's Day", FestivalRule.SOLAR, 6, 1), "name"),  # a built-in's name
    (own("店庆", FestivalRule.SOLAR, 13, 1), "month"),
    (own("店庆", FestivalRule.SOLAR, 2, 30), "day"),
    (own("店庆", FestivalRule.SOLAR, 2, 29), "day"),
    (own("店庆", FestivalRule.SOLAR, 4, 31), "day"),
    (own("店庆", FestivalRule.LUNAR, 8, 31), "day"),
    (own("店庆", FestivalRule.LUNAR, 8, -1), "day"),
    (own("店庆", FestivalRule.NTH_WEEKDAY, 5, 6, 6), "day"),
    (own("店庆", FestivalRule.NTH_WEEKDAY, 5, 2, 7), "weekday"),
    (own("店庆", FestivalRule.NTH_WEEKDAY, 5, 2, None), "weekday"),
    (own("店庆", "monthly", 5, 2), "rule"),  # type: ignore[arg-type]
    (dataclasses.replace(own("店庆", FestivalRule.SOLAR, 6, 1), code="nosuch"), "code"),
]


@pytest.mark.parametrize(("given", "field"), FESTIVAL_REFUSALS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(FESTIVAL_REFUSALS)])
def test_a_festival_without_a_real_date_is_refused_and_nothing_written(
        services: Services, admin: Actor, db: Database, given: FestivalDay,
        field: str) -> None:
    before = snapshot(db)
    with pytest.raises((ValidationError, NotFound)) as caught:
        services.care_setup.save_festival(admin, given)
    assert caught.value.field == field
    assert snapshot(db) == before


def test_the_next_date_of_the_built_in_festivals() -> None:
    by_code = {f.code: f for f in BUILT_IN}
    assert next_festival_date(by_code["spring_festival"], dt.date(2026, 11, 23)) \
        == dt.date(2027, 2, 6)
    assert next_festival_date(by_code["mid_autumn"], dt.date(2026, 9, 1)) == dt.date(2026, 9, 25)
    assert next_festival_date(by_code["mid_autumn"], dt.date(2026, 9, 25)) \
        == dt.date(2026, 9, 25)
    assert next_festival_date(by_code["mothers_day"], dt.date(2026, 5, 11)) \
        == dt.date(2027, 5, 9)


def test_a_tier_plan_saved_and_the_top_tier_cared_for_centrally(
        services: Services, admin: Actor, db: Database) -> None:
    setup = services.care_setup
    plans = {p.tier_code: p for p in setup.tier_plans(admin)}
    silver = setup.save_tier_plan(admin, dataclasses.replace(
        plans["silver"], channel=CareChannel.GIFT,
        gift_types=(GiftType.SPA_VOUCHER, GiftType.SPA_VOUCHER, GiftType.DINING_VOUCHER),
        star_call_days=60))
    assert (silver.gift_types, silver.star_call_days, silver.customised) == (
        (GiftType.SPA_VOUCHER, GiftType.DINING_VOUCHER), 60, True)
    setup.save_tier_plan(admin, dataclasses.replace(plans["diamond"], central=True))
    setup.save_tier_plan(admin, dataclasses.replace(  # gifts are only for the gift channel
        plans["gold"], channel=CareChannel.CALL, star_call_days=None))
    after = {p.tier_code: p for p in setup.tier_plans(admin)}
    assert after["diamond"].central and after["diamond"].channel is CareChannel.GIFT
    assert (after["gold"].channel, after["gold"].gift_types, after["gold"].star_call_days) \
        == (CareChannel.CALL, (), None)
    assert after["regular"] == plans["regular"]
    assert len(audited(db, "care.tier_plan_save")) == 3


TIER_PLAN_REFUSALS = [
    ({"channel": CareChannel.GIFT, "gift_types": ()}, "gift_types"),
    ({"channel": "fax"}, "channel"),
    ({"gift_types": ("flowers",)}, "channel"),
    ({"star_call_days": 6}, "star_call_days"),
    ({"star_call_days": 366}, "star_call_days"),
    ({"central": "yes"}, "central"),
    ({"tier_code": "platinum"}, "tier_code"),
]


@pytest.mark.parametrize(("changes", "field"), TIER_PLAN_REFUSALS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(TIER_PLAN_REFUSALS)])
def test_a_wrong_tier_plan_is_refused_and_nothing_written(
        services: Services, admin: Actor, db: Database, changes: dict[str, Any],
        field: str) -> None:
    gold = next(p for p in services.care_setup.tier_plans(admin) if p.tier_code == "gold")
    before = snapshot(db)
    with pytest.raises((ValidationError, NotFound)) as caught:
        services.care_setup.save_tier_plan(admin, dataclasses.replace(gold, **changes))
    assert caught.value.field == field
    assert snapshot(db) == before


def test_follow_up_days_per_service_item(services: Services, admin: Actor,
                                         db: Database) -> None:
    setup = services.care_setup
    facial = services.catalog.add_service_item(admin, "补水护理", 38800, 60, "面部",
                                               follow_up_days=(7,)).id
    assert setup.follow_up_days(admin, facial) == (7,)
    assert setup.set_follow_up_days(admin, facial, [7, 1, 3]) == (1, 3, 7)
    assert setup.follow_up_days(admin, facial) == (1, 3, 7)
    assert services.catalog.service_items(admin.branch_id)[0].follow_up_days == (1, 3, 7)
    assert setup.set_follow_up_days(admin, facial, ()) == ()
    assert audited(db, "service_item.follow_up_days") == ["1,3,7", "none"]
    with db.write() as s:
        other = Branch(name="分店")
        s.add(other)
        s.flush()
        elsewhere = ServiceItem(branch_id=other.id, name="别店项目", price_fen=1)
        s.add(elsewhere)
        s.flush()
        elsewhere_id = elsewhere.id
    before = snapshot(db)
    for item, days, field in ((facial, [0], "follow_up_days"), (facial, [400], "follow_up_days"),
                              (facial, "137", "follow_up_days"),
                              (elsewhere_id, [1], "service_item_id"),
                              (2**40, [1], "service_item_id")):
        with pytest.raises((ValidationError, NotFound)) as caught:
            setup.set_follow_up_days(admin, item, days)
        assert caught.value.field == field
    assert snapshot(db) == before


def test_two_managers_saving_one_rule_at_once_leave_one_whole_row(
        services: Services, admin: Actor, db: Database) -> None:
    other = staff_in_role(db, admin.branch_id, Role.MANAGER, "dianzhang")
    wanted = [rule(CareKind.CHURN, priority=1 + i, days_ahead=i,
                   params={"floor_days": 30 + 10 * i, "max_days": 400 + i}) for i in range(4)]

    def save(database: Database, i: int) -> object:
        actor = admin if i % 2 else other
        return Services(database, services.clock, photos_dir=services.photos_dir) \
            .care_setup.save_rule(actor, wanted[i])

    results = at_once(db.url, 4, save)
    assert not [r for r in results if isinstance(r, Exception)], results
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CareRule)) == 1
    now = next(r for r in services.care_setup.rules(admin) if r.kind is CareKind.CHURN)
    assert now in wanted  # one manager's settings, whole


def test_two_managers_saving_at_once_on_festivals_plans_and_follow_ups(
        services: Services, admin: Actor, db: Database) -> None:
    other = staff_in_role(db, admin.branch_id, Role.MANAGER, "dianzhang")
    facial = services.catalog.add_service_item(admin, "补水护理", 38800).id
    gold = next(p for p in services.care_setup.tier_plans(admin) if p.tier_code == "gold")
    days = [(1, 3, 7), (2, 14)]
    plans = [dataclasses.replace(gold, central=True, star_call_days=30),
             dataclasses.replace(gold, channel=CareChannel.CALL, star_call_days=90)]

    def save(database: Database, i: int) -> object:
        setup = Services(database, services.clock, photos_dir=services.photos_dir).care_setup
        actor = (admin, other)[i % 2]
        if i < 2:
            return setup.set_follow_up_days(actor, facial, days[i])
        if i < 4:
            return setup.save_tier_plan(actor, plans[i % 2])
        return setup.save_festival(actor, dataclasses.replace(BUILT_IN[0], enabled=i == 4))

    results = at_once(db.url, 6, save)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert services.care_setup.follow_up_days(admin, facial) in days
    now = next(p for p in services.care_setup.tier_plans(admin) if p.tier_code == "gold")
    assert (now.channel, now.central, now.star_call_days) in {
        (p.channel, p.central, p.star_call_days) for p in plans}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CareTierPlan)) == 1
    assert len(services.care_setup.festivals(admin)) == len(BUILT_IN)


def _migrate_down_to(db: Database, revision: str) -> None:
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_migration_0011_moves_the_follow_up_day_and_back(services: Services, admin: Actor,
                                                         db: Database) -> None:
    services.catalog.add_service_item(admin, "补水护理", 38800, follow_up_days=(3, 1))
    massage = services.catalog.add_service_item(admin, "肩颈经络", 26800)
    try:
        _migrate_down_to(db, "0010")
        with db.read() as s:  # each item's first day, back in its old column
            assert dict(s.execute(text("SELECT name, follow_up_days FROM service_item")).all()) \
                == {"补水护理": 1, "肩颈经络": None}
        with db.write() as s:
            s.execute(text("UPDATE service_item SET follow_up_days = 7 WHERE id = :id"),
                      {"id": massage.id})
    finally:
        upgrade(db)
    assert {i.name: i.follow_up_days for i in services.catalog.service_items(admin.branch_id)} \
        == {"补水护理": (1,), "肩颈经络": (7,)}
    with db.read() as s:
        columns = {c["name"] for c in inspect(s.connection()).get_columns("service_item")}
    assert "follow_up_days" not in columns
