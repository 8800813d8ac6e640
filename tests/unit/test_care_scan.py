"""The care scan: the first scan finds who had lapsed already (with one or two visits too),
days the program was closed are caught up, a re-scan makes nothing twice (nor do two
terminals at once), clients without marketing consent get no marketing tasks, tasks go
to the client's manager or, for a central tier, to the pool."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models import Client
from frontdesk.models.card import Tier
from frontdesk.models.care import (
    CareChannel,
    CareKind,
    CareScanState,
    CareTask,
    CareTierPlan,
    ClientBook,
    ClientStats,
)
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.scan import CareScanner
from frontdesk.services.care.settings import DEFAULT_RULES
from frontdesk.services.care.stats import DropRule, window_on
from frontdesk.services.care.views import ScanResult
from frontdesk.services.registry import Services
from tests.care_history import days_before, new_client, visited
from tests.conftest import FakeClock
from tests.parallel import at_once


def today_of(clock: FakeClock) -> dt.date:
    return clock().astimezone().date()


def tasks(db: Database) -> list[CareTask]:
    with db.read() as s:
        return list(s.scalars(select(CareTask).order_by(CareTask.occasion)))


def by_client(db: Database) -> dict[int | None, CareTask]:
    return {t.client_id: t for t in tasks(db)}


class FollowUps:
    """A service kind's source (as the calendar helper's are): a call for every client given."""

    kind = CareKind.FOLLOW_UP

    def __init__(self, client_ids: list[int]):
        self.client_ids = client_ids

    def drafts(self, s: object, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        for c in self.client_ids:
            yield TaskDraft(CareKind.FOLLOW_UP, f"followup:{c}:{first}", first, c,
                            CareChannel.CALL)


def test_first_scan_finds_clients_lapsed_long_ago_and_with_one_or_two_visits(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = today_of(clock)
    regular = new_client(services, admin, "常客", "13900000001")
    once = new_client(services, admin, "一次", "13900000002")
    twice = new_client(services, admin, "两次", "13900000003")
    long_ago = new_client(services, admin, "很久", "13900000004")
    too_old = new_client(services, admin, "太久", "13900000005")
    visited(services.db, admin.branch_id, regular, days_before(today, 50, 30, 10))
    visited(db, admin.branch_id, once, days_before(today, 61))
    visited(db, admin.branch_id, twice, days_before(today, 100, 90))
    visited(db, admin.branch_id, long_ago, days_before(today, 700, 600, 500, 400))
    visited(db, admin.branch_id, too_old, days_before(today, 900, 800))

    result = services.care_scan.scan(admin.branch_id)

    assert (result.first_day, result.last_day) == (today, today)
    found = by_client(db)
    assert set(found) == {once, twice, long_ago}
    assert result.made == {CareKind.CHURN: 3}
    assert found[once].occasion == f"churn:{once}:{today - dt.timedelta(days=61)}"
    assert found[long_ago].due_on == today
    assert found[long_ago].event_on == today - dt.timedelta(days=400 - 200)
    assert json.loads(found[long_ago].detail) == {
        "visits": 4, "median_gap_days": 100, "last_visit_on": str(today - dt.timedelta(days=400)),
        "days_since": 400, "floor_days": 60}
    assert found[twice].priority == 2 and found[twice].marketing


def test_days_the_program_was_closed_are_caught_up_and_nothing_is_made_twice(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = today_of(clock)
    services.care_scan.scan(admin.branch_id)  # the first scan: today
    lapsing = new_client(services, admin, "两天后", "13900000011")
    visited(db, admin.branch_id, lapsing, days_before(today, 58))  # lapses on today + 2
    clock.advance(days=3)  # closed for three days

    result = services.care_scan.scan(admin.branch_id)

    assert (result.first_day, result.last_day) == (today + dt.timedelta(days=1),
                                                   today + dt.timedelta(days=3))
    [task] = tasks(db)
    assert (task.client_id, task.due_on) == (lapsing, today + dt.timedelta(days=2))
    again = services.care_scan.scan(admin.branch_id)
    assert (again.first_day, again.total) == (None, 0)
    with db.write() as s:  # the state lost: the days are scanned again, nothing is new
        s.query(CareScanState).delete()
    assert services.care_scan.scan(admin.branch_id, through=today_of(clock)).total == 0
    assert len(tasks(db)) == 1


def test_clients_without_marketing_consent_get_no_marketing_tasks(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = today_of(clock)
    yes = new_client(services, admin, "同意", "13900000021")
    no = new_client(services, admin, "不同意", "13900000022", consent=False)
    for c in (yes, no):
        visited(db, admin.branch_id, c, days_before(today, 70))
    scanner = CareScanner(db, clock, sources=(FollowUps([yes, no]),
                                              *services.care_scan.sources))
    scanner.scan(admin.branch_id)
    kinds = {(t.client_id, t.kind) for t in tasks(db)}
    assert kinds == {(yes, CareKind.CHURN), (yes, CareKind.FOLLOW_UP),
                     (no, CareKind.FOLLOW_UP)}  # a service call stays


def test_tasks_go_to_the_clients_manager_or_to_the_pool_for_a_central_tier(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = today_of(clock)
    care1 = services.staff.add_staff(admin, "care1", "客服小美", Role.CLIENT_MANAGER, None).id
    booked, diamond, nobody = (new_client(services, admin, n, f"1390000003{i}")
                               for i, n in enumerate(("有经理", "钻石", "无经理")))
    with db.write() as s:
        top = s.scalars(select(Tier).where(Tier.branch_id == admin.branch_id)
                        .order_by(Tier.rank.desc())).first()
        assert top is not None
        s.add(CareTierPlan(branch_id=admin.branch_id, tier_code=top.code,
                           channel=CareChannel.GIFT, central=True))
        s.add_all(ClientBook(client_id=c, branch_id=admin.branch_id, staff_id=care1,
                             assigned_at=clock()) for c in (booked, diamond))
        s.get_one(Client, diamond).tier = top.name
    for c in (booked, diamond, nobody):
        visited(db, admin.branch_id, c, days_before(today, 70))
    services.care_scan.scan(admin.branch_id)
    found = by_client(db)
    assert (found[booked].assigned_to_id, found[booked].central) == (care1, False)
    assert (found[diamond].assigned_to_id, found[diamond].central) == (None, True)
    assert (found[nobody].assigned_to_id, found[nobody].central) == (None, False)


def test_preview_writes_nothing_and_leaves_out_what_exists(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = today_of(clock)
    c = new_client(services, admin, "预览", "13900000041")
    visited(db, admin.branch_id, c, days_before(today, 80))
    services.care_scan.rebuild_stats(admin.branch_id)
    [draft] = services.care_scan.preview(admin.branch_id, today)
    assert (draft.kind, draft.client_id) == (CareKind.CHURN, c)
    assert tasks(db) == []
    services.care_scan.scan(admin.branch_id)
    assert services.care_scan.preview(admin.branch_id, today) == []


@pytest.mark.parametrize("terminals", [2])
def test_two_terminals_scanning_at_once_make_each_task_once(
        services: Services, admin: Actor, db: Database, clock: FakeClock,
        terminals: int) -> None:
    today = today_of(clock)
    ids = [new_client(services, admin, f"客户{i}", f"1390001{i:04d}") for i in range(30)]
    for c in ids:
        visited(db, admin.branch_id, c, days_before(today, 160, 130))  # lapsed 70 days ago
    services.care_scan.rebuild_stats(admin.branch_id)
    with db.write() as s:  # scanned through long ago: both catch up the same days
        s.add(CareScanState(branch_id=admin.branch_id,
                            through_on=today - dt.timedelta(days=150), at=clock()))

    results = at_once(db.url, terminals, lambda d, i: CareScanner(d, clock).scan(
        admin.branch_id))

    assert all(isinstance(r, ScanResult) for r in results), results
    with db.read() as s:  # the 150 days also hold festivals (their batch messages): all once
        made = s.scalar(select(func.count()).select_from(CareTask))
        occasions = s.scalar(select(func.count(func.distinct(CareTask.occasion))))
        churn = s.scalar(select(func.count()).select_from(CareTask)
                         .where(CareTask.kind == CareKind.CHURN))
        assert s.get_one(CareScanState, admin.branch_id).through_on == today
    assert sum(r.total for r in results if isinstance(r, ScanResult)) == made == occasions
    assert churn == 30


def test_the_scan_writes_the_churn_tasks_its_preview_proposes(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    """The database-written churn tasks (the scan) and the drafts (the preview) agree."""
    today = today_of(clock)
    care1 = services.staff.add_staff(admin, "care1", "客服小美", Role.CLIENT_MANAGER, None).id
    ids = [new_client(services, admin, f"客户{i}", f"1390002{i:04d}", consent=i % 4 != 0)
           for i in range(12)]
    with db.write() as s:
        top = s.scalars(select(Tier).where(Tier.branch_id == admin.branch_id)
                        .order_by(Tier.rank.desc())).first()
        assert top is not None
        s.add(CareTierPlan(branch_id=admin.branch_id, tier_code=top.code,
                           channel=CareChannel.GIFT, central=True))
        s.add_all(ClientBook(client_id=c, branch_id=admin.branch_id, staff_id=care1,
                             assigned_at=clock()) for c in ids[:8])
        s.get_one(Client, ids[1]).tier = top.name
    for i, c in enumerate(ids):
        offsets = (40 * i + 70, 30 * i + 65)[:i % 3 or 1]
        visited(db, admin.branch_id, c, days_before(today, *offsets))
    services.care_scan.rebuild_stats(admin.branch_id)
    proposed = services.care_scan.preview(admin.branch_id, today)
    services.care_scan.scan(admin.branch_id)
    made = {t.occasion: t for t in tasks(db)}
    assert len(proposed) >= 6 and set(made) == {d.occasion for d in proposed}
    for d in proposed:
        task = made[d.occasion]
        assert (task.client_id, task.due_on, task.event_on, task.reason, task.priority) == (
            d.client_id, d.due_on, d.event_on, d.reason, 2)
        assert json.loads(task.detail) == dict(d.detail)
    assert (made_for(made, ids[1]).assigned_to_id, made_for(made, ids[1]).central) == (None, True)
    assert made_for(made, ids[2]).assigned_to_id == care1


def made_for(made: dict[str, CareTask], client_id: int) -> CareTask:
    [task] = [t for t in made.values() if t.client_id == client_id]
    return task


def test_a_spending_drop_shows_the_numbers_behind_it(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = today_of(clock)
    client_id = new_client(services, admin, "大客户", "13900000051")
    opted_out = new_client(services, admin, "不要打扰", "13900000052", consent=False)
    days = [today - dt.timedelta(days=400 - 30 * n) for n in range(13)]  # ¥1,000 a month
    for c in (client_id, opted_out):
        visited(db, admin.branch_id, c, days, 100_000)
    services.care_scan.rebuild_stats(admin.branch_id)
    with db.read() as s:
        drop = s.get_one(ClientStats, client_id).drop_on
    assert drop is not None and drop > days[-1]
    clock.advance(days=(drop - today).days + 1)
    [proposed] = [d for d in services.care_scan.preview(admin.branch_id, today_of(clock))
                  if d.kind is CareKind.SPENDING_DROP]
    services.care_scan.scan(admin.branch_id)  # written by the database: the same task
    [task] = [t for t in tasks(db) if t.kind is CareKind.SPENDING_DROP]  # not the opted-out
    assert (task.occasion, task.due_on, task.event_on, task.reason, task.priority) == (
        proposed.occasion, proposed.due_on, proposed.event_on, proposed.reason, 3)
    assert json.loads(task.detail) == dict(proposed.detail)
    expected = window_on(drop, {d: 100_000 for d in days}, DropRule.of(
        DEFAULT_RULES[CareKind.SPENDING_DROP]))
    assert (task.occasion, task.event_on) == (f"drop:{client_id}:{drop}", drop)
    assert json.loads(task.detail) == {
        "recent_fen": expected.recent_fen, "usual_fen": expected.usual_per_window_fen,
        "ratio_percent": 50, "window_days": 90}
    assert expected.recent_fen * 2 < expected.usual_per_window_fen
