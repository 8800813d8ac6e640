"""Races two terminals run into on one store: PostgreSQL's row locks, SQLite's write lock.

Each probe gives every terminal its own :class:`Database` (its own engine and
connections) and lines the terminals up with a barrier before every round, so
their transactions really overlap:

- check-out while another terminal saves the same client's note;
- check-in and a booking for the same client and therapist at once;
- two terminals saving the same client's preferences and tags;
- the server ending a connection in the middle of a write (PostgreSQL only).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select

from frontdesk.core.context import Actor, Role, system_clock
from frontdesk.db import Database
from frontdesk.errors import DomainError, StorageError, StorageProblem
from frontdesk.models import Client, Visit, VisitStatus
from frontdesk.services.clients.profile import BasicsChanges, EditConflict, Preferences
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.concurrency import BackendKiller, at_once
from tests.reliability.probe import Backend, Outcome, probe

ROUNDS = 150
PREFERENCE_ROUNDS = 20
RESTART_ROUNDS = 20
PRICE_FEN = 38_000


@dataclass(frozen=True)
class Store:
    admin: Actor
    therapist_id: int
    room_id: int
    facial_id: int


@contextmanager
def terminals(db: Database, count: int = 2) -> Iterator[list[Services]]:
    """``count`` terminals on ``db``'s database, each with its own engine and connections."""
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-race-"))
    dbs = [Database(db.url) for _ in range(count)]
    try:
        yield [Services(d, system_clock, photos_dir=folder) for d in dbs]
    finally:
        for d in dbs:
            d.dispose()


def open_store(services: Services) -> Store:
    admin = services.store.initialise("竞态测试店", "admin", "管理员", "correct-horse-9")
    therapist = services.staff.add_staff(admin, "meili", "美丽", Role.THERAPIST, None)
    room = services.catalog.add_room(admin, "牡丹厅")
    facial = services.catalog.add_service_item(admin, "面部清洁", PRICE_FEN, 60, "面部")
    return Store(admin, therapist.id, room.id, facial.id)


def new_client(services: Services, store: Store, n: int) -> int:
    return services.clients.register(
        store.admin, NewClient(f"客人{n}", f"139{n:08d}")).client_id


def is_raw(result: object) -> bool:
    """An exception a person would see as a crash (not a refusal, not a storage dialog)."""
    return isinstance(result, Exception) and not isinstance(result, DomainError | StorageError)


def outcome_of(done: list[object]) -> tuple[int, int]:
    """(accepted, raw errors) among one probe's results."""
    return (sum(not isinstance(r, Exception) for r in done), sum(map(is_raw, done)))


def side_by_side(rounds: int, left: Callable[[int], object],
                 right: Callable[[int], object],
                 prepare: Callable[[int], None] = lambda _n: None) -> list[tuple[object, object]]:
    """Run ``left(n)`` and ``right(n)`` at the same moment, round after round.

    ``prepare(n)`` sets round ``n`` up first. A result is what the call returned, or the
    exception it raised.
    """
    out: list[tuple[object, object]] = []
    for n in range(rounds):
        prepare(n)
        a, b = at_once(partial(left, n), partial(right, n))
        out.append((a, b))
    return out


@probe("check-out vs profile save",
       "a check-out and a save of the same client's note at the same moment, from two "
       f"terminals, {ROUNDS} rounds: the last-visit time a check-out writes is no edit, so "
       "both must go through")
