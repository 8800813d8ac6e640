"""Card money under attack: ``python -m tests.reliability.cards_money [--pg URL] [--readme]``
(part of ``make reliability``).

Two measurements, on SQLite and on PostgreSQL when a URL is given (its database is wiped):

- **concurrent charges**: 4 processes charge one card ¥1.00 at a time, 400 times each, at
  once, against ¥1,000.00 on it (paid and bonus money, from a top-up with an offer):
  exactly 1,000 charges can be afforded. Counted: attempts, accepted, overspent
  (accepted beyond what the card held), drift (cached balance − ledger sum), raw errors
  (anything but a refusal or a storage message, and "database is locked").
- **SIGKILL while charging**: 4 processes top up and charge 20 cards through CardService
  without pause; each appends the key of every operation whose call returned (after
  COMMIT) to its side file and fsyncs it. The parent SIGKILLs one of them at a random
  moment, starts another in its place, and checks: every acknowledged key is in the ledger
  (``lost`` counts those that are not), ``frontdesk check``'s service finds nothing
  (integrity_check on SQLite, cached balance = ledger sum for every card and points
  account, nothing negative). Repeated ``--kills`` times (default 500).

Workers are forked from the parent (which has imported everything and signed the admin
in), so a restart costs milliseconds and 500 kills take a minute, not ten.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from frontdesk.core.context import Actor, system_clock
from frontdesk.db import Database
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.card import CardOperation, MemberCard
from frontdesk.services.registry import Services
from tests.cards import client, shop
from tests.reliability.probe import Backend

ROOT = Path(__file__).resolve().parents[2]
BEGIN, END = "<!-- cards-reliability:begin -->", "<!-- cards-reliability:end -->"
PASSWORD = "correct-horse-9"
CHARGERS, CHARGES, CHARGE_FEN = 4, 400, 100
CRASH_WORKERS, CRASH_CARDS = 4, 20


@dataclass(frozen=True)
class Result:
    probe: str
    database: str
    attempts: int
    accepted: int
    overspent: int
    drift: int
    kills: int
    lost: int
    errors: int
    expected: str
    ok: bool
    seconds: float


def _services(url: str) -> Services:
    return Services(Database(url), system_clock, photos_dir=Path(tempfile.gettempdir()))


def _fork(work: Callable[[], int]) -> int:
    """A child process that runs ``work`` and exits with its status (never returns there)."""
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            code = work()
        finally:
            os._exit(code)
    return pid


# -- concurrent charges -------------------------------------------------------------------------

def _charger(url: str, admin: Actor, card_id: int, worker: int, out: Path) -> int:
    services = _services(url)
    accepted = refused = raw = 0
    seen: list[str] = []
    for i in range(CHARGES):
        try:
            services.cards.charge(admin, card_id=card_id, amount_fen=CHARGE_FEN,
                                  key=f"c{worker}-{i}")
            accepted += 1
        except (DomainError, StorageError) as exc:
            refused += 1
            if "locked" in str(exc):  # a "database is locked" reaching the person
                raw += 1
                seen.append(repr(exc))
        except Exception as exc:  # noqa: BLE001 - counted: a raw error is what this measures
            raw += 1
            seen.append(repr(exc))
    out.write_text(f"{accepted} {refused} {raw}\n" + "\n".join(seen[:3]), encoding="utf-8")
    return 0


def concurrent_charges(backend: Backend) -> Result:
    started = time.perf_counter()
    with backend.fresh() as db:
        services = Services(db, system_clock, photos_dir=Path(tempfile.gettempdir()))
        admin = services.store.initialise("扣款压测店", "admin", "管理员", PASSWORD)
        cards = shop(services, admin)
        owner = client(services, admin)
        card = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                    key="issue").card
        services.cards.top_up(admin, card_id=card.id, method="cash", amount_fen=80_000,
                              key="top-1")
        services.cards.top_up(admin, card_id=card.id, method="cash", offer_id=cards.offer,
                              key="top-2")  # ¥1,000 paid + ¥200 bonus: now ¥1,800 + ¥200
        services.cards.charge(admin, card_id=card.id, amount_fen=100_000, key="down")
        held = services.cards.card(admin, card.id).balance_fen  # ¥1,000.00
        db.dispose()
        folder = Path(tempfile.mkdtemp(prefix="frontdesk-charges-"))
        pids = [_fork(lambda w=w: _charger(db.url, admin, card.id, w, folder / f"{w}.txt"))
                for w in range(CHARGERS)]
        for pid in pids:
            os.waitpid(pid, 0)
        counts = [tuple(map(int, (folder / f"{w}.txt").read_text().split("\n")[0].split()))
                  for w in range(CHARGERS)]
        for w in range(CHARGERS):
            errors = (folder / f"{w}.txt").read_text().split("\n")[1:]
            if errors and errors[0]:
                print(f"worker {w}: {errors}", file=sys.stderr)
        accepted = sum(c[0] for c in counts)
        raw = sum(c[2] for c in counts) + sum(
            not (folder / f"{w}.txt").exists() for w in range(CHARGERS))
        drift, booked = _drift_and_charges(db, card.id)
    affordable = held // CHARGE_FEN
    overspent = max(0, accepted - affordable)
    return Result("concurrent charges, one card", backend.name, CHARGERS * CHARGES, accepted,
                  overspent, drift, 0, booked - accepted, raw,
                  f"accepted = {affordable}, overspent = 0, drift = 0",
                  accepted == affordable == booked and drift == 0 and raw == 0,
                  time.perf_counter() - started)


def _drift_and_charges(db: Database, card_id: int) -> tuple[int, int]:
    """(cached − ledger sum of the card's money, charges booked by the probe's workers)."""
    with db.read() as s:
        cached = s.execute(select(MemberCard.paid_fen + MemberCard.bonus_fen)
                           .where(MemberCard.id == card_id)).scalar_one()
        ledger = s.execute(text("SELECT COALESCE(SUM(paid_fen + bonus_fen), 0) FROM card_entry "
                                "WHERE card_id = :c"), {"c": card_id}).scalar_one()
        booked = s.scalar(select(func.count()).select_from(CardOperation)
                          .where(CardOperation.idempotency_key.like("c%-%")))
    return int(cached) - int(ledger), int(booked or 0)


# -- SIGKILL while charging ---------------------------------------------------------------------

def _crash_worker(url: str, admin: Actor, card_ids: list[int], name: str, log: Path) -> int:
    services = _services(url)
    rng = random.Random(name)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    parent, i = os.getppid(), 0
    while os.getppid() == parent:  # the probe has gone (it failed): stop too
        i += 1
        key, card_id = f"{name}-{i}", rng.choice(card_ids)
        os.write(fd, f"?{key}\n".encode())  # an attempt (not synced: counted, not promised)
        try:
            if rng.random() < 0.4:
                services.cards.top_up(admin, card_id=card_id, method="cash",
                                      amount_fen=rng.randint(1, 500) * 100, key=key)
            else:
                services.cards.charge(admin, card_id=card_id,
                                      amount_fen=rng.randint(1, 300) * 100, key=key)
        except (DomainError, StorageError):
            continue
        os.write(fd, f"{key}\n".encode())
        os.fsync(fd)
    return 0


def _acknowledged(folder: Path) -> set[str]:
    keys: set[str] = set()
    for log in folder.glob("*.log"):
        lines = log.read_text(encoding="utf-8").split("\n")
        keys.update(line for line in lines[:-1] if line and not line.startswith("?"))
    return keys


def _missing(db: Database, keys: set[str]) -> int:
    with db.read() as s:
        found = set(s.scalars(select(CardOperation.idempotency_key)
                              .where(CardOperation.idempotency_key.in_(keys))))
    return len(keys - found)


@dataclass
class _Crash:
    attempts: int = 0
    kills: int = 0
    lost: int = 0
    drift: int = 0
    negative: int = 0
    integrity: int = 0
    busy: int = 0
    """Checks that were told "database is locked" (tried again)."""


def sigkill_while_charging(backend: Backend, kills: int) -> Result:
    started = time.perf_counter()
    tally = _Crash()
    with backend.fresh() as db:
        services = Services(db, system_clock, photos_dir=Path(tempfile.gettempdir()))
        admin = services.store.initialise("断电测试店", "admin", "管理员", PASSWORD)
        cards = shop(services, admin)
        card_ids = [services.cards.issue(admin, client_id=client(services, admin, f"客人{n}"),
                                         product_id=cards.stored, key=f"issue-{n}",
                                         method="cash", amount_fen=10_000).card.id
                    for n in range(CRASH_CARDS)]
        db.dispose()
        folder = Path(tempfile.mkdtemp(prefix="frontdesk-crash-"))
        rng = random.Random(11)
        spawned = 0

        def spawn() -> int:
            nonlocal spawned
            spawned += 1
            name = f"w{spawned}"
            return _fork(lambda: _crash_worker(db.url, admin, card_ids, name,
                                               folder / f"{name}.log"))

        live = [spawn() for _ in range(CRASH_WORKERS)]
        try:
            for _ in range(kills):
                time.sleep(rng.uniform(0.005, 0.12))
                victim = live.pop(rng.randrange(len(live)))
                os.kill(victim, signal.SIGKILL)
                os.waitpid(victim, 0)
                tally.kills += 1
                services.db.dispose()  # no open connection is carried into the new process
                live.append(spawn())
                _check_after(services, admin, folder, tally)
        finally:  # also when a check fails: no worker is left charging on its own
            for pid in live:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        _check_after(services, admin, folder, tally)
        tally.attempts = sum(log.read_text(encoding="utf-8").count("?")
                             for log in folder.glob("*.log"))
        accepted = len(_acknowledged(folder))
    ok = tally.lost == tally.drift == tally.negative == tally.integrity == 0
    if tally.busy:
        print(f"the check was told 'database is locked' {tally.busy} time(s)", file=sys.stderr)
    return Result("SIGKILL while charging and topping up", backend.name, tally.attempts,
                  accepted, tally.negative, tally.drift, tally.kills, tally.lost,
                  tally.integrity, f"lost = 0, drift = 0 after each of {kills} kills", ok,
                  time.perf_counter() - started)


def _check_after(services: Services, admin: Actor, folder: Path, tally: _Crash) -> None:
    """After a kill: every acknowledged key booked; the consistency check finds nothing."""
    tally.lost = max(tally.lost, _missing(services.db, _acknowledged(folder)))
    report = None
    while report is None:
        try:
            report = services.card_report.check(admin)
        except StorageError:  # its audit row waited 10 s for the writers: count, try again
            tally.busy += 1
    for item in report.items:
        if item.name.startswith("database file"):
            tally.integrity += item.found
        else:
            tally.drift += sum("the ledger says" in v.detail for v in item.violations)
            tally.negative += sum("below zero" in v.detail for v in item.violations)


# -- the table ----------------------------------------------------------------------------------

def table(results: list[Result]) -> str:
    lines = ["| probe | database | attempts | accepted | overspent | drift | kills | lost | "
             "raw errors | correct is | result | s |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|"]
    for r in results:
        lines.append(f"| {r.probe} | {r.database} | {r.attempts:,} | {r.accepted:,} | "
                     f"{r.overspent} | {r.drift} | {r.kills} | {r.lost} | {r.errors} | "
                     f"{r.expected} | {'ok' if r.ok else '**FAILED**'} | {r.seconds:.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.cards_money")
    parser.add_argument("--pg", default=os.environ.get("FRONTDESK_TEST_PG_URL", ""),
                        help="a PostgreSQL URL whose database the probes may wipe")
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--only", choices=("charges", "crash"), help="run one of the two")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    backends = ([] if args.no_sqlite else [Backend("sqlite")]) + (
        [Backend("postgresql", args.pg)] if args.pg else [])
    results = []
    for backend in backends:
        runs = {"charges": concurrent_charges,
                "crash": lambda b: sigkill_while_charging(b, args.kills)}
        for name, run in runs.items():
            if args.only in (None, name):
                results.append(run(backend))
                print(table(results[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    out = table(results)
    print(out)
    (ROOT / "reliability-cards.md").write_text(out + "\n", encoding="utf-8")
    if args.readme:
        readme = ROOT / "README.md"
        words = readme.read_text(encoding="utf-8")
        start, end = words.index(BEGIN) + len(BEGIN), words.index(END)
        readme.write_text(words[:start] + "\n" + out + "\n" + words[end:], encoding="utf-8")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
