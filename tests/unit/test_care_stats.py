"""Each client's figures: the median interval, when they lapse, when their spending drops;
kept up to date by the check-out in its transaction, and rebuilt for a whole store."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models import LineKind, PaymentMethod
from frontdesk.models.care import CareKind, CareRule, ClientStats
from frontdesk.services.care.settings import DEFAULT_RULES
from frontdesk.services.care.stats import (
    DropRule,
    drop_on,
    figures,
    median_gap,
    window_on,
)
from frontdesk.services.desk.checkout import LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.care_history import new_client, visited
from tests.conftest import FakeClock

D = dt.date(2026, 1, 1)
DROP = DropRule.of(DEFAULT_RULES[CareKind.SPENDING_DROP])


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_median_gap_of_distinct_days_rounded_up() -> None:
    assert median_gap([day(0)]) is None
    assert median_gap([day(0), day(0)]) is None  # two visits on one day: one visit day
    assert median_gap([day(0), day(10)]) == 10
    assert median_gap([day(0), day(10), day(40), day(45)]) == 10  # gaps 10, 30, 5
    assert median_gap([day(0), day(10), day(31)]) == 16  # gaps 10 and 21: 15.5 up


def test_lapse_is_twice_the_median_or_the_floor() -> None:
    rules = dict(DEFAULT_RULES)  # floor 60 days
    one = figures(1, [day(0)], {}, rules)
    assert (one.visits, one.median_gap_days, one.lapse_on) == (1, None, day(60))
    two = figures(2, [day(0), day(20)], {}, rules)  # 2 × 20 < 60: the floor
    assert (two.median_gap_days, two.lapse_on) == (20, day(80))
    slow = figures(3, [day(0), day(45), day(90)], {}, rules)  # 2 × 45 > 60
    assert (slow.first_visit_on, slow.last_visit_on, slow.lapse_on) == (day(0), day(90),
                                                                       day(180))


def test_spending_drop_day_is_where_the_recent_window_falls_below_half_the_usual() -> None:
    # ¥1,000 a month for a year, then nothing: usual per 90 days ≈ ¥3,000
    spends = {day(30 * n): 100_000 for n in range(13)}
    found = drop_on(spends, DROP)
    assert found is not None and found > day(360)
    at = window_on(found, spends, DROP)
    assert at.holds(DROP) and at.recent_fen * 2 < at.usual_per_window_fen
    before = found - dt.timedelta(days=1)
    assert not window_on(before, spends, DROP).holds(DROP)


def test_small_spenders_and_clients_without_spend_never_drop() -> None:
    assert drop_on({}, DROP) is None
    assert drop_on({day(30 * n): 1_000 for n in range(13)}, DROP) is None  # usual under ¥500


def test_check_out_keeps_the_clients_figures_in_its_transaction(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    item = services.catalog.add_service_item(admin, "面部护理", 38000, 60, "面部")
    room = services.catalog.add_room(admin, "牡丹厅").id
    therapist = services.staff.add_staff(admin, "meili", "美丽", Role.THERAPIST, None).id
    client_id = new_client(services, admin, "王芳", "13900001111")
    today = clock().astimezone().date()
    visited(db, admin.branch_id, client_id, [today - dt.timedelta(days=30)], 20_000)
    visit_id = services.visits.check_in(admin, CheckIn(client_id, therapist_id=therapist,
                                                       room_id=room))
    services.checkout.check_out(admin, visit_id, [LineInput(LineKind.SERVICE, item.id)],
                                [PaymentInput(PaymentMethod.CASH, 38000)], "k1")
    with db.read() as s:
        row = s.get(ClientStats, client_id)
        assert row is not None
        assert (row.visits, row.last_visit_on, row.median_gap_days, row.spend_total_fen) == (
            2, today, 30, 58_000)
        assert row.lapse_on == today + dt.timedelta(days=60)


def test_rebuild_recomputes_every_client_with_the_settings_in_effect(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    today = clock().astimezone().date()
    ids = [new_client(services, admin, f"客户{i}", f"1390000{i:04d}") for i in range(3)]
    for n, client_id in enumerate(ids[:2]):
        visited(db, admin.branch_id, client_id,
                [today - dt.timedelta(days=d) for d in (100, 70, 40 - n)])  # n=1: gaps 30 and 31
    with db.write() as s:
        s.add(CareRule(branch_id=admin.branch_id, kind=CareKind.CHURN,
                       params='{"floor_days": 90}'))
    seen: list[tuple[str, int, int]] = []
    assert services.care_scan.rebuild_stats(admin.branch_id,
                                            lambda *a: seen.append(a)) == 2
    assert seen and seen[-1][1] == seen[-1][2]
    with db.read() as s:
        rows = {r.client_id: r for r in s.scalars(select(ClientStats))}
    assert set(rows) == set(ids[:2])  # the third never came
    assert rows[ids[0]].lapse_on == today + dt.timedelta(days=50)  # 40 days ago + 90
    assert rows[ids[1]].median_gap_days == 31 and rows[ids[1]].visits == 3
