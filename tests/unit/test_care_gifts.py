"""A gift task's gift is given: a voucher through the card ledger (or products), the gift
logged, the task closed; refusals change nothing; two terminals give one voucher."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.models import Setting
from frontdesk.models.card import CardEntry, CardOperation, Voucher, VoucherKind, VoucherSource
from frontdesk.models.care import (
    CallOutcome,
    CareCall,
    CareChannel,
    CareKind,
    CareStatus,
    CareTask,
    GiftType,
)
from frontdesk.services.cards.views import VoucherView, open_vouchers
from frontdesk.services.registry import Services
from tests.care_tasks import TODAY, client, get_task, manager_of_clients, task
from tests.parallel import at_once

GIFTS = "spa_voucher,store_products,dining_voucher"


def gift_task(services: Services, admin: Actor, client_id: int, *,
              kind: CareKind = CareKind.FESTIVAL, gifts: str = GIFTS,
              assigned_to: int | None = None) -> int:
    t = task(services.db, admin.branch_id, client_id, kind, channel=CareChannel.GIFT,
             assigned_to=assigned_to,
             detail={"festival": "mid_autumn", "name": "Mid-Autumn Festival"})
    with services.db.write() as s:
        s.execute(update(CareTask).where(CareTask.id == t).values(gift_types=gifts))
    return t


def vouchers(db: Database, client_id: int) -> tuple[VoucherView, ...]:
    with db.read() as s:
        return open_vouchers(s, client_id)


def counts(db: Database) -> tuple[int, int, int]:
    """(vouchers, card operations, care calls): what a refusal must leave as it was."""
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0  # type: ignore[return-value]
                     for m in (Voucher, CardOperation, CareCall))


def test_a_spa_voucher_is_issued_through_the_ledger_logged_and_the_task_closed(
        services: Services, admin: Actor) -> None:
    c = client(services, admin)
    t = gift_task(services, admin, c)
    expires = TODAY + dt.timedelta(days=90)
    given = services.care.give_gift(admin, t, 1, GiftType.SPA_VOUCHER, value_fen=20000,
                                    expires_on=expires, note="亲自送到", key="g1")
    [v] = vouchers(services.db, c)
    assert (v.code, v.kind, v.value_fen, v.source, v.expires_on, v.title) == \
        (given.voucher_code, VoucherKind.SPA, 20000, VoucherSource.CARE, expires,
         "中秋礼品·Spa体验券")
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CardEntry)
                        .where(CardEntry.voucher_id == v.id)) == 1
    row = get_task(services.db, t)
    assert (row.status, row.outcome, row.closed_by_id) == \
        (CareStatus.DONE, CallOutcome.GIFT_GIVEN, admin.staff_id)
    [call] = services.care.calls_of(admin, c)
    assert (call.task_id, call.outcome) == (t, CallOutcome.GIFT_GIVEN)
    assert str(given.voucher_code) in call.note and "亲自送到" in call.note
    assert services.care.due_list(admin, TODAY).tasks == ()


def test_the_same_key_twice_gives_one_voucher(services: Services, admin: Actor) -> None:
    c = client(services, admin)
    t = gift_task(services, admin, c, kind=CareKind.BIRTHDAY)
    first = services.care.give_gift(admin, t, 1, GiftType.DINING_VOUCHER, value_fen=10000,
                                    key="dbl")
    again = services.care.give_gift(admin, t, 1, GiftType.DINING_VOUCHER, value_fen=10000,
                                    key="dbl")
    assert first == again and first.voucher_code
    [v] = vouchers(services.db, c)
    assert v.title == "生日礼品·餐饮券"
    with pytest.raises(ConflictError, match="closed this care task already"):
        services.care.give_gift(admin, t, 1, GiftType.DINING_VOUCHER, value_fen=10000,
                                key="other")


def test_store_products_issue_no_voucher(services: Services, admin: Actor) -> None:
    c = client(services, admin)
    t = gift_task(services, admin, c)
    given = services.care.give_gift(admin, t, 1, GiftType.STORE_PRODUCTS, key="p")
    assert given.voucher_code is None and vouchers(services.db, c) == ()
    assert get_task(services.db, t).status is CareStatus.DONE
    [call] = services.care.calls_of(admin, c)
    assert (call.outcome, call.note) == (CallOutcome.GIFT_GIVEN, "店内产品礼包")


def test_refusals_leave_the_database_unchanged(services: Services, admin: Actor) -> None:
    c = client(services, admin)
    t = gift_task(services, admin, c)
    call_task = task(services.db, admin.branch_id, c)
    before = counts(services.db)
    refusals = [
        (call_task, 1, GiftType.SPA_VOUCHER, 100, "task_id"),
        (t, 1, GiftType.ROOM_VOUCHER, 100, "gift"),
        (t, 1, GiftType.LOCAL_SPECIALITY, 0, "gift"),
        (t, 1, GiftType.SPA_VOUCHER, 0, "value_fen"),
        (t, 1, GiftType.SPA_VOUCHER, -5, "value_fen"),
    ]
    for task_id, version, gift, value, field in refusals:
        with pytest.raises(ValidationError) as refused:
            services.care.give_gift(admin, task_id, version, gift, value_fen=value, key="r")
        assert refused.value.field == field, (gift, value)
    with pytest.raises(ValidationError) as refused:
        services.care.give_gift(admin, t, 1, GiftType.SPA_VOUCHER, value_fen=100,
                                expires_on=TODAY - dt.timedelta(days=1), key="r")
    assert refused.value.field == "expires_on"
    with pytest.raises(ConflictError, match="changed this care task meanwhile"):
        services.care.give_gift(admin, t, 7, GiftType.SPA_VOUCHER, value_fen=100, key="r")
    assert counts(services.db) == before
    assert get_task(services.db, t).status is CareStatus.OPEN
    services.care.skip(admin, t, 1, "客户出国")
    with pytest.raises(ConflictError, match="skipped this care task already"):
        services.care.give_gift(admin, t, 2, GiftType.SPA_VOUCHER, value_fen=100, key="r")
    assert counts(services.db) == before


def test_a_client_manager_gives_only_their_own_and_the_pools_gifts(services: Services,
                                                                  admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    zhou = manager_of_clients(services, admin, "zhou")
    c = client(services, admin)
    theirs = gift_task(services, admin, c, assigned_to=zhou.staff_id)
    pool = gift_task(services, admin, c)
    with pytest.raises(PermissionDenied):
        services.care.give_gift(li, theirs, 1, GiftType.SPA_VOUCHER, value_fen=100, key="a")
    assert services.care.give_gift(li, pool, 1, GiftType.SPA_VOUCHER, value_fen=100,
                                   key="b").voucher_code
    assert len(vouchers(services.db, c)) == 1


def test_two_terminals_giving_one_tasks_gift_give_one_voucher(services: Services,
                                                              admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    c = client(services, admin)
    t = gift_task(services, admin, c)

    def give(db: Database, i: int) -> object:
        terminal = Services(db, services.clock, photos_dir=services.photos_dir)
        return terminal.care.give_gift((admin, li)[i], t, 1, GiftType.SPA_VOUCHER,
                                       value_fen=20000, key=f"t{i}")

    results = at_once(services.db.url, 2, give)
    assert sorted(type(r).__name__ for r in results) == ["ConflictError", "GiftGiven"], results
    [refused] = [r for r in results if isinstance(r, ConflictError)]
    assert "closed this care task already" in refused.message
    assert len(vouchers(services.db, c)) == 1
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CareCall)
                        .where(CareCall.task_id == t)) == 1


def test_the_vouchers_title_names_the_occasion_in_the_stores_words(services: Services,
                                                                   admin: Actor) -> None:
    c = client(services, admin)
    own = task(services.db, admin.branch_id, c, CareKind.FESTIVAL, channel=CareChannel.GIFT,
               detail={"festival": "anniversary", "name": "店庆"})
    with services.db.write() as s:
        s.execute(update(CareTask).where(CareTask.id == own).values(gift_types="room_voucher"))
    services.care.give_gift(admin, own, 1, GiftType.ROOM_VOUCHER, value_fen=50000, key="own")
    with services.db.write() as s:
        s.add(Setting(branch_id=admin.branch_id, key="language", value="en"))
    t = gift_task(services, admin, c)
    services.care.give_gift(admin, t, 1, GiftType.SPA_VOUCHER, value_fen=100, key="en")
    assert sorted(v.title for v in vouchers(services.db, c)) == [
        "Mid-Autumn Festival gift: spa voucher", "店庆礼品·客房券"]
