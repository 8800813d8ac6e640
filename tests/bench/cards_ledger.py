"""A big card ledger for the benchmarks, made in SQL: ``python -m tests.bench.cards_ledger``.

A migrated database with a store (its admin ``admin``), ``cards`` clients each holding one
member card (every fifth a 10-session card, the rest stored-value cards), and a year of
operations spread evenly over the days before ``END``: top-ups (by cash, bank card, WeChat,
Alipay; one in five with an offer's bonus), charges at check-out (paid and bonus money in
proportion, or a session), refunds and manager corrections, with half the charges earning
points. Every card is issued (ISSUE, its opening deposit) at its first operation, with
a deposit large enough that no balance ever ends below zero; the cached balances and points
accounts are then the ledger's sums, as the ledger writes them.

Everything is made by ``INSERT … SELECT`` over a counter (a recursive CTE on SQLite,
``generate_series`` on PostgreSQL), with deterministic "random" values from a
multiplicative hash of the row number: no Python loop over rows. Indexes are built after
the rows are in. The database is kept in ``bench-data/`` and reused while its name (rows,
cards, :data:`VERSION`) matches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Table, text

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.migrate import upgrade
from frontdesk.models import Base
from frontdesk.services.registry import Services

VERSION = 1
END = dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.UTC)
"""Midnight in Shanghai starting 24 November 2026: the ledger's last day is the 23rd."""
DAYS = 365
PASSWORD = "bench-cards-2026"
METHODS = ("cash", "bank_card", "wechat", "alipay")


def bench_path(entries: int, cards: int) -> Path:
    return Path("bench-data") / f"cards-{entries}-{cards}-v{VERSION}.sqlite3"


def _h(expr: str, mult: int, mod: int) -> str:
    """A deterministic pseudo-random number in [0, mod) from the integer ``expr``."""
    return f"((({expr}) * {mult} + {mult // 7}) % {mod})"


def _literal(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def insert_select(conn: Connection, table: Table, values: dict[str, str], source: str) -> None:
    """``INSERT INTO table (…) SELECT …`` with ``values`` (SQL over ``source``) and every
    other NOT NULL column at its model default."""
    columns = dict(values)
    for col in table.columns:
        if col.name in columns or col.nullable or col.primary_key:
            continue
        default = col.default
        if default is None or not default.is_scalar:
            raise ValueError(f"{table.name}.{col.name} needs a value")
        columns[col.name] = _literal(default.arg)
    names = ", ".join(columns)
    conn.execute(text(f"INSERT INTO {table.name} ({names}) "
                      f"SELECT {', '.join(columns.values())} FROM {source}"))


class Dialect:
    """The few SQL pieces that differ between SQLite and PostgreSQL."""

    def __init__(self, sqlite: bool) -> None:
        self.sqlite = sqlite

    def counter(self, n: int) -> str:
        """A source of rows ``n`` = 1..count."""
        if self.sqlite:
            return (f"(WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                    f"WHERE n < {n}) SELECT n FROM c) AS seq")
        return f"generate_series(1::bigint, {n}) AS seq(n)"

    def at(self, seconds_before_end: str) -> str:
        """The UTC time ``seconds_before_end`` before :data:`END`, as the column stores it."""
        end = END.replace(tzinfo=None)
        if self.sqlite:
            return (f"strftime('%Y-%m-%d %H:%M:%S', '{end:%Y-%m-%d %H:%M:%S}', "
                    f"'-' || ({seconds_before_end}) || ' seconds') || '.000000'")
        return (f"(TIMESTAMPTZ '{end:%Y-%m-%d %H:%M:%S}+00' "
                f"- ({seconds_before_end}) * INTERVAL '1 second')")


