"""Demo clients and their visit history, made as rows ready for a bulk insert.

Used by :mod:`frontdesk.demo.fill`. Clients sign up evenly over the window,
each later than the one before (so a referrer is always an earlier client), at
their first visit. Each client has a habit (:data:`.demo_data.HABITS`): some
come once and never again, others every few weeks or weekly until they stop
(流失), so churn is there to find. Every visit is CLOSED inside opening hours
(10:00–22:00 Asia/Shanghai), has 1–3 consumption lines whose amount is exactly
quantity × unit price − discount, and payments that add up to its total. Most
visits were booked (a client's first visit is a walk-in, when she signs up): each
of those has its ARRIVED appointment, made up to two weeks ahead, for the half
hour nearest the arrival; now and then a client did not come
(NO_SHOW) or called it off (CANCELLED), and those appointments have no visit.
The desk last confirmed a client's basics at her last visit. Regulars have
consultation records and many clients preferences (:mod:`.consultations`).
Times are whole seconds since the window's first midnight (UTC) until
:class:`Stamps` turns them into the text the driver stores.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from frontdesk.core.context import Role
from frontdesk.demo.consultations import (
    CONDITION_COLUMNS,
    PLAN_COLUMNS,
    PREFERENCE_COLUMNS,
    RECORD_COLUMNS,
    CareRows,
    ConsultationMaker,
    Regular,
)
from frontdesk.demo.data import (
    HABITS,
    PAYMENT_METHODS,
    SOURCES,
    VISITOR_CLASSES,
    Draw,
    PersonMaker,
    ProductSpec,
    ServiceSpec,
    Weighted,
)
from frontdesk.demo.words import Catalog

DAY_S = 86_400
# Opening hours 10:00–22:00 in Asia/Shanghai (UTC+8, no daylight saving), as UTC seconds of day.
OPEN_S = 2 * 3600
LAST_SIGN_UP_S = 9 * 3600          # 17:00: a new client registers early enough to be served
LAST_ARRIVAL_S = 11 * 3600 + 1800  # 19:30
CLOSE_S = 13 * 3600 + 3000         # 21:50: everything is paid by then
DISCOUNT_PERCENTS = (5, 10, 10, 20)
BOOKED_SHARE = 0.75
"""Of the return visits, those booked ahead (the rest, and every first visit, walked in)."""
NO_SHOW_CHANCE, CANCEL_CHANCE = 0.03, 0.05
"""Before a return visit: a booking the client did not come to, or called off."""
SLOT_S = 1800  # appointments start on the hour or the half hour

CLIENT_COLUMNS = (
    "id", "branch_id", "name", "gender", "phone_e164",
    "phone_last4", "member_no", "birthday_calendar", "birth_year", "birth_month", "birth_day",
    "birth_leap_month", "source", "referred_by_id", "visitor_class", "tier", "allergies", "note",
    "consent_marketing", "consent_marketing_at", "consent_health", "consent_health_at",
    "last_visit_at", "basics_confirmed_at", "created_at", "updated_at", "version")
VISIT_COLUMNS = (
    "id", "branch_id", "client_id", "kind", "status", "arrived_at", "started_at", "finished_at",
    "closed_at", "purpose", "consultant_id", "therapist_id", "room_id", "prep_note", "total_fen",
    "version")
LINE_COLUMNS = (
    "id", "branch_id", "visit_id", "client_id", "at", "kind", "service_item_id", "product_id",
    "description", "quantity", "unit_price_fen", "discount_fen", "amount_fen", "staff_id")
PAYMENT_COLUMNS = ("id", "branch_id", "visit_id", "method", "amount_fen", "at", "reference")
APPOINTMENT_COLUMNS = (
    "id", "branch_id", "client_id", "service_item_id", "staff_id", "room_id", "starts_at",
    "ends_at", "status", "note", "overlap_overridden", "visit_id", "created_by", "created_at",
    "version")
PLANNED_COLUMNS = ("visit_id", "service_item_id", "position")
KEY_COLUMNS = ("client_id", "key", "grade", "seen")
TABLES = (("client", CLIENT_COLUMNS), ("client_search_key", KEY_COLUMNS),
          ("visit", VISIT_COLUMNS), ("appointment", APPOINTMENT_COLUMNS),
          ("planned_service", PLANNED_COLUMNS), ("consumption_line", LINE_COLUMNS),
          ("payment", PAYMENT_COLUMNS), ("consultation_record", RECORD_COLUMNS),
          ("consultation_condition", CONDITION_COLUMNS),
          ("consultation_plan_line", PLAN_COLUMNS), ("client_preference", PREFERENCE_COLUMNS))
"""Every table a chunk fills, in insert order, with the columns of its row tuples."""


class Stamps:
    """Times as text the driver stores as-is, from seconds since the first day's midnight UTC.

    SQLite gets SQLAlchemy's own DATETIME text (naive UTC, what the ORM writes
    too); PostgreSQL gets ``…+00`` for its ``timestamptz`` columns.
    """

    def __init__(self, first_day: dt.date, days: int, postgres: bool):
        suffix = "+00" if postgres else ".000000"
        self._epoch = int(dt.datetime.combine(first_day, dt.time(), dt.UTC).timestamp())
        self._days = [f"{first_day + dt.timedelta(days=d)} " for d in range(days + 1)]
        self._times = [f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}{suffix}"
                       for t in range(DAY_S)]
        self._dates = [str(first_day + dt.timedelta(days=d)) for d in range(days + 30)]

    def __call__(self, seconds: int) -> str:
        day, second = divmod(seconds, DAY_S)
        return self._days[day] + self._times[second]

    def epoch(self, seconds: int) -> int:
        """The same time in seconds since 1970 (what ``client_search_key.seen`` holds)."""
        return self._epoch + seconds

    def date(self, seconds: int) -> str:
        """The date in the store (opening hours fall on the same date in UTC and Shanghai)."""
        return self._dates[seconds // DAY_S]


@dataclass(frozen=True)
class DemoStore:
    """What the clients are served with: the store's ids, as set up before the fill."""

    branch_id: int
    staff: dict[Role, tuple[int | None, ...]]
    staff_names: dict[int, str]
    rooms: tuple[int, ...]
    vip_rooms: tuple[int, ...]
    services: tuple[tuple[int, ServiceSpec], ...]
    products: tuple[tuple[int, ProductSpec], ...]
    first_ids: tuple[int, int, int, int, int, int]
    """The next free id of client, visit, consumption_line, payment, appointment and
    consultation_record."""
    words: Catalog
    """The store's words, in its language."""


