"""The demo store: ``frontdesk demo --clients N`` fills a database with a believable salon.

An empty database gets a store (水沐莲清美容会所（演示）) with demo sign-in accounts;
a store made by the first-run wizard is filled as it is, its admin kept. Then come
rooms, the service catalog, home-care products, and N clients with `years` years
of closed visits, their appointments, what they consumed and how they paid (see
:mod:`.data` and :mod:`.history`), and today's book, in progress at the moment of
the fill (:mod:`.day`); then member cards with their history (:mod:`.cards`); then the
client managers' books, every client's figures and the first care scan (:mod:`.care`). The
same seed, anchor date and moment always give the same data (but for the card numbers,
drawn at random as the desk's are).

Speed: rows are made in chunks of :data:`CHUNK_CLIENTS` clients (memory stays
bounded) and written with the raw DB-API connection, one transaction per chunk:
``executemany`` on SQLite, ``COPY`` on PostgreSQL. Ids are assigned here, so
rows can point at each other without reading anything back; PostgreSQL's
sequences are moved past them at the end. On SQLite the fill runs with
``PRAGMA synchronous=OFF`` and a larger page cache on its one connection; when
it ends that connection is closed rather than returned to the pool, so every
later connection has ``synchronous=FULL`` again (see :mod:`frontdesk.db`). On both, the
indexes whose keys arrive in random order (:data:`BUILT_AFTER`) are dropped for
the fill and rebuilt from their stored definitions when it ends, even when it
fails. A fill that fails half-way keeps the chunks already written: demo data is
for an empty, disposable database, and a second fill refuses to double it.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import psycopg
from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from frontdesk.core.context import Clock, Role, local_today, system_clock
from frontdesk.db import Database
from frontdesk.demo.cards import fill_cards
from frontdesk.demo.care import fill_care
from frontdesk.demo.complaints import fill_complaints
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.day import DayMaker, Today
from frontdesk.demo.history import TABLES, Chunk, DemoStore, Stamps
from frontdesk.demo.words import LANGUAGES, Catalog, catalog
from frontdesk.errors import ConflictError, StorageError, ValidationError, classify_storage_error
from frontdesk.models import (
    Branch,
    Client,
    ConsumptionLine,
    Payment,
    Product,
    Room,
    ServiceItem,
    Setting,
    Staff,
    Visit,
)
from frontdesk.models.appointment import Appointment
from frontdesk.models.care import FollowUpDay
from frontdesk.models.consultation import ConsultationRecord
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.staff.auth import hash_password
from frontdesk.services.store.setup import DEFAULTS as SETTING_DEFAULTS
from frontdesk.services.store.setup import claim_first_run

CHUNK_CLIENTS = 10_000
"""Clients made and written per transaction; memory stays bounded by this."""
MAX_CLIENTS = 5_000_000
BUILT_AFTER = ("ix_client_name", "ix_client_search_key_lookup", "ix_client_phone_last4",
               "ix_client_last_visit_at", "ix_client_referred_by_id",
               "ix_visit_branch_arrived", "ix_consumption_line_branch_at",
               "ix_appointment_branch_starts", "ix_appointment_staff_starts",
               "ix_appointment_room_starts")
"""Indexes whose keys the fill writes in random order (see _indexes_built_after)."""
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoOptions:
    """How much demo data: ``anchor`` is the "today" the history ends on (default: the clock's)."""

    clients: int
    seed: int = 1
    years: int = 2
    anchor: dt.date | None = None
    language: str = "zh_CN"
    """The store's words (its name, rooms, services, tiers…): "zh_CN" or "en" (:mod:`.words`)."""


@dataclass(frozen=True)
class DemoAccount:
    """A demo sign-in account: who signs in with :data:`.data.DEMO_PASSWORD`."""

    username: str
    name: str
    role: Role

    def __str__(self) -> str:
        return f"{self.username} ({self.name}, {self.role.value})"


def demo_accounts(language: str, with_admin: bool) -> tuple[DemoAccount, ...]:
    """The sign-in accounts a fill adds: with ``admin`` only into an empty database (the
    set-up wizard makes its own)."""
    return tuple(DemoAccount(x.username, x.display_name, x.role) for x in catalog(language).staff
                 if x.signs_in and (with_admin or x.role is not Role.ADMIN))


@dataclass(frozen=True)
class DemoSummary:
    store_name: str
    clients: int
    visits: int
    lines: int
    payments: int
    appointments: int
    consultations: int
    accounts: tuple[DemoAccount, ...]
    """Demo sign-in accounts created (they share :attr:`password`)."""
    password: str | None
    cards: int = 0
    card_operations: int = 0
    care_tasks: int = 0
    complaints: int = 0
    surveys: int = 0
    spot_checks: int = 0

    @property
    def headline(self) -> str:
        return (f"demo store {self.store_name}: {self.clients:,} clients, {self.visits:,} visits, "
                f"{self.appointments:,} appointments, {self.lines:,} consumption lines, "
                f"{self.payments:,} payments, {self.consultations:,} consultation records, "
                f"{self.cards:,} member cards with {self.card_operations:,} card operations, "
                f"{self.care_tasks:,} care tasks due, {self.complaints:,} complaints, "
                f"{self.surveys:,} satisfaction surveys, {self.spot_checks:,} spot checks")

    @property
    def sign_ins(self) -> str:
        """The accounts made and their password, one per line; empty when none was made."""
        if not (self.accounts and self.password):
            return ""
        return (f"demo sign-in accounts, all with the password {self.password}:\n  "
                + "\n  ".join(map(str, self.accounts)))

    def __str__(self) -> str:
        return "\n".join(filter(None, (self.headline, self.sign_ins)))


def fill_demo(db: Database, options: DemoOptions, progress: Progress | None = None,
              clock: Clock = system_clock) -> DemoSummary:
    """Fill an empty store with demo data; ConflictError if the database has clients already."""
    _check(options)
    now = clock()
    anchor = options.anchor or local_today(clock)
    first_day = _years_before(anchor, options.years)
    with db.write() as s:
        store = _set_up_store(s, now, catalog(options.language))
    stamps = Stamps(first_day, (anchor - first_day).days, postgres=not db.is_sqlite)
    maker = DayMaker(random.Random(options.seed), store.parts, (anchor - first_day).days,
                     options.clients, stamps)
    today_s = int((now - dt.datetime.combine(anchor, dt.time(), dt.UTC)).total_seconds())
    clients, visits, lines, payments, booked, records = _stream(
        db, maker, options.clients, today_s, progress or _quiet)
    cards = fill_cards(db, clock, store.parts.branch_id, options.language, options.seed)
    care = fill_care(db, clock, store.parts.branch_id, progress)
    cases = fill_complaints(db, clock, store.parts.branch_id, options.language, options.seed)
    summary = DemoSummary(store.name, clients, visits, lines, payments, booked, records,
                          store.accounts, store.password, cards.cards, cards.operations,
                          care.tasks, cases.complaints, cases.surveys, cases.checks)
    with db.write() as s:
        _finish(s, clock(), store.parts.branch_id, options, summary)
    return summary


def _quiet(stage: str, done: int, total: int) -> None:
    """No progress report."""


def _check(options: DemoOptions) -> None:
    if not 1 <= options.clients <= MAX_CLIENTS:
        raise ValidationError("Choose between 1 and {n:,} demo clients.", field="clients",
                              n=MAX_CLIENTS)
    if not 1 <= options.years <= 10:
        raise ValidationError("Choose between 1 and 10 years of history.", field="years")
    if options.language not in LANGUAGES:
        raise ValidationError("The demo store speaks {choices}; not {language}.",
                              field="language", choices=" or ".join(LANGUAGES),
                              language=options.language)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class _Store:
    name: str
    accounts: tuple[DemoAccount, ...]
    password: str | None
    parts: DemoStore


def _set_up_store(s: Session, now: dt.datetime, words: Catalog) -> _Store:
    if s.scalar(select(Client.id).limit(1)) is not None:
        raise ConflictError("This database already has clients; demo data only goes into an "
                            "empty store.")
    branch = s.scalar(select(Branch).order_by(Branch.id).limit(1))
    new_store = branch is None
    if branch is None:  # an empty database: this fill is its first-run set-up
        claim_first_run(s, now)
        branch = Branch(name=words.store_name, created_at=now)
        s.add(branch)
        s.flush()
        s.add_all(Setting(branch_id=branch.id, key=k, value=v)
                  for k, v in SETTING_DEFAULTS.items())
    accounts = _add_staff(s, branch.id, new_store, now, words)
    rooms = _by_name(s, Room, branch.id,
                     [Room(branch_id=branch.id, name=r.name) for r in words.rooms])
    services = _by_name(s, ServiceItem, branch.id, [ServiceItem(
        branch_id=branch.id, name=x.name, category=x.category, price_fen=x.price_fen,
        duration_min=x.duration_min) for x in words.services])
    _add_follow_up_days(s, services, words)
    products = _by_name(s, Product, branch.id, [Product(
        branch_id=branch.id, name=x.name, category=x.category, price_fen=x.price_fen)
        for x in words.products])
    return _Store(branch.name, accounts, DEMO_PASSWORD if accounts else None, DemoStore(
        branch.id, _staff_by_role(s, branch.id), _staff_names(s, branch.id),
        tuple(rooms[r.name] for r in words.rooms),
        tuple(rooms[r.name] for r in words.rooms if r.vip),
        tuple((services[x.name], x) for x in words.services),
        tuple((products[x.name], x) for x in words.products),
        (_next_id(s, Client), _next_id(s, Visit), _next_id(s, ConsumptionLine),
         _next_id(s, Payment), _next_id(s, Appointment), _next_id(s, ConsultationRecord)),
        words))


def _add_staff(s: Session, branch_id: int, new_store: bool, now: dt.datetime,
               words: Catalog) -> tuple[DemoAccount, ...]:
    """The demo team beside whoever exists; the sign-in accounts added."""
    taken = set(s.scalars(select(Staff.username)))
    wanted = [x for x in words.staff
              if x.username not in taken and (new_store or x.role is not Role.ADMIN)]
    password_hash = hash_password(DEMO_PASSWORD) if any(x.signs_in for x in wanted) else None
    s.add_all(Staff(branch_id=branch_id, username=x.username, display_name=x.display_name,
                    role=x.role, password_hash=password_hash if x.signs_in else None,
                    created_at=now) for x in wanted)
    s.flush()
    return tuple(DemoAccount(x.username, x.display_name, x.role) for x in wanted if x.signs_in)


def _staff_by_role(s: Session, branch_id: int) -> dict[Role, tuple[int | None, ...]]:
    rows = s.execute(select(Staff.id, Staff.role).where(Staff.branch_id == branch_id, Staff.active)
                     .order_by(Staff.id)).all()
    return {role: tuple(i for i, r in rows if r is role) or (None,) for role in Role}


def _staff_names(s: Session, branch_id: int) -> dict[int, str]:
    rows = s.execute(select(Staff.id, Staff.display_name).where(Staff.branch_id == branch_id))
    return {staff_id: name for staff_id, name in rows}


Named = TypeVar("Named", Room, ServiceItem, Product)


def _by_name(s: Session, model: type[Named], branch_id: int, wanted: list[Named]) -> dict[str, int]:
    """Add the rows whose name the branch lacks; the id of every row by name."""
    query = select(model.name, model.id).where(model.branch_id == branch_id).order_by(model.id)
    have = {name: id_ for name, id_ in s.execute(query)}
    s.add_all(row for row in wanted if row.name not in have)
    s.flush()
    return {name: id_ for name, id_ in s.execute(query)}


def _add_follow_up_days(s: Session, services: dict[str, int], words: Catalog) -> None:
    """The follow-up days (回访) of the demo's services that have none yet."""
    have = set(s.scalars(select(FollowUpDay.service_item_id)
                         .where(FollowUpDay.service_item_id.in_(services.values()))))
    s.add_all(FollowUpDay(service_item_id=services[x.name], day=day) for x in words.services
              if services[x.name] not in have for day in x.follow_up_days)
    s.flush()


def _next_id(s: Session, model: Any) -> int:
    return int(s.scalar(select(func.max(model.id))) or 0) + 1


def _finish(s: Session, now: dt.datetime, branch_id: int, options: DemoOptions,
            summary: DemoSummary) -> None:
    """Move PostgreSQL's sequences past the ids used here; note the fill in the audit trail."""
    if s.get_bind().dialect.name == "postgresql":
        for table in ("client", "visit", "consumption_line", "payment", "appointment",
                      "consultation_record"):
            s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT max(id) FROM {table})) WHERE EXISTS (SELECT 1 FROM {table})"))
    audit.record(s, now, None, AuditAction.DEMO_FILLED, "branch", branch_id,
                 f"{summary.clients} clients, {summary.visits} visits, seed {options.seed}")