def generate(db: Database, entries: int, cards: int, say: Callable[[str], None] = print,
             admin: Actor | None = None) -> None:
    """Fill a migrated ``db`` with a store (or ``admin``'s), ``cards`` clients and cards, and
    about ``entries`` ledger rows (no clients or cards there yet)."""
    tables = Base.metadata.tables
    if admin is None:
        services = Services(db, photos_dir=Path("/nonexistent"))
        admin = services.store.initialise("基准门店", "admin", "管理员", PASSWORD)
    d = Dialect(db.is_sqlite)
    # ops: 1 card entry each, half the charges (86 %) a points entry: entries ≈ 1.43 ops + cards
    ops = max(1, int((entries - cards) / 1.43))
    started = time.perf_counter()
    slow = [ix for name in ("card_operation", "card_entry") for ix in tables[name].indexes]
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA cache_size = -2000000")  # 2 GB while it fills
        for index in slow:
            index.drop(conn)
        _products(conn, tables, admin.branch_id)
        _clients(conn, d, tables, admin.branch_id, cards)
        _cards(conn, d, tables, admin.branch_id, cards)
        say(f"clients: {time.perf_counter() - started:.0f} s")
        _operations(conn, d, tables, admin.branch_id, admin.staff_id, ops, cards)
        say(f"operations and entries: {time.perf_counter() - started:.0f} s")
        _issues(conn, d, tables, admin.branch_id, admin.staff_id, ops, cards)
        for index in slow:
            index.create(conn)
        say(f"indexes: {time.perf_counter() - started:.0f} s")
        _balances(conn)
        say(f"cards and balances: {time.perf_counter() - started:.0f} s")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    say(f"done: {time.perf_counter() - started:.0f} s")


def _products(conn: Connection, tables: dict[str, Table], branch: int) -> None:
    insert_select(conn, tables["card_product"], {
        "branch_id": str(branch), "kind": "k", "name": "nm", "price_fen": "pr",
        "sessions": "se", "validity_days": "vd", "created_at": _literal(
            END.replace(tzinfo=None).isoformat(sep=" ") + ".000000")},
        "(SELECT 'stored_value' AS k, '储值卡' AS nm, 0 AS pr, 0 AS se, NULL AS vd "
        "UNION ALL SELECT 'session', '面部护理10次卡', 198000, 10, 365) AS p")


def _clients(conn: Connection, d: Dialect, tables: dict[str, Table], branch: int,
             cards: int) -> None:
    created = d.at(f"{DAYS * 86400} + {_h('n', 7919, 86400)}")
    insert_select(conn, tables["client"], {
        "id": "n", "branch_id": str(branch), "name": "'会员' || n",
        "phone_e164": f"'+86139' || {_pad('n', 8, d)}",
        "phone_last4": _pad("n % 10000", 4, d),
        "created_at": created, "updated_at": created}, d.counter(cards))


def _pad(expr: str, width: int, d: Dialect) -> str:
    if d.sqlite:
        return f"substr('{'0' * width}' || ({expr}), -{width}, {width})"
    return f"lpad(({expr})::text, {width}, '0')"