@dataclass
class Chunk:
    """The rows of one chunk of clients, in insert order, as tuples in :data:`TABLES` columns."""

    clients: list[tuple[Any, ...]] = field(default_factory=list)
    keys: list[tuple[int, str, int, int]] = field(default_factory=list)
    visits: list[tuple[Any, ...]] = field(default_factory=list)
    appointments: list[tuple[Any, ...]] = field(default_factory=list)
    planned: list[tuple[int, int, int]] = field(default_factory=list)
    lines: list[tuple[Any, ...]] = field(default_factory=list)
    payments: list[tuple[Any, ...]] = field(default_factory=list)
    care: CareRows = field(default_factory=CareRows)

    def tables(self) -> tuple[list[Any], ...]:
        care = self.care
        return (self.clients, self.keys, self.visits, self.appointments, self.planned,
                self.lines, self.payments, care.records, care.conditions, care.plans,
                care.preferences)


@dataclass(frozen=True)
class _Taste:
    """What one client usually has, with whom, and where."""

    service: tuple[int, ServiceSpec]
    therapist: int | None
    consultant: int | None
    vip: bool


@dataclass(frozen=True)
class Booking:
    """What an appointment is for: who, which service, with whom, where and when."""

    client_id: int
    service: tuple[int, ServiceSpec]
    therapist: int | None
    room: int
    start: int
    signed_up: int
    """The client's sign-up: no booking is made before it."""


def tier_for(spend_fen: int, tiers: tuple[tuple[int, str], ...]) -> str:
    """The member tier (普通 / 银卡 / 金卡 / 钻石卡, in the store's words) a total spend earns."""
    return next(tier for least, tier in tiers if spend_fen >= least)