def _stream(db: Database, maker: DayMaker, total: int, today_s: int,
            progress: Progress) -> list[int]:
    """Make and write the clients chunk by chunk, then today's book.

    ``today_s``: the moment of the fill, in seconds since the anchor day's midnight
    (UTC). Returns (clients, visits, lines, payments, appointments, consultation records)
    written.
    """
    counts = [0] * 6
    with _bulk_connection(db) as conn, _indexes_built_after(conn, progress):
        for start in range(0, total, CHUNK_CLIENTS):
            written = _write_chunk(conn, maker.chunk(start, min(CHUNK_CLIENTS, total - start)))
            counts = [a + b for a, b in zip(counts, written, strict=True)]
            progress("clients", counts[0], total)
        today = maker.today(today_s)
        written = _write_chunk(conn, today.chunk, partial(_write_today, today))
        counts = [a + b for a, b in zip(counts, written, strict=True)]
    return counts


def _write_chunk(conn: Connection, chunk: Chunk,
                 then: Callable[[Connection], None] | None = None) -> list[int]:
    """Write one chunk (and what ``then`` writes) in one transaction; (clients, visits,
    lines, payments, appointments, consultation records) written."""
    with conn.begin():
        _write(conn, chunk)
        if then is not None:
            then(conn)
    return [len(rows) for rows in (chunk.clients, chunk.visits, chunk.lines, chunk.payments,
                                   chunk.appointments, chunk.care.records)]