def _operations(conn: Connection, d: Dialect, tables: dict[str, Table], branch: int,
                staff: int, ops: int, cards: int) -> None:
    """``ops`` operations after the issues, evenly over the year, on cards at random."""
    card = f"(1 + {_h('n', 2654435761, cards)})"
    roll = _h("n", 40503, 100)
    session_card = f"({card} % 5 = 0)"
    kind = (f"CASE WHEN {roll} < 12 AND NOT {session_card} THEN 'top_up' "
            f"WHEN {roll} < 13 AND NOT {session_card} THEN 'refund' "
            f"WHEN {roll} < 14 THEN 'adjust' ELSE 'charge' END")
    money = _h("n", 7477, 50) + " * 1000 + 2000"   # ¥20 … ¥510
    seconds = f"({ops} - n) * {DAYS * 86400} / {ops}"
    conn.execute(text(
        f"CREATE TEMP TABLE gen AS SELECT n, {card} AS card_id, {kind} AS kind, "
        f"{session_card} AS sess, {money} AS fen, {roll} AS roll, {d.at(seconds)} AS at "
        f"FROM {d.counter(ops)}"))
    method = f"CASE kind WHEN 'top_up' THEN {_method('n')} WHEN 'refund' THEN 'cash' END"
    insert_select(conn, tables["card_operation"], {
        "id": "n", "branch_id": str(branch), "idempotency_key": "'bench-' || n",
        "kind": "kind", "at": "at", "staff_id": str(staff), "client_id": "card_id",
        "card_id": "card_id", "method": method,
        "money_fen": "CASE kind WHEN 'top_up' THEN fen * 10 WHEN 'refund' THEN -fen ELSE 0 END",
        "reason": "CASE WHEN kind IN ('refund', 'adjust') THEN '基准' ELSE '' END"}, "gen")
    paid = ("CASE WHEN sess THEN 0 WHEN kind = 'top_up' THEN fen * 10 WHEN kind = 'refund' "
            "THEN -fen WHEN kind = 'adjust' THEN 100 ELSE -(fen - fen / 10) END")
    bonus = ("CASE WHEN sess THEN 0 WHEN kind = 'top_up' AND roll % 5 = 0 THEN fen "
             "WHEN kind = 'charge' THEN -(fen / 10) ELSE 0 END")
    sessions = "CASE WHEN sess AND kind = 'charge' THEN -1 ELSE 0 END"
    insert_select(conn, tables["card_entry"], {
        "operation_id": "n", "branch_id": str(branch), "at": "at", "card_id": "card_id",
        "client_id": "card_id", "paid_fen": paid, "bonus_fen": bonus, "sessions": sessions,
        "points": "0"}, "gen")
    insert_select(conn, tables["card_entry"], {
        "operation_id": "n", "branch_id": str(branch), "at": "at", "client_id": "card_id",
        "points": "fen / 100"}, "gen WHERE kind = 'charge' AND n % 2 = 0")
    conn.execute(text("DROP TABLE gen"))


def _method(n: str) -> str:
    cases = " ".join(f"WHEN {i} THEN '{m}'" for i, m in enumerate(METHODS))
    return f"CASE {_h(n, 131, len(METHODS))} {cases} END"


def _issues(conn: Connection, d: Dialect, tables: dict[str, Table], branch: int,
            staff: int, ops: int, cards: int) -> None:
    """Each card's ISSUE, at its first operation, with a deposit that keeps
    its balances at zero or more (the sums of its later entries, the deficit, plus ¥100)."""
    conn.execute(text(
        "CREATE TEMP TABLE need AS SELECT card_id, MIN(at) AS first_at, "
        "SUM(paid_fen) AS paid, SUM(bonus_fen) AS bonus, SUM(sessions) AS sessions, "
        "MIN(operation_id) AS first_op FROM card_entry WHERE card_id IS NOT NULL "
        "GROUP BY card_id"))
    source = (f"(SELECT seq.n AS card, {ops} + seq.n AS op, "
              f"COALESCE(need.paid, 0) AS paid, COALESCE(need.bonus, 0) AS bonus, "
              f"COALESCE(need.sessions, 0) AS sessions, "
              f"COALESCE(need.first_at, {d.at(f'{DAYS * 86400}')}) AS first_at "
              f"FROM {d.counter(cards)} LEFT JOIN need ON need.card_id = seq.n) AS i")
    stored = "card % 5 <> 0"
    deposit_paid = (f"CASE WHEN {stored} THEN (CASE WHEN paid < 0 THEN -paid ELSE 0 END) "
                    "+ 10000 ELSE 0 END")
    deposit_bonus = "CASE WHEN bonus < 0 THEN -bonus ELSE 0 END"
    deposit_sessions = "CASE WHEN sessions < 0 THEN -sessions ELSE 0 END + 10"
    at = "first_at"
    insert_select(conn, tables["card_operation"], {
        "id": "op", "branch_id": str(branch), "idempotency_key": "'bench-issue-' || card",
        "kind": "'issue'", "at": at, "staff_id": str(staff), "client_id": "card",
        "card_id": "card", "method": _method("card"),
        "money_fen": f"{deposit_paid} + CASE WHEN {stored} THEN 0 ELSE 198000 END"}, source)
    insert_select(conn, tables["card_entry"], {
        "operation_id": "op", "branch_id": str(branch), "at": at, "card_id": "card",
        "client_id": "card", "paid_fen": deposit_paid, "bonus_fen": deposit_bonus,
        "sessions": f"CASE WHEN {stored} THEN 0 ELSE {deposit_sessions} END", "points": "0"},
        source)
    conn.execute(text("DROP TABLE need"))