class HistoryMaker:
    """Makes clients and their visit history, deterministically from one Random."""

    def __init__(self, rng: random.Random, store: DemoStore, span_days: int, total: int,
                 stamps: Stamps):
        self._draw = draw = Draw(rng)
        self._store, self._span, self._total, self._stamp = store, span_days, total, stamps
        self.people = PersonMaker(draw)
        (self._next_client, self._next_visit, self._next_line, self._next_payment,
         self._next_appointment, next_record) = store.first_ids
        self.care = ConsultationMaker(draw, store.branch_id, store.words, store.products,
                                      next_record, stamps, stamps.date)
        self._first_client = self._next_client
        self._habits = Weighted.of([(h, h.weight) for h in HABITS])
        self._sources = Weighted.of([(k.value, w) for k, w in SOURCES])
        self._classes = Weighted.of([(k.value, w) for k, w in VISITOR_CLASSES])
        self._methods = Weighted.of([(k.value, w) for k, w in PAYMENT_METHODS])
        self._services = Weighted.of([(x, x[1].weight) for x in store.services])
        self._products = Weighted.of([(x, x[1].weight) for x in store.products])

    def chunk(self, start: int, count: int) -> Chunk:
        """Clients ``start … start+count-1`` (0-based) with everything that belongs to them."""
        chunk = Chunk()
        self.people.forget()
        for index in range(start, start + count):
            self._client(index, chunk)
        return chunk

    def _signed_up(self, index: int) -> int:
        """Sign-up time: evenly spread over the window, later for every later client."""
        where = (index + self._draw.random()) * self._span / self._total
        day = int(where)
        return day * DAY_S + OPEN_S + int((where - day) * (LAST_SIGN_UP_S - OPEN_S))

    def _client(self, index: int, chunk: Chunk) -> None:
        draw, staff = self._draw, self._store.staff
        client_id = self._next_client
        self._next_client += 1
        created = self._signed_up(index)
        female = draw.chance(0.85)
        visitor = draw.weighted(self._classes)
        taste = _Taste(draw.weighted(self._services), draw.pick(staff[Role.THERAPIST]),
                       draw.pick(staff[Role.CONSULTANT]), visitor in ("important", "guest"))
        stamp = self._stamp
        consents = self._consents(stamp(created))
        arrivals, spend, last_closed = self._history(client_id, created, taste, chunk)
        self._care(Regular(client_id, female, taste.consultant, taste.service, arrivals),
                   taste, consents[2], chunk)
        visits = len(arrivals)
        member = draw.chance(0.95 if spend >= 500_000 else 0.8 if visits >= 3 else 0.35)
        name = self.people.name(female)
        seen = stamp.epoch(arrivals[-1])
        chunk.keys.extend((client_id, key, grade, seen) for key, grade in self.people.keys(name))
        tier = tier_for(spend, self._store.words.tiers) if member else ""
        chunk.clients.append(
            self._identity(client_id, name, female, member) + self._profile(index, visitor, tier)
            + consents
            + (stamp(arrivals[-1]), stamp(arrivals[-1]), stamp(created), stamp(last_closed), 1))

    def _care(self, regular: Regular, taste: _Taste, health_consent: bool, chunk: Chunk) -> None:
        """Consultation records (with health consent only) and preferences."""
        if health_consent:
            self.care.records(regular, chunk.care)
        words = self._store.words
        therapist = self._store.staff_names.get(taste.therapist or 0, "")
        room = self._draw.pick(words.rooms).name if taste.vip else ""
        self.care.preferences(regular.client_id, len(regular.arrivals), taste.service[1].name,
                              therapist, room, chunk.care)

    def _identity(self, client_id: int, name: str, female: bool,
                  member: bool) -> tuple[Any, ...]:
        """Columns ``id`` … ``birth_leap_month``."""
        people = self.people
        gender = "female" if female else "male" if self._draw.chance(0.93) else "unknown"
        phone = people.phone()
        born = people.birthday()
        return (client_id, self._store.branch_id, name, gender, phone,
                phone[-4:], people.member_no() if member else None, born.calendar, born.year,
                born.month, born.day, born.leap_month)

    def _profile(self, index: int, visitor: str, tier: str) -> tuple[Any, ...]:
        """Columns ``source`` … ``note``; a referrer is always an earlier client."""
        draw = self._draw
        source = draw.weighted(self._sources) if index else "walk_in"
        referrer = self._first_client + draw.between(0, index - 1) if source == "referral" else None
        words = self._store.words
        allergies = draw.pick(words.allergies) if draw.chance(0.05) else ""
        note = draw.pick(words.notes) if draw.chance(0.08) else ""
        return source, referrer, visitor, tier, allergies, note

    def _consents(self, created: str) -> tuple[Any, ...]:
        """Marketing consent for about 60 %, health-data consent for about 40 %, at sign-up."""
        marketing, health = self._draw.chance(0.6), self._draw.chance(0.4)
        return marketing, created if marketing else None, health, created if health else None

    def _history(self, client_id: int, created: int, taste: _Taste,
                 chunk: Chunk) -> tuple[list[int], int, int]:
        """The client's visits: (their arrivals, spend in fen, last check-out)."""
        arrived = []
        spend = closed = 0
        for n, planned in enumerate(self._arrivals(created + self._draw.between(60, 300))):
            if n:
                self._missed(client_id, planned, created, taste, chunk)
            total, arrival, closed = self._visit(client_id, planned, taste, n == 0, chunk,
                                                 created)
            arrived.append(arrival)
            spend += total
        return arrived, spend, closed

    def _arrivals(self, first: int) -> list[int]:
        """Planned arrival times: a habit's rhythm, jittered, until the client stops coming."""
        draw = self._draw
        habit = draw.weighted(self._habits)
        out = [first]
        if not habit.interval_days:
            return out
        day = first // DAY_S
        end = min(self._span, day + 1 + int(draw.rng.expovariate(1 / habit.lifetime_days)))
        while True:
            day += max(1, round(habit.interval_days * (0.5 + draw.random())))
            if day >= end:
                return out
            out.append(day * DAY_S + draw.between(OPEN_S, LAST_ARRIVAL_S))

    def _visit(self, client_id: int, arrival: int, taste: _Taste, first: bool,
               chunk: Chunk, signed_up: int) -> tuple[int, int, int]:
        """One closed visit with its lines and payments (and its appointment when it was
        booked): (total, arrival, check-out)."""
        draw, store = self._draw, self._store
        services = [taste.service if draw.chance(0.7) else draw.weighted(self._services)]
        if draw.chance(0.15):
            services.append(draw.weighted(self._services))
        arrival, started, finished, closed = self._timeline(
            arrival, sum(spec.duration_min for _, spec in services))
        visit_id = self._next_visit
        self._next_visit += 1
        therapist = taste.therapist if draw.chance(0.75) else draw.pick(
            store.staff[Role.THERAPIST])
        head = (visit_id, client_id, self._stamp(closed))
        total = sum(self._line(chunk, head, "service", item, None, spec.name, 1, spec.price_fen,
                               therapist) for item, spec in services)
        if draw.chance(0.22):
            total += self._product(chunk, head)
        self._pay(chunk, visit_id, total, head[2])
        stamp, room = self._stamp, self._room(taste)
        booked = not first and draw.chance(BOOKED_SHARE)  # the first: walked in, signed up
        chunk.visits.append((
            visit_id, store.branch_id, client_id, "appointment" if booked else "walk_in",
            "closed", stamp(arrival), stamp(started), stamp(finished), head[2],
            services[0][1].name, taste.consultant if first or draw.chance(0.4) else None,
            therapist, room, "", total, 1))
        if booked:
            start = (arrival + SLOT_S // 2) // SLOT_S * SLOT_S
            self._book(chunk, Booking(client_id, services[0], therapist, room, start,
                                      signed_up), "arrived", visit_id)
        return total, arrival, closed

    def _missed(self, client_id: int, planned: int, signed_up: int, taste: _Taste,
                chunk: Chunk) -> None:
        """Now and then, a few days before a return visit, a booking the client missed."""
        draw = self._draw
        roll = draw.random()
        if roll >= NO_SHOW_CHANCE + CANCEL_CHANCE:
            return
        day = planned // DAY_S - draw.between(1, 6)
        start = day * DAY_S + draw.between(OPEN_S // SLOT_S, LAST_ARRIVAL_S // SLOT_S) * SLOT_S
        if start > signed_up + DAY_S:
            self._book(chunk, Booking(client_id, taste.service, taste.therapist,
                                      self._room(taste), start, signed_up),
                       "no_show" if roll < NO_SHOW_CHANCE else "cancelled", None)

    def _book(self, chunk: Chunk, booking: Booking, status: str, visit_id: int | None) -> None:
        """The appointment row: made by the desk between two weeks and an hour ahead."""
        draw, store = self._draw, self._store
        item, spec = booking.service
        made = max(booking.signed_up, booking.start - draw.between(3600, 14 * DAY_S))
        chunk.appointments.append((
            self._next_appointment, store.branch_id, booking.client_id, item, booking.therapist,
            booking.room, self._stamp(booking.start),
            self._stamp(booking.start + spec.duration_min * 60), status, "", False, visit_id,
            draw.pick(store.staff[Role.RECEPTIONIST]), self._stamp(made), 1))
        self._next_appointment += 1

    def _timeline(self, arrival: int, minutes: int) -> tuple[int, int, int, int]:
        """(arrived, started, finished, closed): served and paid before closing time."""
        draw = self._draw
        arrival = min(arrival, arrival - arrival % DAY_S + CLOSE_S - (minutes + 35) * 60)
        started = arrival + draw.between(120, 900)
        finished = started + minutes * 60 + draw.between(-300, 600)
        return arrival, started, finished, finished + draw.between(120, 600)

    def _room(self, taste: _Taste) -> int:
        vip = taste.vip and self._store.vip_rooms and self._draw.chance(0.7)
        return self._draw.pick(self._store.vip_rooms if vip else self._store.rooms)

    def _product(self, chunk: Chunk, head: tuple[int, int, str]) -> int:
        """A home-care product sold at check-out, by a consultant or a receptionist."""
        draw, staff = self._draw, self._store.staff
        item, spec = draw.weighted(self._products)
        seller = draw.pick(staff[Role.CONSULTANT] + staff[Role.RECEPTIONIST])
        quantity = 1 if draw.chance(0.85) else 2
        return self._line(chunk, head, "product", None, item, spec.name, quantity, spec.price_fen,
                          seller)

    def _line(self, chunk: Chunk, head: tuple[int, int, str], kind: str, service_id: int | None,
              product_id: int | None, description: str, quantity: int, unit_fen: int,
              staff_id: int | None) -> int:
        """One consumption line; its amount (quantity × unit − discount) is returned."""
        gross = quantity * unit_fen
        discount = 0
        if self._draw.chance(0.1):  # a whole-yuan discount now and then
            discount = gross * self._draw.pick(DISCOUNT_PERCENTS) // 10_000 * 100
        line_id = self._next_line
        self._next_line += 1
        visit_id, client_id, at = head
        chunk.lines.append((line_id, self._store.branch_id, visit_id, client_id, at, kind,
                            service_id, product_id, description, quantity, unit_fen, discount,
                            gross - discount, staff_id))
        return gross - discount

    def _pay(self, chunk: Chunk, visit_id: int, total: int, at: str) -> None:
        """One payment of the total, or now and then two methods that add up to it."""
        draw = self._draw
        method = draw.weighted(self._methods)
        rows = []
        if total >= 20_000 and draw.chance(0.1):
            other = draw.pick([m for m in self._methods.values if m != method])
            part = total * draw.between(3, 7) // 1000 * 100
            rows.append((other, part))
            total -= part
        rows.append((method, total))
        for how, amount in rows:
            chunk.payments.append((self._next_payment, self._store.branch_id, visit_id, how,
                                   amount, at, ""))
            self._next_payment += 1
