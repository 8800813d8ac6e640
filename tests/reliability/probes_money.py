"""Money leaving without approval: zero totals, 100% discounts, price overrides, huge amounts.

Each probe sets up a store with a manager and a receptionist, checks clients in,
and lets several terminals (threads, each with its own connection) attack the
check-out through the real services at the same moment. A check-out that books
is "accepted"; a DomainError or StorageError is a refusal a person can read;
anything else is a raw error.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import DomainError, StorageError
from frontdesk.models import Visit, VisitStatus
from frontdesk.models.audit import AuditAction, AuditEntry
from frontdesk.models.staff import LoginFailure
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.approval import Approval
from frontdesk.services.desk.checkout import LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.reliability.probe import Backend, Outcome, probe

TERMINALS = 10
GUESSERS = 16
ROUNDS = 4
PASSWORD = "probe-password-1"
FACIAL_FEN = 38000
HUNDRED_MILLION_FEN = 10_000_000_000


@dataclass(frozen=True)
class Store:
    services: Services
    receptionist: Actor
    facial_id: int
    cream_id: int
    client_ids: tuple[int, ...]


def _store(db: Database, clients: int) -> Store:
    services = Services(db, photos_dir=Path(tempfile.gettempdir()) / "frontdesk-probe-photos")
    admin = services.store.initialise("探针美容会所", "admin", "管理员", PASSWORD)
    services.staff.add_staff(admin, "manager", "店长", Role.MANAGER, PASSWORD)
    desk = services.staff.add_staff(admin, "desk", "前台", Role.RECEPTIONIST, PASSWORD)
    receptionist = services.auth.sign_in("desk", PASSWORD)
    assert receptionist.staff_id == desk.id
    facial = services.catalog.add_service_item(admin, "面部护理", FACIAL_FEN, 60)
    cream = services.catalog.add_product(admin, "面霜", 15800)
    ids = tuple(services.clients.register(
        admin, NewClient(f"客人{i}", f"1390000{i:04d}")).client_id for i in range(clients))
    return Store(services, receptionist, facial.id, cream.id, ids)


def _finished_visit(store: Store, client_id: int) -> int:
    visits = store.services.visits
    visit = visits.check_in(store.receptionist, CheckIn(client_id))
    visits.finish(store.receptionist, visit)
    return visit


Attack = Callable[[Store, int, str], object]
"""Tries one check-out of a visit with an idempotency key."""


def _check_out(lines: Sequence[LineInput], payments: Sequence[PaymentInput],
               approval: Approval | None = None) -> Attack:
    def attack(store: Store, visit: int, key: str) -> object:
        return store.services.checkout.check_out(store.receptionist, visit, lines, payments, key,
                                                 approval=approval)
    return attack


def _attacks(store: Store) -> dict[str, Attack]:
    facial, cream = store.facial_id, store.cream_id
    return {
        "no lines, nothing paid": _check_out([], []),
        "unit price ¥0": _check_out([LineInput("service", facial, unit_price_fen=0)], []),
        "100% discount": _check_out([LineInput("service", facial, discount_fen=FACIAL_FEN)], []),
        "price override to ¥1": _check_out(
            [LineInput("service", facial, unit_price_fen=100)], [PaymentInput("cash", 100)]),
        "50% off a line": _check_out([LineInput("service", facial, discount_fen=FACIAL_FEN // 2)],
                                     [PaymentInput("cash", FACIAL_FEN // 2)]),
        "999 lines × ¥100M, 999 payments": _check_out(
            [LineInput("product", cream, unit_price_fen=HUNDRED_MILLION_FEN)] * 999,
            [PaymentInput("cash", HUNDRED_MILLION_FEN)] * 999),
        "unit price ¥100M": _check_out(
            [LineInput("service", facial, unit_price_fen=HUNDRED_MILLION_FEN)],
            [PaymentInput("wechat", HUNDRED_MILLION_FEN)]),
        "quantity 999 × ¥100k": _check_out(
            [LineInput("product", cream, quantity=999, unit_price_fen=10_000_000)],
            [PaymentInput("cash", 999 * 10_000_000)]),
        "¥0, the receptionist approving": _check_out(
            [], [], Approval("desk", PASSWORD, "I approve myself")),
        "¥0, a wrong manager password": _check_out(
            [], [], Approval("manager", "a-guess-123", "a guess")),
    }


@dataclass
class Tally:
    attempts: int = 0
    accepted: int = 0
    errors: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def run(self, attack: Attack, store: Store, visit: int, key: str) -> None:
        outcome = 0
        try:
            attack(store, visit, key)
            outcome = 1
        except (DomainError, StorageError):
            pass
        except Exception:  # noqa: BLE001 - a raw error is what this probe counts
            outcome = 2
        with self._lock:
            self.attempts += 1
            self.accepted += outcome == 1
            self.errors += outcome == 2


def _closed_visits(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(Visit.id))
                        .where(Visit.status == VisitStatus.CLOSED)) or 0


@probe("money out unapproved",
       f"{TERMINALS} terminals at once, {ROUNDS} rounds, a receptionist checking out visits: "
       "no lines, a unit price of ¥0, 100% off, a price below the catalogue, 50% off a line, "
       "999 lines × ¥100M with 999 payments, a unit price of ¥100M, 999 × ¥100k, ¥0 with "
       "her own password as the approval, ¥0 with a wrong manager password; "
       "accepted = check-outs booked")
def money_out_unapproved(backend: Backend) -> Outcome:
    with backend.fresh() as db:
        tally = Tally()
        store = _store(db, TERMINALS * ROUNDS)
        attacks = list(_attacks(store).values())
        with ThreadPoolExecutor(TERMINALS) as pool:
            for round_no in range(ROUNDS):
                jobs = []
                clients = store.client_ids[round_no * TERMINALS:(round_no + 1) * TERMINALS]
                for i, client in enumerate(clients):
                    attack = attacks[(i + round_no) % len(attacks)]
                    visit = _finished_visit(store, client)
                    jobs.append(pool.submit(tally.run, attack, store, visit, f"r{round_no}-{i}"))
                for job in jobs:
                    job.result()
        booked = _closed_visits(db)
    return Outcome(tally.attempts, tally.accepted, max(0, tally.accepted - booked), tally.errors,
                   "accepted = 0", tally.accepted == 0 and tally.errors == 0)


def _count(db: Database, query: Select[int]) -> int:
    with db.read() as s:
        return s.scalar(query) or 0


@probe("approval guessing",
       f"{GUESSERS} terminals at once try a ¥0 check-out each with the manager's user name and "
       "a wrong password; accepted = guesses that reached the password check")
def approval_guessing(backend: Backend) -> Outcome:
    with backend.fresh() as db:
        tally = Tally()
        store = _store(db, GUESSERS)
        guess = _check_out([], [], Approval("manager", "a-guess-123", "a guess"))
        visits = [_finished_visit(store, client) for client in store.client_ids]
        with ThreadPoolExecutor(GUESSERS) as pool:
            for job in [pool.submit(tally.run, guess, store, v, f"g{v}") for v in visits]:
                job.result()
        checked = _count(db, select(func.count(LoginFailure.id))
                         .where(LoginFailure.username == "manager"))
        booked = _closed_visits(db)
    return Outcome(tally.attempts, checked, 0, tally.errors, "accepted = 5 (the lock-out)",
                   checked == 5 and booked == 0 and tally.accepted == 0 and tally.errors == 0)


@probe("approved once",
       f"{ROUNDS * 5} visits closed at ¥0 from 3 terminals each at once: two send the same "
       "check-out with the manager's approval (a retry), one without; accepted = check-outs "
       "booked, lost = receipts whose visit is not closed or whose approval is not audited")
def approved_once(backend: Backend) -> Outcome:
    rounds = ROUNDS * 5
    approved = _check_out([], [], Approval("manager", PASSWORD, "a free trial"))
    unapproved = _check_out([], [])
    with backend.fresh() as db:
        tally, store = Tally(), _store(db, rounds)
        with ThreadPoolExecutor(3) as pool:
            for client in store.client_ids:
                visit = _finished_visit(store, client)
                jobs = [pool.submit(tally.run, approved, store, visit, f"a{visit}"),
                        pool.submit(tally.run, approved, store, visit, f"a{visit}"),
                        pool.submit(tally.run, unapproved, store, visit, f"u{visit}")]
                for job in jobs:
                    job.result()
        booked = _closed_visits(db)
        audited = _count(db, select(func.count(AuditEntry.id))
                         .where(AuditEntry.action == AuditAction.CHECKOUT_APPROVED))
    lost = rounds - min(booked, audited)
    return Outcome(tally.attempts, booked, lost, tally.errors, f"accepted = {rounds}",
                   booked == audited == rounds and tally.accepted == 2 * rounds
                   and tally.errors == 0)