def _cards(conn: Connection, d: Dialect, tables: dict[str, Table], branch: int,
           cards: int) -> None:
    """One card a client, every fifth a session card; balances 0 until :func:`_balances`."""
    insert_select(conn, tables["member_card"], {
        "id": "n", "branch_id": str(branch), "client_id": "n",
        "product_id": "CASE WHEN n % 5 = 0 THEN 2 ELSE 1 END",
        "card_no": f"'88' || {_pad('n', 8, d)}", "issued_at": d.at(str(DAYS * 86400)),
        "paid_fen": "0", "bonus_fen": "0", "sessions": "0"}, d.counter(cards))


def _balances(conn: Connection) -> None:
    """The cached balances and points accounts: the ledger's sums, as the ledger keeps them."""
    conn.execute(text(
        "CREATE TEMP TABLE sums AS SELECT card_id, SUM(paid_fen) AS paid, "
        "SUM(bonus_fen) AS bonus, SUM(sessions) AS sessions, MIN(at) AS issued "
        "FROM card_entry WHERE card_id IS NOT NULL GROUP BY card_id"))
    conn.execute(text(
        "UPDATE member_card SET paid_fen = sums.paid, bonus_fen = sums.bonus, "
        "sessions = sums.sessions, issued_at = sums.issued FROM sums "
        "WHERE sums.card_id = member_card.id"))
    conn.execute(text("DROP TABLE sums"))
    conn.execute(text(
        "INSERT INTO points_account (client_id, branch_id, points, version) "
        "SELECT client_id, MIN(branch_id), SUM(points), 1 FROM card_entry WHERE points <> 0 "
        "GROUP BY client_id"))


def open_bench(entries: int, cards: int, url: str | None = None,
               say: Callable[[str], None] = print) -> Database:
    """The benchmark database (SQLite in bench-data/, or ``url``), made when missing."""
    if url:
        db = Database(url)
        with db.engine.connect() as conn:
            n = conn.execute(text("SELECT to_regclass('card_entry') IS NOT NULL")).scalar()
            have = conn.execute(text("SELECT COUNT(*) FROM card_entry")).scalar() if n else 0
        if have and abs(have - entries) < entries // 10:
            return db
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(db)
        generate(db, entries, cards, say)
        return db
    path = bench_path(entries, cards)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_name("building-" + path.name)
        for leftover in building.parent.glob(building.name + "*"):
            leftover.unlink()
        db = Database(f"sqlite:///{building}")
        upgrade(db)
        generate(db, entries, cards, say)
        db.dispose()
        building.rename(path)
    return Database(f"sqlite:///{path}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.cards_ledger")
    parser.add_argument("--entries", type=int, default=10_000_000)
    parser.add_argument("--cards", type=int, default=500_000)
    parser.add_argument("--pg", metavar="URL", help="fill this PostgreSQL database instead")
    args = parser.parse_args()
    started = time.perf_counter()
    db = open_bench(args.entries, args.cards, args.pg)
    with db.engine.connect() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM card_entry")).scalar()
    print(f"{n:,} ledger rows ready in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
