"""Search a receptionist trusts: every reading of a name finds it, and the client the desk is
serving comes first (an appointment today, then in the store, then the latest visitors).

Clients are registered, booked, checked in and checked out through the real services,
on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.core.names import Grade
from frontdesk.db import Database
from frontdesk.models import Branch, ClientSearchKey
from frontdesk.models.appointment import ACTIVE_APPOINTMENT
from frontdesk.models.client import visit_seconds
from frontdesk.services.clients.profile import BasicsChanges
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.clients.search import APPOINTMENT_TODAY
from frontdesk.services.clients.search import OPEN_VISIT as SEARCH_OPEN_VISIT
from frontdesk.services.desk.checkout import LineInput, PaymentInput, record_last_visit
from frontdesk.services.desk.visits import OPEN_VISIT, CheckIn
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.conftest import NOW, FakeClock

Register = Callable[..., int]
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def register(services: Services, admin: Actor, db: Database) -> Register:
    """Register a client (a new number each time); ``days_ago`` sets the last visit."""
    made: list[int] = []

    def add(name: str, days_ago: int | None = None, tail: str = "5678") -> int:
        phone = f"139{len(made):04d}{tail}"
        client_id = services.clients.register(admin, NewClient(name, phone)).client_id
        if days_ago is not None:
            with db.write() as s:  # what check-out does with the visit's arrival
                record_last_visit(s, client_id, NOW - dt.timedelta(days=days_ago))
        made.append(client_id)
        return client_id

    return add


def found(services: Services, actor: Actor, query: str, limit: int = 20) -> list[str]:
    return [h.name for h in services.search.search(actor, query, limit)]


@pytest.mark.parametrize(("name", "queries"), [
    ("李长青", ["lichangqing", "lcq", "lizhangqing", "lzq", "lich", "lc"]),
    ("王长江", ["wangchangjiang", "wcj", "wangzhangjiang"]),
    ("长江", ["changjiang", "cj"]),  # 长 as a surname is Chang
    ("王重阳", ["wangchongyang", "wcy", "wangzhongyang"]),
    ("重阳", ["chongyang", "cy"]),
    ("汪曾祺", ["wangzengqi", "wzq", "wangcengqi", "wcq"]),
    ("张朝晖", ["zhangzhaohui", "zzh", "zhangchaohui", "zch"]),
    ("林乐", ["linle", "linyue", "ly"]),
    ("周行", ["zhouxing", "zhouhang", "zh"]),
])
def test_heteronym_given_names_are_found_by_every_common_reading(
        services: Services, admin: Actor, register: Register, name: str,
        queries: list[str]) -> None:
    register(name)
    register("孙七")  # someone else, found by none of them
    for query in queries:
        assert found(services, admin, query) == [name], query


def test_a_reading_no_one_gives_a_name_does_not_find_it(services: Services, admin: Actor,
                                                      register: Register) -> None:
    register("王重阳")
    register("周行")
    for query in ("wangtongyang", "zhouheng", "yang", "zhangqing"):
        assert found(services, admin, query) == [], query


def test_a_name_is_found_by_at_most_max_readings(services: Services, admin: Actor,
                                                 register: Register, db: Database) -> None:
    """李乐行朝长 has 16 readings; the first four are kept (see core.names)."""
    client_id = register("李乐行朝长")
    kept = ["lilexingchaozhang", "liyuexingchaozhang", "lilehangchaozhang",
            "lilexingzhaozhang"]
    for query in kept:
        assert found(services, admin, query) == ["李乐行朝长"], query
    assert found(services, admin, "liyuehangchaozhang") == []  # two changes: past the bound
    with db.read() as s:
        wholes = s.scalars(select(ClientSearchKey.key).where(
            ClientSearchKey.client_id == client_id, ClientSearchKey.grade == Grade.WHOLE,
            ClientSearchKey.key < "{"))
        assert sorted(wholes) == sorted(kept)


def test_a_renamed_client_is_found_by_the_new_readings_only(
        services: Services, admin: Actor, register: Register) -> None:
    client_id = register("张伟", days_ago=3)
    loaded = services.profile.profile(admin, client_id).basics
    services.profile.update_basics(admin, client_id, loaded.version,
                                   BasicsChanges(name="李长青"), loaded)
    assert found(services, admin, "lzq") == ["李长青"]
    assert found(services, admin, "zw") == found(services, admin, "张") == []
    [hit] = services.search.search(admin, "lichangqing")
    assert hit.last_visit == (NOW - dt.timedelta(days=3)).astimezone().date()


def at_local(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), SHANGHAI).astimezone(dt.UTC)


@pytest.mark.parametrize("query", ["张", "zhang", "z", "5678"])
def test_the_desk_sees_today_s_clients_first_then_the_latest_visitors(
        services: Services, admin: Actor, register: Register, clock: FakeClock,
        db: Database, query: str) -> None:
    """25 other 张 came in the last 25 days; those the desk expects today come first even
    though they last came a year ago, then those in the store, then the latest visitors."""
    today = NOW.astimezone(SHANGHAI).date()
    recent = [register(f"张{'一二三四五六七八九十'[i % 10]}{i}", days_ago=i + 1)
              for i in range(25)]
    booked = register("张约", days_ago=400)
    services.appointments.book(admin, booked, at_local(today, 16), duration_min=60)
    in_store = register("张到", days_ago=300)
    services.visits.check_in(admin, CheckIn(in_store))
    for not_today in _not_expected_today(services, admin, register, db, clock, today):
        assert not_today not in [h.client_id for h in services.search.search(admin, query)]
    hits = [h.client_id for h in services.search.search(admin, query)]
    assert hits == [booked, in_store, *recent[:18]]


def _not_expected_today(services: Services, admin: Actor, register: Register, db: Database,
                        clock: FakeClock, today: dt.date) -> list[int]:
    """Clients with nothing today: booked yesterday, booked and cancelled, booked at another
    branch, checked out this morning (still recent, so placed by their visit: 1 day ago)."""
    yesterday = register("张昨", days_ago=200)
    clock.advance(days=-1)
    services.appointments.book(admin, yesterday, at_local(today, 15) - dt.timedelta(days=1),
                               duration_min=60)
    clock.advance(days=1)
    cancelled = register("张消", days_ago=200)
    row = services.appointments.book(admin, cancelled, at_local(today, 17), duration_min=60)
    services.appointments.cancel(admin, row.id)
    elsewhere = register("张分", days_ago=200)
    with db.write() as s:
        branch = Branch(name="分店")
        s.add(branch)
        s.flush()
        branch_id = branch.id
    other = staff_in_role(db, branch_id, Role.RECEPTIONIST)
    services.appointments.book(other, elsewhere, at_local(today, 18), duration_min=60)
    return [yesterday, cancelled, elsewhere]


def test_a_check_out_moves_the_client_up_to_the_latest_visitors(
        services: Services, admin: Actor, register: Register, db: Database,
        clock: FakeClock) -> None:
    old = register("张老", days_ago=500)
    for i in range(3):
        register(f"张新{i}", days_ago=i + 1)
    assert found(services, admin, "zhang", limit=3) == ["张新0", "张新1", "张新2"]
    service = services.catalog.add_service_item(admin, "面部护理", 10000, 30, "面部")
    visit_id = services.visits.check_in(admin, CheckIn(old))
    assert found(services, admin, "zhang", limit=1) == ["张老"]  # in the store
    services.visits.finish(admin, visit_id)
    services.checkout.check_out(admin, visit_id, [LineInput("service", service.id)],
                                [PaymentInput("cash", 10000)], "k")
    assert found(services, admin, "zhang", limit=2) == ["张老", "张新0"]  # visited today
    with db.read() as s:
        seen = set(s.scalars(select(ClientSearchKey.seen)
                             .where(ClientSearchKey.client_id == old)))
    assert seen == {visit_seconds(NOW)}


def test_the_exact_name_or_reading_comes_before_longer_ones(
        services: Services, admin: Actor, register: Register) -> None:
    register("张三", days_ago=50)
    register("张三丰", days_ago=1)
    register("章散", days_ago=10)
    assert found(services, admin, "zhangsan") == ["章散", "张三", "张三丰"]
    assert found(services, admin, "张三") == ["张三", "张三丰"]
    assert found(services, admin, "zs") == ["章散", "张三", "张三丰"]


def test_a_client_expected_today_outranks_a_closer_match(
        services: Services, admin: Actor, register: Register) -> None:
    """The desk expects 李张三 today: typing 张三 finds her first, before 张三 herself."""
    register("张三", days_ago=1)
    expected = register("李张三", days_ago=90)
    today = NOW.astimezone(SHANGHAI).date()
    services.appointments.book(admin, expected, at_local(today, 16), duration_min=60)
    assert found(services, admin, "张三") == ["李张三", "张三"]


def test_more_of_today_s_clients_than_shown_are_ranked_before_the_limit(
        services: Services, admin: Actor, register: Register) -> None:
    """Three 张 are expected today and two are shown: the two who came last, not the two
    booked first (today's clients are ranked among themselves too)."""
    today = NOW.astimezone(SHANGHAI).date()
    for hour, (name, days_ago) in enumerate([("张久", 300), ("张十", 10), ("张五", 5)]):
        client_id = register(name, days_ago=days_ago)
        services.appointments.book(admin, client_id, at_local(today, 14 + hour), duration_min=60)
    register("张昨", days_ago=1)
    for query in ("张", "zhang", "5678"):
        assert found(services, admin, query, limit=2) == ["张五", "张十"], query
        assert found(services, admin, query, limit=4) == ["张五", "张十", "张久", "张昨"], query


def test_the_search_reads_today_with_the_desk_s_own_statuses() -> None:
    """The search is Core SQL (no models on the typing path), so it names the statuses."""
    assert set(APPOINTMENT_TODAY) == {s.value for s in ACTIVE_APPOINTMENT}
    assert set(SEARCH_OPEN_VISIT) == {s.value for s in OPEN_VISIT}
