"""Benchmark: a check-out paid by member card, beside the floor of its ledger write in raw SQL.

``python -m tests.bench card_checkout [--checkouts N]``

A fresh SQLite store (a temporary file, the desk's own settings: WAL, synchronous=FULL)
gets a stored-value card with enough money and ``N`` visits in service. Each check-out
is timed through :meth:`CheckoutService.check_out` as the desk calls it (one facial,
paid in full by the card: the visit, its client and room locked, the line priced, the
tier discount quoted, the card charged through the ledger, points earned, the line,
payment, audit rows and key written, one transaction). The floor, alternating with it
in the same run and on the same file, is the ledger's own write in raw SQL with the
bare :mod:`sqlite3` driver: ``BEGIN IMMEDIATE``, the same guarded ``UPDATE member_card
… WHERE paid_fen + :d >= 0``, the ``card_operation`` and ``card_entry`` INSERTs,
``COMMIT``. Target: p95 ≤ 2× the floor's p95.

With ``FRONTDESK_BENCH_PG_URL`` set, the same is measured on PostgreSQL (the store is
made in a schema of its own there and dropped afterwards), the floor with psycopg.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from frontdesk.core.context import Actor, system_clock
from frontdesk.db import Database
from frontdesk.migrate import upgrade
from frontdesk.models.card import CardKind, CardProduct
from frontdesk.models.visit import LineKind
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.bench.search_pg import URL_VARIABLE
from tests.bench.stats import Row, Timing, markdown_table

FACIAL_FEN = 38_000
TARGET_RATIO = 2.0
PASSWORD = "bench-pass-2026"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checkouts", type=int, default=300,
                        help="check-outs paid by card in the card benchmark (default 300)")


def run(args: argparse.Namespace) -> str:
    sections = []
    with tempfile.TemporaryDirectory(prefix="fd-bench-cards-") as folder:
        path = Path(folder) / "cards.sqlite3"
        db = Database(f"sqlite:///{path}")
        try:
            raw = sqlite3.connect(path, isolation_level=None)
            raw.execute("PRAGMA synchronous=FULL")  # as the desk's connections (frontdesk.db)
            raw.execute("PRAGMA foreign_keys=ON")
            sections.append(_measure("SQLite", db, _sqlite_floor(raw), args.checkouts))
            raw.close()
        finally:
            db.dispose()
    url = os.environ.get(URL_VARIABLE)
    title = "Check-out paid by member card, PostgreSQL"
    if not url:
        sections.append(f"### {title}\n\nSkipped: {URL_VARIABLE} is not set.")
    else:
        with _pg_schema(url) as (scoped, raw_pg):
            db = Database(scoped)
            try:
                sections.append(_measure("PostgreSQL", db, _pg_floor(raw_pg), args.checkouts))
            finally:
                db.dispose()
    return "\n\n".join(sections)


Floor = Callable[[int, int, int], None]
"""One raw ledger write: (card id, branch id, amount in fen)."""


def _sqlite_floor(raw: sqlite3.Connection) -> Floor:
    def write(card_id: int, branch_id: int, amount: int) -> None:
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        raw.execute("BEGIN IMMEDIATE")
        done = raw.execute("UPDATE member_card SET paid_fen = paid_fen - ?, version = version + 1 "
                           "WHERE id = ? AND paid_fen - ? >= 0", (amount, card_id, amount))
        assert done.rowcount == 1
        op = raw.execute("INSERT INTO card_operation (branch_id, idempotency_key, kind, at, "
                         "card_id, money_fen, reason, reference) VALUES (?, ?, 'charge', ?, ?, 0, "
                         "'', '')", (branch_id, uuid.uuid4().hex, now, card_id)).lastrowid
        raw.execute("INSERT INTO card_entry (operation_id, branch_id, at, card_id, paid_fen, "
                    "bonus_fen, sessions, points) VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                    (op, branch_id, now, card_id, -amount))
        raw.execute("COMMIT")
    return write


def _pg_floor(raw: psycopg.Connection) -> Floor:
    def write(card_id: int, branch_id: int, amount: int) -> None:
        now = dt.datetime.now(dt.UTC)
        with raw.transaction():
            done = raw.execute("UPDATE member_card SET paid_fen = paid_fen - %s, "
                               "version = version + 1 WHERE id = %s AND paid_fen - %s >= 0",
                               (amount, card_id, amount))
            assert done.rowcount == 1
            [(op,)] = raw.execute(
                "INSERT INTO card_operation (branch_id, idempotency_key, kind, at, card_id, "
                "money_fen, reason, reference) VALUES (%s, %s, 'charge', %s, %s, 0, '', '') "
                "RETURNING id", (branch_id, uuid.uuid4().hex, now, card_id)).fetchall()
            raw.execute("INSERT INTO card_entry (operation_id, branch_id, at, card_id, paid_fen, "
                        "bonus_fen, sessions, points) VALUES (%s, %s, %s, %s, %s, 0, 0, 0)",
                        (op, branch_id, now, card_id, -amount))
    return write


@contextmanager
def _pg_schema(url: str) -> Iterator[tuple[str, psycopg.Connection]]:
    """A schema of its own on the benchmark's PostgreSQL database, dropped afterwards."""
    schema = f"bench_cards_{uuid.uuid4().hex[:8]}"
    parsed = make_url(url)
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = parsed.update_query_dict({"options": f"-csearch_path={schema}"})
    raw_url = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    raw = psycopg.connect(raw_url, autocommit=True, options=f"-csearch_path={schema}")
    try:
        yield scoped.render_as_string(hide_password=False), raw
    finally:
        raw.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _store(db: Database, checkouts: int) -> tuple[Services, Actor, list[int], int, str, int]:
    """A store with a card holding enough for every check-out and the floor, and visits."""
    upgrade(db)
    services = Services(db, system_clock, photos_dir=Path(tempfile.gettempdir()))
    admin = services.store.initialise("基准门店", "admin", "管理员", PASSWORD)
    facial = services.catalog.add_service_item(admin, "面部护理", FACIAL_FEN).id
    with db.write() as s:
        product = CardProduct(branch_id=admin.branch_id, kind=CardKind.STORED_VALUE,
                              name="储值卡")
        s.add(product)
        s.flush()
        product_id = product.id
    owner = services.clients.register(admin, NewClient("王芳", "13800000000")).client_id
    card = services.cards.issue(admin, client_id=owner, product_id=product_id, method="cash",
                                amount_fen=FACIAL_FEN * checkouts * 3, key="bench").card
    visits = []
    for i in range(checkouts + 3):
        client = services.clients.register(admin, NewClient(f"客人{i}", f"139{i:08d}")).client_id
        with db.write() as s:
            s.execute(text("INSERT INTO card_holder (card_id, client_id, relation, added_at) "
                           "VALUES (:card, :client, '', :at)"),
                      {"card": card.id, "client": client, "at": dt.datetime.now(dt.UTC)})
        visit = services.visits.check_in(admin, CheckIn(client))
        services.visits.start_service(admin, visit, None, None)
        visits.append(visit)
    return services, admin, visits, facial, card.card_no, card.id


