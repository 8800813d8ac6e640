"""The demo store generator: a believable, consistent, deterministic salon."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from sqlalchemy import func, select, text

from frontdesk.core.calendar import leap_month, lunar_month_days, lunar_to_solar
from frontdesk.core.context import Actor, Role
from frontdesk.core.names import Grade, search_keys
from frontdesk.db import Database
from frontdesk.demo.consultations import REGULAR_VISITS, RETEST_DAYS
from frontdesk.demo.data import (
    DEMO_PASSWORD,
    MOBILE_PREFIXES,
    STORE_NAME,
    SURNAMES,
    Draw,
    PersonMaker,
)
from frontdesk.demo.fill import BUILT_AFTER, DemoOptions, DemoSummary, fill_demo
from frontdesk.demo.names import FEMALE_NAMES, MALE_NAMES
from frontdesk.demo.words import catalog
from frontdesk.errors import ConflictError, ValidationError
from frontdesk.models import (
    AuditEntry,
    Base,
    Branch,
    Client,
    ClientSearchKey,
    ConsumptionLine,
    Payment,
    Product,
    Room,
    ServiceItem,
    Staff,
    Visit,
    VisitKind,
    VisitStatus,
)
from frontdesk.models.appointment import Appointment, AppointmentStatus
from frontdesk.models.care import FollowUpDay
from frontdesk.models.client import visit_seconds
from frontdesk.models.consultation import (
    ConsultationCondition,
    ConsultationPlanLine,
    ConsultationRecord,
)
from frontdesk.models.profile import ClientPreference, PreferenceKind
from frontdesk.services.health.form import ConsultationForm, SkinTest, check_form
from frontdesk.services.registry import Services
from frontdesk.services.sheet.words import SheetWords
from frontdesk.services.staff.auth import AuthService
from tests.conftest import ADMIN_PASSWORD, FakeClock

ANCHOR = dt.date(2026, 11, 23)
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
CLIENTS = 300


def fill(db: Database, clock: FakeClock, clients: int = CLIENTS, seed: int = 1) -> DemoSummary:
    return fill_demo(db, DemoOptions(clients=clients, seed=seed, anchor=ANCHOR), clock=clock)


def count(db: Database, model: Any) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def fresh_sqlite(template: Path, path: Path) -> Database:
    shutil.copy(template, path)
    return Database(f"sqlite:///{path}")


def snapshot(db: Database) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Clients, and visits then appointments, in id order, without ids of rows made outside
    the fill."""
    with db.read() as s:
        clients = s.execute(select(
            Client.name, Client.phone_e164, Client.member_no, Client.birthday_calendar,
            Client.birth_year, Client.birth_month, Client.birth_day, Client.tier,
            Client.referred_by_id, Client.created_at, Client.last_visit_at).order_by(Client.id))
        visits = s.execute(select(Visit.client_id, Visit.arrived_at, Visit.total_fen)
                           .order_by(Visit.id))
        booked = s.execute(select(Appointment.client_id, Appointment.starts_at,
                                  Appointment.status, Appointment.staff_id)
                           .order_by(Appointment.id))
        return [tuple(r) for r in clients], [*map(tuple, visits), *map(tuple, booked)]


def test_fill_makes_the_store_and_counts_what_it_wrote(db: Database, clock: FakeClock) -> None:
    summary = fill(db, clock)
    assert summary.clients == count(db, Client) == CLIENTS
    assert summary.visits == count(db, Visit)
    assert summary.visits > CLIENTS
    assert summary.lines == count(db, ConsumptionLine) >= summary.visits
    assert summary.payments == count(db, Payment) >= summary.visits
    assert f"{CLIENTS:,} clients" in str(summary) and DEMO_PASSWORD in str(summary)
    assert (count(db, Room), count(db, ServiceItem), count(db, Product)) == (8, 22, 10)
    assert count(db, ClientSearchKey) > 0
    with db.read() as s:
        assert s.scalars(select(Branch.name)).all() == [STORE_NAME]
        roles = Counter(s.scalars(select(Staff.role)))
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.action == "demo.filled"))
        assert s.scalar(select(func.count()).where(Staff.role == Role.THERAPIST,
                                                   Staff.password_hash.is_not(None))) == 0
    assert roles == {Role.ADMIN: 1, Role.MANAGER: 1, Role.RECEPTIONIST: 2, Role.CONSULTANT: 2,
                     Role.THERAPIST: 6, Role.CLIENT_MANAGER: 2, Role.COMPLAINT_HANDLER: 1,
                     Role.QUALITY_INSPECTOR: 1}
    assert {a.username for a in summary.accounts} == {
        "admin", "manager", "reception1", "reception2", "consultant1", "consultant2",
        "care1", "care2", "complaints1", "qc1"}


