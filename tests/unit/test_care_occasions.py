"""Each calendar and card rule on a real database: the drafts it proposes, exactly; what the
tier plans make of them; several days scanned at once (a catch-up) make each task once."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import update

from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.models import ConsumptionLine, LineKind, Visit, VisitStatus
from frontdesk.models.care import (
    CareChannel,
    CareKind,
    CareRule,
    CareStatus,
    CareTask,
    CareTierPlan,
    Festival,
    GiftType,
)
from frontdesk.services.care.drafts import OccasionSource, TaskDraft
from frontdesk.services.care.occasions import CALENDAR_SOURCES
from frontdesk.services.care.occasions.birthdays import BirthdaySource
from frontdesk.services.care.occasions.common import days
from frontdesk.services.care.occasions.festivals import FestivalSource
from frontdesk.services.care.occasions.follow_ups import FollowUpSource
from frontdesk.services.care.occasions.profile import ProfileSource
from frontdesk.services.care.occasions.star_calls import StarCallSource
from frontdesk.services.registry import Services
from tests.occasions import (
    add_call,
    add_client,
    add_visit,
    at_local,
    follow_up_days,
    occasions,
    run,
)

ALL_GIFTS = tuple(GiftType)
GIFT_DETAIL = {"gifts": ",".join(g.value for g in ALL_GIFTS),
               "local_speciality": "not for local clients"}


def rule(db: Database, branch_id: int, kind: CareKind, *, enabled: bool = True,
         days_ahead: int = 0, priority: int = 5, **params: int) -> None:
    with db.write() as s:
        s.add(CareRule(branch_id=branch_id, kind=kind, enabled=enabled, days_ahead=days_ahead,
                       priority=priority, params=json.dumps(params)))


def day_by_day(source: OccasionSource, db: Database, branch_id: int, first: dt.date,
               last: dt.date) -> list[str]:
    return sorted(o for day in days(first, last) for o in occasions(run(source, db, branch_id,
                                                                        day)))


# birthdays ----------------------------------------------------------------------------------

@pytest.fixture
def tiered(services: Services, admin: Actor) -> dict[str, int]:
    """A client of each default tier (and of none) born on 10 December (solar)."""
    ids = {}
    for tier in ("普通", "银卡", "金卡", "钻石卡", ""):
        ids[tier] = add_client(services.db, admin.branch_id, f"客户{tier}", tier=tier,
                               birthday_calendar=Calendar.SOLAR, birth_month=12, birth_day=10)
    return ids


def test_birthdays_take_the_channel_of_the_clients_tier_plan(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    drafts = {d.client_id: d for d in run(BirthdaySource(), services.db, admin.branch_id,
                                          dt.date(2026, 12, 7))}
    assert drafts[tiered["金卡"]] == TaskDraft(
        kind=CareKind.BIRTHDAY, occasion=f"birthday:{tiered['金卡']}:2026",
        due_on=dt.date(2026, 12, 7), client_id=tiered["金卡"], channel=CareChannel.GIFT,
        event_on=dt.date(2026, 12, 10), reason="birthday",
        detail={"calendar": "solar", "month": 12, "day": 10, "leap": 0, **GIFT_DETAIL},
        gift_types=ALL_GIFTS)
    channels = {tier: drafts[i].channel for tier, i in tiered.items()}
    assert channels == {"普通": CareChannel.MESSAGE, "银卡": CareChannel.CALL,
                        "金卡": CareChannel.GIFT, "钻石卡": CareChannel.GIFT,
                        "": CareChannel.MESSAGE}
    assert drafts[tiered["银卡"]].gift_types == () and "gifts" not in drafts[tiered["银卡"]].detail


def test_a_store_plan_gives_its_own_gifts_and_anonymised_clients_get_nothing(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    with services.db.write() as s:
        s.add(CareTierPlan(branch_id=admin.branch_id, tier_code="gold",
                           channel=CareChannel.GIFT, gift_types="spa_voucher,dining_voucher"))
        s.add(CareTierPlan(branch_id=admin.branch_id, tier_code="diamond",
                           channel=CareChannel.CALL))
    add_client(services.db, admin.branch_id, "已匿名", anonymised_at=dt.datetime.now(dt.UTC),
               birthday_calendar=Calendar.SOLAR, birth_month=12, birth_day=10)
    drafts = {d.client_id: d for d in run(BirthdaySource(), services.db, admin.branch_id,
                                          dt.date(2026, 12, 7))}
    assert set(drafts) == set(tiered.values())
    gold = drafts[tiered["金卡"]]
    assert gold.gift_types == (GiftType.SPA_VOUCHER, GiftType.DINING_VOUCHER)
    assert gold.detail["gifts"] == "spa_voucher,dining_voucher"
    assert "local_speciality" not in gold.detail
    assert drafts[tiered["钻石卡"]].channel is CareChannel.CALL


def test_the_birthday_rule_reads_the_stores_days_ahead_and_switch(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    db, branch = services.db, admin.branch_id
    rule(db, branch, CareKind.BIRTHDAY, days_ahead=7)
    assert run(BirthdaySource(), db, branch, dt.date(2026, 12, 7)) == []
    assert len(run(BirthdaySource(), db, branch, dt.date(2026, 12, 3))) == len(tiered)
    with db.write() as s:
        s.query(CareRule).update({CareRule.enabled: False})
    assert run(BirthdaySource(), db, branch, dt.date(2026, 12, 3)) == []


def test_a_catch_up_of_several_days_makes_each_birthday_once(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    born = [(Calendar.SOLAR, 12, d) for d in (1, 3, 5, 9, 30)] + [
        (Calendar.LUNAR, 10, d) for d in (20, 25, 29, 30)] + [(Calendar.LUNAR, 11, 1)]
    for i, (cal, month, day) in enumerate(born):
        add_client(db, branch, f"客户{i}", birthday_calendar=cal, birth_month=month,
                   birth_day=day)
    first, last = dt.date(2026, 11, 27), dt.date(2026, 12, 8)
    together = occasions(run(BirthdaySource(), db, branch, first, last))
    assert together == day_by_day(BirthdaySource(), db, branch, first, last)
    assert len(together) == len(set(together)) == 8  # not 12-30's, nor lunar 十月二十's (28 Nov)
    by_due = {d.occasion: d.due_on for d in run(BirthdaySource(), db, branch, first, last)}
    assert all(first <= due <= last for due in by_due.values())


# festivals ----------------------------------------------------------------------------------

def test_a_gift_festival_gives_major_clients_gifts_and_everyone_else_one_batch(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    drafts = run(FestivalSource(), services.db, admin.branch_id, dt.date(2026, 9, 22))
    base = {"festival": "mid_autumn", "name": "Mid-Autumn Festival", "date": "2026-09-25"}
    by_client = {d.client_id: d for d in drafts}
    assert by_client[tiered["金卡"]] == TaskDraft(
        kind=CareKind.FESTIVAL, occasion=f"festival:mid_autumn:2026:{tiered['金卡']}",
        due_on=dt.date(2026, 9, 22), client_id=tiered["金卡"], channel=CareChannel.GIFT,
        event_on=dt.date(2026, 9, 25), reason="festival", detail={**base, **GIFT_DETAIL},
        gift_types=ALL_GIFTS)
    assert by_client[None] == TaskDraft(
        kind=CareKind.FESTIVAL, occasion="festival:mid_autumn:2026:batch",
        due_on=dt.date(2026, 9, 22), client_id=None, channel=CareChannel.MESSAGE,
        event_on=dt.date(2026, 9, 25), reason="festival",
        detail={**base, "exclude_tiers": "金卡,钻石卡"})
    assert set(by_client) == {tiered["金卡"], tiered["钻石卡"], None}  # 银卡 in the batch


def test_a_festival_without_gift_calls_the_major_clients_and_messages_everyone_else(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    drafts = run(FestivalSource(), services.db, admin.branch_id, dt.date(2026, 8, 16))  # 七夕
    assert [(d.occasion, d.channel) for d in drafts] == [
        (f"festival:qixi:2026:{tiered['金卡']}", CareChannel.CALL),
        (f"festival:qixi:2026:{tiered['钻石卡']}", CareChannel.CALL),
        ("festival:qixi:2026:batch", CareChannel.MESSAGE)]
    assert drafts[2].detail["exclude_tiers"] == "金卡,钻石卡"


def test_the_stores_festival_rows_switch_off_and_add_days(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    with services.db.write() as s:
        s.add(Festival(branch_id=admin.branch_id, code="mid_autumn", name="中秋", rule="lunar",
                       month=8, day=15, enabled=False, gift=True))
        s.add(Festival(branch_id=admin.branch_id, code="anniversary", name="店庆",
                       rule="solar", month=9, day=25, enabled=True, gift=True))
    drafts = run(FestivalSource(), services.db, admin.branch_id, dt.date(2026, 9, 22))
    assert {d.occasion.split(":")[1] for d in drafts} == {"anniversary"}
    assert len(drafts) == 3  # two gifts, the batch


def test_a_catch_up_over_new_year_makes_each_festival_once(
        services: Services, admin: Actor, tiered: dict[str, int]) -> None:
    db, branch = services.db, admin.branch_id
    first, last = dt.date(2026, 12, 25), dt.date(2027, 2, 10)
    together = occasions(run(FestivalSource(), db, branch, first, last))
    assert together == day_by_day(FestivalSource(), db, branch, first, last)
    batches = [o for o in together if o.endswith(":batch")]
    # 元旦 2027, 腊八 (lunar 2026's, 15 Jan 2027), 除夕 (lunar 2026's, 5 Feb 2027), 春节 2027
    assert batches == ["festival:laba:2026:batch", "festival:new_year:2027:batch",
                       "festival:new_years_eve:2026:batch", "festival:spring_festival:2027:batch"]
    assert f"festival:spring_festival:2027:{tiered['金卡']}" in together  # a gift
    assert f"festival:new_year:2027:{tiered['银卡']}" not in together  # 银卡: the batch


# calls to star clients ----------------------------------------------------------------------

def test_a_star_client_is_called_every_30_days_without_contact(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    gold = add_client(db, branch, "金卡客户", tier="金卡")
    silver = add_client(db, branch, "银卡客户", tier="银卡")
    for client in (gold, silver):
        add_visit(db, branch, client, dt.date(2026, 10, 1))
    drafts = run(StarCallSource(), db, branch, dt.date(2026, 10, 28), dt.date(2026, 11, 3))
    assert drafts == [TaskDraft(
        kind=CareKind.STAR_CALL, occasion=f"star:{gold}:2026-10-31", due_on=dt.date(2026, 10, 31),
        client_id=gold, channel=CareChannel.CALL, reason="star_call",
        detail={"every_days": 30, "days_since": 30, "last_visit": "2026-10-01",
                "last_call": ""})]
    assert day_by_day(StarCallSource(), db, branch, dt.date(2026, 10, 28),
                      dt.date(2026, 11, 3)) == [f"star:{gold}:2026-10-31"]
    # no contact since: again 30 days later
    assert occasions(run(StarCallSource(), db, branch, dt.date(2026, 11, 30))) == [
        f"star:{gold}:2026-11-30"]


def test_a_call_or_an_open_star_call_puts_the_next_one_off(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    gold = add_client(db, branch, "金卡客户", tier="钻石卡")
    add_visit(db, branch, gold, dt.date(2026, 10, 1))
    add_call(db, branch, gold, admin.staff_id, dt.date(2026, 10, 20))
    assert run(StarCallSource(), db, branch, dt.date(2026, 10, 31)) == []
    drafts = run(StarCallSource(), db, branch, dt.date(2026, 11, 19))
    assert [(d.occasion, d.detail["last_call"]) for d in drafts] == [
        (f"star:{gold}:2026-11-19", "2026-10-20")]
    with db.write() as s:
        s.add(CareTask(branch_id=branch, client_id=gold, kind=CareKind.STAR_CALL,
                       occasion=f"star:{gold}:2026-11-19", due_on=dt.date(2026, 11, 19),
                       channel=CareChannel.CALL, status=CareStatus.SNOOZED))
    assert run(StarCallSource(), db, branch, dt.date(2026, 12, 19)) == []


def test_every_source_runs_on_an_empty_store(services: Services, admin: Actor) -> None:
    for source in CALENDAR_SOURCES:
        drafts = run(source, services.db, admin.branch_id, dt.date(2026, 11, 1),
                     dt.date(2026, 11, 30))
        assert all(d.client_id is None for d in drafts), source.kind


# follow-up calls ----------------------------------------------------------------------------

def test_follow_up_calls_fall_on_each_day_set_for_the_visits_services(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    facial = services.catalog.add_service_item(admin, "面部护理", 38_800).id
    massage = services.catalog.add_service_item(admin, "肩颈按摩", 19_800).id
    follow_up_days(db, facial, 1, 3)
    follow_up_days(db, massage, 3)
    client = add_client(db, branch, "王芳")
    visit = add_visit(db, branch, client, dt.date(2026, 11, 20),
                      ((facial, "面部护理"), (massage, "肩颈按摩"), (facial, "面部护理")))
    add_visit(db, branch, client, dt.date(2026, 11, 21), ((massage, "肩颈按摩"),))
    drafts = run(FollowUpSource(), db, branch, dt.date(2026, 11, 23))
    assert drafts == [TaskDraft(
        kind=CareKind.FOLLOW_UP, occasion=f"followup:{visit}:3", due_on=dt.date(2026, 11, 23),
        client_id=client, channel=CareChannel.CALL, event_on=dt.date(2026, 11, 20),
        reason="follow_up",
        detail={"services": "面部护理, 肩颈按摩", "visit_on": "2026-11-20", "days": 3})]
    day_1 = run(FollowUpSource(), db, branch, dt.date(2026, 11, 21))
    assert [(d.occasion, d.detail["services"]) for d in day_1] == [
        (f"followup:{visit}:1", "面部护理")]
    first, last = dt.date(2026, 11, 19), dt.date(2026, 11, 30)
    together = occasions(run(FollowUpSource(), db, branch, first, last))
    assert together == day_by_day(FollowUpSource(), db, branch, first, last)
    assert len(together) == 3  # day 1 and day 3 of the first visit, day 3 of the second


def test_no_follow_up_for_an_open_visit_or_a_service_without_days(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    facial = services.catalog.add_service_item(admin, "面部护理", 38_800).id
    plain = services.catalog.add_service_item(admin, "修眉", 3_000).id
    follow_up_days(db, facial, 1)
    client = add_client(db, branch, "王芳")
    visit = add_visit(db, branch, client, dt.date(2026, 11, 20), ((plain, "修眉"),))
    assert run(FollowUpSource(), db, branch, dt.date(2026, 11, 21)) == []
    with db.write() as s:
        s.add(ConsumptionLine(branch_id=branch, visit_id=visit, client_id=client,
                              at=at_local(dt.date(2026, 11, 20)), kind=LineKind.SERVICE,
                              service_item_id=facial, description="面部护理",
                              unit_price_fen=1, amount_fen=1))
        s.execute(update(Visit).where(Visit.id == visit).values(status=VisitStatus.FINISHED))
    assert run(FollowUpSource(), db, branch, dt.date(2026, 11, 21)) == []


# profiles to confirm ------------------------------------------------------------------------

def test_a_profile_is_asked_for_when_its_basics_turn_a_year_old_or_when_an_old_one_comes(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    confirmed = at_local(dt.date(2025, 11, 25), 10)
    turning = add_client(db, branch, "一年前确认", basics_confirmed_at=confirmed)
    add_visit(db, branch, turning, dt.date(2026, 6, 1))
    gone = add_client(db, branch, "一年没来", basics_confirmed_at=confirmed)
    add_visit(db, branch, gone, dt.date(2025, 11, 20))
    entered = add_client(db, branch, "从未确认")  # entered in 2020, never confirmed
    add_visit(db, branch, entered, dt.date(2026, 11, 24))
    fresh = add_client(db, branch, "刚确认", basics_confirmed_at=at_local(dt.date(2026, 3, 1)))
    add_visit(db, branch, fresh, dt.date(2026, 11, 24))
    drafts = run(ProfileSource(), db, branch, dt.date(2026, 11, 23), dt.date(2026, 11, 27))
    assert drafts == [
        TaskDraft(kind=CareKind.PROFILE_STALE, occasion=f"profile:{turning}:2025-11-25",
                  due_on=dt.date(2026, 11, 25), client_id=turning, channel=CareChannel.CALL,
                  reason="profile_stale",
                  detail={"confirmed_on": "2025-11-25", "never_confirmed": 0, "months": 12,
                          "last_visit": "2026-06-01"}),
        TaskDraft(kind=CareKind.PROFILE_STALE, occasion=f"profile:{entered}:2020-01-01",
                  due_on=dt.date(2026, 11, 24), client_id=entered, channel=CareChannel.CALL,
                  reason="profile_stale",
                  detail={"confirmed_on": "2020-01-01", "never_confirmed": 1, "months": 12,
                          "last_visit": "2026-11-24"})]
    assert occasions(drafts) == day_by_day(ProfileSource(), db, branch, dt.date(2026, 11, 23),
                                           dt.date(2026, 11, 27))


def test_basics_confirmed_on_a_months_last_day_turn_old_on_a_shorter_months_last(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    rule(db, branch, CareKind.PROFILE_STALE, months=1)
    client = add_client(db, branch, "一月底确认",
                        basics_confirmed_at=at_local(dt.date(2027, 1, 31)))
    add_visit(db, branch, client, dt.date(2027, 1, 31))
    assert run(ProfileSource(), db, branch, dt.date(2027, 2, 27)) == []
    assert [(d.occasion, d.due_on) for d in run(ProfileSource(), db, branch,
                                                  dt.date(2027, 2, 28))] == [
        (f"profile:{client}:2027-01-31", dt.date(2027, 2, 28))]


def test_the_first_scan_tells_of_the_next_days_birthdays_at_once(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    soon = {d: add_client(db, branch, f"十二月{d}日", birthday_calendar=Calendar.SOLAR,
                          birth_month=12, birth_day=d) for d in (6, 7, 9, 10, 11)}
    first = dt.date(2026, 12, 7)
    drafts = run(BirthdaySource(), db, branch, first, first_scan=True)
    assert sorted((d.client_id, d.due_on, d.event_on) for d in drafts) == [
        (soon[7], first, dt.date(2026, 12, 7)), (soon[9], first, dt.date(2026, 12, 9)),
        (soon[10], first, dt.date(2026, 12, 10))]
    assert occasions(run(BirthdaySource(), db, branch, first)) == [f"birthday:{soon[10]}:2026"]


def test_the_first_scan_tells_of_a_festival_in_the_next_days_at_once(
        services: Services, admin: Actor) -> None:
    first = dt.date(2027, 2, 4)  # 除夕 the 5th, 春节 the 6th
    drafts = run(FestivalSource(), services.db, admin.branch_id, first, first_scan=True)
    assert sorted((d.occasion, d.due_on, d.event_on) for d in drafts) == [
        ("festival:new_years_eve:2026:batch", first, dt.date(2027, 2, 5)),
        ("festival:spring_festival:2027:batch", first, dt.date(2027, 2, 6))]
    assert run(FestivalSource(), services.db, admin.branch_id, first) == []