def checkout_vs_profile_save(backend: Backend) -> Outcome:
    with backend.fresh() as db, terminals(db, 3) as (setup, desk, office):
        store = open_store(setup)
        rounds: dict[int, tuple[int, int, Any]] = {}

        def prepare(n: int) -> None:
            client_id = new_client(setup, store, n)
            visit_id = setup.visits.check_in(store.admin, CheckIn(client_id))
            setup.visits.finish(store.admin, visit_id)
            rounds[n] = (client_id, visit_id, office.profile.profile(store.admin, client_id))

        def check_out(n: int) -> object:
            return desk.checkout.check_out(
                store.admin, rounds[n][1], [LineInput("service", store.facial_id)],
                [PaymentInput("cash", PRICE_FEN)], f"race-{n}")

        def save_note(n: int) -> object:
            client_id, _, profile = rounds[n]
            return office.profile.update_basics(
                store.admin, client_id, profile.basics.version,
                BasicsChanges(note=f"note {n}"), profile.basics)

        results = side_by_side(ROUNDS, check_out, save_note, prepare)
        lost = 0
        with db.read() as s:
            for n, (out, saved) in enumerate(results):
                client = s.get(Client, rounds[n][0])
                visit = s.get(Visit, rounds[n][1])
                assert client is not None and visit is not None
                lost += not isinstance(out, Exception) and (
                    visit.status is not VisitStatus.CLOSED or client.last_visit_at is None)
                lost += not isinstance(saved, Exception) and client.note != f"note {n}"
    done = [r for pair in results for r in pair]
    accepted, errors = outcome_of(done)
    return Outcome(len(done), accepted, lost, errors, "accepted = attempts",
                   accepted == len(done) and lost == 0 and errors == 0)


@probe("check-in vs booking",
       "one terminal checks a client in with a therapist while another books the same client "
       f"with the same therapist, {ROUNDS} rounds: different things, so both must go through "
       "(no deadlock)")
def check_in_vs_booking(backend: Backend) -> Outcome:
    with backend.fresh() as db, terminals(db, 3) as (setup, desk, phone):
        store = open_store(setup)
        clients: dict[int, int] = {}
        first_slot = (system_clock() + dt.timedelta(hours=2)).replace(minute=0, second=0,
                                                                      microsecond=0)

        def prepare(n: int) -> None:
            clients[n] = new_client(setup, store, n)

        def check_in(n: int) -> object:
            return desk.visits.check_in(store.admin, CheckIn(
                clients[n], therapist_id=store.therapist_id, service_item_ids=(store.facial_id,)))

        def book(n: int) -> object:
            return phone.appointments.book(
                store.admin, clients[n], first_slot + dt.timedelta(hours=n), duration_min=30,
                staff_id=store.therapist_id, room_id=store.room_id)

        results = side_by_side(ROUNDS, check_in, book, prepare)
        with db.read() as s:
            visits = set(s.scalars(select(Visit.id)))
        appointments = {a.id for a in phone.appointments.day(store.admin, first_slot.date())}
        appointments |= {a.id for d in range(1, 8) for a in phone.appointments.day(
            store.admin, first_slot.date() + dt.timedelta(days=d))}
    lost = sum(not isinstance(v, Exception) and v not in visits for v, _ in results)
    lost += sum(not isinstance(b, Exception) and getattr(b, "id", None) not in appointments
                for _, b in results)
    done = [r for pair in results for r in pair]
    accepted, errors = outcome_of(done)
    return Outcome(len(done), accepted, lost, errors, "accepted = attempts",
                   accepted == len(done) and lost == 0 and errors == 0)


def _with_tag(prefs: Preferences, tag: str) -> Preferences:
    return Preferences(**{**prefs.__dict__, "tags": (*prefs.tags, tag)})


@probe("parallel preference saves",
       "two terminals load the same client's preferences, each adds its own tag and saves at "
       f"the same moment, {PREFERENCE_ROUNDS} rounds: one save goes through, the other is "
       "told what changed; an acknowledged tag is never lost")