def test_the_demos_facials_are_followed_up_on_day_1_3_and_7(db: Database,
                                                           clock: FakeClock) -> None:
    fill(db, clock, clients=20)
    with db.read() as s:
        days = s.execute(select(ServiceItem.name, FollowUpDay.day)
                         .join(FollowUpDay, FollowUpDay.service_item_id == ServiceItem.id)
                         .order_by(FollowUpDay.day)).all()
    by_item: dict[str, list[int]] = {}
    for name, day in days:
        by_item.setdefault(name, []).append(day)
    assert by_item["补水保湿护理"] == [1, 3, 7]
    assert by_item["肩颈舒缓护理"] == [7]
    assert "全身精油SPA" not in by_item


def test_demo_accounts_sign_in_with_the_printed_password(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    actor = AuthService(db, clock).sign_in("manager", DEMO_PASSWORD)
    assert actor.role is Role.MANAGER


def test_same_seed_same_data_on_any_database(db: Database, clock: FakeClock, tmp_path: Path,
                                             sqlite_template: Path) -> None:
    fill(db, clock, seed=5)
    twin = fresh_sqlite(sqlite_template, tmp_path / "twin.sqlite3")
    other = fresh_sqlite(sqlite_template, tmp_path / "other.sqlite3")
    try:
        fill(twin, clock, seed=5)
        fill(other, clock, seed=6)
        assert snapshot(twin) == snapshot(db)
        assert snapshot(other)[0] != snapshot(db)[0]
        assert snapshot(other)[1] != snapshot(db)[1]
    finally:
        twin.dispose()
        other.dispose()


def test_phones_are_valid_unique_mainland_mobiles(db: Database, clock: FakeClock) -> None:
    fill(db, clock, clients=1000)
    with db.read() as s:
        rows = s.execute(select(Client.phone_e164, Client.phone_last4)).all()
    phones = [phone for phone, _ in rows if phone is not None]
    assert len(set(phones)) == len(phones) == 1000
    for phone, last4 in zip(phones, [last4 for _, last4 in rows], strict=True):
        number = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
        assert phone.startswith("+861") and last4 == phone[-4:]


@pytest.mark.parametrize("prefix", [p for p, _ in MOBILE_PREFIXES])
def test_every_mobile_prefix_is_valid_with_any_eight_digits(prefix: str) -> None:
    rng = random.Random(prefix)
    for suffix in [0, 99_999_999, *(rng.randrange(10**8) for _ in range(20))]:
        number = phonenumbers.parse(f"+86{prefix}{suffix:08d}", None)
        assert phonenumbers.is_valid_number(number), (prefix, suffix)


def test_member_and_phone_numbers_never_repeat() -> None:
    people = PersonMaker(Draw(random.Random(3)))
    phones = [people.phone() for _ in range(50_000)]
    members = [people.member_no() for _ in range(50_000)]
    assert len(set(phones)) == len(phones)
    assert len(set(members)) == len(members)
    assert all(len(m) == 9 and m[0] == "M" and m[1:].isdigit() for m in members)


def test_surnames_read_as_surnames_in_pinyin() -> None:
    people = PersonMaker(Draw(random.Random(7)))
    expected = {"单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
                "朴": "piao", "欧阳": "ouyang", "司马": "sima", "上官": "shangguan",
                "诸葛": "zhuge"}
    seen: set[str] = set()
    for _ in range(60_000):
        name = people.name(female=True)
        surname = name[:2] if name[:2] in expected else name[:1]
        if surname in expected:
            seen.add(surname)
            readings = [k for k, g in people.keys(name) if g == Grade.WHOLE and k.isascii()]
            assert readings and all(r.startswith(expected[surname]) for r in readings), name
    assert seen == set(expected)


def test_names_carry_their_search_keys_and_last_visit(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    with db.read() as s:
        clients = s.execute(select(Client.id, Client.name, Client.last_visit_at)).all()
        rows = s.execute(select(ClientSearchKey.client_id, ClientSearchKey.key,
                                ClientSearchKey.grade, ClientSearchKey.seen)).all()
    stored: dict[int, dict[str, int]] = {}
    seen: dict[int, set[int]] = {}
    for client_id, key, grade, at in rows:
        stored.setdefault(client_id, {})[key] = grade
        seen.setdefault(client_id, set()).add(at)
    for client_id, name, last_visit in clients:
        assert 2 <= len(name) <= 4
        assert stored[client_id] == search_keys(name), name
        assert seen[client_id] == {visit_seconds(last_visit)}, name


def test_birthdays_are_real_dates_in_their_calendar() -> None:
    people = PersonMaker(Draw(random.Random(11)))
    kinds: Counter[str | None] = Counter()
    leap_months = 0
    for _ in range(20_000):
        born = people.birthday()
        kinds[born.calendar] += 1
        if born.calendar == "solar":
            assert born.month and born.day
            dt.date(born.year or 2000, born.month, born.day)  # raises if not a date
        elif born.calendar == "lunar" and born.year:
            assert born.month and born.day
            if born.leap_month:
                leap_months += 1
                assert leap_month(born.year) == born.month
            lunar_to_solar(born.year, born.month, born.day, born.leap_month)
        elif born.calendar == "lunar":
            assert born.day is not None and born.day <= 29 and not born.leap_month
        else:
            assert (born.year, born.month, born.day) == (None, None, None)
    assert 0.6 < kinds["solar"] / 20_000 < 0.7 and 0.15 < kinds["lunar"] / 20_000 < 0.25
    assert 0 < leap_months < 0.05 * kinds["lunar"]


def test_lunar_month_lengths_follow_the_calendar() -> None:
    assert lunar_month_days(2021, 1, False) == 29
    assert lunar_month_days(2021, 2, False) == 30
    assert lunar_month_days(2020, 4, True) == 29  # 闰四月 2020 ends on 2020-06-20


def test_money_adds_up_to_the_fen(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    with db.read() as s:
        bad_lines = s.scalar(select(func.count()).where(
            ConsumptionLine.amount_fen
            != ConsumptionLine.quantity * ConsumptionLine.unit_price_fen
            - ConsumptionLine.discount_fen))
        line_sums = dict(s.execute(select(ConsumptionLine.visit_id, func.sum(
            ConsumptionLine.amount_fen)).group_by(ConsumptionLine.visit_id)).all())
        paid = dict(s.execute(select(Payment.visit_id, func.sum(Payment.amount_fen))
                              .group_by(Payment.visit_id)).all())
        totals = dict(s.execute(select(Visit.id, Visit.total_fen)
                                .where(Visit.status == VisitStatus.CLOSED)).all())
        open_totals = set(s.scalars(select(Visit.total_fen)
                                    .where(Visit.status != VisitStatus.CLOSED)))
        discounted = s.scalar(select(func.count()).where(ConsumptionLine.discount_fen > 0))
        methods = set(s.scalars(select(Payment.method).distinct()))
    assert bad_lines == 0
    assert totals == line_sums == paid  # lines and payments only at check-out
    assert open_totals <= {0}
    assert all(total > 0 for total in totals.values())
    assert discounted and {m.value for m in methods} == {"cash", "bank_card", "wechat", "alipay",
                                                          "member_card"}


def today_starts() -> dt.datetime:
    return dt.datetime.combine(ANCHOR, dt.time(), SHANGHAI)


def test_visits_are_closed_inside_opening_hours(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    with db.read() as s:
        visits = s.scalars(select(Visit).where(Visit.arrived_at < today_starts())).all()
        clients = {c.id: c for c in s.scalars(select(Client))}
    for v in visits:
        assert v.status.value == "closed" and v.therapist_id and v.room_id
        assert v.started_at and v.finished_at and v.closed_at
        assert v.arrived_at < v.started_at < v.finished_at < v.closed_at
        opens = dt.datetime.combine(v.arrived_at.astimezone(SHANGHAI).date(), dt.time(10),
                                    SHANGHAI)
        assert opens <= v.arrived_at and v.closed_at <= opens + dt.timedelta(hours=12)
        assert v.closed_at.astimezone(SHANGHAI).date() < ANCHOR
        assert clients[v.client_id].created_at < v.arrived_at


def test_last_visit_is_the_latest_arrival_checked_out(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    with db.read() as s:
        latest = dict(s.execute(select(Visit.client_id, func.max(Visit.arrived_at))
                                .where(Visit.status == VisitStatus.CLOSED)
                                .group_by(Visit.client_id)).all())
        last = dict(s.execute(select(Client.id, Client.last_visit_at)).all())
    assert len(latest) == CLIENTS
    assert {k: v.replace(tzinfo=dt.UTC) if v.tzinfo is None else v
            for k, v in latest.items()} == last


def test_referrals_point_at_earlier_clients(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    with db.read() as s:
        clients = {c.id: c for c in s.scalars(select(Client))}
    referred = [c for c in clients.values() if c.referred_by_id is not None]
    assert referred
    for c in referred:
        assert c.source.value == "referral"
        assert c.referred_by_id in clients and c.referred_by_id < c.id
        assert clients[c.referred_by_id].created_at < c.created_at


def test_history_has_loyal_clients_one_timers_and_churn(db: Database, clock: FakeClock) -> None:
    fill(db, clock)
    with db.read() as s:
        visits = Counter(dict(s.execute(select(Visit.client_id, func.count())
                                        .group_by(Visit.client_id)).all()))
        clients = s.scalars(select(Client)).all()
    quiet_since = dt.datetime.combine(ANCHOR, dt.time(), SHANGHAI) - dt.timedelta(days=120)
    churned = [c for c in clients if visits[c.id] >= 3 and c.last_visit_at
               and c.last_visit_at < quiet_since]
    assert sum(1 for n in visits.values() if n == 1) > CLIENTS // 10
    assert max(visits.values()) >= 30
    assert churned


def test_client_mix_looks_like_a_salon(db: Database, clock: FakeClock) -> None:
    fill(db, clock, clients=1000)
    with db.read() as s:
        clients = s.scalars(select(Client)).all()

    def share(pred: Callable[[Client], bool]) -> float:
        return sum(1 for c in clients if pred(c)) / len(clients)

    assert 0.75 < share(lambda c: c.gender.value == "female") < 0.95
    assert 0.45 < share(lambda c: c.member_no is not None) < 0.75
    assert 0.5 < share(lambda c: c.consent_marketing) < 0.7
    assert 0.3 < share(lambda c: c.consent_health) < 0.5
    assert all((c.consent_health_at is not None) == c.consent_health for c in clients)
    assert 0.01 < share(lambda c: c.allergies != "") < 0.1
    assert {c.tier for c in clients if c.member_no} >= {"普通", "银卡", "金卡"}
    assert all(c.tier == "" for c in clients if c.member_no is None)
    assert {c.visitor_class.value for c in clients} >= {"general", "important", "guest"}


def test_default_anchor_is_the_clock_date(db: Database, clock: FakeClock) -> None:
    fill_demo(db, DemoOptions(clients=50), clock=clock)
    today = clock().astimezone().date()
    with db.read() as s:
        latest = s.scalar(select(func.max(Visit.closed_at)))
        earliest = s.scalar(select(func.min(Visit.arrived_at)))
    assert latest is not None and earliest is not None
    assert latest.astimezone().date() < today
    assert earliest.astimezone().date() >= today.replace(year=today.year - 2)


def test_refuses_to_double_data_and_leaves_the_database_unchanged(
        db: Database, clock: FakeClock) -> None:
    with db.write() as s:
        branch = Branch(name="老店")
        s.add(branch)
        s.flush()
        s.add(Client(branch_id=branch.id, name="王芳"))
    tables = [m for m in Base.registry.mappers]
    before = {m.class_.__name__: count(db, m.class_) for m in tables}
    with pytest.raises(ConflictError):
        fill(db, clock)
    assert {m.class_.__name__: count(db, m.class_) for m in tables} == before


def test_fill_keeps_the_wizards_store_and_admin(services: Services, admin: Actor,
                                                clock: FakeClock) -> None:
    summary = fill(services.db, clock)
    usernames = {a.username for a in summary.accounts}
    assert "admin" not in usernames and "manager" in usernames
    assert services.auth.sign_in("admin", ADMIN_PASSWORD).staff_id == admin.staff_id
    with services.db.read() as s:
        assert s.scalars(select(Branch.name)).all() == ["水沐莲清美容会所"]
        assert s.scalar(select(func.count()).where(Staff.role == Role.ADMIN)) == 1
        assert set(s.scalars(select(Client.branch_id))) == {admin.branch_id}


def test_ids_continue_after_the_fill(db: Database, clock: FakeClock) -> None:
    fill(db, clock, clients=20)
    with db.write() as s:
        branch_id = s.scalar(select(Branch.id))
        client = Client(branch_id=branch_id, name="新客户")
        s.add(client)
        s.flush()
        assert client.id == 21


def test_sqlite_is_back_to_synchronous_full(sqlite_db: Database, clock: FakeClock) -> None:
    fill(sqlite_db, clock, clients=20)
    with sqlite_db.read() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2


def indexes(db: Database) -> set[tuple[str, str]]:
    """Every index of the database, with its definition."""
    sql = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
           if db.is_sqlite else
           "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()")
    with db.read() as s:
        return {(name, definition) for name, definition in s.execute(text(sql))}


def test_indexes_are_rebuilt_as_they_were(db: Database, clock: FakeClock) -> None:
    before = indexes(db)
    assert set(BUILT_AFTER) <= {name for name, _ in before}
    fill(db, clock, clients=20)
    assert indexes(db) == before


class Stop(Exception):
    """Raised by a progress report to stop a fill half-way."""


def test_indexes_come_back_when_a_fill_stops_half_way(db: Database, clock: FakeClock) -> None:
    before = indexes(db)

    def stop(stage: str, done: int, total: int) -> None:
        if stage == "clients":
            raise Stop

    with pytest.raises(Stop):
        fill_demo(db, DemoOptions(clients=20, anchor=ANCHOR), progress=stop, clock=clock)
    assert indexes(db) == before
    if db.is_sqlite:
        with db.read() as s:
            assert s.execute(text("PRAGMA synchronous")).scalar() == 2


def test_refuses_silly_sizes(db: Database, clock: FakeClock) -> None:
    with pytest.raises(ValidationError):
        fill_demo(db, DemoOptions(clients=0, anchor=ANCHOR), clock=clock)
    with pytest.raises(ValidationError):
        fill_demo(db, DemoOptions(clients=10, years=0, anchor=ANCHOR), clock=clock)
    assert count(db, Branch) == 0


AFTERNOON = dt.datetime.combine(ANCHOR, dt.time(16), SHANGHAI)
"""Today at 16:00 in the store: the day's book half done."""


def booked(db: Database) -> list[Appointment]:
    with db.read() as s:
        return list(s.scalars(select(Appointment).order_by(Appointment.id)))


def test_each_booked_visit_has_its_appointment(db: Database) -> None:
    fill(db, FakeClock(AFTERNOON))
    with db.read() as s:
        visits = {v.id: v for v in s.scalars(select(Visit))}
        signed_up = dict(s.execute(select(Client.id, Client.created_at)).all())
    arrived = {a.visit_id: a for a in booked(db) if a.status is AppointmentStatus.ARRIVED}
    assert set(arrived) == {v.id for v in visits.values() if v.kind is VisitKind.APPOINTMENT}
    assert 0.55 < len(arrived) / len(visits) < 0.75  # most visits were booked
    for visit_id, a in arrived.items():
        visit = visits[visit_id]
        assert a.client_id == visit.client_id and a.staff_id == visit.therapist_id
        assert abs(a.starts_at - visit.arrived_at) <= dt.timedelta(minutes=15)
        assert signed_up[a.client_id] <= a.created_at <= a.starts_at < a.ends_at


def test_no_shows_and_cancellations_have_no_visit(db: Database) -> None:
    fill(db, FakeClock(AFTERNOON))
    missed = Counter(a.status for a in booked(db) if a.visit_id is None)
    assert set(missed) == {AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED,
                           AppointmentStatus.BOOKED}
    assert all(a.visit_id is not None for a in booked(db)
               if a.status is AppointmentStatus.ARRIVED)
    past = [a for a in booked(db) if a.status is AppointmentStatus.BOOKED]
    assert all(a.starts_at > AFTERNOON - dt.timedelta(minutes=30) for a in past)
    with db.read() as s:
        signed_up = dict(s.execute(select(Client.id, Client.created_at)).all())
    for a in booked(db):  # made by the desk after the client signed up, before the time
        assert signed_up[a.client_id] <= a.created_at <= a.starts_at < a.ends_at, a.id


def test_todays_appointments_fill_the_opening_hours_without_double_booking(
        db: Database) -> None:
    fill(db, FakeClock(AFTERNOON))
    today = [a for a in booked(db) if a.starts_at >= today_starts()]
    assert len(today) >= 20
    for a in today:
        opens = today_starts() + dt.timedelta(hours=10)
        assert opens <= a.starts_at < a.ends_at <= opens + dt.timedelta(hours=12)
    active = [a for a in today if a.status in (AppointmentStatus.BOOKED,
                                               AppointmentStatus.ARRIVED)]
    for one in active:
        for other in active:
            overlap = one.id < other.id and one.starts_at < other.ends_at \
                and other.starts_at < one.ends_at
            assert not (overlap and one.staff_id == other.staff_id), (one.id, other.id)
            assert not (overlap and one.room_id == other.room_id), (one.id, other.id)


def test_the_board_shows_the_day_in_progress(db: Database, tmp_path: Path) -> None:
    clock = FakeClock(AFTERNOON)
    fill(db, clock)
    services = Services(db, clock, photos_dir=tmp_path)
    board = services.visits.board(services.auth.sign_in("reception1", DEMO_PASSWORD))
    assert board.expected and board.in_service and board.closed_count
    assert all(a.starts_at > AFTERNOON - dt.timedelta(minutes=30) for a in board.expected)
    assert all(v.started_at and v.started_at <= AFTERNOON for v in board.in_service)
    occupied = {r.room_id for r in board.rooms if r.client_name}
    assert occupied == {v.room_id for v in board.in_service}
    cleaning = {r.room_id for r in board.rooms if r.status.value == "cleaning"}
    assert cleaning == {v.room_id for v in board.finished}
    with db.read() as s:
        today = s.scalars(select(Visit).where(Visit.arrived_at >= today_starts())).all()
    assert {v.status for v in today} >= {VisitStatus.CLOSED, VisitStatus.IN_SERVICE}
    assert all(v.arrived_at <= AFTERNOON for v in today)


def test_before_opening_the_whole_day_is_still_booked(db: Database) -> None:
    fill(db, FakeClock(today_starts() + dt.timedelta(hours=8)))
    today = [a for a in booked(db) if a.starts_at >= today_starts()]
    assert today and {a.status for a in today} <= {AppointmentStatus.BOOKED,
                                                   AppointmentStatus.CANCELLED}
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Visit.arrived_at >= today_starts())) == 0


def test_the_desk_books_and_checks_in_on_the_demo_day(db: Database, tmp_path: Path) -> None:
    from frontdesk.services.desk.appointments import SlotTaken
    from frontdesk.services.desk.visits import CheckIn

    clock = FakeClock(AFTERNOON)
    fill(db, clock)
    services = Services(db, clock, photos_dir=tmp_path)
    desk = services.auth.sign_in("reception1", DEMO_PASSWORD)
    later = services.visits.board(desk).expected[-1]  # a slot still to come today
    with db.read() as s:
        newest = s.scalar(select(func.max(Client.id)))  # signed up lately: not booked today
        last_booking = s.scalar(select(func.max(Appointment.id)))
        last_visit = s.scalar(select(func.max(Visit.id)))
    assert newest is not None and last_booking is not None and last_visit is not None
    with pytest.raises(SlotTaken):  # the demo's book holds its therapists' time
        services.appointments.book(desk, newest, later.starts_at, duration_min=30,
                                   staff_id=later.staff_id)
    tomorrow = services.appointments.book(desk, newest, later.starts_at + dt.timedelta(days=1),
                                          duration_min=30, staff_id=later.staff_id)
    assert tomorrow.id > last_booking  # ids go on after the fill's (PostgreSQL's sequences)
    assert services.visits.check_in(desk, CheckIn(newest)) > last_visit


def regulars_with_records(db: Database) -> dict[int, int]:
    """Client id → how many consultation records, for the clients who have any."""
    with db.read() as s:
        return dict(s.execute(select(ConsultationRecord.client_id, func.count())
                              .group_by(ConsultationRecord.client_id)).all())


def test_regulars_who_consented_have_consultations_whose_trends_move(
        db: Database, clock: FakeClock, tmp_path: Path) -> None:
    fill(db, clock)
    records = regulars_with_records(db)
    with db.read() as s:
        visits = Counter(dict(s.execute(select(Visit.client_id, func.count())
                                        .group_by(Visit.client_id)).all()))
        consented = set(s.scalars(select(Client.id).where(Client.consent_health)))
    regulars = {c for c in consented if visits[c] >= REGULAR_VISITS}
    assert set(records) <= regulars  # never without consent, never for a one-off visitor
    with db.read() as s:
        latest = dict(s.execute(select(ConsultationRecord.client_id,
                                       func.max(ConsultationRecord.taken_on))
                                .group_by(ConsultationRecord.client_id)).all())
        last_visits = dict(s.execute(select(Client.id, Client.last_visit_at)).all())
    for client_id, taken_on in latest.items():  # a regular's latest re-test is recent
        assert last_visits[client_id].date() - taken_on < dt.timedelta(days=RETEST_DAYS + 1)
    assert len(records) >= 0.9 * len(regulars) > 20
    services = Services(db, clock, photos_dir=tmp_path)
    consultant = services.auth.sign_in("consultant1", DEMO_PASSWORD)
    most = max(records, key=lambda c: records[c])
    assert records[most] >= 5
    trends = services.consultation.trends(consultant, most)
    moisture = [value for _, value in trends["moisture"]]
    assert len(moisture) == records[most] and len(set(moisture)) > 1
    assert moisture[-1] > moisture[0] - 5  # care moves moisture up, or at worst keeps it
    body = [c for c in records if records[c] >= 3 and services.consultation.trends(
        consultant, c)["weight"]]
    assert body  # some regulars come for body care, and their weight has a line too


def test_each_demo_consultation_is_one_the_form_would_accept(
        db: Database, clock: FakeClock, tmp_path: Path) -> None:
    fill(db, clock, clients=100)
    services = Services(db, clock, photos_dir=tmp_path)
    consultant = services.auth.sign_in("consultant1", DEMO_PASSWORD)
    with db.read() as s:
        ids = s.scalars(select(ConsultationRecord.id)).all()
    assert ids
    for record_id in ids:
        view = services.consultation.get(consultant, record_id)
        assert check_form(view.form, ANCHOR) == view.form, record_id
        assert view.form.plan and view.form.skin.moisture_pct is not None


def test_the_sheet_of_a_demo_regular_shows_tests_trends_and_plan(
        db: Database, clock: FakeClock, tmp_path: Path) -> None:
    fill(db, clock)
    records = regulars_with_records(db)
    services = Services(db, clock, photos_dir=tmp_path)
    consultant = services.auth.sign_in("consultant1", DEMO_PASSWORD)
    sheet = services.sheet.sheet_data(consultant, max(records, key=lambda c: records[c]),
                                      SheetWords())
    assert sheet.skin is not None and sheet.plan.lines
    assert any(len(series.points) >= 5 for series in sheet.trends)


def test_a_share_of_returning_clients_have_preferences(db: Database, clock: FakeClock) -> None:
    fill(db, clock, clients=1000)
    with db.read() as s:
        prefs = s.execute(select(ClientPreference.client_id, ClientPreference.kind,
                                 ClientPreference.value)).all()
        returning = s.scalar(select(func.count()).select_from(
            select(Visit.client_id).group_by(Visit.client_id).having(func.count() >= 2)
            .subquery()))
        services = set(s.scalars(select(ServiceItem.name)))
        staff = set(s.scalars(select(Staff.display_name)))
    assert returning and 0.3 < len({c for c, _, _ in prefs}) / returning < 0.5
    assert {kind for _, kind, _ in prefs} == set(PreferenceKind)
    assert {v for _, k, v in prefs if k is PreferenceKind.FAVOURITE_SERVICE} <= services
    assert {v for _, k, v in prefs if k is PreferenceKind.PREFERRED_STAFF} <= staff


def test_names_come_from_the_name_lists(db: Database, clock: FakeClock) -> None:
    fill(db, clock, clients=1000)
    surnames = {s for s, _ in SURNAMES}
    given = {"female": {g for g, _ in FEMALE_NAMES}, "male": {g for g, _ in MALE_NAMES}}
    given["unknown"] = given["male"]  # only men's gender goes unrecorded now and then
    with db.read() as s:
        people = s.execute(select(Client.name, Client.gender)).all()
    for name, gender in people:
        splits = [(name[:n], name[n:]) for n in (1, 2) if name[:n] in surnames]
        assert any(rest in given[gender.value] for _, rest in splits), (name, gender)
    women = Counter(name for name, gender in people if gender.value == "female")
    assert len(women) > 0.8 * sum(women.values())  # many different names, few namesakes


CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def test_an_english_demo_store_speaks_english(db: Database, clock: FakeClock) -> None:
    summary = fill_demo(db, DemoOptions(clients=300, anchor=ANCHOR, language="en"),
                        clock=clock)
    with db.read() as s:
        words = [*s.scalars(select(Branch.name)), *s.scalars(select(Room.name)),
                 *s.scalars(select(ServiceItem.name)), *s.scalars(select(ServiceItem.category)),
                 *s.scalars(select(Product.name)), *s.scalars(select(Product.category)),
                 *s.scalars(select(Client.tier)), *s.scalars(select(Client.allergies)),
                 *s.scalars(select(Client.note)), *s.scalars(select(Visit.purpose)),
                 *s.scalars(select(ConsumptionLine.description)),
                 *s.scalars(select(Staff.display_name)), *s.scalars(select(ClientPreference.value)),
                 *s.scalars(select(ConsultationRecord.skin_notes)),
                 *s.scalars(select(ConsultationRecord.plan_notes)),
                 *s.scalars(select(ConsultationPlanLine.name)),
                 *s.scalars(select(ConsultationCondition.before_cleansing))]
        tiers = set(s.scalars(select(Client.tier)))
    assert [w for w in words if CJK.search(w)] == []
    assert summary.store_name == "Lotus Spring Beauty Club (demo)"
    assert tiers >= {"Standard", "Silver", "Gold"}
    assert summary.consultations > 0


def test_the_chinese_and_english_stores_are_the_same_store() -> None:
    chinese, english = catalog("zh_CN"), catalog("en")
    assert [(r.vip, x.price_fen) for r, x in zip(chinese.rooms, chinese.services, strict=False)] \
        == [(r.vip, x.price_fen) for r, x in zip(english.rooms, english.services, strict=False)]
    assert len({x.name for x in english.services}) == len(chinese.services)
    assert [least for least, _ in english.tiers] == [least for least, _ in chinese.tiers]


def test_refuses_a_language_it_does_not_speak(db: Database, clock: FakeClock) -> None:
    with pytest.raises(ValidationError) as refused:
        fill_demo(db, DemoOptions(clients=10, anchor=ANCHOR, language="fr"), clock=clock)
    assert refused.value.field == "language"
    assert count(db, Branch) == 0


def test_the_summary_names_every_account_it_made_and_their_password(
        db: Database, clock: FakeClock) -> None:
    summary = fill(db, clock, clients=20)
    with db.read() as s:
        made = s.execute(select(Staff.username, Staff.display_name, Staff.role)
                         .where(Staff.password_hash.is_not(None))).all()
    shown = str(summary)
    assert f"password {DEMO_PASSWORD}" in shown
    for username, name, role in made:
        assert f"{username} ({name}, {role.value})" in shown
    assert len(made) == len(summary.accounts) == 10


def test_a_consultation_saved_after_the_fill_gets_a_new_id(
        db: Database, clock: FakeClock, tmp_path: Path) -> None:
    fill(db, clock, clients=50)
    services = Services(db, clock, photos_dir=tmp_path)
    consultant = services.auth.sign_in("consultant1", DEMO_PASSWORD)
    with db.read() as s:
        last = s.scalar(select(func.max(ConsultationRecord.id)))
        client_id = s.scalar(select(func.min(Client.id)).where(Client.consent_health))
    assert last is not None and client_id is not None
    form = ConsultationForm(skin=SkinTest(moisture_pct=40))
    assert services.consultation.save(consultant, client_id, form) > last  # PostgreSQL's sequence