def _measure(label: str, db: Database, floor: Floor, checkouts: int) -> str:
    """Card check-outs, cash check-outs (for scale) and the floor, taking turns."""
    services, admin, visits, facial, card_no, card_id = _store(db, checkouts)
    lines = [LineInput(LineKind.SERVICE, facial)]
    member_price = services.checkout.quote(admin, visits[0], lines, [card_no]).total_fen
    by_card = [PaymentInput("member_card", member_price, card_no)]  # the owner's tier's price
    in_cash = [PaymentInput("cash", FACIAL_FEN)]
    card, cash, bare = [], [], []
    for i, visit in enumerate(visits):
        pay, samples = (by_card, card) if i % 2 else (in_cash, cash)
        start = time.perf_counter()
        services.checkout.check_out(admin, visit, lines, pay, f"bench-{visit}")
        took = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        floor(card_id, admin.branch_id, FACIAL_FEN)
        floor_took = (time.perf_counter() - start) * 1000
        if i >= 4:  # warm-up
            samples.append(took)
            bare.append(floor_took)
    floor_timing = Timing("floor", tuple(bare))
    row = Row("check-out paid by card", Timing("card", tuple(card)), floor_timing)
    rows = [row, Row("check-out paid in cash (for scale)", Timing("cash", tuple(cash)),
                     floor_timing)]
    verdict = "meets" if row.ratio_p95 <= TARGET_RATIO else "misses"
    title = (f"Check-out paid by member card, {label} (floor: the guarded UPDATE and the two "
             "ledger INSERTs in raw SQL; card, cash and floor take turns in the same run)")
    return (markdown_table(title, rows) + f"\n\n- paid by card, p95 {row.ours.p95:.2f} ms is "
            f"{row.ratio_p95:.2f}× the floor's: {verdict} the target of ≤ {TARGET_RATIO:.0f}×.")