def parallel_preference_saves(backend: Backend) -> Outcome:
    with backend.fresh() as db, terminals(db, 3) as (setup, one, two):
        store = open_store(setup)
        loaded: dict[int, tuple[int, Preferences]] = {}

        def prepare(n: int) -> None:
            client_id = new_client(setup, store, n)
            setup.profile.set_preferences(store.admin, client_id, Preferences(tags=("老客",)),
                                          loaded=Preferences())
            loaded[n] = client_id, one.profile.profile(store.admin, client_id).preferences

        def save(terminal: Services, tag: str) -> Callable[[int], object]:
            def run(n: int) -> object:
                client_id, prefs = loaded[n]
                return terminal.profile.set_preferences(
                    store.admin, client_id, _with_tag(prefs, tag), loaded=prefs)
            return run

        results = side_by_side(PREFERENCE_ROUNDS, save(one, "怕冷"), save(two, "爱聊天"),
                               prepare)
        lost = 0
        for n, pair in enumerate(results):
            tags = setup.profile.profile(store.admin, loaded[n][0]).preferences.tags
            lost += sum(not isinstance(r, Exception) and tag not in tags
                        for r, tag in zip(pair, ("怕冷", "爱聊天"), strict=True))
        refused = sum(isinstance(r, EditConflict) for pair in results for r in pair)
    done = [r for pair in results for r in pair]
    accepted, errors = outcome_of(done)
    return Outcome(len(done), accepted, lost, errors,
                   "lost = 0; one of each pair refused as a conflict",
                   lost == 0 and errors == 0 and refused == accepted == PREFERENCE_ROUNDS)


@probe("server restart mid-write",
       "the server ends a terminal's connection in the middle of a profile save or a "
       f"check-out ({RESTART_ROUNDS} rounds each), or just before its COMMIT: mid-transaction "
       "the write is retried on a new connection and goes through; at COMMIT the desk is told "
       "the server is unreachable; never a raw error, nothing half-written")
def server_restart_mid_write(backend: Backend) -> Outcome:
    if backend.name != "postgresql":
        return Outcome(0, 0, 0, 0, "PostgreSQL only (no server to restart)", True)
    with backend.fresh() as db, terminals(db, 2) as (setup, desk):
        store = open_store(setup)
        killer = BackendKiller(desk.db, setup.db)
        done: list[object] = []
        lost = 0
        for n in range(RESTART_ROUNDS * 2):
            at_commit = n % 2 == 1
            lost += _restart_round(setup, desk, store, killer, n, at_commit, done)
        unreachable = sum(isinstance(r, StorageError) and r.problem is StorageProblem.UNREACHABLE
                          for r in done)
    accepted, errors = outcome_of(done)
    expected_accepted = len(done) // 2
    return Outcome(len(done), accepted, lost, errors,
                   f"accepted = {expected_accepted} (mid-write), the rest 'unreachable'",
                   errors == 0 and lost == 0 and accepted == expected_accepted
                   and unreachable == len(done) - expected_accepted)


def _restart_round(setup: Services, desk: Services, store: Store, killer: BackendKiller,
                   n: int, at_commit: bool, done: list[object]) -> int:
    """One profile save and one check-out, each with its connection ended; returns losses."""
    client_id = new_client(setup, store, n)
    visit_id = setup.visits.check_in(store.admin, CheckIn(client_id))
    setup.visits.finish(store.admin, visit_id)
    basics = desk.profile.profile(store.admin, client_id).basics
    calls: list[tuple[str, Callable[[], object]]] = [
        ("UPDATE client", lambda: desk.profile.update_basics(
            store.admin, client_id, basics.version, BasicsChanges(note=f"note {n}"), basics)),
        ("INSERT INTO consumption_line", lambda: desk.checkout.check_out(
            store.admin, visit_id, [LineInput("service", store.facial_id)],
            [PaymentInput("cash", PRICE_FEN)], f"restart-{n}"))]
    results = []
    for needle, call in calls:
        killer.arm(sql=needle, at_commit=at_commit)
        try:
            results.append(call())
        except Exception as exc:  # noqa: BLE001 - counted, not raised
            results.append(exc)
        killer.armed = False
    done.extend(results)
    with setup.db.read() as s:
        client, visit = s.get(Client, client_id), s.get(Visit, visit_id)
        assert client is not None and visit is not None
        saved_note, closed = client.note == f"note {n}", visit.status is VisitStatus.CLOSED
    return (int(not isinstance(results[0], Exception) and not saved_note)
            + int(not isinstance(results[1], Exception) and not closed))
