"""Benchmark: the day's closing report and ``frontdesk check`` over a big card ledger.

The database (:mod:`tests.bench.cards_ledger`): 10,000,000 ledger rows, 500,000 cards,
a year of days, made once and kept in bench-data/. FrontDesk: the service calls as the
program makes them (the report audited, the check audited), as the ledger's admin.
The floors, in the same run: the same statements run bare with ``sqlite3`` (or psycopg
on PostgreSQL), without SQLAlchemy, the audit row or Python objects: for the report,
the cached sums, the ledger after the day and the day's sums by kind and by method;
for the check, ``integrity_check`` and the grouped comparisons.

Days measured: the ledger's last day (a closing report is made at the end of the day:
the ledger after it is empty) and a day in the middle of the year (the worst case:
half the ledger lies on the smaller side of it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from frontdesk.core.context import local_day_bounds, system_clock
from frontdesk.db import Database
from frontdesk.services.cards.check import (
    _CARDS,
    _POINTS,
    _POINTS_WITHOUT_ACCOUNT,
    _VISITS,
    _VOUCHERS,
)
from frontdesk.services.registry import Services
from tests.bench.cards_ledger import END, PASSWORD, open_bench
from tests.bench.stats import Row, Timing, markdown_table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--card-entries", type=int, default=10_000_000,
                        help="ledger rows of the cards benchmark (default 10,000,000)")
    parser.add_argument("--card-cards", type=int, default=500_000,
                        help="cards of the cards benchmark (default 500,000)")
    parser.add_argument("--report-runs", type=int, default=20)
    parser.add_argument("--check-runs", type=int, default=3)
    parser.add_argument("--card-pg", metavar="URL", default="",
                        help="also on this PostgreSQL database (it is wiped and filled)")
    parser.add_argument("--card-pg-only", action="store_true", help="PostgreSQL only")


def _times(name: str, call: Callable[[], object], runs: int, warmup: int = 1) -> Timing:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(name, tuple(samples))


def _report_floor(run: Callable[[str, dict[str, object]], object], sqlite: bool,
                  day: dt.date) -> Callable[[], object]:
    """The closing report's statements, bare."""
    start, end = local_day_bounds(day)
    fmt = (lambda t: t.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")) if sqlite \
        else (lambda t: t)
    p = {"b": 1, "s": fmt(start), "e": fmt(end)}
    statements = [
        "SELECT MIN(at) FROM card_entry WHERE branch_id = :b",
        "SELECT MAX(at) FROM card_entry WHERE branch_id = :b",
        "SELECT SUM(paid_fen), SUM(bonus_fen), SUM(sessions) FROM member_card WHERE branch_id = :b",
        "SELECT SUM(points) FROM points_account WHERE branch_id = :b",
        "SELECT SUM(paid_fen), SUM(bonus_fen), SUM(sessions), SUM(points) FROM card_entry "
        "WHERE branch_id = :b AND at >= :e",
        "SELECT o.kind, SUM(e.paid_fen), SUM(e.bonus_fen), SUM(e.sessions), SUM(e.points), "
        "SUM(CASE WHEN e.points > 0 THEN e.points ELSE 0 END), "
        "SUM(CASE WHEN e.points < 0 THEN -e.points ELSE 0 END) FROM card_entry e "
        "JOIN card_operation o ON o.id = e.operation_id "
        "WHERE e.branch_id = :b AND e.at >= :s AND e.at < :e GROUP BY o.kind",
        "SELECT kind, COUNT(id) FROM card_operation WHERE branch_id = :b AND at >= :s "
        "AND at < :e GROUP BY kind",
        "SELECT kind, method, COUNT(id), SUM(money_fen) FROM card_operation WHERE branch_id = :b "
        "AND at >= :s AND at < :e AND money_fen <> 0 GROUP BY kind, method",
        "SELECT o.kind, COUNT(DISTINCT v.id), SUM(v.value_fen) FROM card_entry e "
        "JOIN card_operation o ON o.id = e.operation_id JOIN voucher v ON v.id = e.voucher_id "
        "WHERE e.branch_id = :b AND e.at >= :s AND e.at < :e GROUP BY o.kind",
    ]
    return lambda: [run(sql, p) for sql in statements]


def _check_floor(run: Callable[[str, dict[str, object]], object],
                 sqlite: bool) -> Callable[[], object]:
    statements = ([] if not sqlite else ["PRAGMA integrity_check"]) + [
        _CARDS, "SELECT COUNT(*) FROM member_card", _POINTS, _POINTS_WITHOUT_ACCOUNT,
        "SELECT COUNT(*) FROM points_account", _VISITS,
        "SELECT COUNT(*) FROM visit WHERE status = 'closed'", _VOUCHERS,
        "SELECT COUNT(*) FROM voucher"]
    return lambda: [run(sql, {}) for sql in statements]


def _sqlite_runner(db: Database) -> Callable[[str, dict[str, object]], object]:
    conn = sqlite3.connect(db.file)

    def run(sql: str, params: dict[str, object]) -> object:
        return conn.execute(sql, params).fetchall()
    return run


def _pg_runner(db: Database) -> Callable[[str, dict[str, object]], object]:
    import psycopg

    conn = psycopg.connect(db.url.replace("postgresql+psycopg://", "postgresql://"),
                           autocommit=True)

    def run(sql: str, params: dict[str, object]) -> object:
        with conn.cursor() as cur:
            cur.execute(sql.replace(":b", "%(b)s").replace(":s", "%(s)s").replace(":e", "%(e)s"),
                        params)
            return cur.fetchall()
    return run


def _measure(db: Database, args: argparse.Namespace, name: str) -> str:
    services = Services(db, system_clock, photos_dir=Path("/nonexistent"))
    admin = services.auth.sign_in("admin", PASSWORD)
    run = _sqlite_runner(db) if db.is_sqlite else _pg_runner(db)
    last = (END - dt.timedelta(seconds=1)).astimezone().date()
    middle = last - dt.timedelta(days=182)
    rows = []
    for label, day in (("closing report, the last day", last),
                       ("closing report, mid-year", middle)):
        ours = _times(label, lambda d=day: services.card_report.closing(admin, d),
                      args.report_runs)
        floor = _times(label, _report_floor(run, db.is_sqlite, day), args.report_runs)
        rows.append(Row(label, ours, floor))
    report = services.card_report.closing(admin, last)
    check = _times("check", lambda: services.card_report.check(admin), args.check_runs, 0)
    check_floor = _times("check", _check_floor(run, db.is_sqlite), args.check_runs, 0)
    rows.append(Row("frontdesk check (the service)", check, check_floor))
    with db.engine.connect() as conn:
        entries = conn.execute(text("SELECT COUNT(*) FROM card_entry")).scalar_one()
        cards = conn.execute(text("SELECT COUNT(*) FROM member_card")).scalar_one()
    table = markdown_table(f"Member cards over {entries:,} ledger rows, {cards:,} cards "
                           f"({name})", rows)
    return (f"{table}\n\n- closing report of {last}: reconciles = {report.reconciles}; "
            f"{sum(line.operations for line in report.lines):,} operations that day; "
            f"closing paid {report.closing.paid_fen:,} fen, bonus {report.closing.bonus_fen:,} "
            f"fen\n- the check found {services.card_report.check(admin).found} violations")


def run(args: argparse.Namespace) -> str:
    started = time.perf_counter()
    sections = []
    if not args.card_pg_only:
        db = open_bench(args.card_entries, args.card_cards)
        sections.append(_measure(db, args, "SQLite"))
        db.dispose()
    if args.card_pg:
        pg = open_bench(args.card_entries, args.card_cards, args.card_pg)
        sections.append(_measure(pg, args, "PostgreSQL"))
        pg.dispose()
    took = time.perf_counter() - started
    return "\n\n".join(sections) + f"\n\n(the cards benchmark took {took:.0f} s)"