@contextmanager
def _indexes_built_after(conn: Connection, progress: Progress) -> Iterator[None]:
    """Drop the :data:`BUILT_AFTER` indexes for the fill and build them again after.

    Their keys arrive in random order, so keeping them up to date would rewrite
    most of their pages in every chunk; building them at the end sorts once.
    They are rebuilt from their own stored definitions, also when the fill fails.
    """
    found = _definitions(conn)
    _run_in_transaction(conn, [f'DROP INDEX "{name}"' for name, _ in found])
    try:
        yield
        progress("indexes", 0, len(found))
    finally:
        _run_in_transaction(conn, [sql for _, sql in found])
    progress("indexes", len(found), len(found))


def _definitions(conn: Connection) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of each :data:`BUILT_AFTER` index the database has."""
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" * len(BUILT_AFTER))
        return [tuple(row) for row in _driver(conn).execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks}) "
            "ORDER BY name", BUILT_AFTER)]
    with conn.begin():
        return [(name, sql) for name, sql in conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname = ANY(:names) ORDER BY indexname"), {"names": list(BUILT_AFTER)})]


def _run_in_transaction(conn: Connection, statements: list[str]) -> None:
    if conn.dialect.name != "sqlite":
        with conn.begin():
            for statement in statements:
                conn.exec_driver_sql(statement)
        return
    raw = _driver(conn)
    raw.execute("BEGIN IMMEDIATE")
    for statement in statements:
        raw.execute(statement)
    raw.execute("COMMIT")


@contextmanager
def _bulk_connection(db: Database) -> Iterator[Connection]:
    """One connection for the whole fill; on SQLite with ``synchronous=OFF`` and a bigger cache.

    The connection is discarded afterwards instead of going back to the pool, so
    every later connection opens with ``synchronous=FULL`` again.
    """
    with _storage_errors(), db.engine.connect() as conn:
        try:
            if db.is_sqlite:
                raw = _driver(conn)
                raw.execute("PRAGMA synchronous=OFF")
                raw.execute("PRAGMA cache_size=-65536")  # 64 MiB
            yield conn
        finally:
            conn.invalidate()


@contextmanager
def _storage_errors() -> Iterator[None]:
    """Database faults a person must act on (disk full, locked…) become StorageError."""
    try:
        yield
    except (DBAPIError, sqlite3.Error, psycopg.Error) as exc:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        problem = classify_storage_error(str(orig))
        if problem is None:
            raise
        raise StorageError(problem, str(orig)) from exc


def _driver(conn: Connection) -> Any:
    """The DB-API connection under ``conn`` (sqlite3 or psycopg)."""
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def _write_today(today: Today, conn: Connection) -> None:
    """Today's check-outs move their clients' last visit on; a finished service leaves its
    room to clean."""
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    cursor = _driver(conn).cursor()
    cursor.executemany(f"UPDATE client SET last_visit_at = {mark} WHERE id = {mark}",
                       today.last_visits)
    cursor.executemany(f"UPDATE room SET state = 'cleaning' WHERE id = {mark}",
                       [(room,) for room in today.cleaning])
    cursor.close()


def _write(conn: Connection, chunk: Chunk) -> None:
    raw = _driver(conn)
    for (table, columns), rows in zip(TABLES, chunk.tables(), strict=True):
        names = ", ".join(columns)
        if conn.dialect.name == "sqlite":
            marks = ", ".join("?" * len(columns))
            raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        else:
            with raw.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
